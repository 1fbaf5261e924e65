import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnsBuilder, type MemberBundle } from '../columnar/build';
import type { Member, Order, Product, SubProfile, Touch } from '../model';
import { dayNumber, dateOfDay } from '../time';
import { compileRule, parseRule, runPlan, topK, referenceEvaluate, type Rule } from './index';

const ASOF = '2011-12-09';
const products = new Map<string, Product>([
  ['85123A', { v: 1, sku: '85123A', name: 'WHITE HANGING HEART', category: 'home', role: 'main', price: 255 }],
  ['22633', { v: 1, sku: '22633', name: 'HAND WARMER', category: 'gift', role: 'traffic', price: 185 }],
  ['84879', { v: 1, sku: '84879', name: 'BIRD ORNAMENT', category: 'home', role: 'profit', price: 169 }],
]);

const member = (id: string, extra: Partial<Member> = {}): Member => ({
  v: 1, id, name: id, gender: 'u', birthday: null, region: 'UK', city: '', level: 1, joinedAt: '2010-01-01T00:00:00',
  firstPlatform: 'import', homeStoreId: null, guideId: null, wecomFriend: false, attributes: {}, ...extra,
});
let seq = 0;
const order = (memberId: string, day: string, paid: number, sku = '85123A', kind: 'sale' | 'refund' = 'sale', platform: Order['platform'] = 'tmall'): Order => ({
  v: 1, id: `o${++seq}`, memberId, externalId: `x${seq}`, kind, platform, storeId: null, placedAt: `${day}T10:00:00`,
  gross: kind === 'sale' ? paid : -paid, discount: 0, storeCredit: 0, paid: kind === 'sale' ? paid : 0, refund: kind === 'refund' ? paid : 0, couponId: null,
  lines: [{ sku, qty: 1, unitPrice: paid }],
});
const touch = (memberId: string, day: string, channel: Touch['channel']): Touch => ({
  v: 1, id: `t${++seq}`, memberId, channel, kind: 'message', at: `${day}T09:00:00`, cost: 5, campaign: null, journeyId: null, outcome: 'delivered',
});
const baby = (memberId: string, birthday?: string, dueDate?: string): SubProfile => ({
  v: 1, id: `b${++seq}`, memberId, kind: 'baby', name: 'baby', attributes: {}, dates: { ...(birthday ? { birthday } : {}), ...(dueDate ? { dueDate } : {}) },
});
const bundle = (id: string, parts: Partial<Omit<MemberBundle, 'member'>> = {}, m: Partial<Member> = {}): MemberBundle => ({
  member: member(id, m), orders: [], touches: [], coupons: [], subprofiles: [], ...parts,
});

function select(rule: string, bundles: MemberBundle[], masks = {}): string[] {
  const b = new ColumnsBuilder(products);
  bundles.forEach((x) => b.add(x));
  const cols = b.finish();
  const mask = runPlan(compileRule(parseRule(rule), cols, dayNumber(ASOF)), cols, masks);
  return cols.memberIds.filter((_, i) => mask[i]);
}

describe('the domain examples select the right members', () => {
  it('net spend in the last 90 days > 1000 (refunds count against it; older orders do not)', () => {
    const members = [
      bundle('big', { orders: [order('big', '2011-11-01', 80000), order('big', '2011-10-01', 30000)] }), // 1100 in window
      bundle('refunded', { orders: [order('refunded', '2011-11-01', 120000), order('refunded', '2011-11-05', 30000, '85123A', 'refund')] }), // 900
      bundle('old', { orders: [order('old', '2011-08-01', 500000)] }), // 130 days ago
      bundle('edge', { orders: [order('edge', '2011-09-11', 100001)] }), // 89 days before asOf: the window's first day
      bundle('outside', { orders: [order('outside', '2011-09-10', 100001)] }), // 90 days before: just outside
      bundle('exactly', { orders: [order('exactly', '2011-11-01', 100000)] }), // = 1000, not > 1000
    ];
    expect(select('net_spend(last 90 days) > 1000', members)).toEqual(['big', 'edge']);
  });
  it('bought product 85123A in more than 2 orders in the last 90 days', () => {
    const three = ['2011-10-01', '2011-11-01', '2011-12-01'];
    const members = [
      bundle('a', { orders: three.map((d) => order('a', d, 255)) }),
      bundle('b', { orders: three.map((d, i) => order('b', d, 255, i ? '85123A' : '22633')) }),
      bundle('c', { orders: [...three.map((d) => order('c', d, 255)).slice(0, 2), order('c', '2011-01-01', 255)] }),
    ];
    expect(select('orders(sku = "85123A", last 90 days) > 2', members)).toEqual(['a']);
  });
  it('repurchased within three months of the first order (a window of each member\'s own)', () => {
    const members = [
      bundle('quick', { orders: [order('quick', '2011-01-10', 100), order('quick', '2011-03-20', 100)] }), // 69 days later
      bundle('slow', { orders: [order('slow', '2011-01-10', 100), order('slow', '2011-05-01', 100)] }), // 111 days later
      bundle('edge', { orders: [order('edge', '2011-01-10', 100), order('edge', '2011-04-09', 100)] }), // day 90 of the window (the first is day 1)
      bundle('past', { orders: [order('past', '2011-01-10', 100), order('past', '2011-04-10', 100)] }), // day 91: outside
      bundle('once', { orders: [order('once', '2011-06-01', 100)] }),
      bundle('refundOnly', { orders: [order('refundOnly', '2011-06-01', 100, '85123A', 'refund'), order('refundOnly', '2011-06-20', 100)] }),
      bundle('never'),
    ];
    expect(select('orders(within 90 days of first order) >= 2', members)).toEqual(['quick', 'edge']);
    // The first order is the first sale: a refund does not start the window.
    expect(select('orders(within 30 days of first order) = 1', members)).toEqual(['quick', 'slow', 'edge', 'past', 'once', 'refundOnly']);
    // Touches since joining: a window that runs to the as-of day.
    const joined = [
      bundle('before', { touches: [touch('before', '2011-02-01', 'sms')] }, { joinedAt: '2011-03-01T00:00:00' }),
      bundle('after', { touches: [touch('after', '2011-04-01', 'sms')] }, { joinedAt: '2011-03-01T00:00:00' }),
    ];
    expect(select('touches(since joining) > 0', joined)).toEqual(['after']);
    expect(select('touches(within 32 days of joining) > 0', joined)).toEqual(['after']);
    expect(select('touches(within 31 days of joining) > 0', joined)).toEqual([]);
  });
  it('no order for 180 days (never-buyers included)', () => {
    const members = [
      bundle('recent', { orders: [order('recent', '2011-11-01', 100)] }),
      bundle('silent', { orders: [order('silent', '2011-05-01', 100)] }),
      bundle('never'),
    ];
    expect(select('orders(last 180 days) = 0', members)).toEqual(['silent', 'never']);
    expect(select('days_since_last_order >= 180', members)).toEqual(['silent', 'never']);
  });
  it('any baby aged 6 to 12 months (not the member\'s own birthday; unborn babies have no age)', () => {
    const members = [
      bundle('six', { subprofiles: [baby('six', '2011-06-09')] }),
      bundle('five', { subprofiles: [baby('five', '2011-06-10')] }),
      bundle('twelve', { subprofiles: [baby('twelve', '2010-12-09')] }),
      bundle('thirteen', { subprofiles: [baby('thirteen', '2010-11-01')] }),
      bundle('twins', { subprofiles: [baby('twins', '2009-01-01'), baby('twins', '2011-03-01')] }),
      bundle('pregnant', { subprofiles: [baby('pregnant', undefined, '2012-02-01')] }),
      bundle('own-birthday', {}, { birthday: '2011-04-01' }),
    ];
    expect(select('any baby(age_months between 6 and 12)', members)).toEqual(['six', 'twelve', 'twins']);
    expect(select('any baby(pregnancy_week >= 30)', members)).toEqual(['pregnant']);
  });
  it('audience A minus members who received an SMS in the last 30 days', () => {
    const members = [
      bundle('a-sms', { touches: [touch('a-sms', '2011-12-01', 'sms')] }),
      bundle('a-old-sms', { touches: [touch('a-old-sms', '2011-10-01', 'sms')] }),
      bundle('a-wecom', { touches: [touch('a-wecom', '2011-12-01', 'wecom_1v1')] }),
      bundle('not-a'),
    ];
    const A = Uint8Array.from([1, 1, 1, 0]);
    expect(select('in audience "A" and not touches(channel = sms, last 30 days) > 0', members, { audience: (id: string) => (id === 'A' ? A : undefined) })).toEqual(['a-old-sms', 'a-wecom']);
  });
  it('a missing audience is an error, not an empty selection', () => {
    expect(() => select('in audience "gone"', [bundle('x')])).toThrow(/no member list for audience 'gone'/);
  });
});

describe('top N', () => {
  it('takes the k highest, never NaN, ties to the lower index', () => {
    const mask = topK(Float64Array.from([5, NaN, 9, 5, 1, 5]), 3);
    expect([...mask]).toEqual([1, 0, 1, 1, 0, 0]);
    expect([...topK(Float64Array.from([NaN, 2]), 5)]).toEqual([0, 1]);
  });
});

// --- the engine agrees with the naive reference on random members and random rules ---
const skus = [...products.keys()];
// Days cluster on the edges of the windows used below, where off-by-one mistakes live.
const edges = [30, 90, 180, 365].flatMap((w) => [-1, 0, 1].map((d) => dayNumber(ASOF) - w + d));
const fixedEdges = ['2011-01-01', '2011-06-30', ASOF].flatMap((s) => [-1, 0, 1].map((d) => dayNumber(s) + d));
const dayArb = fc
  .oneof(fc.integer({ min: dayNumber('2010-06-01'), max: dayNumber('2012-01-31') }), fc.constantFrom(...edges, ...fixedEdges))
  .map(dateOfDay);
const orderArb = (id: string) =>
  fc.record({ day: dayArb, paid: fc.integer({ min: 0, max: 300000 }), sku: fc.constantFrom(...skus), refund: fc.boolean(), platform: fc.constantFrom('tmall', 'jd', 'pos' as const) })
    .map((o) => order(id, o.day, o.paid, o.sku, o.refund ? 'refund' : 'sale', o.platform));
const bundleArb = (i: number) => {
  const id = `m${i}`;
  return fc.record({
    orders: fc.array(orderArb(id), { maxLength: 8 }),
    touches: fc.array(fc.record({ day: dayArb, ch: fc.constantFrom('sms', 'wecom_1v1' as const) }).map((t) => touch(id, t.day, t.ch)), { maxLength: 4 }),
    babies: fc.array(fc.record({ b: fc.option(dayArb), d: fc.option(dayArb) }).map((x) => baby(id, x.b ?? undefined, x.d ?? undefined)), { maxLength: 2 }),
    level: fc.integer({ min: 0, max: 5 }),
    // Joining days on both sides of the as-of day and of the windows, for 'within N days of joining'.
    joined: dayArb,
  }).map((p): MemberBundle => bundle(id, { orders: p.orders, touches: p.touches, subprofiles: p.babies }, { level: p.level, joinedAt: `${p.joined}T08:00:00` }));
};
const membersArb = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => bundleArb(i))));

const measure = fc.constantFrom('orders', 'refunds', 'paid', 'refund_amount', 'gross', 'net_spend', 'aov', 'min_order', 'max_order', 'items', 'distinct_products', 'distinct_categories', 'distinct_platforms', 'days_since_first_order', 'days_since_last_order', 'avg_interval', 'max_interval', 'level', 'touches', 'touch_cost');
const windowText = fc.constantFrom('', 'last 30 days', 'last 90 days', 'last 365 days', 'between 2011-01-01 and 2011-06-30', 'since 2011-09-11', 'since 2011-12-09', 'within 90 days of first order', 'within 1 days of first order', 'since joining', 'within 30 days of joining');
const filterText = fc.constantFrom('', 'sku = "85123A"', 'category = home', 'platform in [tmall, jd]', 'kind = refund');
const leafText = fc.oneof(
  fc.tuple(measure, windowText, filterText, fc.constantFrom('>', '>=', '<', '<=', '=', '!='), fc.integer({ min: 0, max: 3000 })).map(([m, w, f, op, n]) => {
    const isTouch = m === 'touches' || m === 'touch_cost';
    const args = m === 'level' ? [] : [isTouch ? (f ? 'channel = sms' : '') : f, w].filter(Boolean);
    return `${m}${args.length ? `(${args.join(', ')})` : ''} ${op} ${n}`;
  }),
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 })).map(([a, b]) => `any baby(age_months between ${Math.min(a, b)} and ${Math.max(a, b)})`),
  fc.integer({ min: 0, max: 2 }).map((n) => `count(baby) >= ${n}`),
);
const ruleText: fc.Arbitrary<string> = fc.letrec<{ r: string }>((tie) => ({
  r: fc.oneof({ depthSize: 'small' }, leafText, fc.tuple(tie('r'), fc.constantFrom('and', 'or'), tie('r')).map(([a, op, b]) => `(${a}) ${op} (${b})`), tie('r').map((a) => `not (${a})`)),
})).r;

describe('engine = reference', () => {
  it('compiled kernels select exactly what the naive evaluator selects', () => {
    fc.assert(
      fc.property(membersArb, ruleText, (bundles, text) => {
        const rule: Rule = parseRule(text);
        const b = new ColumnsBuilder(products);
        bundles.forEach((x) => b.add(x));
        const cols = b.finish();
        const got = [...runPlan(compileRule(rule, cols, dayNumber(ASOF)), cols)].map(Boolean);
        expect(got).toEqual(referenceEvaluate(rule, bundles, { asOf: ASOF, products }));
      }),
      { numRuns: 400 },
    );
  });
});
