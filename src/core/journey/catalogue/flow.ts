import { CHANNELS } from '../../model/common';
import { CHANNEL_LABELS, durationFields, type Branch } from '../fields';
import { L, type Text } from '../text';
import { defineNode, minutesOf, num, str, strOrNull } from './define';
import { STAGE_OPTIONS, WAIT_EVENTS, optionLabel } from './events';
import type { NodeProblem, Port } from './types';

const UNIT = { minutes: L('min', '分钟'), hours: L('h', '小时'), days: L('d', '天'), weeks: L('wk', '周') } as const;
const dur = (c: Record<string, unknown>, lang: 'en' | 'zh') => `${num(c.amount)} ${(UNIT[str(c.unit) as keyof typeof UNIT] ?? UNIT.days)[lang]}`;

export const branchesOf = (v: unknown): Branch[] => (Array.isArray(v) ? (v as Branch[]) : []);
export const branchPort = (b: Branch): Port => ({ id: `b:${b.id}`, label: L(b.label || b.id, b.label || b.id) });

export const wait = defineNode({
  type: 'flow.wait',
  category: 'flow',
  icon: 'wait',
  title: L('Wait', '等待'),
  description: L('Hold members for a while, until a date, or until the time they respond best.', '等待一段时间、到某个日期，或到会员最佳响应时间。'),
  fields: {
    mode: {
      kind: 'enum',
      label: L('Wait', '等待方式'),
      default: 'duration',
      options: [
        { value: 'duration', label: L('For a duration', '一段时间') },
        { value: 'until_date', label: L('Until a date', '直到某日') },
        { value: 'best_time', label: L("Until the member's best time", '直到会员最佳时间') },
      ],
    },
    ...Object.fromEntries(Object.entries(durationFields(1, 'days')).map(([k, f]) => [k, { ...f, when: { field: 'mode', is: ['duration'] } }])),
    date: { kind: 'date', label: L('Until', '直到'), default: null, required: true, when: { field: 'mode', is: ['until_date'] } },
    time: { kind: 'time', label: L('At', '时间'), default: '10:00', when: { field: 'mode', is: ['until_date'] } },
  },
  delays: true,
  summary: (c, lang) =>
    c.mode === 'until_date' ? `→ ${str(c.date)} ${str(c.time)}` : c.mode === 'best_time' ? L('best time', '最佳时间')[lang] : dur(c, lang),
  compile: (c, cx) =>
    c.mode === 'until_date'
      ? { k: 'waitUntil', day: cx.day(c.date), minute: cx.minute(c.time) }
      : c.mode === 'best_time'
        ? { k: 'waitBestTime' }
        : { k: 'wait', minutes: minutesOf(c) },
});

export const waitEvent = defineNode({
  type: 'flow.waitEvent',
  category: 'flow',
  icon: 'waitEvent',
  title: L('Wait for event', '等待事件'),
  description: L('Wait until the member does something, or give up after a timeout.', '等待会员完成某个行为，超时后走另一条路径。'),
  fields: {
    event: { kind: 'enum', label: L('Event', '事件'), default: 'order_placed', options: WAIT_EVENTS },
    tag: { kind: 'tag', label: L('Tag', '标签'), required: true, allowNew: true, when: { field: 'event', is: ['tag_added'] } },
    ...Object.fromEntries(Object.entries(durationFields(7, 'days')).map(([k, f]) => [k, { ...f, label: k === 'amount' ? L('Timeout after', '超时时长') : f.label }])),
  },
  delays: true,
  outputs: () => [
    { id: 'event', label: L('Did it', '已发生') },
    { id: 'timeout', label: L('Timed out', '超时') },
  ],
  summary: (c, lang) => `${optionLabel(WAIT_EVENTS, c.event, lang)} ≤ ${dur(c, lang)}`,
  compile: (c) => ({ k: 'waitEvent', event: str(c.event), tag: c.event === 'tag_added' ? strOrNull(c.tag) : null, timeoutMinutes: minutesOf(c) }),
});

export const condition = defineNode({
  type: 'flow.condition',
  category: 'flow',
  icon: 'split',
  title: L('Condition split', '条件分支'),
  description: L('Members matching a rule take “yes”, the others “no”.', '满足条件的会员走“是”，其余走“否”。'),
  fields: { rule: { kind: 'rule', label: L('Condition', '条件'), required: true } },
  outputs: () => [
    { id: 'yes', label: L('Yes', '是') },
    { id: 'no', label: L('No', '否') },
  ],
  compile: (c, cx) => ({ k: 'condition', rule: cx.rule(c.rule) }),
});

const SPLIT_BY = [
  { value: 'tagGroup', label: L('Tag group', '标签组') },
  { value: 'stage', label: L('Lifecycle stage', '生命周期阶段') },
  { value: 'region', label: L('Region (LBS)', '地区（LBS）') },
  { value: 'channel', label: L('Preferred channel', '偏好渠道') },
] as const;

export const multiSplit = defineNode({
  type: 'flow.multiSplit',
  category: 'flow',
  icon: 'multiSplit',
  title: L('Multi-split', '多路分支'),
  description: L('One branch per value: a tag of a group, a lifecycle stage, a region, a preferred channel; the rest take “other”.', '按取值分流：标签组中的标签、生命周期阶段、地区、偏好渠道；其余走“其他”。'),
  fields: {
    by: { kind: 'enum', label: L('Split by', '分流依据'), default: 'stage', options: SPLIT_BY },
    tagGroup: { kind: 'tagGroup', label: L('Tag group', '标签组'), required: true, when: { field: 'by', is: ['tagGroup'] } },
    branches: {
      kind: 'branches',
      label: L('Branches', '分支'),
      percent: false,
      min: 1,
      max: 12,
      default: STAGE_OPTIONS.slice(0, 3).map((o) => ({ id: o.value, label: o.label.en, value: o.value })),
    },
  },
  outputs: (c) => [...branchesOf(c.branches).map(branchPort), { id: 'else', label: L('Other', '其他') }],
  check: (c) => {
    const out: NodeProblem[] = [];
    const seen = new Set<string>();
    for (const b of branchesOf(c.branches)) {
      const v = (b.value ?? '').trim();
      if (!v) out.push({ code: 'branch-value-missing', field: 'branches', severity: 'error', message: L(`Branch “${b.label || b.id}” has no value to match.`, `分支“${b.label || b.id}”没有匹配值。`) });
      else if (seen.has(v)) out.push({ code: 'branch-value-twice', field: 'branches', severity: 'error', message: L(`Two branches match “${v}”.`, `两个分支都匹配“${v}”。`) });
      seen.add(v);
      if (v && c.by === 'stage' && !STAGE_OPTIONS.some((o) => o.value === v))
        out.push({ code: 'branch-value-unknown', field: 'branches', severity: 'error', message: L(`“${v}” is not a lifecycle stage.`, `“${v}”不是生命周期阶段。`) });
      if (v && c.by === 'channel' && !(CHANNELS as readonly string[]).includes(v))
        out.push({ code: 'branch-value-unknown', field: 'branches', severity: 'error', message: L(`“${v}” is not a channel.`, `“${v}”不是渠道。`) });
    }
    return out;
  },
  summary: (c, lang) => `${optionLabel(SPLIT_BY, c.by, lang)} · ${branchesOf(c.branches).length + 1}`,
  compile: (c) => ({
    k: 'multiSplit',
    by: (['tagGroup', 'stage', 'region', 'channel'] as const).find((b) => b === c.by) ?? 'stage',
    tagGroup: c.by === 'tagGroup' ? strOrNull(c.tagGroup) : null,
    branches: branchesOf(c.branches).map((b) => ({ port: branchPort(b).id, value: (b.value ?? '').trim() })),
  }),
});

function percentSum(branches: Branch[], extra = 0): number {
  return Math.round((branches.reduce((s, b) => s + (b.percent ?? 0), 0) + extra) * 100) / 100;
}
const sumProblem = (sum: number, what: Text): NodeProblem => ({
  code: 'split-not-100',
  field: 'branches',
  severity: 'error',
  message: L(`${what.en} add up to ${sum} %, not 100 %.`, `${what.zh}合计 ${sum}%，不是 100%。`),
});

export const randomSplit = defineNode({
  type: 'flow.random',
  category: 'flow',
  icon: 'random',
  title: L('Random split', '随机分流'),
  description: L('Send members down branches at random, by percentages that add up to 100.', '按比例随机分流，比例合计须为 100%。'),
  fields: {
    branches: {
      kind: 'branches',
      label: L('Branches', '分支'),
      percent: true,
      min: 2,
      max: 10,
      default: [
        { id: 'a', label: 'A', percent: 50 },
        { id: 'b', label: 'B', percent: 50 },
      ],
    },
  },
  outputs: (c) => branchesOf(c.branches).map(branchPort),
  check: (c) => {
    const sum = percentSum(branchesOf(c.branches));
    return sum === 100 ? [] : [sumProblem(sum, L('The branches', '各分支'))];
  },
  summary: (c) => branchesOf(c.branches).map((b) => `${b.label || b.id} ${b.percent ?? 0}%`).join(' · '),
  compile: (c) => ({ k: 'random', branches: branchesOf(c.branches).map((b) => ({ port: branchPort(b).id, percent: b.percent ?? 0 })) }),
});

export const abTest = defineNode({
  type: 'flow.ab',
  category: 'flow',
  icon: 'ab',
  title: L('A/B test', 'A/B 测试'),
  description: L('Variants and a control group that receives nothing; shares add up to 100.', '若干版本加一个不触达的对照组，比例合计 100%。'),
  fields: {
    branches: {
      kind: 'branches',
      label: L('Variants', '版本'),
      percent: true,
      min: 1,
      max: 8,
      default: [
        { id: 'a', label: 'A', percent: 45 },
        { id: 'b', label: 'B', percent: 45 },
      ],
    },
    controlPercent: { kind: 'percent', label: L('Control group', '对照组'), default: 10 },
  },
  outputs: (c) => [...branchesOf(c.branches).map(branchPort), { id: 'control', label: L('Control', '对照组') }],
  check: (c) => {
    const sum = percentSum(branchesOf(c.branches), num(c.controlPercent));
    return sum === 100 ? [] : [sumProblem(sum, L('Variants and control', '各版本与对照组'))];
  },
  summary: (c, lang) => `${branchesOf(c.branches).map((b) => `${b.label || b.id} ${b.percent ?? 0}%`).join(' · ')} · ${L('control', '对照')[lang]} ${num(c.controlPercent)}%`,
  compile: (c) => ({ k: 'ab', branches: branchesOf(c.branches).map((b) => ({ port: branchPort(b).id, percent: b.percent ?? 0 })), controlPercent: num(c.controlPercent) }),
});

export const goal = defineNode({
  type: 'flow.goal',
  category: 'flow',
  icon: 'goal',
  title: L('Goal', '目标'),
  description: L('A conversion check: members who meet the goal within the window take “met”, the rest “not met”.', '转化检查：在时间窗口内达成目标的会员走“达成”，其余走“未达成”。'),
  fields: {
    rule: { kind: 'rule', label: L('Converted when', '转化定义'), required: true },
    windowDays: { kind: 'int', label: L('Within', '时间窗口'), default: 7, min: 1, max: 365, unit: 'days' },
  },
  delays: true,
  outputs: () => [
    { id: 'met', label: L('Met', '达成') },
    { id: 'missed', label: L('Not met', '未达成') },
  ],
  summary: (c, lang) => `≤ ${num(c.windowDays)} ${L('days', '天')[lang]}`,
  compile: (c, cx) => ({ k: 'goal', rule: cx.rule(c.rule), windowDays: num(c.windowDays) }),
});

export const jump = defineNode({
  type: 'flow.jump',
  category: 'flow',
  icon: 'jump',
  title: L('Jump', '跳转'),
  description: L('Continue at another node of this journey.', '跳转到本旅程的另一个节点继续。'),
  fields: { target: { kind: 'node', label: L('Go to', '跳转到'), required: true } },
  outputs: () => [],
  // The compiler turns the target into this node's `next.next`.
  compile: () => ({ k: 'jump' }),
});

export const exit = defineNode({
  type: 'flow.exit',
  category: 'flow',
  icon: 'exit',
  title: L('Exit', '退出'),
  description: L('Members leave the journey here.', '会员在此离开旅程。'),
  fields: { reason: { kind: 'text', label: L('Reason (for reports)', '原因（用于报表）'), default: '', max: 200 } },
  outputs: () => [],
  summary: (c) => str(c.reason),
  compile: (c) => ({ k: 'exit', reason: str(c.reason) }),
});

export { CHANNEL_LABELS };
