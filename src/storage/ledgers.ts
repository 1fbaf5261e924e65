import Dexie, { type Table } from 'dexie';
import type { MemberBundle } from '../core/columnar/build';
import type { Coupon, Identity, Member, Order, SubProfile, Touch } from '../core/model';
import { normalizeIdentity } from '../core/oneid';
import type { MemberLedger, WorkspaceDB } from './db';
import { MAX_CHAR } from './keyset';
import { logMemberChanges } from './snapshotLog';
import { bumpDataVersion, bumpStats, type CountsDelta } from './stats';

/**
 * The one write path for per-member rows (design and measurements: docs/storage.md).
 * Every writer — demo, CSV import, workspace restore, sync — hands plain row arrays to
 * `writeLedgers` inside its own rw transaction over `ledgerTables(db)`; it groups them into
 * one MemberLedger per member, keeps the search keys and the stats row exact.
 */
export type { MemberLedger } from './db';

export const GUEST_PREFIX = '~guest:';
/** Guest orders per guest chunk. */
export const GUEST_CHUNK = 1000;
export const guestKey = (n: number): string => `${GUEST_PREFIX}${String(n).padStart(6, '0')}`;
export const isGuestKey = (key: string): boolean => key.startsWith(GUEST_PREFIX);

export type LedgerPart = 'identities' | 'orders' | 'touches' | 'coupons' | 'subprofiles';
export const LEDGER_PARTS: readonly LedgerPart[] = ['identities', 'orders', 'touches', 'coupons', 'subprofiles'];

export interface LedgerRows {
  members?: Member[];
  identities?: Identity[];
  orders?: Order[];
  touches?: Touch[];
  coupons?: Coupon[];
  subprofiles?: SubProfile[];
}

export interface LedgerWriteOptions {
  /**
   * true (imports, syncs, restore): read the ledgers these rows land in and merge by record id
   * — an id already stored is replaced, never duplicated, even when an order or identity moves
   * to another member. false (a fresh demo batch): no reads; the ledgers are written as given.
   */
  merge?: boolean;
  /**
   * Members the caller changed in the same transaction outside these rows (a ledger or member
   * row it deleted, e.g. a OneID merge): logged with the write so the engine's incremental
   * snapshot re-reads them too.
   */
  alsoChanged?: readonly string[];
}

export interface LedgerWriteResult {
  /** What was added to the stats row. */
  delta: CountsDelta;
  /** Records whose id was already stored (or came twice): replaced, not added. merge only. */
  replaced: { table: LedgerPart | 'members'; id: string }[];
}

/**
 * The tables a writer's transaction must include: `db.transaction('rw', ledgerTables(db), …)`.
 * `snapshots` holds the change log the engine's incremental snapshot update reads.
 */
export function ledgerTables(db: WorkspaceDB): Table[] {
  return [db.ledgers, db.members, db.stats, db.snapshots] as Table[];
}

export function emptyLedger(memberId: string): MemberLedger {
  return { memberId, identities: [], orders: [], touches: [], coupons: [], subprofiles: [], idKeys: [], orderKeys: [] };
}

/** Search keys of identities: the raw value, its normalised form, emails lower-cased. */
export function idKeysOf(identities: readonly Identity[]): string[] {
  const keys = new Set<string>();
  for (const i of identities) {
    keys.add(i.value);
    if (i.kind === 'email') keys.add(i.value.trim().toLowerCase());
    const n = normalizeIdentity(i.kind, i.value);
    if (n) keys.add(n);
  }
  return [...keys];
}

/** Order keys: every order's id and (non-empty) externalId. */
export function orderKeysOf(orders: readonly Order[]): string[] {
  const keys = new Set<string>();
  for (const o of orders) {
    keys.add(o.id);
    if (o.externalId) keys.add(o.externalId);
  }
  return [...keys];
}

const newestFirst = <T extends { id: string }>(time: (r: T) => string) => (a: T, b: T): number => {
  const ta = time(a);
  const tb = time(b);
  return ta > tb ? -1 : ta < tb ? 1 : a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
};
const byPlacedAt = newestFirst<Order>((o) => o.placedAt);
const byAt = newestFirst<Touch>((t) => t.at);

/** Sort and re-key a ledger after its rows changed. */
function seal(l: MemberLedger): MemberLedger {
  l.orders.sort(byPlacedAt);
  l.touches.sort(byAt);
  l.idKeys = idKeysOf(l.identities);
  l.orderKeys = orderKeysOf(l.orders);
  return l;
}

const isRefund = (o: Order): number => (o.kind === 'refund' ? 1 : 0);

/**
 * Write members and their rows as ledgers. MUST run inside the caller's rw transaction over
 * ledgerTables(db) (plus whatever else the caller writes), so rows, members and counts commit
 * together. Bumps the stats row by the exact delta (new records only; a replaced order that
 * turned into a refund or lost its member moves `refunds` / `guestOrders` accordingly).
 */
export async function writeLedgers(db: WorkspaceDB, input: LedgerRows, opts: LedgerWriteOptions = {}): Promise<LedgerWriteResult> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite') throw new Error('writeLedgers must run inside db.transaction("rw", ledgerTables(db), …)');
  const merge = opts.merge === true;
  const members = input.members ?? [];
  const orders = input.orders ?? [];
  const identities = input.identities ?? [];
  const delta: Required<Pick<CountsDelta, 'members' | 'orders' | 'refunds' | 'guestOrders' | LedgerPart>> = {
    members: 0, orders: 0, refunds: 0, guestOrders: 0, identities: 0, touches: 0, coupons: 0, subprofiles: 0,
  };
  const replaced: LedgerWriteResult['replaced'] = [];

  // Every ledger these rows land in (members get one even with no rows yet).
  const keys = new Set<string>(members.map((m) => m.id));
  for (const part of LEDGER_PARTS) for (const r of input[part] ?? []) if (r.memberId !== null) keys.add(r.memberId);
  const ledgers = new Map<string, MemberLedger>();
  const changed = new Set<string>();
  if (merge) {
    const found = await db.ledgers.bulkGet([...keys]);
    for (const l of found) if (l) ledgers.set(l.memberId, l);
    // Ledgers that may already hold these orders / identities under another member.
    const orderIds = orders.map((o) => o.id);
    const values = identities.map((i) => i.value);
    const [byOrder, byIdentity] = await Promise.all([
      orderIds.length ? db.ledgers.where('orderKeys').anyOf(orderIds).toArray() : [],
      values.length ? db.ledgers.where('idKeys').anyOf(values).toArray() : [],
    ]);
    for (const l of [...byOrder, ...byIdentity]) if (!ledgers.has(l.memberId)) ledgers.set(l.memberId, l);
  }
  const ledger = (key: string): MemberLedger => {
    let l = ledgers.get(key);
    if (!l) ledgers.set(key, (l = emptyLedger(key)));
    changed.add(key);
    return l;
  };
  for (const k of keys) ledger(k);

  // Guest orders go to the last guest chunk, a new one when it is full. Read up front: the
  // loops below stay synchronous (no await per row inside the transaction).
  let guestChunk: MemberLedger | null = null;
  if (orders.some((o) => o.memberId === null)) {
    const last = await db.ledgers.where('memberId').between(GUEST_PREFIX, GUEST_PREFIX + MAX_CHAR).last();
    guestChunk = last ? (ledgers.get(last.memberId) ?? last) : emptyLedger(guestKey(1));
    ledgers.set(guestChunk.memberId, guestChunk);
  }
  const guestTarget = (): MemberLedger => {
    let chunk = guestChunk!;
    if (chunk.orders.length >= GUEST_CHUNK) {
      chunk = guestChunk = ledger(guestKey(Number(chunk.memberId.slice(GUEST_PREFIX.length)) + 1));
    }
    changed.add(chunk.memberId);
    return chunk;
  };

  // Orders and identities: found by id in any loaded ledger, so a move never duplicates.
  const orderAt = merge ? locate(ledgers, 'orders', new Set(orders.map((o) => o.id))) : null;
  for (const o of orders) {
    const from = orderAt?.get(o.id);
    if (from !== undefined) {
      const old = ledgers.get(from)!;
      const idx = old.orders.findIndex((x) => x.id === o.id);
      const prev = old.orders[idx];
      replaced.push({ table: 'orders', id: o.id });
      delta.refunds += isRefund(o) - isRefund(prev);
      delta.guestOrders += (o.memberId === null ? 1 : 0) - (prev.memberId === null ? 1 : 0);
      changed.add(from);
      if (o.memberId === prev.memberId) {
        old.orders[idx] = o;
        continue;
      }
      old.orders.splice(idx, 1);
    } else {
      delta.orders++;
      delta.refunds += isRefund(o);
      if (o.memberId === null) delta.guestOrders++;
    }
    const target = o.memberId === null ? guestTarget() : ledger(o.memberId);
    target.orders.push(o);
    orderAt?.set(o.id, target.memberId);
  }

  const idAt = merge ? locate(ledgers, 'identities', new Set(identities.map((i) => i.id))) : null;
  for (const i of identities) {
    const from = idAt?.get(i.id);
    if (from !== undefined) {
      const old = ledgers.get(from)!;
      const idx = old.identities.findIndex((x) => x.id === i.id);
      replaced.push({ table: 'identities', id: i.id });
      changed.add(from);
      if (from === i.memberId) {
        old.identities[idx] = i;
        continue;
      }
      old.identities.splice(idx, 1);
    } else delta.identities++;
    ledger(i.memberId).identities.push(i);
    idAt?.set(i.id, i.memberId);
  }

  // Touches, coupons, sub-profiles are born with their member: merged within its ledger.
  for (const part of ['touches', 'coupons', 'subprofiles'] as const) {
    for (const r of (input[part] ?? []) as (Touch | Coupon | SubProfile)[]) {
      const rows = ledger(r.memberId)[part] as (Touch | Coupon | SubProfile)[];
      const idx = merge ? rows.findIndex((x) => x.id === r.id) : -1;
      if (idx >= 0) {
        rows[idx] = r;
        replaced.push({ table: part, id: r.id });
      } else {
        rows.push(r);
        delta[part]++;
      }
    }
  }

  // Members: with merge, those already stored are replaced, not counted again.
  if (merge && members.length) {
    const known = new Set(await db.members.where('id').anyOf(members.map((m) => m.id)).primaryKeys());
    for (const m of members) {
      if (known.has(m.id)) replaced.push({ table: 'members', id: m.id });
      else delta.members++;
      known.add(m.id);
    }
  } else delta.members += members.length;

  const out = [...changed].map((k) => seal(ledgers.get(k)!));
  await Promise.all([db.ledgers.bulkPut(out), members.length ? db.members.bulkPut(members) : undefined]);
  await bumpStats(db, delta);
  const version = await bumpDataVersion(db);
  // Exactly the ledgers written (with or without merge) and the members given; logged only
  // while a snapshot exists, so a fresh demo batch in a workspace being built costs nothing.
  const touched = new Set([...members.map((m) => m.id), ...(opts.alsoChanged ?? [])]);
  for (const k of changed) if (!isGuestKey(k)) touched.add(k);
  await logMemberChanges(db, version, touched);
  return { delta, replaced };
}

/** Where each of `ids` is stored among the loaded ledgers (ledger key by record id). */
function locate(ledgers: Map<string, MemberLedger>, part: 'orders' | 'identities', ids: Set<string>): Map<string, string> {
  const at = new Map<string, string>();
  for (const l of ledgers.values()) for (const r of l[part]) if (ids.has(r.id)) at.set(r.id, l.memberId);
  return at;
}

/** writeLedgers in a transaction of its own (tests, one-off writers). */
export function commitLedgers(db: WorkspaceDB, input: LedgerRows, opts: LedgerWriteOptions = {}): Promise<LedgerWriteResult> {
  return db.transaction('rw', ledgerTables(db), () => writeLedgers(db, input, opts));
}

export function readLedger(db: WorkspaceDB, memberId: string): Promise<MemberLedger | undefined> {
  return db.ledgers.get(memberId);
}

export interface ForEachLedgerOptions {
  /** Ledgers read per batch (default 500). */
  batch?: number;
  /** Also read each ledger's member row (default true; undefined for guest chunks). */
  members?: boolean;
}

/**
 * Visit every ledger in key order (members by id, then guest chunks), reading in batches by
 * keyset on memberId, so 1M members never sit in memory at once. Each batch is its own read.
 */
export async function forEachLedger(
  db: WorkspaceDB,
  fn: (ledger: MemberLedger, member: Member | undefined) => void | Promise<void>,
  opts: ForEachLedgerOptions = {},
): Promise<void> {
  const batch = Math.max(1, opts.batch ?? 500);
  let last: string | null = null;
  for (;;) {
    const rows: MemberLedger[] = await (last === null ? db.ledgers.orderBy(':id') : db.ledgers.where(':id').above(last)).limit(batch).toArray();
    if (rows.length === 0) return;
    const owners = opts.members === false ? [] : await db.members.bulkGet(rows.map((r) => r.memberId));
    for (let k = 0; k < rows.length; k++) {
      const r = fn(rows[k], owners[k]);
      if (r) await r;
    }
    last = rows[rows.length - 1].memberId;
    if (rows.length < batch) return;
  }
}

/** A member and its ledger as the columnar builder takes them. */
export function ledgerToBundle(member: Member, ledger: MemberLedger | undefined): MemberBundle {
  return {
    member,
    orders: ledger?.orders ?? [],
    touches: ledger?.touches ?? [],
    coupons: ledger?.coupons ?? [],
    subprofiles: ledger?.subprofiles ?? [],
  };
}
