import { useChart } from '../charts/useChart';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Persona } from '../../engine/engineClient';

// Only what the persona draws, so the lazy chunk stays small.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Pairs = [string, number][];
const COLORS = ['#1f4e79', '#4f81b3', '#7fa9d3', '#e0a43a', '#c0504d', '#5b9b6b', '#8064a2', '#9aa5b1'];

function Chart({ title, pairs, kind = 'bar', horizontal = false, testId }: { title: string; pairs: Pairs; kind?: 'bar' | 'pie'; horizontal?: boolean; testId: string }) {
  // Redraw when the figures change, not on every render (the pairs array is rebuilt each time).
  const el = useChart(JSON.stringify([pairs, kind, horizontal]), () => {
    const labels = pairs.map((p) => p[0]);
    const values = pairs.map((p) => p[1]);
    return kind === 'pie'
        ? {
            color: COLORS,
            tooltip: { trigger: 'item' },
            series: [{ type: 'pie', radius: ['40%', '70%'], data: pairs.map(([name, value]) => ({ name, value })), label: { formatter: '{b}\n{d}%', fontSize: 11 } }],
          }
        : {
            color: COLORS,
            tooltip: { trigger: 'axis' },
            grid: { left: horizontal ? 84 : 40, right: 12, top: 12, bottom: horizontal ? 20 : 40 },
            [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: labels, inverse: horizontal, axisLabel: { fontSize: 11, interval: 0, rotate: horizontal || labels.length < 6 ? 0 : 30 } },
            [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', axisLabel: { fontSize: 11 } },
            series: [{ type: 'bar', data: values, barMaxWidth: 28 }],
          };
  });
  return (
    <figure className="aud-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={el} className="aud-chart-canvas" />
    </figure>
  );
}

const top = (r: Record<string, number>, n: number): Pairs =>
  Object.entries(r)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);

/** The persona of an audience (domain §5): gender, level, recency, frequency, AOV, age, region… */
export default function PersonaCharts({ persona: p }: { persona: Persona }) {
  const { t } = useTranslation();
  // Bucket names are figures ('0-30', '1000+') except a few words (never, none, unknown).
  const buckets = (l: { bucket: string; count: number }[]): Pairs => l.map((b) => [t(`audiences.persona.bucket.${b.bucket}`, { defaultValue: b.bucket }), b.count]);
  const label = (group: string, r: Record<string, number>): Pairs => Object.entries(r).map(([k, v]) => [t(`${group}.${k}`, { defaultValue: k }), v]);
  const charts: { key: string; title: string; pairs: Pairs; kind?: 'pie'; horizontal?: boolean }[] = [
    { key: 'gender', title: t('audiences.persona.gender'), pairs: label('data.gender', p.gender), kind: 'pie' },
    { key: 'lifecycle', title: t('audiences.persona.lifecycle'), pairs: label('rules.stage', p.lifecycle) },
    { key: 'recency', title: t('audiences.persona.recency'), pairs: buckets(p.recencyDays) },
    { key: 'frequency', title: t('audiences.persona.frequency'), pairs: buckets(p.frequency) },
    { key: 'aov', title: t('audiences.persona.aov'), pairs: buckets(p.aov) },
    { key: 'spend', title: t('audiences.persona.spend'), pairs: buckets(p.spend) },
    { key: 'age', title: t('audiences.persona.age'), pairs: buckets(p.age) },
    { key: 'level', title: t('audiences.persona.level'), pairs: Object.entries(p.level).map(([k, v]) => [t('data.levelN', { n: k }), v]) },
    { key: 'region', title: t('audiences.persona.region'), pairs: top(p.region, 10), horizontal: true },
    { key: 'platform', title: t('audiences.persona.platform'), pairs: label('data.platform', p.platform), horizontal: true },
    { key: 'wecom', title: t('audiences.persona.wecom'), pairs: [[t('audiences.persona.yes'), p.wecomFriend.yes], [t('audiences.persona.no'), p.wecomFriend.no]], kind: 'pie' },
    { key: 'touches', title: t('audiences.persona.touches'), pairs: p.touches.map((x) => [t(`data.channel.${x.channel}`, { defaultValue: x.channel }), x.count]), horizontal: true },
  ];
  return (
    <div className="aud-charts">
      {charts.map((c) => (
        <Chart key={c.key} testId={`persona-${c.key}`} title={c.title} pairs={c.pairs} kind={c.kind} horizontal={c.horizontal} />
      ))}
    </div>
  );
}
