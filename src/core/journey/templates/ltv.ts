import { defaultJourneySettings } from '../../model/journey';
import { L, type Text } from '../text';
import { ph, rule, type Drawing } from './draw';
import type { TemplateDef, Values } from './types';

interface Step {
  stage: Text;
  sop: Text;
  /** Draws the intervention from (col, row), returns its first and last node. */
  draw: (d: Drawing, v: Values, col: number, row: number) => string[];
}

/**
 * The LTV journey (domain §4): potential fan → first purchase → repurchase → high value → loyal →
 * KOC. After seven purchases a member tends to become a loyal KOC, so each order enters the
 * journey and a staircase of condition splits on the order count gives purchases 1–7 their own
 * intervention; the seventh tags the member as a KOC candidate and invites them to refer friends.
 */
const STEPS: Step[] = [
  {
    stage: L('Purchase 1 · first purchase', '第 1 单 · 首购'),
    sop: L('First purchase: welcome points and a how-to from the guide, so the product is used and liked.', '首购：入会积分 + 导购使用指导，让商品被用好、被喜欢。'),
    draw: (d, _v, c, r) => [
      d.node('action.points', c, r, { points: 100, reason: d.t(L('first purchase', '首购')) }, L('First-purchase points', '首购积分')),
      d.node('action.wecom1v1', c + 1, r, { content: d.t(L('Thank you, {{name}}! Here is how to get the most from your order; ask me anything. {{guide}}', '感谢您的支持，{{name}}！这是商品使用小贴士，有问题随时问我。{{guide}}')) }, L('How-to from the guide', '导购使用指导')),
    ],
  },
  {
    stage: L('Purchase 2 · repurchase', '第 2 单 · 复购'),
    sop: L('Repurchase: a coupon for the next order and a thank-you, to make the second order a habit.', '复购：下单返券 + 致谢，让复购成为习惯。'),
    draw: (d, v, c, r) => [
      d.node('action.coupon', c, r, { name: d.t(L('Repurchase coupon', '复购券')), amount: v.money('repurchaseCoupon'), threshold: 99, validityDays: 30 }, L('Repurchase coupon', '复购券')),
      d.node('action.wecom1v1', c + 1, r, { content: d.t(L('Welcome back, {{name}}! {{coupon}} for your next order.', '欢迎回来，{{name}}！送您{{coupon}}，下次购物可用。')) }, L('Thank-you', '致谢')),
    ],
  },
  {
    stage: L('Purchase 3 · high value', '第 3 单 · 高价值'),
    sop: L('High value: double points and the member level’s benefits, told by the guide.', '高价值：双倍积分，导购告知会员等级权益。'),
    draw: (d, _v, c, r) => [
      d.node('action.points', c, r, { points: 300, reason: d.t(L('third purchase: double points', '第 3 单双倍积分')) }, L('Double points', '双倍积分')),
      d.node('action.wecom1v1', c + 1, r, { content: d.t(L('{{name}}, your third order earned double points: {{points}} now. Your {{level}} benefits are in the app.', '{{name}}，第 3 单双倍积分已到账，当前积分{{points}}。{{level}}会员权益请在小程序查看。')) }, L('Member benefits', '会员权益')),
    ],
  },
  {
    stage: L('Purchase 4 · cross-category', '第 4 单 · 跨品类'),
    sop: L('Cross-category: recommend another category, so the member’s value grows beyond one product.', '跨品类：推荐其他品类，让会员价值不局限于单品。'),
    draw: (d, v, c, r) => [
      d.node('action.wecom1v1', c, r, { content: d.t(L(`{{name}}, members like you also enjoy ${v.text('crossSell')}. Want me to pick one for you?`, `{{name}}，和您一样的会员也喜欢${v.text('crossSell')}，要我为您挑选吗？`)) }, L('Cross-category recommendation', '跨品类推荐')),
    ],
  },
  {
    stage: L('Purchase 5 · loyal', '第 5 单 · 忠诚'),
    sop: L('Loyal: premium service, a personal call from the guide.', '忠诚：尊享服务，导购专属回访。'),
    draw: (d, _v, c, r) => [
      d.node('action.task', c, r, { title: d.t(L('VIP care call', 'VIP 专属回访')), instructions: d.t(L('Call {{name}}: thank them for five orders, ask how the products work for them, note their wishes.', '致电{{name}}：感谢五次购买，了解使用感受，记录需求。')), dueDays: 3 }, L('Guide’s care call', '导购回访')),
    ],
  },
  {
    stage: L('Purchase 6 · loyal', '第 6 单 · 忠诚'),
    sop: L('Loyal: an exclusive gift coupon for the most valued members.', '忠诚：专属礼券，回馈最有价值的会员。'),
    draw: (d, v, c, r) => [
      d.node('action.coupon', c, r, { name: d.t(L('VIP gift', 'VIP 专属礼')), amount: v.money('vipCoupon'), threshold: 0, validityDays: 30 }, L('Exclusive gift', '专属礼券')),
      d.node('action.wecom1v1', c + 1, r, { content: d.t(L('{{name}}, thank you for six orders with us: an exclusive {{coupon}} gift, just for you.', '{{name}}，感谢您六次选择我们：专属{{coupon}}礼遇，只为您准备。')) }, L('Thank-you', '致谢')),
    ],
  },
  {
    stage: L('Purchase 7 · KOC', '第 7 单 · KOC'),
    sop: L('KOC: the result tag “KOC candidate” and an invitation to bring friends (referral).', 'KOC：打上结果标签“KOC 候选”，邀请其带来好友（裂变）。'),
    draw: (d, v, c, r) => [
      d.node('action.tag', c, r, { op: 'add', tag: v.text('kocTag') }, L('KOC candidate', 'KOC 候选')),
      d.node('action.wecom1v1', c + 1, r, { content: v.text('referralScript') }, L('Invite to refer friends', '邀请裂变')),
    ],
  },
];

export const ltv: TemplateDef = {
  id: 'ltv',
  title: L('LTV journey to KOC', 'LTV 旅程：成长为 KOC'),
  description: L(
    'An intervention at each of purchases 1–7 (first purchase, repurchase, high value, loyal, KOC): condition splits on the order count; the seventh purchase tags a KOC candidate.',
    '在第 1–7 单各做一次干预（首购、复购、高价值、忠诚、KOC）：按订单数条件分支；第 7 单打上 KOC 候选标签。',
  ),
  placeholders: [
    ph('repurchaseCoupon', 'money', L('Repurchase coupon amount (purchase 2)', '复购券面额（第 2 单）'), '20'),
    ph('crossSell', 'text', L('Category to recommend (purchase 4)', '推荐品类（第 4 单）'), L('our skincare line', '护肤系列')),
    ph('vipCoupon', 'money', L('Exclusive gift coupon amount (purchase 6)', '专属礼券面额（第 6 单）'), '50'),
    ph('kocTag', 'tag', L('Result tag at purchase 7', '第 7 单结果标签'), L('KOC candidate', 'KOC 候选')),
    ph('referralScript', 'content', L('Referral invitation (purchase 7)', '裂变邀请话术（第 7 单）'), L(
      '{{name}}, you are one of our most loyal members. Share your code with friends: they get a welcome gift and you earn points.',
      '{{name}}，您是我们最忠实的会员之一。把专属码分享给好友：好友得新人礼，您得积分。',
    )),
  ],
  build: (d, v) => {
    d.note(0, -1, L('Every order enters; a day later the order count picks the intervention (by tag and stage, to stop churn on the way to KOC).', '每笔订单都进入；一天后按订单数选择干预（按标签和阶段，防止在成长为 KOC 的路上流失）。'), 2);
    const e = d.node('entry.event', 0, 0, { event: 'order_placed' }, L('Order placed', '下单'));
    const w = d.node('flow.wait', 1, 0, { amount: 1, unit: 'days' }, L('A day after the order', '下单一天后'));
    d.chain(e, w);
    let from = w;
    let fromPort = 'next';
    STEPS.forEach((step, i) => {
      const n = i + 1;
      const col = n + 1;
      const row = i;
      const cond = d.node('flow.condition', col, row, { rule: rule(`orders = ${n}`) }, step.stage);
      d.edge(from, fromPort, cond);
      const ids = step.draw(d, v, col + 1, row);
      d.edge(cond, 'yes', ids[0]);
      d.chain(...ids, d.node('flow.exit', col + 1 + ids.length, row, { reason: d.t(step.stage) }));
      d.note(col + 2 + ids.length, row, step.sop, 2);
      from = cond;
      fromPort = 'no';
    });
    // Past the seventh order the member has had every intervention.
    d.edge(from, fromPort, d.node('flow.exit', STEPS.length + 2, STEPS.length, { reason: d.t(L('past purchase 7', '已超过 7 单')) }));

    const s = defaultJourneySettings();
    s.reEntry = { mode: 'always', afterDays: 30 };
    s.goal = { rule: rule('orders >= 7'), windowDays: 365 };
    return s;
  },
};
