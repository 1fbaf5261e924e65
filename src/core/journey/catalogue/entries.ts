import { L } from '../text';
import { defineNode, num, str, strOrNull } from './define';
import { ENTRY_EVENTS, STAGE_OPTIONS, WEEKDAY_OPTIONS, optionLabel } from './events';

export const audienceEntry = defineNode({
  type: 'entry.audience',
  category: 'entry',
  icon: 'audience',
  title: L('Audience', '人群'),
  description: L('Members of a saved audience: everyone in it at the start, or each member when they join it.', '已保存人群的会员：开始时的全部成员，或每位新加入的成员。'),
  fields: {
    audienceId: { kind: 'audience', label: L('Audience', '人群'), required: true },
    mode: {
      kind: 'enum',
      label: L('Who enters', '进入方式'),
      default: 'snapshot',
      options: [
        { value: 'snapshot', label: L('Members at the start (snapshot)', '开始时的成员（快照）') },
        { value: 'join', label: L('Each member when they join', '成员加入时进入') },
      ],
    },
  },
  summary: (c, lang) => (c.mode === 'join' ? L('on joining', '加入时进入')[lang] : L('snapshot at start', '开始时快照')[lang]),
  compile: (c, cx) => ({ k: 'enterAudience', audienceId: str(c.audienceId), audienceName: cx.audienceName(str(c.audienceId)), mode: c.mode === 'join' ? 'join' : 'snapshot' }),
});

export const eventEntry = defineNode({
  type: 'entry.event',
  category: 'entry',
  icon: 'event',
  title: L('Event trigger', '事件触发'),
  description: L('A member enters when something happens: an order, a first purchase, a card claimed, a date reached.', '会员发生某事时进入：下单、首购、领卡、到达某个日期。'),
  fields: {
    event: { kind: 'enum', label: L('Event', '事件'), default: 'first_purchase', options: ENTRY_EVENTS },
    tag: { kind: 'tag', label: L('Tag', '标签'), required: true, allowNew: false, when: { field: 'event', is: ['tag_added', 'tag_removed'] } },
    stage: { kind: 'enum', label: L('New stage', '新阶段'), default: 'growth', options: STAGE_OPTIONS, when: { field: 'event', is: ['stage_changed'] } },
    daysBefore: { kind: 'int', label: L('Days before the birthday', '生日前天数'), default: 7, min: 0, max: 60, unit: 'days', when: { field: 'event', is: ['birthday'] } },
    monthAge: { kind: 'int', label: L('Baby month-age', '宝宝月龄'), default: 6, min: 0, max: 72, when: { field: 'event', is: ['baby_month_age'] } },
    week: { kind: 'int', label: L('Pregnancy week', '孕周'), default: 12, min: 1, max: 42, when: { field: 'event', is: ['pregnancy_week'] } },
    filter: { kind: 'rule', label: L('Only members who', '仅限满足条件的会员'), help: L('Optional: leave empty for everyone.', '可选：留空表示所有会员。'), required: false },
  },
  summary: (c, lang) => {
    const e = optionLabel(ENTRY_EVENTS, c.event, lang);
    if (c.event === 'tag_added' || c.event === 'tag_removed') return `${e}: ${str(c.tag)}`;
    if (c.event === 'baby_month_age') return `${e}: ${num(c.monthAge)}`;
    if (c.event === 'pregnancy_week') return `${e}: ${num(c.week)}`;
    if (c.event === 'stage_changed') return `${e}: ${optionLabel(STAGE_OPTIONS, c.stage, lang)}`;
    return e;
  },
  compile: (c, cx) => {
    const ev = str(c.event);
    const n = ev === 'birthday' ? num(c.daysBefore) : ev === 'baby_month_age' ? num(c.monthAge) : ev === 'pregnancy_week' ? num(c.week) : null;
    return {
      k: 'enterEvent',
      event: ev,
      tag: ev === 'tag_added' || ev === 'tag_removed' ? strOrNull(c.tag) : null,
      stage: ev === 'stage_changed' ? strOrNull(c.stage) : null,
      n,
      filter: c.filter ? cx.rule(c.filter) : null,
    };
  },
});

export const scheduleEntry = defineNode({
  type: 'entry.schedule',
  category: 'entry',
  icon: 'schedule',
  title: L('Schedule', '定时'),
  description: L('On a schedule, the members matching a rule enter: once, daily, weekly or monthly.', '按计划（一次、每天、每周、每月），满足条件的会员进入。'),
  fields: {
    frequency: {
      kind: 'enum',
      label: L('Runs', '频率'),
      default: 'once',
      options: [
        { value: 'once', label: L('Once', '一次') },
        { value: 'daily', label: L('Daily', '每天') },
        { value: 'weekly', label: L('Weekly', '每周') },
        { value: 'monthly', label: L('Monthly', '每月') },
      ],
    },
    date: { kind: 'date', label: L('First run on', '首次运行日期'), default: null, required: true },
    time: { kind: 'time', label: L('At', '时间'), default: '10:00' },
    weekday: { kind: 'enum', label: L('On', '星期'), default: '1', options: WEEKDAY_OPTIONS, when: { field: 'frequency', is: ['weekly'] } },
    dayOfMonth: { kind: 'int', label: L('Day of the month', '每月几号'), default: 1, min: 1, max: 28, when: { field: 'frequency', is: ['monthly'] } },
    rule: { kind: 'rule', label: L('Members who', '满足条件的会员'), required: true },
  },
  summary: (c, lang) => {
    const f = { once: L('once', '一次'), daily: L('daily', '每天'), weekly: L('weekly', '每周'), monthly: L('monthly', '每月') }[str(c.frequency) as 'once'];
    return `${f ? f[lang] : ''} ${str(c.time)}`.trim();
  },
  compile: (c, cx) => ({
    k: 'enterSchedule',
    frequency: (['once', 'daily', 'weekly', 'monthly'] as const).find((f) => f === c.frequency) ?? 'once',
    startDay: cx.day(c.date),
    minute: cx.minute(c.time),
    weekday: c.frequency === 'weekly' ? Number(c.weekday) : null,
    dayOfMonth: c.frequency === 'monthly' ? num(c.dayOfMonth) : null,
    rule: cx.rule(c.rule),
  }),
});
