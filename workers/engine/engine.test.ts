import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRule, referenceEvaluate, type Rule } from '../../src/core/rules';
import { dateOfDay, dayNumber } from '../../src/core/time';
import { demoSlice, type DemoSlice } from './testData';
import { WorkspaceEngine } from './workspaceEngine';

let slice: DemoSlice;
let engine: WorkspaceEngine;
let sku = '';
let category = '';

beforeAll(async () => {
  slice = await demoSlice(300, 'mother_baby', 11);
  engine = new WorkspaceEngine(slice.db);
  await engine.ensureSnapshot();
  // The most bought sku and its category, so filtered rules select someone.
  const n = new Map<string, number>();
  for (const b of slice.bundles) for (const o of b.orders) for (const l of o.lines) n.set(l.sku, (n.get(l.sku) ?? 0) + 1);
  sku = [...n.entries()].sort((a, b) => b[1] - a[1])[0][0];
  category = slice.products.get(sku)!.category;
});

const RULES = () => [
  'net_spend(last 90 days) > 1000',
  'net_spend(last 90 days) > 2000',
  `orders(sku = "${sku}", last 90 days) >= 2`,
  `orders(category = "${category}", last 365 days) > 1 and not refunds > 0`,
  'orders(last 180 days) = 0',
  'days_since_last_order >= 180 or orders = 0',
  'any baby(age_months between 6 and 12)',
  'no baby(pregnancy_week >= 1) and count(baby) >= 1',
  'touches(channel = sms, last 30 days) >= 2',
  'aov(platform in [tmall, jd]) between 100 and 300',
  'distinct_categories(last 365 days) >= 3 or max_interval > 120',
  'coupons_redeemed(last 180 days) > 0 and level >= 2',
  'age between 25 and 35 and paid(last 365 days) > 500',
  'items(kind = sale, last 60 days) > 3',
  'avg_interval < 60 and days_since_first_order > 300',
];

describe('engine = reference evaluator on a 300-member demo', () => {
  it('selects exactly what the naive evaluator selects, as of random dates', async () => {
    const base = dayNumber(slice.asOf);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -400, max: 30 }), fc.integer({ min: 0, max: RULES().length - 1 }), async (shift, k) => {
        const asOf = dateOfDay(base + shift);
        const text = RULES()[k];
        const rule = parseRule(text);
        const expected = referenceEvaluate(rule, slice.bundles, { asOf, products: slice.products });
        const { ids, count } = await engine.members(rule, { asOf, limit: 1000 });
        const want = slice.bundles.filter((_, i) => expected[i]).map((b) => b.member.id);
        expect({ text, asOf, ids }).toEqual({ text, asOf, ids: want });
        expect(count).toBe(want.length);
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it('every rule at the workspace as-of date, all at once (fused) and one by one', async () => {
    const rules = RULES().map((t) => parseRule(t));
    const fused = await engine.evaluateRules(rules);
    const single = await engine.evaluateRules(rules, { fused: false });
    const want = rules.map((r) => referenceEvaluate(r, slice.bundles, { asOf: slice.asOf, products: slice.products }).filter(Boolean).length);
    expect(fused.counts).toEqual(want);
    expect(single.counts).toEqual(want);
    // The data is rich enough that the rules are not trivially empty.
    expect(want.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('top N by a measure picks the highest values', async () => {
    const rule = parseRule('top 10% by net_spend(last 365 days)');
    const { ids, count } = await engine.members(rule, { limit: 1000 });
    expect(count).toBe(30);
    const values = slice.bundles.map((b) => referenceEvaluate(parseRule('true'), [b], { asOf: slice.asOf, products: slice.products }) && net(b));
    const cut = [...values].sort((a, b) => Number(b) - Number(a))[29];
    for (const id of ids) expect(Number(values[slice.bundles.findIndex((b) => b.member.id === id)])).toBeGreaterThanOrEqual(Number(cut));
  });

  it('count reports the total and the as-of date', async () => {
    const r = await engine.count(parseRule('true'));
    expect(r).toMatchObject({ count: 300, total: 300, asOf: slice.asOf });
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });
});

function net(b: DemoSlice['bundles'][number]): number {
  const asOf = dayNumber(slice.asOf);
  return b.orders.filter((o) => dayNumber(o.placedAt) > asOf - 365 && dayNumber(o.placedAt) <= asOf).reduce((s, o) => s + o.paid - o.refund, 0);
}

export type { Rule };
