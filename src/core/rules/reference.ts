import type { MemberBundle } from '../columnar/build';
import type { Order } from '../model';
import { dayNumber, monthsBetween, yearsBetween } from '../time';
import type { NumExpr, Rule, Window } from './ast';
import { compare } from './kernels';
import { metric } from './metrics';

/**
 * A deliberately naive evaluator over plain records, written apart from the compiler and
 * kernels: the oracle the property tests compare the engine against. Slow and obvious.
 */
export interface ReferenceContext {
  asOf: string;
  products: Map<string, { category: string }>;
  audiences?: Record<string, Set<string>>;
  tags?: Record<string, Set<string>>;
  tagsEver?: Record<string, Set<string>>;
  stages?: Record<string, Set<string>>;
}

export function referenceEvaluate(rule: Rule, members: MemberBundle[], ctx: ReferenceContext): boolean[] {
  const asOf = dayNumber(ctx.asOf);
  // The member's own anchor day for 'anchored' windows: their first sale as of asOf, or joining.
  let anchorFor: (w: Window & { kind: 'anchored' }) => number | null = () => null;
  const inWindow = (day: number, w: Window): boolean => {
    if (day > asOf) return false;
    switch (w.kind) {
      case 'all':
        return true;
      case 'last':
        return day > asOf - w.days;
      case 'since':
        return day >= dayNumber(w.from);
      case 'between':
        return day >= dayNumber(w.from) && day <= dayNumber(w.to);
      case 'anchored': {
        const a = anchorFor(w);
        return a !== null && day >= a && (w.days === null || day < a + w.days);
      }
    }
  };

  const value = (b: MemberBundle, e: NumExpr): number => {
    if (e.k === 'num') return e.value * 1;
    anchorFor = (w) => {
      if (w.anchor === 'joined') {
        const j = dayNumber(b.member.joinedAt);
        return j <= asOf ? j : null;
      }
      const sales = b.orders.filter((o) => o.kind === 'sale' && dayNumber(o.placedAt) <= asOf).map((o) => dayNumber(o.placedAt));
      return sales.length ? Math.min(...sales) : null;
    };
    const m = metric(e.name)!;
    const fv = (field: string) => e.filters.find((f) => f.field === field)?.values;
    if (m.source === 'member') {
      if (e.name === 'level') return b.member.level;
      if (e.name === 'age') return b.member.birthday ? yearsBetween(dayNumber(b.member.birthday), asOf) : NaN;
      return asOf - dayNumber(b.member.joinedAt);
    }
    if (m.source === 'touches') {
      const ts = b.touches.filter(
        (t) => inWindow(dayNumber(t.at), e.window) && (!fv('channel') || fv('channel')!.includes(t.channel)) && (!fv('kind') || fv('kind')!.includes(t.kind)) && (!fv('outcome') || fv('outcome')!.includes(t.outcome)),
      );
      return e.name === 'touches' ? ts.length : ts.reduce((s, t) => s + t.cost, 0);
    }
    if (m.source === 'coupons') {
      const tpl = fv('template');
      return b.coupons.filter((c) => {
        const at = e.name === 'coupons_granted' ? c.grantedAt : c.redeemedAt;
        return at !== null && inWindow(dayNumber(at), e.window) && (!tpl || tpl.includes(c.template));
      }).length;
    }
    const skus = fv('sku');
    const cats = fv('category');
    const lineOk = (sku: string) => (!skus || skus.includes(sku)) && (!cats || cats.includes(ctx.products.get(sku)?.category ?? ''));
    const saleMeasures = ['orders', 'paid', 'aov', 'min_order', 'max_order', 'items', 'distinct_products', 'distinct_categories', 'distinct_platforms', 'days_since_first_order', 'days_since_last_order', 'avg_interval', 'max_interval'];
    const implied = saleMeasures.includes(e.name) ? 'sale' : ['refunds', 'refund_amount'].includes(e.name) ? 'refund' : null;
    const kinds = fv('kind');
    const os: Order[] = b.orders
      .filter((o) => inWindow(dayNumber(o.placedAt), e.window))
      .filter((o) => (!implied || o.kind === implied) && (!kinds || kinds.length !== 1 || kinds[0] === o.kind))
      .filter((o) => (!fv('platform') || fv('platform')!.includes(o.platform)) && (!fv('store') || (o.storeId !== null && fv('store')!.includes(o.storeId))))
      .filter((o) => (!skus && !cats) || o.lines.some((l) => lineOk(l.sku)))
      .sort((x, y) => dayNumber(x.placedAt) - dayNumber(y.placedAt));
    const days = os.map((o) => dayNumber(o.placedAt));
    const lines = os.flatMap((o) => o.lines.filter((l) => lineOk(l.sku)));
    const sum = (f: (o: Order) => number) => os.reduce((s, o) => s + f(o), 0);
    switch (e.name) {
      case 'orders':
      case 'refunds':
        return os.length;
      case 'paid':
        return sum((o) => o.paid);
      case 'refund_amount':
        return sum((o) => o.refund);
      case 'discount':
        return sum((o) => o.discount);
      case 'store_credit':
        return sum((o) => o.storeCredit);
      case 'gross':
        return sum((o) => o.gross);
      case 'net_spend':
        return sum((o) => o.paid - o.refund);
      case 'aov':
        return os.length ? sum((o) => o.paid) / os.length : NaN;
      case 'min_order':
        return os.length ? Math.min(...os.map((o) => o.paid)) : NaN;
      case 'max_order':
        return os.length ? Math.max(...os.map((o) => o.paid)) : NaN;
      case 'items':
        return lines.reduce((s, l) => s + Math.abs(l.qty), 0);
      case 'distinct_products':
        return new Set(lines.map((l) => l.sku)).size;
      case 'distinct_categories':
        return new Set(lines.map((l) => ctx.products.get(l.sku)?.category ?? '')).size;
      case 'distinct_platforms':
        return new Set(os.map((o) => o.platform)).size;
      case 'days_since_first_order':
        return days.length ? asOf - days[0] : Infinity;
      case 'days_since_last_order':
        return days.length ? asOf - days[days.length - 1] : Infinity;
      case 'avg_interval':
        return days.length > 1 ? (days[days.length - 1] - days[0]) / (days.length - 1) : NaN;
      case 'max_interval':
        return days.length > 1 ? Math.max(...days.slice(1).map((d, i) => d - days[i])) : NaN;
    }
    throw new Error(`reference: no measure ${e.name}`);
  };
  const scale = (e: NumExpr) => (e.k === 'metric' && metric(e.name)?.unit === 'money' ? 100 : 1);
  const lit = (e: NumExpr, other: NumExpr, b: MemberBundle) => (e.k === 'num' ? e.value * scale(other) : value(b, e));

  const holds = (r: Rule, b: MemberBundle): boolean => {
    switch (r.k) {
      case 'and':
        return r.args.every((a) => holds(a, b));
      case 'or':
        return r.args.some((a) => holds(a, b));
      case 'not':
        return !holds(r.arg, b);
      case 'true':
        return true;
      case 'cmp':
        return compare(lit(r.left, r.right, b), r.op, lit(r.right, r.left, b));
      case 'between': {
        const v = value(b, r.expr);
        return v >= r.low * scale(r.expr) && v <= r.high * scale(r.expr);
      }
      case 'audience':
        return !!ctx.audiences?.[r.id]?.has(b.member.id);
      case 'tag':
        return !!(r.ever ? ctx.tagsEver : ctx.tags)?.[r.tag]?.has(b.member.id);
      case 'stage':
        return !!ctx.stages?.[r.stage]?.has(b.member.id);
      case 'sub': {
        const any = b.subprofiles.some(
          (s) =>
            s.kind === r.kind &&
            r.where.every((p) => {
              const birth = s.dates.birthday ? dayNumber(s.dates.birthday) : null;
              const born = birth !== null && birth <= asOf;
              let v = NaN;
              if (p.field === 'age_months' && born) v = monthsBetween(birth!, asOf);
              if (p.field === 'age_days' && born) v = asOf - birth!;
              if (p.field === 'pregnancy_week' && !born && s.dates.dueDate) {
                const w = Math.floor((280 - (dayNumber(s.dates.dueDate) - asOf)) / 7);
                v = w >= 0 && w <= 45 ? w : NaN;
              }
              return p.op === 'between' ? v >= p.value && v <= (p.value2 ?? p.value) : compare(v, p.op, p.value);
            }),
        );
        return r.quant === 'any' ? any : !any;
      }
      case 'subcount':
        return compare(b.subprofiles.filter((s) => s.kind === r.kind).length, r.op, r.value);
      case 'rank':
        throw new Error('reference: rank is checked on its own');
    }
  };
  return members.map((b) => holds(rule, b));
}
