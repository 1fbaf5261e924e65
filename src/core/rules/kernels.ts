import type { MemberColumns } from '../columnar/types';
import { NO_DAY, monthsBetween, yearsBetween } from '../time';
import type { CmpOp } from './ast';
import type { CodeSet, KernelPlan, OrderSel, Step } from './compile';

/** Where `in audience`, `has tag` and `stage =` read their member masks from. */
export interface MaskProvider {
  audience?(id: string): Uint8Array | undefined;
  tag?(name: string, ever: boolean): Uint8Array | undefined;
  stage?(name: string): Uint8Array | undefined;
}

/**
 * Missing values are NaN (the aov of a member with no order) and make every comparison
 * false; "days since last order" of a member who never ordered is +Infinity (it has been
 * forever), so `days_since_last_order >= 180` holds for them.
 */
export function compare(a: number, op: CmpOp, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

const toSet = (c: CodeSet, size: number): Uint8Array | null => {
  if (!c) return null;
  const s = new Uint8Array(Math.max(size, 1));
  for (const x of c) if (x >= 0 && x < size) s[x] = 1;
  return s;
};

export function orderMetric(cols: MemberColumns, sel: OrderSel, name: string, asOf: number, out: Float64Array): void {
  const { orderOffsets: off, oDay, oKind, oPlatform, oStore, lineOffsets, lSku, lQty, skuCategory } = cols;
  const platforms = toSet(sel.platforms, cols.dicts.platform.length);
  const stores = toSet(sel.stores, cols.dicts.store.length + 1);
  const skus = toSet(sel.skus, cols.dicts.sku.length);
  const cats = toSet(sel.categories, cols.dicts.category.length);
  const lineFilter = skus !== null || cats !== null;
  // Sale-based measures read sales, refund measures read refunds, the rest read both.
  const kindOf: Record<string, number | null> = { orders: 0, paid: 0, aov: 0, min_order: 0, max_order: 0, items: 0, distinct_products: 0, distinct_categories: 0, distinct_platforms: 0, days_since_first_order: 0, days_since_last_order: 0, avg_interval: 0, max_interval: 0, refunds: 1, refund_amount: 1 };
  const implied = kindOf[name] ?? null;
  if (sel.kind !== null && implied !== null && sel.kind !== implied) {
    out.fill(name.startsWith('days_since') ? Infinity : ['aov', 'min_order', 'max_order', 'avg_interval', 'max_interval'].includes(name) ? NaN : 0);
    return;
  }
  const kind = sel.kind ?? implied;
  const distinct = name === 'distinct_products' || name === 'distinct_categories' || name === 'distinct_platforms';
  const stamp = distinct ? new Int32Array(name === 'distinct_categories' ? cols.dicts.category.length : name === 'distinct_platforms' ? cols.dicts.platform.length : cols.dicts.sku.length) : null;
  const col = name === 'paid' || name === 'aov' || name === 'min_order' || name === 'max_order' ? cols.oPaid : name === 'refund_amount' ? cols.oRefund : name === 'discount' ? cols.oDiscount : name === 'store_credit' ? cols.oCredit : name === 'gross' ? cols.oGross : null;

  for (let m = 0; m < cols.memberCount; m++) {
    let n = 0, sum = 0, min = Infinity, max = -Infinity, first = NaN, last = NaN, prev = NaN, gap = -Infinity, d = 0;
    for (let o = off[m]; o < off[m + 1]; o++) {
      const day = oDay[o];
      if (day < sel.from || day > sel.to) continue;
      if (kind !== null && oKind[o] !== kind) continue;
      if (platforms && !platforms[oPlatform[o]]) continue;
      if (stores && !stores[oStore[o]]) continue;
      let qty = 0;
      if (lineFilter || distinct || name === 'items') {
        let hit = false;
        for (let l = lineOffsets[o]; l < lineOffsets[o + 1]; l++) {
          const sku = lSku[l];
          if ((skus && !skus[sku]) || (cats && !cats[skuCategory[sku]])) continue;
          hit = true;
          qty += Math.abs(lQty[l]);
          if (stamp && name !== 'distinct_platforms') {
            const key = name === 'distinct_categories' ? skuCategory[sku] : sku;
            if (stamp[key] !== m + 1) {
              stamp[key] = m + 1;
              d++;
            }
          }
        }
        if (lineFilter && !hit) continue;
      }
      if (stamp && name === 'distinct_platforms' && stamp[oPlatform[o]] !== m + 1) {
        stamp[oPlatform[o]] = m + 1;
        d++;
      }
      n++;
      if (col) {
        const v = col[o];
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      } else if (name === 'net_spend') sum += cols.oPaid[o] - cols.oRefund[o];
      else if (name === 'items') sum += qty;
      if (n === 1) first = day;
      if (!Number.isNaN(prev) && day - prev > gap) gap = day - prev;
      prev = day;
      last = day;
    }
    let v: number;
    switch (name) {
      case 'orders':
      case 'refunds':
        v = n;
        break;
      case 'aov':
        v = n ? sum / n : NaN;
        break;
      case 'min_order':
        v = n ? min : NaN;
        break;
      case 'max_order':
        v = n ? max : NaN;
        break;
      case 'distinct_products':
      case 'distinct_categories':
      case 'distinct_platforms':
        v = d;
        break;
      case 'days_since_first_order':
        v = n ? asOf - first : Infinity;
        break;
      case 'days_since_last_order':
        v = n ? asOf - last : Infinity;
        break;
      case 'avg_interval':
        v = n > 1 ? (last - first) / (n - 1) : NaN;
        break;
      case 'max_interval':
        v = n > 1 ? gap : NaN;
        break;
      default:
        v = sum;
    }
    out[m] = v;
  }
}

function subField(cols: MemberColumns, s: number, field: string, asOf: number): number {
  const birth = cols.sBirthDay[s];
  const born = birth !== NO_DAY && birth <= asOf;
  switch (field) {
    case 'age_months':
      return born ? monthsBetween(birth, asOf) : NaN;
    case 'age_days':
      return born ? asOf - birth : NaN;
    case 'pregnancy_week': {
      const due = cols.sDueDay[s];
      if (due === NO_DAY || born) return NaN;
      const week = Math.floor((280 - (due - asOf)) / 7);
      return week >= 0 && week <= 45 ? week : NaN;
    }
    default:
      return NaN;
  }
}

/** Run a compiled plan over the columns; returns a 0/1 mask over members. */
export function runPlan(plan: KernelPlan, cols: MemberColumns, masks: MaskProvider = {}): Uint8Array {
  const M = cols.memberCount;
  const asOf = plan.asOfDay;
  const regs: (Float64Array | Uint8Array)[] = new Array(plan.registers);
  const num = (r: number) => regs[r] as Float64Array;
  const bool = (r: number) => regs[r] as Uint8Array;

  for (const s of plan.steps) regs[s.out] = exec(s);
  return bool(plan.result);

  function exec(s: Step): Float64Array | Uint8Array {
    switch (s.op) {
      case 'const':
        return new Float64Array(M).fill(s.value);
      case 'order': {
        const out = new Float64Array(M);
        orderMetric(cols, s.sel, s.metric, asOf, out);
        return out;
      }
      case 'touch': {
        const out = new Float64Array(M);
        const ch = toSet(s.channels, cols.dicts.channel.length);
        const kinds = toSet(s.kinds, 2);
        const outcomes = toSet(s.outcomes, 5);
        for (let m = 0; m < M; m++) {
          let v = 0;
          for (let t = cols.touchOffsets[m]; t < cols.touchOffsets[m + 1]; t++) {
            const day = cols.tDay[t];
            if (day < s.from || day > s.to) continue;
            if ((ch && !ch[cols.tChannel[t]]) || (kinds && !kinds[cols.tKind[t]]) || (outcomes && !outcomes[cols.tOutcome[t]])) continue;
            v += s.metric === 'touches' ? 1 : cols.tCost[t];
          }
          out[m] = v;
        }
        return out;
      }
      case 'coupon': {
        const out = new Float64Array(M);
        const tpl = toSet(s.templates, cols.dicts.couponTemplate.length);
        const days = s.metric === 'coupons_granted' ? cols.cGrantDay : cols.cRedeemDay;
        for (let m = 0; m < M; m++) {
          let v = 0;
          for (let c = cols.couponOffsets[m]; c < cols.couponOffsets[m + 1]; c++) {
            const day = days[c];
            if (day === NO_DAY || day < s.from || day > s.to || (tpl && !tpl[cols.cTemplate[c]])) continue;
            v++;
          }
          out[m] = v;
        }
        return out;
      }
      case 'attr': {
        const out = new Float64Array(M);
        for (let m = 0; m < M; m++) {
          if (s.name === 'level') out[m] = cols.level[m];
          else if (s.name === 'age') out[m] = cols.birthDay[m] === NO_DAY ? NaN : yearsBetween(cols.birthDay[m], asOf);
          else out[m] = asOf - cols.joinDay[m];
        }
        return out;
      }
      case 'cmp': {
        const out = new Uint8Array(M);
        const a = num(s.a), b = num(s.b);
        for (let m = 0; m < M; m++) out[m] = compare(a[m], s.cmp, b[m]) ? 1 : 0;
        return out;
      }
      case 'between': {
        const out = new Uint8Array(M);
        const a = num(s.a);
        for (let m = 0; m < M; m++) out[m] = a[m] >= s.low && a[m] <= s.high ? 1 : 0;
        return out;
      }
      case 'and':
      case 'or': {
        const out = new Uint8Array(M).fill(s.op === 'and' ? 1 : 0);
        for (const r of s.ins) {
          const x = bool(r);
          if (s.op === 'and') for (let m = 0; m < M; m++) out[m] &= x[m];
          else for (let m = 0; m < M; m++) out[m] |= x[m];
        }
        return out;
      }
      case 'not': {
        const x = bool(s.in);
        const out = new Uint8Array(M);
        for (let m = 0; m < M; m++) out[m] = x[m] ^ 1;
        return out;
      }
      case 'all':
        return new Uint8Array(M).fill(1);
      case 'mask': {
        const mask =
          s.source === 'audience' ? masks.audience?.(s.key) : s.source === 'stage' ? masks.stage?.(s.key) : masks.tag?.(s.key, s.source === 'tagEver');
        if (!mask) throw new Error(`no member list for ${s.source} '${s.key}'`);
        if (mask.length !== M) throw new Error(`${s.source} '${s.key}' covers ${mask.length} members, expected ${M}`);
        return mask;
      }
      case 'sub':
      case 'subcount': {
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
      case 'rank':
        return topK(num(s.in), s.percent ? Math.ceil((s.top / 100) * M) : Math.floor(s.top));
    }
  }
}

/** The k members with the highest values (NaN never ranks); ties at the cut go to lower member index. */
export function topK(values: Float64Array, k: number): Uint8Array {
  const M = values.length;
  const out = new Uint8Array(M);
  if (k <= 0) return out;
  const finite = values.filter((v) => !Number.isNaN(v));
  if (finite.length <= k) {
    for (let m = 0; m < M; m++) out[m] = Number.isNaN(values[m]) ? 0 : 1;
    return out;
  }
  const sorted = Float64Array.from(finite).sort();
  const cut = sorted[sorted.length - k];
  let above = 0;
  for (let m = 0; m < M; m++) {
    if (values[m] > cut) {
      out[m] = 1;
      above++;
    }
  }
  let room = k - above;
  for (let m = 0; m < M && room > 0; m++) {
    if (values[m] === cut) {
      out[m] = 1;
      room--;
    }
  }
  return out;
}
