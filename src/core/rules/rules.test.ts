import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRule, printRule, RuleSchema, RuleSyntaxError, stripSpans, typecheck, METRICS, type Rule } from './index';

const parse = (s: string) => stripSpans(parseRule(s));

describe('the domain examples parse and mean what they say', () => {
  it('net spend in the last 90 days > 1000', () => {
    expect(parse('net_spend(last 90 days) > 1000')).toEqual({
      k: 'cmp', op: '>', left: { k: 'metric', name: 'net_spend', window: { kind: 'last', days: 90 }, filters: [] }, right: { k: 'num', value: 1000 },
    });
  });
  it('bought product 85123A in more than 2 orders in the last 90 days', () => {
    expect(parse('orders(sku = "85123A", last 90 days) > 2')).toEqual({
      k: 'cmp', op: '>',
      left: { k: 'metric', name: 'orders', window: { kind: 'last', days: 90 }, filters: [{ field: 'sku', values: ['85123A'] }] },
      right: { k: 'num', value: 2 },
    });
    // unquoted codes that start with a digit are values too
    expect(parse('orders(sku = 85123A, last 90 days) > 2')).toEqual(parse('orders(sku = "85123A", last 90 days) > 2'));
  });
  it('no order for 180 days', () => {
    expect(parse('orders(last 180 days) = 0')).toEqual({
      k: 'cmp', op: '=', left: { k: 'metric', name: 'orders', window: { kind: 'last', days: 180 }, filters: [] }, right: { k: 'num', value: 0 },
    });
  });
  it('any baby aged 6 to 12 months', () => {
    expect(parse('any baby(age_months between 6 and 12)')).toEqual({
      k: 'sub', quant: 'any', kind: 'baby', where: [{ field: 'age_months', op: 'between', value: 6, value2: 12 }],
    });
  });
  it('audience A minus members who received an SMS in the last 30 days', () => {
    expect(parse('in audience "A" and not touches(channel = sms, last 30 days) > 0')).toEqual({
      k: 'and',
      args: [
        { k: 'audience', id: 'A' },
        { k: 'not', arg: { k: 'cmp', op: '>', left: { k: 'metric', name: 'touches', window: { kind: 'last', days: 30 }, filters: [{ field: 'channel', values: ['sms'] }] }, right: { k: 'num', value: 0 } } },
      ],
    });
  });
  it('orders since a campaign launch (a window that grows with the as-of day)', () => {
    expect(stripSpans(parseRule('orders(since 2011-05-20) >= 1'))).toEqual({
      k: 'cmp', op: '>=', left: { k: 'metric', name: 'orders', window: { kind: 'since', from: '2011-05-20' }, filters: [] }, right: { k: 'num', value: 1 },
    });
    expect(printRule(parseRule('paid(sku = "A", since 2011-05-20) > 10'))).toBe('paid(sku = "A", since 2011-05-20) > 10');
    expect(() => parseRule('orders(since 90 days) > 1')).toThrow(/expected a date YYYY-MM-DD/);
  });
  it('all the examples type-check', () => {
    for (const s of [
      'net_spend(last 90 days) > 1000',
      'orders(sku = "85123A", last 90 days) > 2',
      'orders(last 180 days) = 0',
      'any baby(age_months between 6 and 12)',
      'in audience "A" and not touches(channel = sms, last 30 days) > 0',
      'top 10% by net_spend(last 365 days)',
      'count(device) > 1',
      'has tag "high-value customer" or stage = "dormant"',
      'aov(between 2011-01-01 and 2011-06-30, platform in [tmall, jd]) >= 120.5',
    ]) {
      expect(typecheck(parseRule(s), { audiences: ['A'], tags: ['high-value customer'] }), s).toEqual([]);
    }
  });
});

describe('precedence and grouping', () => {
  it('and binds tighter than or; not binds tightest', () => {
    const r = parse('orders > 1 or orders > 2 and not orders > 3');
    expect(r.k).toBe('or');
    if (r.k === 'or') expect(r.args[1].k).toBe('and');
  });
  it('parentheses group', () => {
    const r = parse('(orders > 1 or orders > 2) and orders > 3');
    expect(r.k).toBe('and');
  });
});

describe('syntax errors say where and what was expected', () => {
  const cases: [string, RegExp, number][] = [
    ['net_spend(last 90 days) >', /at 26: expected a number or a measure/, 25],
    ['net_spend(last days) > 1', /at 16: expected a number of days, found 'days'/, 15],
    ['orders(sku = "x" > 2', /expected '\)'/, 17],
    ['orders > 1 and', /expected .*found the end of the rule/, 14],
    ['in audience', /expected an audience name/, 11],
    ['orders ? 1', /unexpected character '\?' at 8/, 7],
    ['has tag "unterminated', /unterminated string/, 8],
    ['orders > 1 orders > 2', /at 12: expected 'and', 'or' or the end/, 11],
  ];
  for (const [src, msg, start] of cases) {
    it(src, () => {
      try {
        parseRule(src);
        expect.unreachable('should not parse');
      } catch (e) {
        expect(e).toBeInstanceOf(RuleSyntaxError);
        expect((e as Error).message).toMatch(msg);
        expect((e as RuleSyntaxError).start).toBe(start);
      }
    });
  }
});

describe('type errors', () => {
  const check = (s: string, ctx = {}) => typecheck(parseRule(s), ctx).map((i) => i.message);
  it('unknown measure with a suggestion', () => expect(check('net_spnd > 1')[0]).toMatch(/unknown measure 'net_spnd'; did you mean net_spend/));
  it('unit mismatch', () => expect(check('net_spend > days_since_last_order')[0]).toMatch(/cannot compare money with days/));
  it('two literals', () => expect(check('1 > 2')[0]).toMatch(/compares two numbers/));
  it('bad filter field', () => expect(check('touches(sku = "x") > 1')[0]).toMatch(/cannot be filtered by 'sku'/));
  it('bad filter value', () => expect(check('touches(channel = fax) > 1')[0]).toMatch(/'fax' is not a channel/));
  it('attribute with a window', () => expect(check('level(last 3 days) > 1')[0]).toMatch(/member attribute/));
  it('unknown sub-profile field', () => expect(check('any baby(colour > 1)')[0]).toMatch(/a baby has no 'colour'/));
  it('empty range', () => expect(check('orders between 5 and 2')[0]).toMatch(/range is empty/));
  it('unknown audience and tag', () => {
    expect(check('in audience "Z"', { audiences: ['A'] })[0]).toMatch(/no saved audience named 'Z'/);
    expect(check('has tag "vip"', { tags: [] })[0]).toMatch(/no tag named 'vip'/);
  });
  it('unknown stage', () => expect(check('stage = "teen"')[0]).toMatch(/unknown lifecycle stage/));
  it('issues carry the span of the offending part', () => {
    const src = 'orders > 1 and net_spnd(last 9 days) > 2';
    const [issue] = typecheck(parseRule(src));
    expect(src.slice(issue.span!.start, issue.span!.end)).toBe('net_spnd(last 9 days)');
  });
});

// Random well-formed ASTs: print → parse gives back the same meaning.
const word = fc.constantFrom('A', 'high value', 'x"y', '85123A', 'b\\c');
const windowArb = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  fc.integer({ min: 1, max: 3650 }).map((days) => ({ kind: 'last' as const, days })),
  fc.constant({ kind: 'between' as const, from: '2011-01-01', to: '2011-12-31' }),
  fc.constant({ kind: 'since' as const, from: '2011-05-20' }),
  fc.record({ kind: fc.constant('anchored' as const), anchor: fc.constantFrom('first_order', 'joined' as const), days: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }) }),
);
const metricArb = fc.record({
  k: fc.constant('metric' as const),
  name: fc.constantFrom(...METRICS.map((m) => m.name)),
  window: windowArb,
  filters: fc.array(fc.record({ field: fc.constantFrom('sku', 'platform', 'channel'), values: fc.array(word, { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
});
const num = fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constantFrom(0.5, 12.25, 999.99));
const leaf: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom('>', '>=', '<', '<=', '=', '!=' as const), left: metricArb, right: num.map((value) => ({ k: 'num' as const, value })) }),
  fc.record({ k: fc.constant('between' as const), expr: metricArb, low: num, high: num }),
  fc.record({ k: fc.constant('audience' as const), id: word }),
  fc.record({ k: fc.constant('tag' as const), tag: word, ever: fc.boolean() }),
  fc.record({ k: fc.constant('sub' as const), quant: fc.constantFrom('any', 'none' as const), kind: fc.constant('baby'), where: fc.constant(null).map(() => [{ field: 'age_months', op: 'between' as const, value: 6, value2: 12 }]) }),
  fc.record({ k: fc.constant('rank' as const), expr: metricArb, top: fc.integer({ min: 1, max: 100 }), percent: fc.boolean() }),
);
const ruleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ k: fc.constant('and' as const), args: fc.array(tie('rule'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant('or' as const), args: fc.array(tie('rule'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant('not' as const), arg: tie('rule') }),
  ),
})).rule;

/** Nested and-in-and (or or-in-or) prints flat, which is the same meaning: flatten before comparing. */
function flatten(r: Rule): Rule {
  if (r.k === 'and' || r.k === 'or') {
    const args = r.args.map(flatten).flatMap((a) => (a.k === r.k ? (a as { args: Rule[] }).args : [a]));
    return { ...r, args };
  }
  if (r.k === 'not') return { ...r, arg: flatten(r.arg) };
  return r;
}

describe('print/parse round trip', () => {
  it('parseRule(printRule(r)) means r, and the AST schema accepts both', () => {
    fc.assert(
      fc.property(ruleArb, (r) => {
        expect(RuleSchema.safeParse(r).success).toBe(true);
        const back = stripSpans(parseRule(printRule(r)));
        expect(RuleSchema.safeParse(back).success).toBe(true);
        expect(back).toEqual(flatten(r));
      }),
      { numRuns: 300 },
    );
  });
});
