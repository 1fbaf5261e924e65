import type { Product } from '../model';
import { COLUMNS_VERSION, type Dictionaries, type MemberColumns } from './types';

/**
 * Incremental snapshot update: the columns after some members changed, without rebuilding the
 * others. `base` is the old snapshot; `fresh` holds the changed members' current state, built
 * by ColumnsBuilder from their ledgers (member-id order); `changed` lists every member id
 * whose data may differ (a changed id missing from `fresh` was deleted). Unchanged members'
 * ranges are copied from `base` (plain typed-array copies: O(rows), no parsing), so the cost
 * is a memory pass instead of reading every ledger from IndexedDB again.
 *
 * Dictionary codes of `base` stay as they are; values new in `fresh` are appended and its
 * codes remapped. The result means the same as a full rebuild (tests decode both and compare).
 */
export interface PatchResult {
  cols: MemberColumns;
  /** for output member k: [source (0 = base, 1 = fresh), index in that source] */
  picks: Int32Array;
}

type Typed = Uint8Array | Int32Array | Uint32Array;
type Ctor<T extends Typed> = { new (n: number): T };
const ctor = <T extends Typed>(a: T) => a.constructor as Ctor<T>;

function mergeDict(base: string[], fresh: string[]): { values: string[]; map: Uint32Array } {
  const values = [...base];
  const at = new Map(base.map((v, i) => [v, i]));
  const map = new Uint32Array(fresh.length);
  fresh.forEach((v, i) => {
    let c = at.get(v);
    if (c === undefined) {
      c = values.length;
      values.push(v);
      at.set(v, c);
    }
    map[i] = c;
  });
  return { values, map };
}

/** The output order: the union of kept base members and fresh members, by member id. */
function mergeOrder(base: MemberColumns, fresh: MemberColumns, changed: ReadonlySet<string>): Int32Array {
  const out: number[] = [];
  const a = base.memberIds;
  const b = fresh.memberIds;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && changed.has(a[i])) i++;
    if (i >= a.length && j >= b.length) break;
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(0, i++);
    else if (i >= a.length || b[j] < a[i]) out.push(1, j++);
    else throw new Error(`member ${b[j]} is both unchanged and changed`);
  }
  return Int32Array.from(out);
}

/** A per-member column over the merged order; `map` recodes fresh values (dictionary codes). */
function perMember<T extends Typed>(picks: Int32Array, a: T, b: T, map?: Uint32Array): T {
  const out = new (ctor(a))(picks.length >> 1);
  for (let k = 0; k < out.length; k++) {
    const src = picks[2 * k];
    const i = picks[2 * k + 1];
    out[k] = src === 0 ? a[i] : map ? map[b[i]] : b[i];
  }
  return out;
}

interface Ranged {
  off: Uint32Array;
  cols: Typed[];
  /** per column: a recoding of fresh values, with `plusOne` for "code + 1, 0 = none" columns */
  maps: (Uint32Array | { plusOne: Uint32Array } | undefined)[];
}

/** Columns stored as contiguous ranges per member (offsets of length members + 1). */
function ranged(picks: Int32Array, a: Ranged, b: Ranged): { off: Uint32Array; cols: Typed[] } {
  const n = picks.length >> 1;
  const off = new Uint32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const s = picks[2 * k] === 0 ? a : b;
    const i = picks[2 * k + 1];
    off[k + 1] = off[k] + s.off[i + 1] - s.off[i];
  }
  const total = off[n];
  const cols = a.cols.map((c) => new (ctor(c))(total));
  for (let k = 0; k < n; k++) {
    const fromFresh = picks[2 * k] === 1;
    const s = fromFresh ? b : a;
    const i = picks[2 * k + 1];
    const lo = s.off[i];
    const hi = s.off[i + 1];
    for (let c = 0; c < cols.length; c++) {
      const map = fromFresh ? s.maps[c] : undefined;
      const src = s.cols[c];
      if (!map) cols[c].set(src.subarray(lo, hi), off[k]);
      else if (map instanceof Uint32Array) for (let x = lo; x < hi; x++) cols[c][off[k] + x - lo] = map[src[x]];
      else for (let x = lo; x < hi; x++) cols[c][off[k] + x - lo] = src[x] === 0 ? 0 : map.plusOne[src[x] - 1] + 1;
    }
  }
  return { off, cols };
}

export function patchColumns(base: MemberColumns, fresh: MemberColumns, changed: ReadonlySet<string>, products: ReadonlyMap<string, Product>): PatchResult {
  const picks = mergeOrder(base, fresh, changed);
  const d = {} as Record<keyof Dictionaries, { values: string[]; map: Uint32Array }>;
  for (const k of Object.keys(base.dicts) as (keyof Dictionaries)[]) d[k] = mergeDict(base.dicts[k], fresh.dicts[k]);

  // Orders and their lines: lines are contiguous per member too (through the order offsets).
  const orders = ranged(
    picks,
    { off: base.orderOffsets, cols: [base.oDay, base.oKind, base.oPlatform, base.oStore, base.oGross, base.oPaid, base.oRefund, base.oDiscount, base.oCredit, base.oItems], maps: [] },
    {
      off: fresh.orderOffsets,
      cols: [fresh.oDay, fresh.oKind, fresh.oPlatform, fresh.oStore, fresh.oGross, fresh.oPaid, fresh.oRefund, fresh.oDiscount, fresh.oCredit, fresh.oItems],
      maps: [undefined, undefined, d.platform.map, { plusOne: d.store.map }],
    },
  );
  const memberLines = (c: MemberColumns): Uint32Array => {
    const out = new Uint32Array(c.memberCount + 1);
    for (let i = 0; i <= c.memberCount; i++) out[i] = c.lineOffsets[c.orderOffsets[i]];
    return out;
  };
  const lines = ranged(picks, { off: memberLines(base), cols: [base.lSku, base.lQty], maps: [] }, { off: memberLines(fresh), cols: [fresh.lSku, fresh.lQty], maps: [d.sku.map] });
  // Per-order line offsets, rebased onto the merged line columns.
  const lineOffsets = new Uint32Array(orders.off[orders.off.length - 1] + 1);
  for (let k = 0; k < picks.length >> 1; k++) {
    const s = picks[2 * k] === 0 ? base : fresh;
    const i = picks[2 * k + 1];
    const shift = lines.off[k] - s.lineOffsets[s.orderOffsets[i]];
    for (let o = s.orderOffsets[i]; o < s.orderOffsets[i + 1]; o++) lineOffsets[orders.off[k] + o - s.orderOffsets[i] + 1] = s.lineOffsets[o + 1] + shift;
  }
  const touches = ranged(
    picks,
    { off: base.touchOffsets, cols: [base.tDay, base.tChannel, base.tKind, base.tOutcome, base.tCost], maps: [] },
    { off: fresh.touchOffsets, cols: [fresh.tDay, fresh.tChannel, fresh.tKind, fresh.tOutcome, fresh.tCost], maps: [undefined, d.channel.map] },
  );
  const coupons = ranged(
    picks,
    { off: base.couponOffsets, cols: [base.cGrantDay, base.cRedeemDay, base.cTemplate], maps: [] },
    { off: fresh.couponOffsets, cols: [fresh.cGrantDay, fresh.cRedeemDay, fresh.cTemplate], maps: [undefined, undefined, d.couponTemplate.map] },
  );
  const subs = ranged(picks, { off: base.subOffsets, cols: [base.sKind, base.sBirthDay, base.sDueDay], maps: [] }, { off: fresh.subOffsets, cols: [fresh.sKind, fresh.sBirthDay, fresh.sDueDay], maps: [] });

  // A sku's category is read from the current products (as a full build does).
  const category = d.category;
  const at = new Map(category.values.map((v, i) => [v, i]));
  const skuCategory = new Uint32Array(d.sku.values.length);
  d.sku.values.forEach((sku, i) => {
    const name = products.get(sku)?.category ?? '';
    let c = at.get(name);
    if (c === undefined) {
      c = category.values.length;
      category.values.push(name);
      at.set(name, c);
    }
    skuCategory[i] = c;
  });

  const n = picks.length >> 1;
  const memberIds = new Array<string>(n);
  for (let k = 0; k < n; k++) memberIds[k] = (picks[2 * k] === 0 ? base : fresh).memberIds[picks[2 * k + 1]];
  const [oDay, oKind, oPlatform, oStore, oGross, oPaid, oRefund, oDiscount, oCredit, oItems] = orders.cols;
  const [tDay, tChannel, tKind, tOutcome, tCost] = touches.cols;
  const [cGrantDay, cRedeemDay, cTemplate] = coupons.cols;
  const [sKind, sBirthDay, sDueDay] = subs.cols;
  const cols: MemberColumns = {
    version: COLUMNS_VERSION,
    memberCount: n,
    memberIds,
    dicts: Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.values])) as unknown as Dictionaries,
    level: perMember(picks, base.level, fresh.level),
    birthDay: perMember(picks, base.birthDay, fresh.birthDay),
    joinDay: perMember(picks, base.joinDay, fresh.joinDay),
    wecomFriend: perMember(picks, base.wecomFriend, fresh.wecomFriend),
    region: perMember(picks, base.region, fresh.region, d.region.map),
    orderOffsets: orders.off,
    oDay: oDay as Int32Array, oKind: oKind as Uint8Array, oPlatform: oPlatform as Uint8Array, oStore: oStore as Uint32Array,
    oGross: oGross as Int32Array, oPaid: oPaid as Int32Array, oRefund: oRefund as Int32Array, oDiscount: oDiscount as Int32Array,
    oCredit: oCredit as Int32Array, oItems: oItems as Int32Array,
    lineOffsets,
    lSku: lines.cols[0] as Uint32Array,
    lQty: lines.cols[1] as Int32Array,
    skuCategory,
    touchOffsets: touches.off,
    tDay: tDay as Int32Array, tChannel: tChannel as Uint8Array, tKind: tKind as Uint8Array, tOutcome: tOutcome as Uint8Array, tCost: tCost as Int32Array,
    couponOffsets: coupons.off,
    cGrantDay: cGrantDay as Int32Array, cRedeemDay: cRedeemDay as Int32Array, cTemplate: cTemplate as Uint32Array,
    subOffsets: subs.off,
    sKind: sKind as Uint8Array, sBirthDay: sBirthDay as Int32Array, sDueDay: sDueDay as Int32Array,
  };
  return { cols, picks };
}

/** A per-member side column (e.g. the persona's extras) over the patched order. */
export function patchMemberColumn<T extends Uint8Array | Int32Array | Uint32Array>(picks: Int32Array, base: T, fresh: T): T {
  return perMember(picks, base, fresh);
}
