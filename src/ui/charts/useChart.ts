import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

/**
 * An echarts instance on a div: drawn from `option()` when `key` (the figures, serialised)
 * changes — not on every render —, resized with its box, disposed on unmount. Callers register
 * the chart types they use with `echarts.use`; import this only from lazily loaded chunks.
 */
export function useChart(key: string, option: () => echarts.EChartsCoreOption) {
  const el = useRef<HTMLDivElement>(null);
  const draw = useRef(option);
  draw.current = option;
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption(draw.current());
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [key]);
  return el;
}
