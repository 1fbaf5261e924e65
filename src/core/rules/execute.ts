import type { MemberColumns } from '../columnar/types';
import type { CmpOp } from './ast';
import type { CodeSet, KernelPlan, Step } from './compile';
import { compare, type MaskProvider } from './compare';
import { NO_DAY, monthsBetween, yearsBetween } from '../time';
import { orderPass, type OrderRequest } from './orderPass';
import { topK } from './topK';
import { anchorDays, memberWindow, type Anchor } from './anchors';

const anchorKey = (a: Anchor | null): string => (a ? `${a.event}:${a.span}` : '-');

/**
 * The kernel interpreter: runs compiled plans (compile.ts) over the columns — several at
 * once, so the engine evaluates all tag rules together (runPlan is the one-plan case).
 * Checked against the naive reference evaluator. Built for speed:
 *  - every order step of every plan is computed in ONE fused pass (orderPass.ts);
 *  - constants stay scalars, so `measure > 1000` compares in place;
 *  - `top N` uses selection (topK.ts), not a full sort.
 */
type Reg = Float64Array | Uint8Array | number;

/**
 * Measure vectors kept between runs over the same columns (the owner drops it with them): the
 * interactive count re-runs a rule after every edit, and a threshold or operator edit leaves
 * its measures as they were, so only the comparisons run again. A few entries, least recently
 * used first out (8 MB each at 1M members). Kernels never write into a measure vector.
 */
export class MeasureCache {
  private readonly map = new Map<string, Float64Array>();
  constructor(private readonly limit = 8) {}
  get(key: string): Float64Array | undefined {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: Float64Array): void {
    this.map.set(key, v);
    while (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
  }
  get size(): number {
    return this.map.size;
  }
}

const orderKey = (day: number, s: Step & { op: 'order' }) => `o|${day}|${s.metric}|${JSON.stringify(s.sel)}`;

export function runPlans(plans: KernelPlan[], cols: MemberColumns, masks: MaskProvider, cache?: MeasureCache): Uint8Array[] {
  if (plans.length === 0) return [];
  const M = cols.memberCount;
  // The fused order pass serves each plan's asOf group (normally all plans share one day).
  const byDay = new Map<number, { plan: number; step: Step & { op: 'order' } }[]>();
  plans.forEach((p, i) => {
    for (const s of p.steps) if (s.op === 'order') byDay.set(p.asOfDay, [...(byDay.get(p.asOfDay) ?? []), { plan: i, step: s }]);
  });
  const orderRegs = plans.map(() => new Map<number, Float64Array>());
  for (const [day, all] of byDay) {
    const list: typeof all = [];
    for (const x of all) {
      const hit = cache?.get(orderKey(day, x.step));
      if (hit) orderRegs[x.plan].set(x.step.out, hit);
      else list.push(x);
    }
    if (!list.length) continue;
    const reqs: OrderRequest[] = list.map((x) => ({ metric: x.step.metric, sel: x.step.sel }));
    const out = orderPass(cols, day, reqs);
    list.forEach((x, k) => {
      orderRegs[x.plan].set(x.step.out, out[k]);
      cache?.set(orderKey(day, x.step), out[k]);
    });
  }
  return plans.map((p, i) => runOne(p, cols, masks, orderRegs[i], M, cache));
}

function runOne(plan: KernelPlan, cols: MemberColumns, masks: MaskProvider, orders: Map<number, Float64Array>, M: number, cache?: MeasureCache): Uint8Array {
  const regs: Reg[] = new Array(plan.registers);
  const asOf = plan.asOfDay;
  const anchors = new Map<string, Int32Array>();
  const anchorOf = (a: Anchor | null): MemberAnchors | null => {
    if (!a) return null;
    let days = anchors.get(a.event);
    if (!days) anchors.set(a.event, (days = anchorDays(cols, a.event, asOf)));
    return { days, span: a.span };
  };
  const cached = (key: string, compute: () => Float64Array): Float64Array => {
    if (!cache) return compute();
    let v = cache.get(key);
    if (!v) cache.set(key, (v = compute()));
    return v;
  };
  for (const s of plan.steps) regs[s.out] = s.op === 'order' ? orders.get(s.out)! : exec(s);
  const r = regs[plan.result];
  return r as Uint8Array;

  function exec(s: Step): Reg {
    switch (s.op) {
      case 'order':
        throw new Error('unreachable');
      case 'const':
        return s.value;
      case 'touch':
        return cached(`t|${s.from}|${s.to}|${anchorKey(s.anchor)}|${s.metric}|${JSON.stringify([s.channels, s.kinds, s.outcomes])}`, () => touches(cols, s.from, s.to, anchorOf(s.anchor), s.metric, s.channels, s.kinds, s.outcomes));
      case 'coupon':
        return cached(`c|${s.from}|${s.to}|${anchorKey(s.anchor)}|${s.metric}|${JSON.stringify(s.templates)}`, () => coupons(cols, s.from, s.to, anchorOf(s.anchor), s.metric, s.templates));
      case 'attr': {
        const out = new Float64Array(M);
        for (let m = 0; m < M; m++) {
          if (s.name === 'level') out[m] = cols.level[m];
          else if (s.name === 'age') out[m] = cols.birthDay[m] === NO_DAY ? NaN : yearsBetween(cols.birthDay[m], asOf);
          else out[m] = asOf - cols.joinDay[m];
        }
        return out;
      }
      case 'cmp':
        return cmp(regs[s.a] as Float64Array | number, s.cmp, regs[s.b] as Float64Array | number, M);
      case 'between': {
        const out = new Uint8Array(M);
        const a = regs[s.a] as Float64Array;
        for (let m = 0; m < M; m++) out[m] = a[m] >= s.low && a[m] <= s.high ? 1 : 0;
        return out;
      }
      case 'and':
      case 'or': {
        const out = new Uint8Array(M).fill(s.op === 'and' ? 1 : 0);
        for (const r of s.ins) {
          const x = regs[r] as Uint8Array;
          if (s.op === 'and') for (let m = 0; m < M; m++) out[m] &= x[m];
          else for (let m = 0; m < M; m++) out[m] |= x[m];
        }
        return out;
      }
      case 'not': {
        const x = regs[s.in] as Uint8Array;
        const out = new Uint8Array(M);
        for (let m = 0; m < M; m++) out[m] = x[m] ^ 1;
        return out;
      }
      case 'all':
        return new Uint8Array(M).fill(1);
      case 'mask': {
        const mask = s.source === 'audience' ? masks.audience?.(s.key) : s.source === 'stage' ? masks.stage?.(s.key) : masks.tag?.(s.key, s.source === 'tagEver');
        if (!mask) throw new Error(`no member list for ${s.source} '${s.key}'`);
        if (mask.length !== M) throw new Error(`${s.source} '${s.key}' covers ${mask.length} members, expected ${M}`);
        return mask;
      }
      case 'sub':
      case 'subcount':
        return subprofiles(cols, s, asOf);
      case 'rank': {
        const v = regs[s.in];
        const values = typeof v === 'number' ? new Float64Array(M).fill(v) : (v as Float64Array);
        return topK(values, s.percent ? Math.ceil((s.top / 100) * M) : Math.floor(s.top));
      }
    }
  }
}

function cmp(a: Float64Array | number, op: CmpOp, b: Float64Array | number, M: number): Uint8Array {
  const out = new Uint8Array(M);
  if (typeof b === 'number' && typeof a !== 'number') {
    // The common shape `measure OP literal`, one tight loop per operator (NaN compares false).
    switch (op) {
      case '>': for (let m = 0; m < M; m++) out[m] = a[m] > b ? 1 : 0; break;
      case '>=': for (let m = 0; m < M; m++) out[m] = a[m] >= b ? 1 : 0; break;
      case '<': for (let m = 0; m < M; m++) out[m] = a[m] < b ? 1 : 0; break;
      case '<=': for (let m = 0; m < M; m++) out[m] = a[m] <= b ? 1 : 0; break;
      case '=': for (let m = 0; m < M; m++) out[m] = a[m] === b ? 1 : 0; break;
      case '!=': for (let m = 0; m < M; m++) out[m] = !Number.isNaN(a[m]) && !Number.isNaN(b) && a[m] !== b ? 1 : 0; break;
    }
    return out;
  }
  for (let m = 0; m < M; m++) {
    const x = typeof a === 'number' ? a : a[m];
    const y = typeof b === 'number' ? b : b[m];
    out[m] = compare(x, op, y) ? 1 : 0;
  }
  return out;
}

const toSet = (c: CodeSet, size: number): Uint8Array | null => {
  if (!c) return null;
  const s = new Uint8Array(Math.max(size, 1));
  for (const x of c) if (x >= 0 && x < size) s[x] = 1;
  return s;
};

interface MemberAnchors {
  days: Int32Array;
  span: number;
}

function touches(cols: MemberColumns, winFrom: number, winTo: number, anchor: MemberAnchors | null, metric: string, channels: CodeSet, kinds: CodeSet, outcomes: CodeSet): Float64Array {
  const M = cols.memberCount;
  const win = { from: winFrom, to: winTo };
  const out = new Float64Array(M);
  const ch = toSet(channels, cols.dicts.channel.length);
  const k = toSet(kinds, 2);
  const oc = toSet(outcomes, 5);
  const cost = metric !== 'touches';
  const { touchOffsets: off, tDay, tChannel, tKind, tOutcome, tCost } = cols;
  for (let m = 0; m < M; m++) {
    if (anchor) memberWindow(anchor.days[m], anchor.span, winFrom, winTo, win);
    const from = win.from;
    const to = win.to;
    let v = 0;
    const end = off[m + 1];
    // Sorted by time within a member: start at the window's first day, stop past its last.
    let t = off[m];
    if (t < end && tDay[t] < from) {
      let hi = end;
      while (t < hi) {
        const mid = (t + hi) >>> 1;
        if (tDay[mid] < from) t = mid + 1;
        else hi = mid;
      }
    }
    for (; t < end; t++) {
      const day = tDay[t];
      if (day > to) break;
      if ((ch && !ch[tChannel[t]]) || (k && !k[tKind[t]]) || (oc && !oc[tOutcome[t]])) continue;
      v += cost ? tCost[t] : 1;
    }
    out[m] = v;
  }
  return out;
}

function coupons(cols: MemberColumns, winFrom: number, winTo: number, anchor: MemberAnchors | null, metric: string, templates: CodeSet): Float64Array {
  const M = cols.memberCount;
  const win = { from: winFrom, to: winTo };
  const out = new Float64Array(M);
  const tpl = toSet(templates, cols.dicts.couponTemplate.length);
  const days = metric === 'coupons_granted' ? cols.cGrantDay : cols.cRedeemDay;
  for (let m = 0; m < M; m++) {
    if (anchor) memberWindow(anchor.days[m], anchor.span, winFrom, winTo, win);
    const from = win.from;
    const to = win.to;
    let v = 0;
    for (let c = cols.couponOffsets[m]; c < cols.couponOffsets[m + 1]; c++) {
      const day = days[c];
      if (day === NO_DAY || day < from || day > to || (tpl && !tpl[cols.cTemplate[c]])) continue;
      v++;
    }
    out[m] = v;
  }
  return out;
}

function subField(cols: MemberColumns, s: number, field: string, asOf: number): number {
  const birth = cols.sBirthDay[s];
  const born = birth !== NO_DAY && birth <= asOf;
  if (field === 'age_months') return born ? monthsBetween(birth, asOf) : NaN;
  if (field === 'age_days') return born ? asOf - birth : NaN;
  if (field === 'pregnancy_week') {
    const due = cols.sDueDay[s];
    if (due === NO_DAY || born) return NaN;
    const week = Math.floor((280 - (due - asOf)) / 7);
    return week >= 0 && week <= 45 ? week : NaN;
  }
  return NaN;
}

function subprofiles(cols: MemberColumns, s: Step & { op: 'sub' | 'subcount' }, asOf: number): Uint8Array {
  const M = cols.memberCount;
  const out = new Uint8Array(M);
  for (let m = 0; m < M; m++) {
    let count = 0;
    for (let k = cols.subOffsets[m]; k < cols.subOffsets[m + 1]; k++) {
      if (cols.sKind[k] !== s.kind) continue;
      if (s.op === 'subcount') {
        count++;
        continue;
      }
      let ok = true;
      for (const p of s.preds) {
        const v = subField(cols, k, p.field, asOf);
        if (p.op === 'between' ? !(v >= p.value && v <= p.value2) : !compare(v, p.op, p.value)) {
          ok = false;
          break;
        }
      }
      if (ok) count++;
    }
    out[m] = s.op === 'subcount' ? (compare(count, s.cmp, s.value) ? 1 : 0) : (count > 0) === (s.quant === 'any') ? 1 : 0;
  }
  return out;
}
