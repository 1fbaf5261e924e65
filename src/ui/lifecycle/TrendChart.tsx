import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { STAGE_COLORS } from './stageColors';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Members per stage at each month end, stacked so the base's size and mix read together. */
export default function TrendChart({ dates, series }: { dates: string[]; series: { stage: string; label: string; counts: number[] }[] }) {
  const el = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([dates, series]);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 48, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: dates.map((d) => d.slice(0, 7)), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 11 } },
      series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.label, data: s.counts, itemStyle: { color: STAGE_COLORS[s.stage] }, barMaxWidth: 36 })),
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the figures
  }, [key]);
  return <div ref={el} className="lc-trend" data-testid="trend-chart" />;
}
