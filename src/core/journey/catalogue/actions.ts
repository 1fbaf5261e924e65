import type { Channel } from '../../model/common';
import { CHANNEL_LABELS, messageFields } from '../fields';
import { L } from '../text';
import { defineNode, num, str, touchStep } from './define';
import type { NodeProblem } from './types';

const firstLine = (c: Record<string, unknown>) => str(c.content).split('\n')[0].slice(0, 40);
const fixed = (ch: Channel) => () => ch;

export const wecom1v1 = defineNode({
  type: 'action.wecom1v1',
  category: 'action',
  icon: 'wecom',
  title: L('WeCom 1:1 message', '企微 1 对 1 消息'),
  description: L("Sent by the member's shop guide from WeCom.", '由会员的专属导购通过企业微信发送。'),
  fields: messageFields(0, 'Hi {{name}}, '),
  touch: fixed('wecom_1v1'),
  summary: firstLine,
  compile: (c, cx) => touchStep('wecom_1v1', c, cx),
});

export const wecomMoments = defineNode({
  type: 'action.wecomMoments',
  category: 'action',
  icon: 'moments',
  title: L('WeCom moments', '企微朋友圈'),
  description: L("A post in the guides' moments, seen by the members who are their friends.", '导购朋友圈发布，好友会员可见。'),
  fields: messageFields(0),
  touch: fixed('wecom_moments'),
  summary: firstLine,
  compile: (c, cx) => touchStep('wecom_moments', c, cx),
});

export const wecomGroup = defineNode({
  type: 'action.wecomGroup',
  category: 'action',
  icon: 'group',
  title: L('WeCom group invitation', '企微社群邀请'),
  description: L("Invite the member to a group; by LBS, the group and guide of the member's region.", '邀请会员入群；按 LBS 分配到会员所在地区的社群和导购。'),
  fields: {
    lbs: { kind: 'bool', label: L("The member's regional group and guide (LBS)", '按会员所在地区分配社群和导购（LBS）'), default: true },
    group: { kind: 'text', label: L('Group', '社群'), default: '', max: 200, required: true, when: { field: 'lbs', is: ['false'] } },
    ...messageFields(0, '{{name}}, join our members’ group for early offers.'),
  },
  touch: fixed('wecom_group'),
  summary: (c, lang) => (c.lbs ? L('regional group (LBS)', '地区社群（LBS）')[lang] : str(c.group)),
  compile: (c, cx) => touchStep('wecom_group', c, cx, { lbs: c.lbs === true, group: c.lbs ? null : str(c.group) }),
});

export const oaTemplate = defineNode({
  type: 'action.oaTemplate',
  category: 'action',
  icon: 'oa',
  title: L('Official-account template message', '公众号模板消息'),
  description: L('A template message to members who follow the official account.', '向关注公众号的会员发送模板消息。'),
  fields: {
    template: { kind: 'text', label: L('Template', '模板'), default: '', max: 200, required: true },
    ...messageFields(0),
  },
  touch: fixed('oa_template'),
  summary: (c) => str(c.template),
  compile: (c, cx) => touchStep('oa_template', c, cx, { template: str(c.template) }),
});

export const sms = defineNode({
  type: 'action.sms',
  category: 'action',
  icon: 'sms',
  title: L('SMS', '短信'),
  description: L('A text message to the member’s phone.', '发送短信到会员手机。'),
  fields: messageFields(0.05),
  touch: fixed('sms'),
  summary: firstLine,
  compile: (c, cx) => touchStep('sms', c, cx),
});

export const coupon = defineNode({
  type: 'action.coupon',
  category: 'action',
  icon: 'coupon',
  title: L('Mini-program coupon', '小程序优惠券'),
  description: L('Grant a coupon from a template: amount, threshold and validity.', '按模板发券：面额、门槛、有效期。'),
  fields: {
    name: { kind: 'text', label: L('Coupon', '券名称'), default: '', max: 100, required: true },
    amount: { kind: 'money', label: L('Amount', '面额'), default: 20, min: 0, max: 100000 },
    threshold: { kind: 'money', label: L('Minimum spend (0 = no threshold)', '使用门槛（0 = 无门槛）'), default: 0, min: 0, max: 1000000 },
    validityDays: { kind: 'int', label: L('Valid for', '有效期'), default: 365, min: 1, max: 3650, unit: 'days' },
    costPerTouch: { kind: 'money', label: L('Cost per grant', '单次发放成本'), default: 0, min: 0, max: 1000 },
  },
  touch: fixed('mp_coupon'),
  check: (c) => {
    const out: NodeProblem[] = [];
    if (num(c.amount) <= 0) out.push({ code: 'coupon-amount', field: 'amount', severity: 'error', message: L('The coupon needs an amount above 0.', '优惠券面额须大于 0。') });
    if (num(c.threshold) > 0 && num(c.threshold) < num(c.amount))
      out.push({ code: 'coupon-threshold', field: 'threshold', severity: 'warning', message: L('The minimum spend is below the coupon’s amount.', '使用门槛低于面额。') });
    return out;
  },
  summary: (c, lang) =>
    `${num(c.amount)}${num(c.threshold) > 0 ? ` / ${num(c.threshold)}` : ''} · ${num(c.validityDays)} ${L('days', '天')[lang]}`,
  compile: (c, cx) => ({ k: 'coupon', name: str(c.name), amountCents: cx.cents(c.amount), thresholdCents: cx.cents(c.threshold), validityDays: num(c.validityDays), costCents: cx.cents(c.costPerTouch) }),
});

export const points = defineNode({
  type: 'action.points',
  category: 'action',
  icon: 'points',
  title: L('Grant points', '发放积分'),
  description: L('Add loyalty points to the member’s account.', '为会员账户增加积分。'),
  fields: {
    points: { kind: 'int', label: L('Points', '积分'), default: 100, min: 1, max: 1000000, unit: 'points' },
    reason: { kind: 'text', label: L('Reason', '原因'), default: '', max: 200 },
    costPerTouch: { kind: 'money', label: L('Cost per grant', '单次发放成本'), default: 0, min: 0, max: 1000 },
  },
  summary: (c) => `+${num(c.points)}`,
  compile: (c, cx) => ({ k: 'points', points: num(c.points), reason: str(c.reason), costCents: cx.cents(c.costPerTouch) }),
});

const inviteChannel = {
  kind: 'channel' as const,
  label: L('Invite through', '邀请渠道'),
  default: 'wecom_1v1',
  allowNone: false,
};

export const draw = defineNode({
  type: 'action.draw',
  category: 'action',
  icon: 'draw',
  title: L('Lucky draw / check-in invitation', '抽奖 / 签到邀请'),
  description: L('Invite the member to a lucky draw (it can always win) or a check-in plan.', '邀请会员参加抽奖（可设为必中）或签到活动。'),
  fields: {
    activity: {
      kind: 'enum',
      label: L('Activity', '活动'),
      default: 'lucky_draw',
      options: [
        { value: 'lucky_draw', label: L('Lucky draw', '抽奖') },
        { value: 'check_in', label: L('Check-in plan', '签到') },
      ],
    },
    alwaysWins: { kind: 'bool', label: L('Always wins', '必中'), default: false, when: { field: 'activity', is: ['lucky_draw'] } },
    days: { kind: 'int', label: L('Check-in days', '签到天数'), default: 7, min: 1, max: 100, unit: 'days', when: { field: 'activity', is: ['check_in'] } },
    prize: { kind: 'text', label: L('Prize / reward', '奖品 / 奖励'), default: '', max: 200, required: true },
    channel: inviteChannel,
    ...messageFields(0),
  },
  touch: (c) => (str(c.channel) || 'wecom_1v1') as Channel,
  summary: (c, lang) => `${c.activity === 'check_in' ? L('check-in', '签到')[lang] : L('lucky draw', '抽奖')[lang]} · ${str(c.prize)}`,
  compile: (c, cx) =>
    touchStep((str(c.channel) || 'wecom_1v1') as Channel, c, cx, {
      activity: str(c.activity), alwaysWins: c.activity === 'lucky_draw' && c.alwaysWins === true, days: c.activity === 'check_in' ? num(c.days) : null, prize: str(c.prize),
    }),
});

export const live = defineNode({
  type: 'action.live',
  category: 'action',
  icon: 'live',
  title: L('Live-stream invitation', '直播邀请'),
  description: L('Invite the member to a live stream.', '邀请会员观看直播。'),
  fields: {
    title: { kind: 'text', label: L('Live stream', '直播'), default: '', max: 200, required: true },
    date: { kind: 'date', label: L('On', '日期'), default: null, required: true },
    time: { kind: 'time', label: L('At', '时间'), default: '20:00' },
    channel: inviteChannel,
    ...messageFields(0),
  },
  touch: (c) => (str(c.channel) || 'wecom_1v1') as Channel,
  summary: (c) => `${str(c.title)} ${str(c.date)}`.trim(),
  compile: (c, cx) => touchStep((str(c.channel) || 'wecom_1v1') as Channel, c, cx, { live: str(c.title), day: cx.day(c.date), minute: cx.minute(c.time) }),
});

export const tagAction = defineNode({
  type: 'action.tag',
  category: 'action',
  icon: 'tag',
  title: L('Add / remove tag', '添加 / 移除标签'),
  description: L('Mark the member, e.g. a result tag such as “redeemed the anniversary coupon”.', '给会员打标或去标，如结果标签“已核销周年庆券”。'),
  fields: {
    op: {
      kind: 'enum',
      label: L('Action', '操作'),
      default: 'add',
      options: [
        { value: 'add', label: L('Add', '添加') },
        { value: 'remove', label: L('Remove', '移除') },
      ],
    },
    tag: { kind: 'tag', label: L('Tag', '标签'), required: true, allowNew: true, help: L('A new name becomes a result tag when the journey is published.', '新名称会在发布旅程时创建为结果标签。') },
  },
  summary: (c) => `${c.op === 'remove' ? '−' : '+'} ${str(c.tag)}`,
  compile: (c) => ({ k: 'tag', op: c.op === 'remove' ? 'remove' : 'add', tag: str(c.tag) }),
});

export const attribute = defineNode({
  type: 'action.attribute',
  category: 'action',
  icon: 'attribute',
  title: L('Update attribute', '更新属性'),
  description: L('Set a member attribute to a value.', '将会员属性设为某个值。'),
  fields: {
    attribute: { kind: 'text', label: L('Attribute', '属性'), default: '', max: 100, required: true },
    value: { kind: 'text', label: L('Value', '值'), default: '', max: 500 },
  },
  summary: (c) => `${str(c.attribute)} = ${str(c.value)}`,
  compile: (c) => ({ k: 'attribute', attribute: str(c.attribute), value: str(c.value) }),
});

export const assign = defineNode({
  type: 'action.assign',
  category: 'action',
  icon: 'guide',
  title: L('Assign guide / store', '分配导购 / 门店'),
  description: L('Give the member a shop guide or a store: by region, the nearest, or a named one.', '为会员分配导购或门店：按地区、最近门店或指定。'),
  fields: {
    what: {
      kind: 'enum',
      label: L('Assign', '分配'),
      default: 'guide',
      options: [
        { value: 'guide', label: L('Shop guide', '导购') },
        { value: 'store', label: L('Store', '门店') },
      ],
    },
    how: {
      kind: 'enum',
      label: L('How', '方式'),
      default: 'region',
      options: [
        { value: 'region', label: L("By the member's region", '按会员所在地区') },
        { value: 'nearest', label: L('Nearest store', '最近门店') },
        { value: 'named', label: L('A named one', '指定') },
      ],
    },
    name: { kind: 'text', label: L('Name', '名称'), default: '', max: 200, required: true, when: { field: 'how', is: ['named'] } },
  },
  summary: (c) => `${str(c.what)} · ${str(c.how)}`,
  compile: (c) => ({ k: 'assign', what: c.what === 'store' ? 'store' : 'guide', how: c.how === 'nearest' ? 'nearest' : c.how === 'named' ? 'named' : 'region', name: c.how === 'named' ? str(c.name) : '' }),
});

export const webhook = defineNode({
  type: 'action.webhook',
  category: 'action',
  icon: 'webhook',
  title: L('Webhook', 'Webhook'),
  description: L('Call an outside system with the member’s data (signed by the sync server).', '调用外部系统并附带会员数据（由同步服务器签名）。'),
  fields: {
    url: { kind: 'text', label: L('URL', 'URL'), default: 'https://', max: 2000, required: true },
    method: {
      kind: 'enum',
      label: L('Method', '方法'),
      default: 'POST',
      options: [
        { value: 'POST', label: L('POST', 'POST') },
        { value: 'PUT', label: L('PUT', 'PUT') },
      ],
    },
    body: { kind: 'content', label: L('Body', '请求体'), default: '{"member": "{{id}}"}', max: 5000, required: false },
  },
  check: (c) => {
    let ok: boolean;
    try {
      const u = new URL(str(c.url));
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
    } catch {
      ok = false;
    }
    return ok ? [] : [{ code: 'webhook-url', field: 'url', severity: 'error', message: L('Enter a full http(s) URL.', '请输入完整的 http(s) 地址。') }];
  },
  summary: (c) => str(c.url).replace(/^https?:\/\//, '').slice(0, 40),
  compile: (c) => ({ k: 'webhook', url: str(c.url), method: c.method === 'PUT' ? 'PUT' : 'POST', body: str(c.body) }),
});

export const guideTask = defineNode({
  type: 'action.task',
  category: 'action',
  icon: 'task',
  title: L('Task for a shop guide', '导购任务'),
  description: L('Ask the member’s guide to do something: a visit, a call, a follow-up.', '让会员的导购执行任务：回访、致电、跟进。'),
  fields: {
    title: { kind: 'text', label: L('Task', '任务'), default: '', max: 200, required: true },
    instructions: { kind: 'content', label: L('Instructions', '说明'), default: '', max: 2000, required: false },
    dueDays: { kind: 'int', label: L('Due within', '完成期限'), default: 3, min: 1, max: 90, unit: 'days' },
  },
  summary: (c) => str(c.title),
  compile: (c) => ({ k: 'task', title: str(c.title), instructions: str(c.instructions), dueDays: num(c.dueDays) }),
});

export { CHANNEL_LABELS };
