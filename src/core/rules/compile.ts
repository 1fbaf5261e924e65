import type { CmpOp, NumExpr, Rule, Window } from './ast';
import { metric, type Unit } from './metrics';
import { typecheck } from './typecheck';
import type { MemberColumns } from '../columnar/types';
import { dayNumber } from '../time';
import type { Anchor } from './anchors';
import { ORDER_KINDS, SUB_KINDS, TOUCH_KINDS, TOUCH_OUTCOMES } from '../columnar/types';

/**
 * A kernel plan: a flat list of steps over numbered registers (numeric vectors or member
 * masks), with every string already resolved to dictionary codes and every window to day
 * numbers. Plain data — no closures, no eval — interpreted by kernels.ts.
 */
export type CodeSet = number[] | null;

export interface OrderSel {
  from: number;
  to: number;
  /** A per-member window start (within N days of first order / joining); null = the same window for all. */
  anchor: Anchor | null;
  /** 0 sale, 1 refund; null = both */
  kind: number | null;
  platforms: CodeSet;
  stores: CodeSet;
  skus: CodeSet;
  categories: CodeSet;
}

export type Step =
  | { op: 'order'; out: number; metric: string; sel: OrderSel }
  | { op: 'touch'; out: number; metric: 'touches' | 'touch_cost'; from: number; to: number; anchor: Anchor | null; channels: CodeSet; kinds: CodeSet; outcomes: CodeSet }
  | { op: 'coupon'; out: number; metric: 'coupons_granted' | 'coupons_redeemed'; from: number; to: number; anchor: Anchor | null; templates: CodeSet }
  | { op: 'attr'; out: number; name: 'level' | 'age' | 'days_since_joined' }
  | { op: 'const'; out: number; value: number }
  | { op: 'cmp'; out: number; a: number; b: number; cmp: CmpOp }
  | { op: 'between'; out: number; a: number; low: number; high: number }
  | { op: 'and' | 'or'; out: number; ins: number[] }
  | { op: 'not'; out: number; in: number }
  | { op: 'mask'; out: number; source: 'audience' | 'tag' | 'tagEver' | 'stage'; key: string }
  | { op: 'all'; out: number }
  | { op: 'sub'; out: number; quant: 'any' | 'none'; kind: number; preds: { field: string; op: CmpOp | 'between'; value: number; value2: number }[] }
  | { op: 'subcount'; out: number; kind: number; cmp: CmpOp; value: number }
  | { op: 'rank'; out: number; in: number; top: number; percent: boolean };

/** A step before its output register is assigned (Omit distributed over the union). */
type StepInput = Step extends infer S ? (S extends Step ? Omit<S, 'out'> : never) : never;

export interface KernelPlan {
  asOfDay: number;
  registers: number;
  steps: Step[];
  result: number;
}

export class RuleCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleCompileError';
  }
}

/** Money literals are written in currency units and compared in minor units. */
const scaleFor = (unit: Unit | null) => (unit === 'money' ? 100 : 1);

export function compileRule(rule: Rule, cols: MemberColumns, asOfDay: number): KernelPlan {
  const issues = typecheck(rule);
  if (issues.length) throw new RuleCompileError(issues.map((i) => i.message).join('; '));
  const steps: Step[] = [];
  let reg = 0;
  const emit = (s: StepInput): number => {
    const out = reg++;
    steps.push({ ...s, out } as Step);
    return out;
  };

  const codes = (dict: string[], values: string[] | undefined): CodeSet => {
    if (!values) return null;
    const set = values.map((v) => dict.indexOf(v)).filter((c) => c >= 0);
    return set; // unknown values match nothing, which is what the rule says
  };

  const windowDays = (w: Window): { from: number; to: number; anchor: Anchor | null } => ({ anchor: null, ...fixedWindow(w) });
  const fixedWindow = (w: Window): { from: number; to: number; anchor?: Anchor } => {
    switch (w.kind) {
      case 'anchored':
        return { from: -Infinity, to: asOfDay, anchor: { event: w.anchor, span: w.days ?? Infinity } };
      case 'all':
        return { from: -Infinity, to: asOfDay };
      case 'last':
        return { from: asOfDay - w.days + 1, to: asOfDay };
      case 'between': {
        const [a, b] = [w.from, w.to].map(dayNumber);
        return { from: a, to: Math.min(b, asOfDay) };
      }
      case 'since':
        return { from: dayNumber(w.from), to: asOfDay };
    }
  };

  const num = (e: NumExpr, otherUnit: Unit | null): number => {
    if (e.k === 'num') return emit({ op: 'const', value: e.value * scaleFor(otherUnit) });
    const m = metric(e.name)!;
    const f = (field: string) => e.filters.find((x) => x.field === field)?.values;
    const { from, to, anchor } = windowDays(e.window);
    switch (m.source) {
      case 'orders': {
        const kindValues = f('kind');
        const kind = kindValues && kindValues.length === 1 ? ORDER_KINDS.indexOf(kindValues[0] as 'sale') : null;
        const sel: OrderSel = {
          from,
          to,
          anchor,
          kind,
          platforms: codes(cols.dicts.platform, f('platform')),
          stores: f('store') ? codes(cols.dicts.store, f('store'))!.map((c) => c + 1) : null,
          skus: codes(cols.dicts.sku, f('sku')),
          categories: codes(cols.dicts.category, f('category')),
        };
        return emit({ op: 'order', metric: m.name, sel });
      }
      case 'touches':
        return emit({
          op: 'touch',
          metric: m.name as 'touches',
          from,
          to,
          anchor,
          channels: codes(cols.dicts.channel, f('channel')),
          kinds: codes([...TOUCH_KINDS], f('kind')),
          outcomes: codes([...TOUCH_OUTCOMES], f('outcome')),
        });
      case 'coupons':
        return emit({ op: 'coupon', metric: m.name as 'coupons_granted', from, to, anchor, templates: codes(cols.dicts.couponTemplate, f('template')) });
      case 'member':
        return emit({ op: 'attr', name: m.name as 'level' });
    }
  };
  const unitOf = (e: NumExpr): Unit | null => (e.k === 'metric' ? (metric(e.name)?.unit ?? null) : null);

  const visit = (r: Rule): number => {
    switch (r.k) {
      case 'and':
      case 'or':
        return emit({ op: r.k, ins: r.args.map(visit) });
      case 'not':
        return emit({ op: 'not', in: visit(r.arg) });
      case 'true':
        return emit({ op: 'all' });
      case 'cmp': {
        const a = num(r.left, unitOf(r.right));
        const b = num(r.right, unitOf(r.left));
        return emit({ op: 'cmp', a, b, cmp: r.op });
      }
      case 'between': {
        const s = scaleFor(unitOf(r.expr));
        return emit({ op: 'between', a: num(r.expr, null), low: r.low * s, high: r.high * s });
      }
      case 'audience':
        return emit({ op: 'mask', source: 'audience', key: r.id });
      case 'tag':
        return emit({ op: 'mask', source: r.ever ? 'tagEver' : 'tag', key: r.tag });
      case 'stage':
        return emit({ op: 'mask', source: 'stage', key: r.stage });
      case 'sub':
        return emit({
          op: 'sub',
          quant: r.quant,
          kind: SUB_KINDS.indexOf(r.kind as 'baby'),
          preds: r.where.map((p) => ({ field: p.field, op: p.op, value: p.value, value2: p.value2 ?? p.value })),
        });
      case 'subcount':
        return emit({ op: 'subcount', kind: SUB_KINDS.indexOf(r.kind as 'baby'), cmp: r.op, value: r.value });
      case 'rank':
        return emit({ op: 'rank', in: num(r.expr, null), top: r.top, percent: r.percent });
    }
  };
  const result = visit(rule);
  return { asOfDay, registers: reg, steps, result };
}
