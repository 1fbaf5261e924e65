import { describe, expect, it } from 'vitest';
import { parseRule, printRule, stripSpans } from '../../core/rules';
import { defaultLeaf, fromBuilder, LEAF_KINDS, toBuilder, updateNode, withMetric, type CondNode } from './builderModel';
import { checkRuleText, lineCol, splitAtSpan } from './textCheck';

const DOMAIN = [
  'net_spend(last 90 days) > 1000',
  'orders(sku = "85123A", last 90 days) > 2',
  'orders(last 180 days) = 0',
  'any baby(age_months between 6 and 12)',
  'in audience "A" and not touches(channel = sms, last 30 days) > 0',
  'top 10% by net_spend(last 365 days)',
  'count(device) > 1',
  'not (stage = growth or has tag "VIP" ever) and paid between 10 and 20',
  'not not orders > 1',
  '1000 < net_spend',
  'true',
];

describe('builder model', () => {
  it.each(DOMAIN)('round-trips %s through the builder and the text form', (text) => {
    const rule = parseRule(text);
    const back = fromBuilder(toBuilder(rule));
    expect(back).toEqual(stripSpans(rule));
    expect(stripSpans(parseRule(printRule(back)))).toEqual(stripSpans(rule));
  });

  it('puts the domain example into rows: an AND group with a plain and a negated condition', () => {
    const root = toBuilder(parseRule('in audience "A" and not touches(channel = sms, last 30 days) > 0'));
    expect(root.op).toBe('and');
    expect(root.children.map((c) => [c.type, c.negate])).toEqual([['cond', false], ['cond', true]]);
    expect((root.children[0] as CondNode).leaf).toEqual({ k: 'audience', id: 'A' });
  });

  it('a single condition sits in a root group; the empty group means everyone', () => {
    const root = toBuilder(parseRule('orders(last 180 days) = 0'));
    expect(root.children).toHaveLength(1);
    expect(fromBuilder({ ...root, children: [] })).toEqual({ k: 'true' });
    expect(toBuilder({ k: 'true' }).children).toHaveLength(0);
  });

  it('edits and removes nodes by id, collapsing groups that become single', () => {
    const root = toBuilder(parseRule('orders > 1 or paid > 5'));
    const [a, b] = root.children;
    const removed = updateNode(root, a.id, () => null);
    expect(printRule(fromBuilder(removed))).toBe('paid > 5');
    const changed = updateNode(root, b.id, (n) => ({ ...(n as CondNode), leaf: { ...(n as CondNode).leaf, op: '>=' } as CondNode['leaf'] }));
    expect(printRule(fromBuilder(changed))).toBe('orders > 1 or paid >= 5');
  });

  it('every default condition type-checks (given an audience and a tag) and prints', () => {
    for (const kind of LEAF_KINDS) {
      const leaf = defaultLeaf(kind, { audiences: ['A'], tags: ['VIP'] });
      const check = checkRuleText(printRule(leaf), { audiences: ['A'], tags: ['VIP'] });
      expect(check.ok, kind).toBe(true);
    }
  });

  it('changing the metric drops what the new one does not take', () => {
    const e = parseRule('orders(sku = "X", last 90 days) > 1');
    if (e.k !== 'cmp') throw new Error('cmp expected');
    expect(withMetric(e.left, 'touches')).toMatchObject({ name: 'touches', filters: [], window: { kind: 'last', days: 90 } });
    expect(withMetric(e.left, 'paid')).toMatchObject({ name: 'paid', filters: [{ field: 'sku', values: ['X'] }] });
    expect(withMetric(e.left, 'level')).toEqual({ k: 'metric', name: 'level', window: { kind: 'all' }, filters: [] });
  });
});

describe('text check', () => {
  it('reports a syntax error with its position', () => {
    const c = checkRuleText('net_spend(last -5 days) > 1', {});
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.issues[0].start).toBe(15);
    expect(lineCol('net_spend(last -5 days) > 1', c.issues[0].start!)).toEqual({ line: 1, col: 16 });
  });
  it('reports type errors with their span, and unknown audiences', () => {
    const c = checkRuleText('foo > 1 and in audience "B"', { audiences: ['A'] });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.issues.map((i) => i.start)).toEqual([0, 12]);
    expect(c.issues[1].message).toMatch(/no saved audience named 'B'/);
  });
  it('accepts a valid rule', () => {
    expect(checkRuleText('orders(last 180 days) = 0', {}).ok).toBe(true);
  });
  it('splits text around a span, never empty in the middle', () => {
    expect(splitAtSpan('abc', 1, 2)).toEqual(['a', 'b', 'c']);
    expect(splitAtSpan('abc', 3, 3)).toEqual(['abc', ' ', '']);
  });
});
