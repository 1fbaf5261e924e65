import { defaultJourneySettings } from '../../model/journey';
import { L } from '../text';
import { ph, rule } from './draw';
import type { TemplateDef } from './types';

/**
 * Onboarding after the member card is claimed (domain §6): the onboarding strategies, one after
 * another, each followed a few days later by a check for the first order: a guide of the region,
 * a welcome gift, the guide's follow-up visit, the members' group, a new / hot product at the
 * new-member price, and a 24-hour flash sale. The goal, of each step and of the journey, is the
 * first order. A staircase: a strategy per row; buyers leave at the end of their row.
 */
export const onboarding: TemplateDef = {
  id: 'onboarding',
  title: L('New-member onboarding to the first order', '新会员首单引导'),
  description: L(
    'After the member card is claimed: a regional guide, a welcome gift, a follow-up visit, the members’ group, a hot product at the new-member price, a flash sale; each step checks for the first order.',
    '领取会员卡后：分配地区导购、入会礼、导购回访、会员社群、新人价爆品、限时秒杀；每一步检查是否完成首单。',
  ),
  placeholders: [
    ph('giftAmount', 'money', L('Welcome gift: coupon amount', '入会礼：券面额'), '20'),
    ph('welcomeScript', 'content', L('Welcome message', '欢迎话术'), L(
      'Welcome to the club, {{name}}! I’m {{guide}}, your shop guide. Your welcome gift {{coupon}} is ready for your first order.',
      '欢迎入会，{{name}}！我是您的专属导购{{guide}}，入会礼{{coupon}}已备好，首单即可使用。',
    )),
    ph('hotProduct', 'text', L('Hot product at the new-member price', '新人价爆品'), L('our best-seller', '明星单品')),
    ph('flashAmount', 'money', L('Flash sale: coupon amount', '限时秒杀：券面额'), '30'),
    ph('flashThreshold', 'money', L('Flash sale: minimum spend', '限时秒杀：使用门槛'), '99'),
    ph('noOrderTag', 'tag', L('Result tag for members with no first order', '未首单会员的结果标签'), L('onboarded, no first order', '已引导未首单')),
  ],
  build: (d, v) => {
    const firstOrder = rule('orders >= 1');
    const bought = (col: number, row: number) => d.node('flow.exit', col, row, { reason: d.t(L('first order', '完成首单')) });
    const check = (col: number, row: number) => d.node('flow.condition', col, row, { rule: firstOrder }, L('First order yet?', '已首单？'));
    const wait = (col: number, row: number, days: number) => d.node('flow.wait', col, row, { amount: days, unit: 'days' });

    // Row 0: a guide of the region and the welcome gift.
    d.note(1, 1, L('1–2 · A shop guide of the member’s region, then the welcome gift: a no-threshold coupon valid 7 days, with the guide’s welcome.', '1–2 · 分配会员所在地区的导购，再送入会礼：7 天有效的无门槛券，附导购欢迎语。'), 3);
    const e = d.node('entry.event', 0, 0, { event: 'card_claimed', filter: rule('orders = 0') }, L('Member card claimed', '领取会员卡'));
    const guide = d.node('action.assign', 1, 0, { what: 'guide', how: 'region' }, L('Guide of their region', '分配地区导购'));
    const gift = d.node('action.coupon', 2, 0, { name: d.t(L('Welcome gift', '入会礼')), amount: v.money('giftAmount'), threshold: 0, validityDays: 7 }, L('Welcome gift', '入会礼'));
    const hi = d.node('action.wecom1v1', 3, 0, { content: v.text('welcomeScript'), fallback: 'oa_template' }, L('Welcome from the guide', '导购欢迎'));
    const c1 = check(5, 0);
    d.chain(e, guide, gift, hi, wait(4, 0, 2), c1);
    d.edge(c1, 'yes', bought(6, 0));

    // Row 1: the guide's follow-up visit.
    d.note(6, 2, L('3 · A follow-up visit: the guide calls or visits, asks what the member needs.', '3 · 导购回访：致电或拜访，了解会员需求。'), 3);
    const visit = d.node('action.task', 6, 1, { title: d.t(L('Follow-up visit to a new member', '新会员回访')), instructions: d.t(L('Call {{name}}: welcome them, remind them of the welcome gift, ask what they are looking for.', '致电{{name}}：表示欢迎，提醒入会礼，了解需求。')), dueDays: 2 }, L('Follow-up visit', '导购回访'));
    const c2 = check(8, 1);
    d.edge(c1, 'no', visit);
    d.chain(visit, wait(7, 1, 3), c2);
    d.edge(c2, 'yes', bought(9, 1));

    // Row 2: the members' group.
    d.note(9, 3, L('4 · The members’ group of their region: offers and talk with other members.', '4 · 所在地区的会员社群：优惠信息、会员交流。'), 3);
    const group = d.node('action.wecomGroup', 9, 2, { lbs: true, content: d.t(L('{{name}}, join our members’ group in {{city}}: new-member offers every week.', '{{name}}，欢迎加入{{city}}会员群：每周新人专享优惠。')) }, L('Invite to the group', '邀请入群'));
    const c3 = check(11, 2);
    d.edge(c2, 'no', group);
    d.chain(group, wait(10, 2, 2), c3);
    d.edge(c3, 'yes', bought(12, 2));

    // Row 3: a hot product at the new-member price.
    d.note(12, 4, L('5 · A new / hot product at the new-member price, recommended by the guide.', '5 · 导购推荐新品 / 爆品，享新人价。'), 3);
    const hot = d.node('action.wecom1v1', 12, 3, { content: d.t(L(`{{name}}, ${v.text('hotProduct')} is at the new-member price for you this week.`, `{{name}}，${v.text('hotProduct')}本周为您开放新人价。`)) }, L('Hot product, new-member price', '新人价爆品'));
    const c4 = check(14, 3);
    d.edge(c3, 'no', hot);
    d.chain(hot, wait(13, 3, 3), c4);
    d.edge(c4, 'yes', bought(15, 3));

    // Row 4: the flash sale, and the journey's goal.
    d.note(15, 5, L('6 · A 24-hour flash sale; members with no first order after it get the result tag for the next plan.', '6 · 24 小时限时秒杀；之后仍未首单的会员打上结果标签，供下次计划使用。'), 3);
    const flash = d.node('action.coupon', 15, 4, { name: d.t(L('New-member flash sale', '新人限时秒杀')), amount: v.money('flashAmount'), threshold: v.money('flashThreshold'), validityDays: 1 }, L('Flash-sale coupon', '秒杀券'));
    const sms = d.node('action.sms', 16, 4, { content: d.t(L('{{name}}, 24 hours only: {{coupon}} on your first order. Reply TD to opt out.', '{{name}}，仅限 24 小时：首单立减{{coupon}}。回T退订')) }, L('Flash sale by SMS', '秒杀短信'));
    const goal = d.node('flow.goal', 17, 4, { rule: firstOrder, windowDays: 2 }, L('First order within 2 days', '2 天内首单'));
    const tag = d.node('action.tag', 18, 5, { op: 'add', tag: v.text('noOrderTag') }, L('Result tag', '结果标签'));
    d.edge(c4, 'no', flash);
    d.chain(flash, sms, goal);
    d.edge(goal, 'met', bought(18, 4));
    d.edge(goal, 'missed', tag);
    d.chain(tag, d.node('flow.exit', 19, 5, { reason: d.t(L('no first order', '未首单')) }));

    const s = defaultJourneySettings();
    s.maxEntries = 1;
    s.reEntry = { mode: 'never', afterDays: 30 };
    s.controlPercent = 10;
    s.goal = { rule: firstOrder, windowDays: 30 };
    return s;
  },
};
