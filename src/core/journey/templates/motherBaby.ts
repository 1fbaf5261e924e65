import { defaultJourneySettings } from '../../model/journey';
import { L, type Text } from '../text';
import { ph, quote, rule } from './draw';
import type { TemplateDef } from './types';

/**
 * Mother and baby (domain §2, §4): content for each stage, triggered by the dynamic tags the
 * workspace recomputes every day: pregnancy week from the due date (folic acid early, calcium and
 * iron mid-pregnancy, a birth kit late) and the baby's month-age from its birthday (weaning at 6
 * months, formula stage 3 at 12). One lane per stage, each entered by its own event.
 */
export const motherBaby: TemplateDef = {
  id: 'motherBaby',
  title: L('Mother & baby by pregnancy week and month-age', '母婴：按孕周和月龄'),
  description: L(
    'Content for each stage: pregnancy weeks 12, 20 and 32 (folic acid, calcium and iron, the birth kit), baby month-ages 6 (weaning) and 12 (formula stage 3, with a coupon and a reminder).',
    '分阶段内容：孕 12、20、32 周（叶酸、钙铁、待产包），宝宝 6 月龄（辅食添加）和 12 月龄（奶粉 3 段，附券和提醒）。',
  ),
  placeholders: [
    ph('birthKitCoupon', 'money', L('Birth-kit coupon amount (week 32)', '待产包券面额（孕 32 周）'), '50'),
    ph('weaningScript', 'content', L('Weaning message (6 months)', '辅食话术（6 月龄）'), L(
      '{{name}}, your baby is 6 months old: time for first foods. Here is our weaning guide, and {{guide}} is here for your questions.',
      '{{name}}，宝宝 6 个月啦，可以开始添加辅食了。送您一份辅食添加指南，有问题随时问{{guide}}。',
    )),
    ph('stage3Sku', 'sku', L('Formula stage 3 SKU', '奶粉 3 段 SKU'), 'F3-800'),
    ph('stage3Coupon', 'money', L('Formula stage 3 coupon amount (12 months)', '奶粉 3 段券面额（12 月龄）'), '30'),
    ph('stage3Script', 'content', L('Formula stage 3 message (12 months)', '奶粉 3 段话术（12 月龄）'), L(
      'Happy first birthday to your baby, {{name}}! From 12 months, formula stage 3 fits your toddler; {{coupon}} for your first tin.',
      '{{name}}，宝宝一周岁快乐！12 月龄起适合换 3 段奶粉，首罐可用{{coupon}}。',
    )),
  ],
  build: (d, v) => {
    /** A lane: the stage's event, its content from the guide, an exit, the SOP note. */
    const tip = (row: number, entry: Record<string, unknown>, label: Text, topic: Text, content: Text | string, sop: Text) => {
      const e = d.node('entry.event', 0, row, entry, label);
      const m = d.node('action.wecom1v1', 1, row, { content: typeof content === 'string' ? content : d.t(content) }, topic);
      d.chain(e, m, d.node('flow.exit', 2, row, { reason: d.t(label) }));
      d.note(3, row, sop, 2);
    };

    tip(0, { event: 'pregnancy_week', week: 12 }, L('Pregnancy week 12', '孕 12 周'), L('Folic acid', '叶酸'),
      L('{{name}}, in early pregnancy folic acid matters most. Here is what to take and when; ask {{guide}} anything.', '{{name}}，孕早期最重要的是补充叶酸。这是补充建议，有问题随时问{{guide}}。'),
      L('Early pregnancy: folic acid.', '孕早期：叶酸。'));
    tip(1, { event: 'pregnancy_week', week: 20 }, L('Pregnancy week 20', '孕 20 周'), L('Calcium and iron', '补钙补铁'),
      L('{{name}}, mid-pregnancy is the time for calcium and iron. Our nutritionist’s guide is ready for you.', '{{name}}，孕中期注意补钙补铁，营养师指南已为您备好。'),
      L('Mid-pregnancy: calcium and iron.', '孕中期：钙、铁。'));

    // Week 32: the birth kit, with a coupon.
    d.note(4, 2, L('Late pregnancy: the birth kit, with a coupon.', '孕晚期：待产包，附券。'), 2);
    const late = d.node('entry.event', 0, 2, { event: 'pregnancy_week', week: 32 }, L('Pregnancy week 32', '孕 32 周'));
    const kit = d.node('action.coupon', 1, 2, { name: d.t(L('Birth-kit coupon', '待产包券')), amount: v.money('birthKitCoupon'), threshold: 0, validityDays: 30 }, L('Birth-kit coupon', '待产包券'));
    const kitMsg = d.node('action.wecom1v1', 2, 2, { content: d.t(L('{{name}}, the big day is near! Our birth-kit checklist, and {{coupon}} to get it ready.', '{{name}}，宝宝就快来了！待产包清单送上，另附{{coupon}}助您备齐。')) }, L('Birth-kit checklist', '待产包清单'));
    d.chain(late, kit, kitMsg, d.node('flow.exit', 3, 2, { reason: d.t(L('birth kit', '待产包')) }));

    tip(3, { event: 'baby_month_age', monthAge: 6 }, L('Baby 6 months', '宝宝 6 月龄'), L('Weaning guide', '辅食指南'), v.text('weaningScript'), L('6 months: weaning, first foods (and formula stage 2).', '6 月龄：添加辅食（奶粉换 2 段）。'));

    // Month 12: formula stage 3 for those not buying it yet, with a coupon, a wait and a reminder.
    const s3 = quote(v.text('stage3Sku'));
    d.note(7, 4, L('12 months: formula stage 3 for those not on it yet; a reminder if no order within two weeks.', '12 月龄：尚未购买 3 段的推荐换段；两周内未下单则提醒。'), 2);
    const m12 = d.node('entry.event', 0, 4, { event: 'baby_month_age', monthAge: 12 }, L('Baby 12 months', '宝宝 12 月龄'));
    const notYet = d.node('flow.condition', 1, 4, { rule: rule(`orders(sku = ${s3}, last 60 days) = 0`) }, L('Not on stage 3 yet?', '尚未购买 3 段？'));
    const c3 = d.node('action.coupon', 2, 4, { name: d.t(L('Formula stage 3 coupon', '奶粉 3 段券')), amount: v.money('stage3Coupon'), threshold: 0, validityDays: 30 }, L('Stage 3 coupon', '3 段券'));
    const msg3 = d.node('action.wecom1v1', 3, 4, { content: v.text('stage3Script') }, L('Formula stage 3', '奶粉 3 段'));
    // A plain wait and a check on the SKU: any other order must not count, and the reminder is then a day's only SMS.
    const wait3 = d.node('flow.wait', 4, 4, { amount: 14, unit: 'days' }, L('Two weeks', '两周'));
    const still = d.node('flow.condition', 5, 4, { rule: rule(`orders(sku = ${s3}, last 14 days) = 0`) }, L('Still no stage 3 order?', '仍未下单 3 段？'));
    const ok = d.node('flow.exit', 6, 4, { reason: d.t(L('ordered stage 3', '已下单 3 段')) });
    const already = d.node('flow.exit', 2, 5, { reason: d.t(L('already on stage 3', '已在用 3 段')) });
    const remind = d.node('action.sms', 6, 5, { content: d.t(L('{{name}}, your stage 3 coupon {{coupon}} is still waiting for you. Reply TD to opt out.', '{{name}}，您的 3 段奶粉券{{coupon}}还未使用哦。回T退订')) }, L('Reminder', '提醒'));
    const end = d.node('flow.exit', 7, 5, { reason: d.t(L('reminded', '已提醒')) });
    d.edge(m12, 'next', notYet);
    d.edge(notYet, 'yes', c3);
    d.edge(notYet, 'no', already);
    d.chain(c3, msg3, wait3, still);
    d.edge(still, 'yes', remind);
    d.edge(still, 'no', ok);
    d.chain(remind, end);

    const s = defaultJourneySettings();
    // Each stage is its own entry: a member comes back at every stage, and for every baby.
    s.reEntry = { mode: 'always', afterDays: 30 };
    return s;
  },
};
