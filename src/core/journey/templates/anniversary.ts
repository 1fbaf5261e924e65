import { defaultJourneySettings } from '../../model/journey';
import { L } from '../text';
import { audiencePh, ph, rule } from './draw';
import type { TemplateDef } from './types';

/**
 * The anniversary week (domain §8): preheat, a free lucky draw that always wins so visitors add the
 * WeCom guide and join, the new-member coupon shortened from a year to 7 days to force the first
 * purchase, a re-reach of everyone who has not used it, a result tag for those who did, and an
 * invitation back after the event.
 */
export const anniversary: TemplateDef = {
  id: 'anniversary',
  title: L('Anniversary week', '周年庆'),
  description: L(
    'Preheat, an always-winning lucky draw to add the WeCom guide, a 7-day new-member coupon, an SMS to those who have not used it, a result tag for those who did, and an invitation back after the event.',
    '预热、必中抽奖引导添加企微导购、7 天有效的新人券、未核销者短信再触达、核销者打结果标签，活动后邀约回访。',
  ),
  placeholders: [
    audiencePh(L('Who is invited', '邀约人群'), L('E.g. followers and visitors who are not members yet.', '如尚未入会的粉丝和访客。')),
    ph('preheatDays', 'int', L('Preheat: days before the event', '预热：活动前天数'), '3'),
    ph('preheatScript', 'content', L('Preheat message', '预热文案'), L(
      '{{name}}, our anniversary week starts soon: a free lucky draw where every ticket wins, and a welcome gift for new members.',
      '{{name}}，周年庆即将开启：免费抽奖，100% 中奖，新会员还有见面礼。',
    )),
    ph('prize', 'text', L('Lucky-draw prize', '抽奖奖品'), L('a new-member coupon', '新人券')),
    ph('couponAmount', 'money', L('New-member coupon amount', '新人券面额'), '30'),
    ph('validityDays', 'int', L('New-member coupon valid for (days)', '新人券有效期（天）'), '7', L('Shortened from a year to force the first purchase.', '从一年缩短到 7 天，促成首购。')),
    ph('reReachScript', 'content', L('SMS to those who have not used the coupon', '未核销者短信'), L(
      '{{name}}, your anniversary coupon {{coupon}} expires in 2 days. Use it in the mini-program or at {{store}}. Reply TD to opt out.',
      '{{name}}，您的周年庆券{{coupon}}还有 2 天到期，小程序或{{store}}均可使用。回T退订',
    )),
    ph('resultTag', 'tag', L('Result tag for redeemers', '核销者结果标签'), L('redeemed the anniversary coupon', '已核销周年庆券')),
    ph('eventDays', 'int', L('Days until the event is over', '距活动结束天数'), '7'),
  ],
  build: (d, v) => {
    const validity = v.int('validityDays');
    const firstWait = Math.max(1, validity - 2);

    d.note(0, -1, L('Preheat: tell the invited what is coming (with in-store material and moments posts alongside).', '预热：告知活动内容（同步门店物料、朋友圈曝光）。'), 3);
    d.note(3, -1, L('Always-winning lucky draw: the prize is claimed by adding the WeCom guide, which makes them a member.', '必中抽奖：添加企微导购领奖，顺势入会。'), 2);
    d.note(5, -1, L('New-member coupon valid 7 days, not a year, to force the first purchase.', '新人券有效期 7 天而非一年，促成首购。'), 2);
    d.note(7, -1, L('Re-reach everyone who has not used the coupon, by SMS before it expires.', '到期前用短信再触达所有未核销者。'), 2);
    d.note(9, -1, L('Redeemers get the result tag for the next plan; everyone is invited back after the event.', '核销者打上结果标签供下次计划使用；活动后邀约所有人回访。'), 4);

    const e = d.node('entry.audience', 0, 0, { audienceId: v.text('audience'), mode: 'snapshot' }, L('Invited members', '邀约人群'));
    const pre = d.node('action.oaTemplate', 1, 0, { template: d.t(L('Anniversary preview', '周年庆预告')), content: v.text('preheatScript') }, L('Preheat', '预热'));
    const wait = d.node('flow.wait', 2, 0, { amount: Math.max(1, v.int('preheatDays')), unit: 'days' }, L('Until the event starts', '等待活动开始'));
    const draw = d.node(
      'action.draw',
      3,
      0,
      {
        activity: 'lucky_draw',
        alwaysWins: true,
        prize: v.text('prize'),
        channel: 'oa_template',
        content: d.t(L(`Anniversary week: a free lucky draw where every ticket wins ${v.text('prize')}! Add your shop guide on WeCom to claim it.`, `周年庆免费抽奖，100% 抽中${v.text('prize')}！添加企微导购即可领取。`)),
      },
      L('Always-winning lucky draw', '必中抽奖'),
    );
    const friend = d.node('flow.waitEvent', 4, 0, { event: 'wecom_friend_added', amount: 3, unit: 'days' }, L('Added the WeCom guide?', '添加了企微导购？'));
    const coupon = d.node('action.coupon', 5, 0, { name: d.t(L('Anniversary new-member coupon', '周年庆新人券')), amount: v.money('couponAmount'), threshold: 0, validityDays: validity }, L('New-member coupon', '新人券'));
    const redeem = d.node('flow.waitEvent', 6, 0, { event: 'coupon_redeemed', amount: firstWait, unit: 'days' }, L('Used the coupon?', '核销了券？'));
    const reReach = d.node('action.sms', 7, 1, { content: v.text('reReachScript') }, L('Re-reach by SMS', '短信再触达'));
    const redeem2 = d.node('flow.waitEvent', 8, 1, { event: 'coupon_redeemed', amount: Math.max(1, validity - firstWait), unit: 'days' }, L('Used it before it expired?', '到期前核销？'));
    const tag = d.node('action.tag', 9, 0, { op: 'add', tag: v.text('resultTag') }, L('Result tag', '结果标签'));
    const after = d.node('flow.wait', 10, 0, { amount: Math.max(1, v.int('eventDays')), unit: 'days' }, L('Until the event is over', '等待活动结束'));
    const back = d.node('action.wecom1v1', 11, 0, { content: d.t(L('Thank you for celebrating with us, {{name}}! Come and see us again at {{store}}; {{guide}}', '感谢您参与周年庆，{{name}}！欢迎常来{{store}}看看。{{guide}}')), fallback: 'oa_template' }, L('Invite back', '活动后邀约'));
    const out = d.node('flow.exit', 12, 0, { reason: d.t(L('anniversary over', '周年庆结束')) });
    const remind = d.node('action.sms', 5, 2, { content: d.t(L(`{{name}}, your ${v.text('prize')} is still waiting: add your shop guide on WeCom to claim it. Reply TD to opt out.`, `{{name}}，您的${v.text('prize')}还在等您：添加企微导购即可领取。回T退订`)) }, L('Reminder to claim the prize', '领奖提醒'));

    d.chain(e, pre, wait, draw, friend);
    d.edge(friend, 'event', coupon);
    d.edge(friend, 'timeout', remind);
    d.chain(remind, after);
    d.chain(coupon, redeem);
    d.edge(redeem, 'event', tag);
    d.edge(redeem, 'timeout', reReach);
    d.chain(reReach, redeem2);
    d.edge(redeem2, 'event', tag);
    d.edge(redeem2, 'timeout', after);
    d.chain(tag, after, back, out);

    const s = defaultJourneySettings();
    s.maxEntries = 1;
    s.reEntry = { mode: 'never', afterDays: 30 };
    // A campaign week: the draw and the coupon on the first day; the re-reach only after the redemption wait times out.
    s.caps = { global: { perDay: 2, perWeek: 6 }, perChannel: { sms: { perDay: 1, perWeek: 2 } } };
    s.goal = { rule: rule('orders(last 14 days) >= 1'), windowDays: 14 };
    return s;
  },
};
