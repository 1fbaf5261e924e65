import { defaultJourneySettings } from '../../model/journey';
import { L } from '../text';
import { ph, rule, type Drawing } from './draw';
import type { TemplateDef, Values } from './types';

/**
 * The lifecycle journey (domain §4): prospect → new → repeat → silent → churned, each stage entered
 * on the domain's condition and given its SOP. One lane per stage, its SOP note on the left.
 * Silent and churned are the workspace's own dormant and churned stages (Audiences › Lifecycle),
 * so "one lifecycle" means what the business defined it to mean.
 */
export const lifecycle: TemplateDef = {
  id: 'lifecycle',
  title: L('Lifecycle journey', '生命周期旅程'),
  description: L(
    'Prospect → new → repeat → silent → churned: each stage entered on its condition (became a WeCom friend, first purchase, repurchased within three months, no purchase for one lifecycle, none for two) with its SOP.',
    '潜客 → 新客 → 复购 → 沉默 → 流失：每个阶段按进入条件（添加企微好友、完成首购、三个月内复购、一个生命周期未购买、两个生命周期未购买）执行对应 SOP。',
  ),
  placeholders: [
    ph('welcome', 'content', L('Welcome script (prospects)', '欢迎话术（潜客）'), L(
      "Hi {{name}}, I'm {{guide}}, your personal shop guide. Join our membership for member prices and early access to new arrivals.",
      '{{name}}您好，我是您的专属导购{{guide}}。加入会员即享会员价，新品抢先购。',
    )),
    ph('joinBenefit', 'money', L('Joining benefit: coupon amount (new members)', '入会礼：券面额（新客）'), '20'),
    ph('memberDay', 'int', L('Member day (day of the month)', '会员日（每月几号）'), '18'),
    ph('memberDayTime', 'time', L('Member-day send time', '会员日发送时间'), '10:00'),
    ph('memberDayCoupon', 'money', L('Member-day coupon amount (repeat buyers)', '会员日券面额（复购客）'), '30'),
    ph('hotProduct', 'text', L('New / hot product', '新品 / 爆品'), L('our new arrivals', '当季新品')),
    ph('checkInPrize', 'text', L('Check-in prize (silent members)', '签到奖励（沉默会员）'), L('200 points', '200 积分')),
    ph('recallCoupon', 'money', L('Recall coupon amount (churned)', '召回券面额（流失会员）'), '50'),
  ],
  build: (d, v) => {
    prospect(d, v);
    newMember(d, v);
    repeat(d, v);
    silent(d, v);
    churned(d, v);
    const s = defaultJourneySettings();
    // A member moves through the lanes over months and repeat buyers come back every member day.
    s.reEntry = { mode: 'after', afterDays: 25 };
    return s;
  },
};

function prospect(d: Drawing, v: Values) {
  d.note(0, 0, L('Prospect SOP: welcome by the guide, invite to join the membership, then to the regional members’ group.', '潜客 SOP：导购欢迎，邀请入会，再邀请进入所在地区的会员社群。'));
  const e = d.node('entry.event', 1, 0, { event: 'wecom_friend_added', filter: rule('orders = 0') }, L('Prospect: became a WeCom friend', '潜客：添加企微好友'));
  const hi = d.node('action.wecom1v1', 2, 0, { content: v.text('welcome') }, L('Welcome + join membership', '欢迎 + 邀请入会'));
  const w = d.node('flow.wait', 3, 0, { amount: 1, unit: 'days' });
  const g = d.node('action.wecomGroup', 4, 0, { lbs: true, content: d.t(L('{{name}}, join our members’ group in {{city}} for early offers.', '{{name}}，欢迎加入{{city}}会员社群，优惠抢先知。')) }, L('Invite to the group', '邀请入群'));
  const x = d.node('flow.exit', 5, 0, { reason: d.t(L('prospect SOP done', '潜客 SOP 完成')) });
  d.chain(e, hi, w, g, x);
}

function newMember(d: Drawing, v: Values) {
  d.note(0, 1, L('New-member SOP: exclusive joining benefits (points and a no-threshold coupon) and a thank-you from the guide.', '新客 SOP：入会专属礼遇（积分 + 无门槛券），导购致谢。'));
  const e = d.node('entry.event', 1, 1, { event: 'first_purchase' }, L('New: first purchase', '新客：完成首购'));
  const p = d.node('action.points', 2, 1, { points: 100, reason: d.t(L('joining benefit', '入会礼')) }, L('Joining points', '入会积分'));
  const c = d.node('action.coupon', 3, 1, { name: d.t(L('Joining benefit', '入会礼券')), amount: v.money('joinBenefit'), threshold: 0, validityDays: 30 }, L('Joining benefit coupon', '入会礼券'));
  const m = d.node('action.wecom1v1', 4, 1, { content: d.t(L('Thank you for your first order, {{name}}! Your joining gift {{coupon}} is in your account.', '感谢您的首单，{{name}}！入会礼{{coupon}}已放入您的账户。')) }, L('Thank-you + benefits', '致谢 + 礼遇'));
  const x = d.node('flow.exit', 5, 1, { reason: d.t(L('new-member SOP done', '新客 SOP 完成')) });
  d.chain(e, p, c, m, x);
}

function repeat(d: Drawing, v: Values) {
  d.note(0, 2, L('Repeat SOP: on the monthly member day, a member-day coupon with the new / hot product; points, birthday and holiday care keep them close.', '复购 SOP：每月会员日发会员日券并推荐新品 / 爆品；积分、生日和节日关怀维系关系。'));
  const e = d.node(
    'entry.schedule',
    1,
    2,
    { frequency: 'monthly', dayOfMonth: Math.min(28, Math.max(1, v.int('memberDay'))), date: v.today, time: v.time('memberDayTime'), rule: rule('orders(last 90 days) >= 2') },
    L('Repeat: repurchased within three months', '复购：三个月内复购'),
  );
  const p = d.node('action.points', 2, 2, { points: 50, reason: d.t(L('member day', '会员日')) }, L('Member-day points', '会员日积分'));
  const c = d.node('action.coupon', 3, 2, { name: d.t(L('Member-day coupon', '会员日券')), amount: v.money('memberDayCoupon'), threshold: 199, validityDays: 7 }, L('Member-day coupon', '会员日券'));
  const m = d.node('action.wecom1v1', 4, 2, { content: d.t(L(`It's member day, {{name}}: {{coupon}} on ${v.text('hotProduct')}.`, `{{name}}，今天是会员日：${v.text('hotProduct')}可用{{coupon}}。`)) }, L('New / hot product + benefit', '新品 / 爆品 + 礼遇'));
  const x = d.node('flow.exit', 5, 2, { reason: d.t(L('member day done', '会员日完成')) });
  d.chain(e, p, c, m, x);
}

function silent(d: Drawing, v: Values) {
  d.note(0, 3, L('Silent SOP: interaction to re-activate, a check-in plan with a reward; an SMS nudge if no order follows in two weeks.', '沉默 SOP：互动唤醒（签到有礼）；两周内未下单则短信提醒。'));
  const e = d.node('entry.event', 1, 3, { event: 'stage_changed', stage: 'dormant' }, L('Silent: no purchase for one lifecycle', '沉默：一个生命周期未购买'));
  const ck = d.node(
    'action.draw',
    2,
    3,
    { activity: 'check_in', days: 7, prize: v.text('checkInPrize'), channel: 'wecom_1v1', content: d.t(L(`{{name}}, check in for 7 days and get ${v.text('checkInPrize')}.`, `{{name}}，连续签到 7 天即得${v.text('checkInPrize')}。`)) },
    L('Check-in to re-activate', '签到唤醒'),
  );
  const w = d.node('flow.waitEvent', 3, 3, { event: 'order_placed', amount: 14, unit: 'days' }, L('Ordered within 14 days?', '14 天内下单？'));
  const back = d.node('flow.exit', 4, 3, { reason: d.t(L('re-activated', '已唤醒')) });
  const sms = d.node('action.sms', 4, 4, { content: d.t(L('{{name}}, we miss you. Your points are waiting: {{points}}. Reply TD to opt out.', '{{name}}，好久不见，您的积分{{points}}待使用。回T退订')) }, L('SMS nudge', '短信提醒'));
  const x = d.node('flow.exit', 5, 4, { reason: d.t(L('silent SOP done', '沉默 SOP 完成')) });
  d.chain(e, ck, w);
  d.edge(w, 'event', back);
  d.edge(w, 'timeout', sms);
  d.chain(sms, x);
}

function churned(d: Drawing, v: Values) {
  d.note(0, 5, L('Churned SOP: a recall coupon by SMS, the channel that still reaches them.', '流失 SOP：短信发送召回券，仍能触达的渠道。'));
  const e = d.node('entry.event', 1, 5, { event: 'stage_changed', stage: 'churned' }, L('Churned: no purchase for two lifecycles', '流失：两个生命周期未购买'));
  const c = d.node('action.coupon', 2, 5, { name: d.t(L('Recall coupon', '召回券')), amount: v.money('recallCoupon'), threshold: 0, validityDays: 14 }, L('Recall coupon', '召回券'));
  const sms = d.node('action.sms', 3, 5, { content: d.t(L('{{name}}, a {{coupon}} welcome-back gift is waiting for you for 14 days. Reply TD to opt out.', '{{name}}，送您{{coupon}}回归礼，14 天内有效。回T退订')) }, L('Recall SMS', '召回短信'));
  const x = d.node('flow.exit', 4, 5, { reason: d.t(L('recall sent', '已发送召回')) });
  d.chain(e, c, sms, x);
}
