import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useChart } from '../charts/useChart';
import { STAGE_COLORS } from './stageColors';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Members per stage at each month end, stacked so the base's size and mix read together. */
export default function TrendChart({ dates, series }: { dates: string[]; series: { stage: string; label: string; counts: number[] }[] }) {
  const el = useChart(JSON.stringify([dates, series]), () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      grid: { left: 48, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: dates.map((d) => d.slice(0, 7)), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 11 } },
      series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.label, data: s.counts, itemStyle: { color: STAGE_COLORS[s.stage] }, barMaxWidth: 36 })),
  }));
  return <div ref={el} className="lc-trend" data-testid="trend-chart" />;
}
