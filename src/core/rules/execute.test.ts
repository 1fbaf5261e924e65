import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnsBuilder } from '../columnar/build';
import type { MemberColumns } from '../columnar/types';
import { generateDemo } from '../demo';
import type { MemberBundle } from '../columnar/build';
import type { Product } from '../model';
import { compileRule, parseRule, referenceEvaluate, runPlan } from './index';
import { dayNumber } from '../time';
import { MeasureCache, runPlans } from './execute';
import { topK } from './topK';
import { dateOfDay } from '../time';

let cols: MemberColumns;
let asOf = 0;
const bundles: MemberBundle[] = [];
let products = new Map<string, Product>();
beforeAll(() => {
  const demo = generateDemo({ template: 'beauty', members: 400, seed: 3 });
  const b = demo.range(0, 400);
  products = new Map(demo.products.map((p) => [p.sku, p]));
  const builder = new ColumnsBuilder(products);
  for (const m of b.members) {
    bundles.push({
      member: m,
      orders: b.orders.filter((o) => o.memberId === m.id),
      touches: b.touches.filter((t) => t.memberId === m.id),
      coupons: b.coupons.filter((c) => c.memberId === m.id),
      subprofiles: b.subprofiles.filter((s) => s.memberId === m.id),
    });
  }
  bundles.forEach((x) => builder.add(x));
  cols = builder.finish();
  asOf = dayNumber(demo.workspace.asOf);
});

const MEASURES = ['orders', 'refunds', 'paid', 'refund_amount', 'discount', 'store_credit', 'gross', 'net_spend', 'aov', 'min_order', 'max_order', 'items', 'distinct_products', 'distinct_categories', 'distinct_platforms', 'days_since_first_order', 'days_since_last_order', 'avg_interval', 'max_interval'];

describe('fused executor: many plans in one pass = each plan alone = the naive reference', () => {
  it('every order measure, window, kind and filter, all plans fused together', () => {
    const cat = cols.dicts.category[1] ?? cols.dicts.category[0];
    const sku = cols.dicts.sku[2] ?? cols.dicts.sku[0];
    const args = ['', '(last 90 days)', '(last 365 days)', '(kind = refund)', '(platform in [tmall, jd], last 180 days)', `(category = "${cat}")`, `(sku = "${sku}", last 400 days)`, '(kind = sale, between 2024-01-01 and 2024-12-31)'];
    const texts: string[] = [];
    for (const m of MEASURES) for (const a of args) texts.push(`${m}${a} > 2`, `${m}${a} <= 150`);
    texts.push('touches(channel = sms, last 30 days) >= 1', 'touch_cost(last 365 days) > 1', 'coupons_redeemed(last 365 days) > 0', 'any baby(age_months between 0 and 24)', 'count(baby) = 0', 'age >= 30 and level != 1', 'top 10% by paid(last 365 days)', 'top 7 by orders', '1000 < net_spend');
    const plans = texts.map((t) => compileRule(parseRule(t), cols, asOf));
    const fused = runPlans(plans, cols, {});
    plans.forEach((p, i) => expect({ rule: texts[i], mask: Array.from(fused[i]) }).toEqual({ rule: texts[i], mask: Array.from(runPlan(p, cols, {})) }));
    texts.forEach((t, i) => {
      if (t.startsWith('top ')) return; // ranking is checked below against a sort
      const want = referenceEvaluate(parseRule(t), bundles, { asOf: dateOfDay(asOf), products }).map((x) => (x ? 1 : 0));
      expect({ rule: t, mask: Array.from(fused[i]) }).toEqual({ rule: t, mask: want });
    });
    expect(fused.filter((m) => m.some((x) => x === 1)).length).toBeGreaterThan(texts.length / 3);
  });
});

describe('measure cache: a rule re-run after an edit', () => {
  it('gives what an uncached run gives, through threshold, operator, window and filter edits, as of several days', () => {
    const cache = new MeasureCache(4);
    const edits = fc.array(
      fc.tuple(
        fc.constantFrom('net_spend', 'orders', 'aov', 'days_since_last_order', 'touches', 'coupons_granted', 'touch_cost'),
        fc.constantFrom('', '(last 90 days)', '(last 30 days)', '(channel = sms, last 90 days)', '(kind = sale)'),
        fc.constantFrom('>', '>=', '<', '='),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom(0, 30),
      ),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(edits, (list) => {
        for (const [m, w, op, n, back] of list) {
          // filters a measure does not take are left out (the type-checker would refuse them)
          const args = w.includes('channel') && !m.startsWith('touch') ? '' : w === '(kind = sale)' && (m.startsWith('touch') || m.startsWith('coupon')) ? '' : w;
          const text = `${m}${args} ${op} ${n} and not touches(channel = sms, last 30 days) > 1`;
          const plan = compileRule(parseRule(text), cols, asOf - back);
          expect({ text, mask: Array.from(runPlans([plan], cols, {}, cache)[0]) }).toEqual({ text, mask: Array.from(runPlan(plan, cols, {})) });
        }
        expect(cache.size).toBeLessThanOrEqual(4);
      }),
      { numRuns: 40 },
    );
  });
});

/** The obvious top-k: sort indices by value (desc), ties by index, NaN never. */
function sortTopK(v: Float64Array, k: number): number[] {
  const idx = [...v.keys()].filter((i) => !Number.isNaN(v[i])).sort((a, b) => v[b] - v[a] || a - b);
  const out = new Array(v.length).fill(0);
  idx.slice(0, Math.max(0, k)).forEach((i) => (out[i] = 1));
  return out;
}

describe('topK by selection = top-k by sorting', () => {
  it('with ties, NaN and every k', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(NaN)), { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (xs, k) => {
        const v = Float64Array.from(xs);
        expect(Array.from(topK(v, k))).toEqual(sortTopK(Float64Array.from(xs), k));
      }),
      { numRuns: 500 },
    );
  });
});
