import type { MemberColumns } from '../columnar/types';
import type { CodeSet, OrderSel } from './compile';
import { anchorDays, memberWindow } from './anchors';

/**
 * Order measures of many rules in ONE pass over the member-sorted order columns (the fused
 * path of docs/engine.md). Every distinct (window, kind, filters) selection is a Group with
 * its own running accumulators and reads the orders inside its window (scan). Checked against the
 * naive reference evaluator (reference.ts); nothing is allocated per member or per order.
 */
export const SALE_MEASURES = ['orders', 'paid', 'aov', 'min_order', 'max_order', 'items', 'distinct_products', 'distinct_categories', 'distinct_platforms', 'days_since_first_order', 'days_since_last_order', 'avg_interval', 'max_interval'];
const REFUND_MEASURES = ['refunds', 'refund_amount'];
const impliedKind = (name: string): number | null => (SALE_MEASURES.includes(name) ? 0 : REFUND_MEASURES.includes(name) ? 1 : null);

/** A measure whose selection asks for the other order kind reads nothing: its empty value. */
export function emptyValue(name: string): number {
  if (name.startsWith('days_since')) return Infinity;
  return ['aov', 'min_order', 'max_order', 'avg_interval', 'max_interval'].includes(name) ? NaN : 0;
}

const toSet = (c: CodeSet, size: number): Uint8Array | null => {
  if (!c) return null;
  const s = new Uint8Array(Math.max(size, 1));
  for (const x of c) if (x >= 0 && x < size) s[x] = 1;
  return s;
};

/** Measure codes, so the per-member finish is a switch on small ints (no Map iteration). */
const MEASURES = ['orders', 'refunds', 'paid', 'refund_amount', 'discount', 'store_credit', 'gross', 'net_spend', 'items', 'aov', 'min_order', 'max_order', 'distinct_products', 'distinct_categories', 'distinct_platforms', 'days_since_first_order', 'days_since_last_order', 'avg_interval', 'max_interval'];

class Group {
  readonly outputs = new Map<string, Float64Array>();
  codes: Int32Array = new Int32Array(0);
  outs: Float64Array[] = [];
  // accumulators, reset per member
  n = 0; paid = 0; refund = 0; discount = 0; credit = 0; gross = 0; min = Infinity; max = -Infinity;
  first = NaN; last = NaN; prev = NaN; gap = -Infinity; items = 0; dSku = 0; dCat = 0; dPlat = 0;
  readonly platforms: Uint8Array | null;
  readonly stores: Uint8Array | null;
  readonly skus: Uint8Array | null;
  readonly cats: Uint8Array | null;
  readonly lineFilter: boolean;
  needLines = false;
  stampSku: Int32Array | null = null;
  stampCat: Int32Array | null = null;
  stampPlat: Int32Array | null = null;
  // Which accumulators the requested measures read (set by seal): the rest are not updated.
  wantMoney = true;
  wantMinMax = true;
  wantDays = true;

  /** Per-member window start (ast 'anchored'): each member's anchor day and the window's length. */
  anchorDays: Int32Array | null = null;
  span = Infinity;

  constructor(readonly from: number, readonly to: number, readonly kind: number, sel: OrderSel, cols: MemberColumns) {
    this.platforms = toSet(sel.platforms, cols.dicts.platform.length);
    this.stores = toSet(sel.stores, cols.dicts.store.length + 1);
    this.skus = toSet(sel.skus, cols.dicts.sku.length);
    this.cats = toSet(sel.categories, cols.dicts.category.length);
    this.lineFilter = this.skus !== null || this.cats !== null;
  }

  need(name: string, cols: MemberColumns): Float64Array {
    let out = this.outputs.get(name);
    if (!out) {
      this.outputs.set(name, (out = new Float64Array(cols.memberCount)));
      if (name === 'items' || name === 'distinct_products' || name === 'distinct_categories') this.needLines = true;
      if (name === 'distinct_products') this.stampSku = new Int32Array(Math.max(1, cols.dicts.sku.length));
      if (name === 'distinct_categories') this.stampCat = new Int32Array(Math.max(1, cols.dicts.category.length));
      if (name === 'distinct_platforms') this.stampPlat = new Int32Array(Math.max(1, cols.dicts.platform.length));
    }
    return out;
  }

  reset(): void {
    this.n = this.paid = this.refund = this.discount = this.credit = this.gross = this.items = this.dSku = this.dCat = this.dPlat = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.first = this.last = this.prev = NaN;
    this.gap = -Infinity;
  }

  /** Freeze the requested measures into parallel arrays before the scan. */
  seal(): void {
    const names = [...this.outputs.keys()];
    for (const n of names) if (!MEASURES.includes(n)) throw new Error(`no order measure '${n}'`);
    this.codes = Int32Array.from(names.map((n) => MEASURES.indexOf(n)));
    this.outs = names.map((n) => this.outputs.get(n)!);
    const any = (...ms: string[]) => names.some((n) => ms.includes(n));
    this.wantMoney = any('paid', 'refund_amount', 'discount', 'store_credit', 'gross', 'net_spend', 'aov');
    this.wantMinMax = any('min_order', 'max_order');
    this.wantDays = any('days_since_first_order', 'days_since_last_order', 'avg_interval', 'max_interval');
  }

  finish(m: number, asOf: number): void {
    const n = this.n;
    for (let i = 0; i < this.codes.length; i++) {
      let v: number;
      switch (this.codes[i]) {
        case 0: case 1: v = n; break;
        case 2: v = this.paid; break;
        case 3: v = this.refund; break;
        case 4: v = this.discount; break;
        case 5: v = this.credit; break;
        case 6: v = this.gross; break;
        case 7: v = this.paid - this.refund; break;
        case 8: v = this.items; break;
        case 9: v = n ? this.paid / n : NaN; break;
        case 10: v = n ? this.min : NaN; break;
        case 11: v = n ? this.max : NaN; break;
        case 12: v = this.dSku; break;
        case 13: v = this.dCat; break;
        case 14: v = this.dPlat; break;
        case 15: v = n ? asOf - this.first : Infinity; break;
        case 16: v = n ? asOf - this.last : Infinity; break;
        case 17: v = n > 1 ? (this.last - this.first) / (n - 1) : NaN; break;
        default: v = n > 1 ? this.gap : NaN;
      }
      this.outs[i][m] = v;
    }
  }
}

export interface OrderRequest {
  metric: string;
  sel: OrderSel;
}

/** Compute every requested order measure; returns one vector per request (shared when equal). */
export function orderPass(cols: MemberColumns, asOf: number, requests: OrderRequest[]): Float64Array[] {
  const groups = new Map<string, Group>();
  const anchorsByEvent = new Map<string, Int32Array>();
  const results: Float64Array[] = [];
  for (const r of requests) {
    const implied = impliedKind(r.metric);
    if (r.sel.kind !== null && implied !== null && r.sel.kind !== implied) {
      results.push(new Float64Array(cols.memberCount).fill(emptyValue(r.metric)));
      continue;
    }
    const kind = r.sel.kind ?? implied ?? -1;
    const from = Math.max(r.sel.from, -2147483647);
    const anchor = r.sel.anchor;
    const key = JSON.stringify([from, r.sel.to, kind, r.sel.platforms, r.sel.stores, r.sel.skus, r.sel.categories, anchor ? `${anchor.event}:${anchor.span}` : null]);
    let g = groups.get(key);
    if (!g) {
      groups.set(key, (g = new Group(from, r.sel.to, kind, r.sel, cols)));
      if (anchor) {
        let days = anchorsByEvent.get(anchor.event);
        if (!days) anchorsByEvent.set(anchor.event, (days = anchorDays(cols, anchor.event, asOf)));
        g.anchorDays = days;
        g.span = anchor.span;
      }
    }
    results.push(g.need(r.metric, cols));
  }
  const gs = [...groups.values()];
  for (const g of gs) g.seal();
  if (gs.length) scan(cols, asOf, gs);
  return results;
}

/** First index in [lo, hi) whose day is >= day (days ascend within a member). */
function lowerBound(days: Int32Array, lo: number, hi: number, day: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Member by member, group by group: each group reads only the orders inside its window — a
 * binary search finds the first, the first past `to` ends it (orders are sorted by day within
 * a member). Most windows are the last 90–365 days of a history of years, so this reads a
 * fraction of the orders the earlier "offer every order to every group" loop touched.
 */
function scan(cols: MemberColumns, asOf: number, gs: Group[]): void {
  const { orderOffsets: off, oDay, oKind, oPlatform, oStore, oPaid, oRefund, oDiscount, oCredit, oGross, lineOffsets, lSku, lQty, skuCategory } = cols;
  const G = gs.length;
  const win = { from: 0, to: 0 };
  for (let m = 0; m < cols.memberCount; m++) {
    const stamp = m + 1;
    const begin = off[m];
    const end = off[m + 1];
    for (let k = 0; k < G; k++) {
      const g = gs[k];
      g.reset();
      let to = g.to;
      let from = g.from;
      if (g.anchorDays !== null) {
        memberWindow(g.anchorDays[m], g.span, from, to, win);
        from = win.from;
        to = win.to;
      }
      const kindWanted = g.kind;
      let o = from <= -2147483647 || begin === end || oDay[begin] >= from ? begin : lowerBound(oDay, begin, end, from);
      for (; o < end; o++) {
        const day = oDay[o];
        if (day > to) break;
        if (kindWanted >= 0 && oKind[o] !== kindWanted) continue;
        if ((g.platforms !== null && !g.platforms[oPlatform[o]]) || (g.stores !== null && !g.stores[oStore[o]])) continue;
        if (g.lineFilter || g.needLines) {
          let hit = false;
          let qty = 0;
          for (let l = lineOffsets[o]; l < lineOffsets[o + 1]; l++) {
            const sku = lSku[l];
            if ((g.skus !== null && !g.skus[sku]) || (g.cats !== null && !g.cats[skuCategory[sku]])) continue;
            hit = true;
            const q = lQty[l];
            qty += q < 0 ? -q : q;
            if (g.stampSku !== null && g.stampSku[sku] !== stamp) {
              g.stampSku[sku] = stamp;
              g.dSku++;
            }
            if (g.stampCat !== null) {
              const c = skuCategory[sku];
              if (g.stampCat[c] !== stamp) {
                g.stampCat[c] = stamp;
                g.dCat++;
              }
            }
          }
          if (g.lineFilter && !hit) continue;
          g.items += qty;
        }
        if (g.stampPlat !== null && g.stampPlat[oPlatform[o]] !== stamp) {
          g.stampPlat[oPlatform[o]] = stamp;
          g.dPlat++;
        }
        g.n++;
        if (g.wantMoney) {
          g.paid += oPaid[o];
          g.refund += oRefund[o];
          g.discount += oDiscount[o];
          g.credit += oCredit[o];
          g.gross += oGross[o];
        }
        if (g.wantMinMax) {
          const p = oPaid[o];
          if (p < g.min) g.min = p;
          if (p > g.max) g.max = p;
        }
        if (g.wantDays) {
          if (g.n === 1) g.first = day;
          if (g.n > 1 && day - g.prev > g.gap) g.gap = day - g.prev;
          g.prev = day;
          g.last = day;
        }
      }
      g.finish(m, asOf);
    }
  }
}
