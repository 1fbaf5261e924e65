import { metric, filtersFor, stripSpans, type NumExpr, type Rule } from '../../core/rules';

/**
 * The visual builder's model over the one rule AST: a tree of AND / OR groups whose leaves
 * are single conditions; NOT is a flag on a group or a condition. toBuilder and fromBuilder
 * convert losslessly (fromBuilder(toBuilder(r)) means exactly r, spans aside).
 */
export type Leaf = Exclude<Rule, { k: 'and' } | { k: 'or' } | { k: 'not' }>;
export interface CondNode {
  type: 'cond';
  id: string;
  negate: boolean;
  leaf: Leaf;
}
export interface GroupNode {
  type: 'group';
  id: string;
  negate: boolean;
  op: 'and' | 'or';
  children: BuilderNode[];
}
export type BuilderNode = CondNode | GroupNode;

let seq = 0;
export const nodeId = (): string => `n${++seq}`;

function toNode(r: Rule): BuilderNode {
  switch (r.k) {
    case 'not': {
      const inner = toNode(r.arg);
      // `not not x` stays two negations: the outer one goes on a one-child group.
      if (inner.negate) return { type: 'group', id: nodeId(), negate: true, op: 'and', children: [inner] };
      return { ...inner, negate: true };
    }
    case 'and':
    case 'or':
      return { type: 'group', id: nodeId(), negate: false, op: r.k, children: r.args.map(toNode) };
    default:
      return { type: 'cond', id: nodeId(), negate: false, leaf: stripSpans(r) };
  }
}

/** The builder tree for a rule: always a group at the root; `true` is the empty group. */
export function toBuilder(rule: Rule): GroupNode {
  if (rule.k === 'true') return { type: 'group', id: nodeId(), negate: false, op: 'and', children: [] };
  const node = toNode(rule);
  if (node.type === 'group' && !node.negate) return node;
  return { type: 'group', id: nodeId(), negate: false, op: 'and', children: [node] };
}

function fromNode(n: BuilderNode): Rule | null {
  let r: Rule | null;
  if (n.type === 'cond') r = n.leaf;
  else {
    const args = n.children.map(fromNode).filter((x): x is Rule => x !== null);
    r = args.length === 0 ? null : args.length === 1 ? args[0] : { k: n.op, args };
  }
  if (r && n.negate) return { k: 'not', arg: r };
  return r;
}

/** The rule a builder tree means; an empty tree selects everyone (`true`). */
export function fromBuilder(root: GroupNode): Rule {
  return fromNode(root) ?? { k: 'true' };
}

/** Whether the builder can edit a leaf in place (others are shown as text, editable in Text mode). */
export function isEditableLeaf(leaf: Leaf): boolean {
  if (leaf.k === 'cmp') return leaf.left.k === 'metric' && leaf.right.k === 'num';
  if (leaf.k === 'between' || leaf.k === 'rank') return leaf.expr.k === 'metric';
  return true;
}

export type LeafKind = 'measure' | 'audience' | 'tag' | 'stage' | 'sub' | 'subcount' | 'rank';
export const LEAF_KINDS: readonly LeafKind[] = ['measure', 'audience', 'tag', 'stage', 'sub', 'subcount', 'rank'];

const metricExpr = (name: string, days: number): NumExpr => ({ k: 'metric', name, window: { kind: 'last', days }, filters: [] });

/** A fresh condition of a kind, with the domain's usual defaults. */
export function defaultLeaf(kind: LeafKind, ctx: { audiences?: string[]; tags?: string[] } = {}): Leaf {
  switch (kind) {
    case 'measure':
      return { k: 'cmp', op: '>', left: metricExpr('net_spend', 90), right: { k: 'num', value: 1000 } };
    case 'audience':
      return { k: 'audience', id: ctx.audiences?.[0] ?? '' };
    case 'tag':
      return { k: 'tag', tag: ctx.tags?.[0] ?? '', ever: false };
    case 'stage':
      return { k: 'stage', stage: 'growth' };
    case 'sub':
      return { k: 'sub', quant: 'any', kind: 'baby', where: [{ field: 'age_months', op: 'between', value: 6, value2: 12 }] };
    case 'subcount':
      return { k: 'subcount', kind: 'device', op: '>', value: 1 };
    case 'rank':
      return { k: 'rank', top: 10, percent: true, expr: metricExpr('net_spend', 365) };
  }
}

/** Change a measure's metric, dropping the window and filters the new metric does not take. */
export function withMetric(e: NumExpr, name: string): NumExpr {
  const m = metric(name);
  if (!m || e.k !== 'metric') return e;
  if (!m.windowed) return { k: 'metric', name, window: { kind: 'all' }, filters: [] };
  const allowed = filtersFor(m.source);
  return { ...e, name, filters: e.filters.filter((f) => allowed.includes(f.field)) };
}

/** Immutable tree edits by node id. */
export function updateNode(root: GroupNode, id: string, f: (n: BuilderNode) => BuilderNode | null): GroupNode {
  const walk = (n: BuilderNode): BuilderNode | null => {
    if (n.id === id) return f(n);
    if (n.type === 'cond') return n;
    const children = n.children.map(walk).filter((c): c is BuilderNode => c !== null);
    return { ...n, children };
  };
  return (walk(root) as GroupNode | null) ?? { ...root, children: [] };
}
