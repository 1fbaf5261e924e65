import * as echarts from 'echarts/core';
import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useChart } from '../charts/useChart';
import { STAGE_COLORS } from './stageColors';

// Only the Sankey, so this lazy chunk stays small.
echarts.use([SankeyChart, TooltipComponent, CanvasRenderer]);


/**
 * Flows between two days as a Sankey: a stage's node on the left (first day) and on the right
 * (second day) are two nodes, so members who stay put are a straight band, not a loop.
 */
export default function FlowSankey({ states, labels, matrix, fromLabel, toLabel }: { states: readonly string[]; labels: Record<string, string>; matrix: number[][]; fromLabel: string; toLabel: string }) {
  const el = useChart(JSON.stringify([states, labels, matrix, fromLabel, toLabel]), () => {
    const left = (s: string) => `${labels[s]} · ${fromLabel}`;
    const right = (s: string) => `${labels[s]} · ${toLabel}`;
    const used = (i: number, side: 'row' | 'col') => (side === 'row' ? matrix[i].some((x) => x > 0) : matrix.some((r) => r[i] > 0));
    const nodes = [
      ...states.filter((_, i) => used(i, 'row')).map((s) => ({ name: left(s), itemStyle: { color: STAGE_COLORS[s] }, depth: 0 })),
      ...states.filter((_, i) => used(i, 'col')).map((s) => ({ name: right(s), itemStyle: { color: STAGE_COLORS[s] }, depth: 1 })),
    ];
    const links = matrix.flatMap((row, i) => row.map((v, j) => ({ source: left(states[i]), target: right(states[j]), value: v })).filter((l) => l.value > 0));
    return {
      tooltip: { trigger: 'item' },
      series: [{
        type: 'sankey', data: nodes, links, left: 8, right: 150, top: 8, bottom: 8, nodeWidth: 14, nodeGap: 10,
        emphasis: { focus: 'adjacency' }, lineStyle: { color: 'gradient', opacity: 0.35 }, label: { fontSize: 12 },
      }],
    };
  });
  return <div ref={el} className="lc-sankey" data-testid="flow-sankey" />;
}
