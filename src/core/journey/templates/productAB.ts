import { defaultJourneySettings } from '../../model/journey';
import { L } from '../text';
import { channelHelp, message, ph, quote, rule } from './draw';
import type { TemplateDef } from './types';

/**
 * The product journey A → B (domain §4): buyers of the traffic product are led to the main
 * product, then to the profit product. At each step: a recommendation on the chosen channel, a
 * wait for an order (with a timeout), and a coupon nudge for those who did not buy.
 */
export const productAB: TemplateDef = {
  id: 'productAB',
  title: L('Product journey A → B → C', '商品旅程 A → B → C'),
  description: L(
    'Traffic product → main product → profit product: recommend the next product, wait for the order, nudge with a coupon when it does not come.',
    '引流品 → 主推品 → 利润品：推荐下一件商品，等待下单，未下单则发券助推。',
  ),
  placeholders: [
    ph('skuA', 'sku', L('SKU A: traffic product', 'SKU A：引流品'), 'A001'),
    ph('skuB', 'sku', L('SKU B: main product', 'SKU B：主推品'), 'B001'),
    ph('skuC', 'sku', L('SKU C: profit product', 'SKU C：利润品'), 'C001'),
    ph('productB', 'text', L('Main product’s name', '主推品名称'), L('our best-seller', '明星单品')),
    ph('productC', 'text', L('Profit product’s name', '利润品名称'), L('the premium set', '高端礼盒')),
    ph('benefit', 'money', L('Benefit: nudge coupon amount', '权益：助推券面额'), '20'),
    ph('windowDays', 'int', L('Days to wait for each order', '每步等待下单天数'), '14'),
    ph('channel', 'channel', L('Recommend through', '推荐渠道'), 'wecom_1v1', channelHelp),
    ph('resultTag', 'tag', L('Result tag for profit-product buyers', '购买利润品的结果标签'), L('bought the profit product', '已购利润品')),
  ],
  build: (d, v) => {
    const [a, b, c] = [quote(v.text('skuA')), quote(v.text('skuB')), quote(v.text('skuC'))];
    const window = v.int('windowDays');
    const ch = v.channel('channel');
    const boughtB = rule(`orders(sku = ${b}) >= 1`);
    const boughtC = rule(`orders(sku = ${c}) >= 1`);

    d.note(0, -1, L('Stage A: members who bought the traffic product and not yet the main one; let them try it for three days.', '阶段 A：已购引流品、未购主推品的会员；先让其体验三天。'), 2);
    d.note(2, -1, L('Stage A → B: recommend the main product; no order within the window → a coupon nudge and one more week.', '阶段 A → B：推荐主推品；期限内未下单 → 发券助推，再等一周。'), 3);
    d.note(5, -1, L('Stage B → C: a week after the main product, recommend the profit product; the same nudge; buyers get the result tag.', '阶段 B → C：购买主推品一周后推荐利润品；同样助推；购买者打上结果标签。'), 4);

    const e = d.node('entry.event', 0, 0, { event: 'order_placed', filter: rule(`orders(sku = ${a}) >= 1 and orders(sku = ${b}) = 0`) }, L('Bought the traffic product A', '购买引流品 A'));
    const try3 = d.node('flow.wait', 1, 0, { amount: 3, unit: 'days' }, L('Let them try A', '体验 A'));
    const recB = message(d, ch, 2, 0, d.t(L(`{{name}}, how do you like it? Members who liked it love ${v.text('productB')} too.`, `{{name}}，用得还满意吗？喜欢它的会员也都爱${v.text('productB')}。`)), L('Recommend B', '推荐 B'));
    const waitB = d.node('flow.waitEvent', 3, 0, { event: 'order_placed', amount: window, unit: 'days' }, L('Wait for an order', '等待下单'));
    const isB = d.node('flow.condition', 4, 0, { rule: boughtB }, L('Bought B?', '购买了 B？'));
    const rest7 = d.node('flow.wait', 5, 0, { amount: 7, unit: 'days' }, L('A week with B', '使用 B 一周'));
    const recC = message(d, ch, 6, 0, d.t(L(`{{name}}, complete your routine with ${v.text('productC')}.`, `{{name}}，搭配${v.text('productC')}效果更好。`)), L('Recommend C', '推荐 C'));
    const waitC = d.node('flow.waitEvent', 7, 0, { event: 'order_placed', amount: window, unit: 'days' }, L('Wait for an order', '等待下单'));
    const isC = d.node('flow.condition', 8, 0, { rule: boughtC }, L('Bought C?', '购买了 C？'));
    const tag = d.node('action.tag', 11, 0, { op: 'add', tag: v.text('resultTag') }, L('Result tag', '结果标签'));
    const done = d.node('flow.exit', 12, 0, { reason: d.t(L('bought C', '已购 C')) });

    const couponB = d.node('action.coupon', 5, 1, { name: d.t(L('Main-product coupon', '主推品券')), amount: v.money('benefit'), threshold: 0, validityDays: 7 }, L('Coupon nudge for B', '发券助推 B'));
    const goalB = d.node('flow.goal', 6, 1, { rule: boughtB, windowDays: 7 }, L('Bought B within 7 days', '7 天内购买 B'));
    const toC = d.node('flow.jump', 7, 1, { target: rest7 }, L('On to stage C', '进入阶段 C'));
    const noB = d.node('flow.exit', 7, 2, { reason: d.t(L('did not take B', '未购 B')) });
    const couponC = d.node('action.coupon', 9, 1, { name: d.t(L('Profit-product coupon', '利润品券')), amount: v.money('benefit'), threshold: 0, validityDays: 7 }, L('Coupon nudge for C', '发券助推 C'));
    const goalC = d.node('flow.goal', 10, 1, { rule: boughtC, windowDays: 7 }, L('Bought C within 7 days', '7 天内购买 C'));
    const noC = d.node('flow.exit', 11, 1, { reason: d.t(L('did not take C', '未购 C')) });

    d.chain(e, try3, recB, waitB);
    d.edge(waitB, 'event', isB);
    d.edge(waitB, 'timeout', couponB);
    d.edge(isB, 'yes', rest7);
    d.edge(isB, 'no', couponB);
    d.chain(couponB, goalB);
    d.edge(goalB, 'met', toC);
    d.edge(goalB, 'missed', noB);
    d.chain(rest7, recC, waitC);
    d.edge(waitC, 'event', isC);
    d.edge(waitC, 'timeout', couponC);
    d.edge(isC, 'yes', tag);
    d.edge(isC, 'no', couponC);
    d.chain(couponC, goalC);
    d.edge(goalC, 'met', tag);
    d.edge(goalC, 'missed', noC);
    d.chain(tag, done);

    const s = defaultJourneySettings();
    s.maxEntries = 1;
    s.reEntry = { mode: 'never', afterDays: 30 };
    s.controlPercent = 10;
    s.goal = { rule: boughtB, windowDays: Math.min(365, window + 7) };
    return s;
  },
};
