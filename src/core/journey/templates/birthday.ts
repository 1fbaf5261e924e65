import { defaultJourneySettings } from '../../model/journey';
import { L } from '../text';
import { channelHelp, message, ph, rule } from './draw';
import type { TemplateDef } from './types';

/**
 * Birthday repurchase (domain §4, §8 "lifecycle six methods"): some days before the birthday a
 * greeting announces the gift, the birthday coupon follows the next day, then the journey waits
 * for an order; members who have not ordered when the coupon is about to expire get a reminder.
 * Every year: re-entry after 300 days.
 */
export const birthday: TemplateDef = {
  id: 'birthday',
  title: L('Birthday repurchase', '生日复购'),
  description: L(
    'Days before the member’s birthday: a greeting and a birthday coupon, a wait for the order, a reminder before the coupon expires. Every year.',
    '会员生日前数天：生日祝福 + 生日券，等待下单，券到期前提醒。每年一次。',
  ),
  placeholders: [
    ph('daysBefore', 'int', L('Days before the birthday', '生日前天数'), '7'),
    ph('channel', 'channel', L('Greeting through', '祝福渠道'), 'wecom_1v1', channelHelp),
    ph('greetingScript', 'content', L('Birthday greeting', '生日祝福'), L(
      'Happy birthday in advance, {{name}}! A birthday gift from us is on its way to your account tomorrow.',
      '{{name}}，提前祝您生日快乐！明天将有一份生日礼放入您的账户。',
    )),
    ph('couponAmount', 'money', L('Birthday coupon amount', '生日券面额'), '50'),
    ph('couponThreshold', 'money', L('Birthday coupon minimum spend', '生日券使用门槛'), '199'),
    ph('validityDays', 'int', L('Birthday coupon valid for (days)', '生日券有效期（天）'), '14'),
    ph('reminderScript', 'content', L('Reminder (SMS)', '提醒短信'), L(
      '{{name}}, your birthday coupon {{coupon}} expires in 3 days. Treat yourself! Reply TD to opt out.',
      '{{name}}，您的生日券{{coupon}}还有 3 天到期，犒劳一下自己吧！回T退订',
    )),
  ],
  build: (d, v) => {
    const validity = v.int('validityDays');
    d.note(1, -1, L('Greeting first, the coupon the next day: two touches, never on the same day.', '先祝福，次日发券：两次触达不在同一天。'), 3);
    d.note(4, -1, L('Wait for an order while the coupon is valid; buyers get birthday points.', '券有效期内等待下单；下单者获得生日积分。'), 2);
    d.note(6, 2, L('No order three days before the coupon expires: an SMS reminder.', '券到期前 3 天仍未下单：短信提醒。'), 2);

    const e = d.node('entry.event', 0, 0, { event: 'birthday', daysBefore: v.int('daysBefore') }, L('Birthday coming', '生日将至'));
    const greet = message(d, v.channel('channel'), 1, 0, v.text('greetingScript'), L('Birthday greeting', '生日祝福'), L('Birthday greeting', '生日祝福'));
    const day = d.node('flow.wait', 2, 0, { amount: 1, unit: 'days' });
    const coupon = d.node('action.coupon', 3, 0, { name: d.t(L('Birthday coupon', '生日券')), amount: v.money('couponAmount'), threshold: v.money('couponThreshold'), validityDays: validity }, L('Birthday coupon', '生日券'));
    const order = d.node('flow.waitEvent', 4, 0, { event: 'order_placed', amount: Math.max(1, validity - 3), unit: 'days' }, L('Ordered?', '下单了？'));
    const points = d.node('action.points', 5, 0, { points: 200, reason: d.t(L('birthday order', '生日订单')) }, L('Birthday points', '生日积分'));
    const done = d.node('flow.exit', 6, 0, { reason: d.t(L('birthday order', '生日下单')) });
    const remind = d.node('action.sms', 5, 1, { content: v.text('reminderScript') }, L('Reminder', '提醒'));
    const last = d.node('flow.exit', 6, 1, { reason: d.t(L('reminded', '已提醒')) });

    d.chain(e, greet, day, coupon, order);
    d.edge(order, 'event', points);
    d.edge(order, 'timeout', remind);
    d.chain(points, done);
    d.chain(remind, last);

    const s = defaultJourneySettings();
    s.reEntry = { mode: 'after', afterDays: 300 };
    s.controlPercent = 10;
    s.goal = { rule: rule(`orders(last ${Math.max(1, validity)} days) >= 1`), windowDays: Math.min(365, Math.max(1, validity)) };
    return s;
  },
};
