import { defaultJourneySettings } from '../../model/journey';
import { L } from '../text';
import { audiencePh, ph, rule } from './draw';
import type { TemplateDef } from './types';

/**
 * Stores closed (domain §8): the members of the closed stores are cared for by WeCom 1:1, falling
 * back to the official-account template, then to SMS for whoever neither reached, and get a
 * no-threshold mini-program coupon. Each is given the nearest open store and a guide of their region.
 */
export const closedStores: TemplateDef = {
  id: 'closedStores',
  title: L('Closed stores: member care', '闭店会员关怀'),
  description: L(
    'Members of the closed stores: a new store and guide, a no-threshold mini-program coupon, care by WeCom 1:1 → official-account template → SMS, a guide’s call for those who do not come back.',
    '闭店会员：分配新门店和导购，发放小程序无门槛券，企微 1 对 1 → 公众号模板消息 → 短信逐级关怀，未回流者由导购致电。',
  ),
  placeholders: [
    audiencePh(L('Members of the closed stores', '闭店门店的会员'), L('E.g. an audience of members whose store is one of the 300 closed stores.', '如所属门店在 300 家闭店名单内的会员人群。')),
    ph('careScript', 'content', L('Care message (WeCom, official account)', '关怀话术（企微、公众号）'), L(
      '{{name}}, your store has closed, but we are still here for you: {{guide}} at {{store}} will look after you. A no-threshold {{coupon}} is in your account.',
      '{{name}}，您常去的门店已闭店，我们依然在：{{store}}的导购{{guide}}将继续为您服务。无门槛{{coupon}}已放入您的账户。',
    )),
    ph('smsScript', 'content', L('SMS for those not reached', '未触达者短信'), L(
      '{{name}}, your store has moved to {{store}}. A no-threshold {{coupon}} is waiting in our mini-program. Reply TD to opt out.',
      '{{name}}，您的门店已迁至{{store}}，小程序内有无门槛{{coupon}}待领取。回T退订',
    )),
    ph('couponAmount', 'money', L('No-threshold coupon amount', '无门槛券面额'), '20'),
    ph('validityDays', 'int', L('Coupon valid for (days)', '券有效期（天）'), '30'),
    ph('resultTag', 'tag', L('Result tag for those who came back', '回流者结果标签'), L('closed-store member came back', '闭店会员已回流')),
  ],
  build: (d, v) => {
    d.note(0, -1, L('Select the members of the closed stores; give each the nearest open store and a guide of their region (LBS).', '圈选闭店会员；按 LBS 分配最近的门店和所在地区的导购。'), 3);
    d.note(3, -1, L('Care by WeCom 1:1 (falls back to the official-account template) with a no-threshold mini-program coupon.', '企微 1 对 1 关怀（不可达时改发公众号模板消息），附小程序无门槛券。'), 3);
    d.note(6, -1, L('A day later, whoever neither channel reached gets an SMS: the last link of the fallback chain.', '一天后，两个渠道都未触达的会员收到短信：兜底渠道。'), 2);
    d.note(8, -1, L('Those who use the coupon get the result tag; the others a call from their new guide.', '核销者打上结果标签；其余由新导购致电。'), 3);

    const e = d.node('entry.audience', 0, 0, { audienceId: v.text('audience'), mode: 'snapshot' }, L('Members of the closed stores', '闭店会员'));
    const store = d.node('action.assign', 1, 0, { what: 'store', how: 'nearest' }, L('Nearest open store', '最近门店'));
    const guide = d.node('action.assign', 2, 0, { what: 'guide', how: 'region' }, L('Guide of their region', '所在地区导购'));
    const coupon = d.node('action.coupon', 3, 0, { name: d.t(L('Care coupon, no threshold', '关怀无门槛券')), amount: v.money('couponAmount'), threshold: 0, validityDays: v.int('validityDays') }, L('No-threshold coupon', '无门槛券'));
    const care = d.node('action.wecom1v1', 4, 0, { content: v.text('careScript'), fallback: 'oa_template' }, L('Care: WeCom 1:1 → official account', '关怀：企微 → 公众号'));
    const day = d.node('flow.wait', 5, 0, { amount: 1, unit: 'days' });
    const unreached = d.node('flow.condition', 6, 0, { rule: rule('touches(channel in [wecom_1v1, oa_template], outcome = delivered, last 2 days) = 0') }, L('Reached by neither?', '两个渠道均未触达？'));
    const sms = d.node('action.sms', 7, 1, { content: v.text('smsScript') }, L('Care: SMS', '关怀：短信'));
    const redeem = d.node('flow.waitEvent', 8, 0, { event: 'coupon_redeemed', amount: 14, unit: 'days' }, L('Used the coupon?', '核销了券？'));
    const tag = d.node('action.tag', 9, 0, { op: 'add', tag: v.text('resultTag') }, L('Result tag', '结果标签'));
    const back = d.node('flow.exit', 10, 0, { reason: d.t(L('came back', '已回流')) });
    const call = d.node('action.task', 9, 1, { title: d.t(L('Call a member of a closed store', '致电闭店会员')), instructions: d.t(L('Introduce yourself to {{name}} as their new guide at {{store}} and remind them of the coupon.', '向{{name}}介绍您是{{store}}的新导购，并提醒其使用优惠券。')), dueDays: 3 }, L('Guide’s call', '导购致电'));
    const done = d.node('flow.exit', 10, 1, { reason: d.t(L('care done', '关怀完成')) });

    d.chain(e, store, guide, coupon, care, day, unreached);
    d.edge(unreached, 'yes', sms);
    d.edge(unreached, 'no', redeem);
    d.chain(sms, redeem);
    d.edge(redeem, 'event', tag);
    d.edge(redeem, 'timeout', call);
    d.chain(tag, back);
    d.chain(call, done);

    const s = defaultJourneySettings();
    s.maxEntries = 1;
    s.reEntry = { mode: 'never', afterDays: 30 };
    s.goal = { rule: rule('orders(last 30 days) >= 1'), windowDays: 30 };
    return s;
  },
};
