import Dexie from 'dexie';
import type { Order, TableName } from '../core/model';
import { TABLE_NAMES } from '../core/model';
import type { MemberLedger, StatsRow, WorkspaceDB } from './db';
import { isWriter } from './tabLock';
// A cycle (workspaces → db → stats → workspaces) that is safe: only used inside functions.
import { getCatalogue } from './workspaces';

/**
 * Row counts of a workspace without counting 10M rows on every page view.
 *
 * How the `stats` row stays right (choice made for the storage layer):
 *  1. Writers go through `writeLedgers` (ledgers.ts), which calls `bumpStats(db, delta)` with
 *     the exact delta inside the writer's own transaction: counts follow in the same commit.
 *     Other tables' writers do the same with their own delta.
 *  2. Any committed write to a counted IDB table (members, ledgers, products, …) whose
 *     transaction did NOT touch `stats` marks the row dirty (Dexie's `storagemutated` event
 *     names the tables a commit changed). So a writer that forgets costs one recount, never a
 *     wrong number.
 *  3. A missing or dirty row is recounted. Per-member rows live inside ledgers, which an index
 *     cannot count, so the recount reads every ledger in batches (O(rows): seconds for 10k
 *     members, about a minute for 1M) — rare by design, as every writer keeps the counters
 *     exact. The recount is saved only by the writer tab and only for a complete workspace,
 *     so a half-built one is never cached.
 */
export type WorkspaceCounts = Record<TableName, number> & {
  /** Orders of kind 'refund'. */
  refunds: number;
  /** Orders no member could be tied to (memberId null). */
  guestOrders: number;
};
export type CountsDelta = Partial<WorkspaceCounts>;

/** Record types held inside ledgers rather than in an IDB table of their own. */
const IN_LEDGERS = new Set<string>(['identities', 'orders', 'touches', 'coupons', 'subprofiles']);
/** Record types with an IDB table of their own (members, products, stores, tags, …). */
export const OWN_TABLES = TABLE_NAMES.filter((t) => !IN_LEDGERS.has(t));
/**
 * Tables counted with a native count whenever counts are read: their writers keep no counters
 * (OneID writes history inside merges and splits), and an index count is cheap.
 */
const NATIVE = ['oneidHistory'] as const;
/** The IDB tables whose writes change counts. */
const COUNTED = new Set<string>([...OWN_TABLES.filter((t) => !(NATIVE as readonly string[]).includes(t)), 'ledgers']);

async function nativeCounts(db: WorkspaceDB): Promise<Partial<WorkspaceCounts>> {
  const c: Partial<WorkspaceCounts> = {};
  for (const t of NATIVE) c[t] = await db.table(t).count();
  return c;
}
const PREFIX = 'meridian-ws-';

/** Per database name: Date.now() of the last commit that changed rows without bumping stats. */
const dirtySince = new Map<string, number>();

function onStorageMutated(parts: Record<string, unknown>): void {
  const touched = new Map<string, { counted: boolean; stats: boolean }>();
  for (const key of Object.keys(parts)) {
    const m = /^idb:\/\/([^/]+)\/([^/]+)\//.exec(key);
    if (!m || !m[1].startsWith(PREFIX)) continue;
    const t = touched.get(m[1]) ?? { counted: false, stats: false };
    if (m[2] === 'stats') t.stats = true;
    else if (COUNTED.has(m[2])) t.counted = true;
    touched.set(m[1], t);
  }
  for (const [dbName, t] of touched) {
    if (!t.counted || t.stats) continue;
    dirtySince.set(dbName, Date.now());
    // Persist the mark so a reload (or another tab) recounts too; only the writer writes.
    const db = instances.get(dbName);
    if (db && isWriter()) db.stats.update('counts', { dirty: true }).catch(() => undefined);
  }
}

const instances = new Map<string, WorkspaceDB>();
let listening = false;
/** Called by every WorkspaceDB constructor: start watching commits, remember the instance. */
export function watchStats(db: WorkspaceDB): void {
  instances.set(db.name, db);
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', onStorageMutated);
}

export function zeroCounts(): WorkspaceCounts {
  const c = { refunds: 0, guestOrders: 0 } as WorkspaceCounts;
  for (const t of TABLE_NAMES) c[t] = 0;
  return c;
}

/** The delta that inserting these orders makes (orders, refunds, guests). */
export function ordersDelta(orders: readonly Pick<Order, 'kind' | 'memberId'>[]): CountsDelta {
  let refunds = 0;
  let guestOrders = 0;
  for (const o of orders) {
    if (o.kind === 'refund') refunds++;
    if (o.memberId === null) guestOrders++;
  }
  return { orders: orders.length, refunds, guestOrders };
}

/** Exact counts: native counts for tables of their own, a pass over the ledgers for the rest. */
export async function recount(db: WorkspaceDB): Promise<WorkspaceCounts> {
  const c = zeroCounts();
  for (const t of OWN_TABLES) c[t] = await db.table(t).count();
  // Keyset batches (as forEachLedger, not imported here to keep stats.ts free of a cycle).
  let last: string | null = null;
  for (;;) {
    const rows: MemberLedger[] = await (last === null ? db.ledgers.orderBy(':id') : db.ledgers.where(':id').above(last)).limit(500).toArray();
    for (const l of rows) {
      c.identities += l.identities.length;
      c.orders += l.orders.length;
      c.touches += l.touches.length;
      c.coupons += l.coupons.length;
      c.subprofiles += l.subprofiles.length;
      for (const o of l.orders) {
        if (o.kind === 'refund') c.refunds++;
        if (o.memberId === null) c.guestOrders++;
      }
    }
    if (rows.length < 500) break;
    last = rows[rows.length - 1].memberId;
  }
  return c;
}

/** Recount and save the stats row (writer tab only; call after bulk overwrites). */
export async function recountStats(db: WorkspaceDB): Promise<WorkspaceCounts> {
  const startedAt = Date.now();
  const counts = await recount(db);
  await saveCounts(db, counts, startedAt);
  return counts;
}

async function saveCounts(db: WorkspaceDB, counts: WorkspaceCounts, countedAt: number): Promise<void> {
  await db.stats.put({ key: 'counts', counts, countedAt, dirty: false });
}

/** Set the counts outright, e.g. after restoring a file whose counts are known exactly. */
export async function writeStats(db: WorkspaceDB, counts: WorkspaceCounts): Promise<void> {
  await saveCounts(db, counts, Date.now());
}

/**
 * Add `delta` to the stored counts. Call it inside the transaction that writes the rows,
 * with `db.stats` in that transaction's scope, so counts and rows commit together; the delta
 * must be exact (writeLedgers computes it; for put-overwrites elsewhere call recountStats or
 * let the dirty mark do it). Without a valid row it does nothing: the next read recounts anyway.
 */
export async function bumpStats(db: WorkspaceDB, delta: CountsDelta): Promise<void> {
  const row = await db.stats.get('counts');
  if (!row || row.dirty) return;
  const counts = { ...row.counts };
  for (const [k, n] of Object.entries(delta)) counts[k] = (counts[k] ?? 0) + (n ?? 0);
  // countedAt stays: a non-bumping write seen since then must still force a recount.
  await db.stats.put({ ...row, counts });
}

/**
 * Mark that member data changed (writeLedgers calls it in its own transaction), so a columnar
 * snapshot built before is seen as stale even when the counts happen to stay equal.
 */
export async function bumpDataVersion(db: WorkspaceDB): Promise<number | null> {
  const row = await db.stats.get('counts');
  if (!row) return null;
  const dataVersion = (row.dataVersion ?? 0) + 1;
  await db.stats.put({ ...row, dataVersion });
  return dataVersion;
}

/** Forget the stored counts: the next countAll recounts. */
export async function invalidateStats(db: WorkspaceDB): Promise<void> {
  await db.stats.update('counts', { dirty: true });
}

function isValid(db: WorkspaceDB, row: StatsRow | undefined): row is StatsRow {
  if (!row || row.dirty) return false;
  const since = dirtySince.get(db.name);
  return since === undefined || row.countedAt > since;
}

/** Counts of every table plus refunds and guest orders; cheap when the stats row is valid. */
export async function countAll(db: WorkspaceDB): Promise<WorkspaceCounts> {
  const row = await db.stats.get('counts');
  if (isValid(db, row)) return { ...zeroCounts(), ...row.counts, ...(await nativeCounts(db)) } as WorkspaceCounts;
  const startedAt = Date.now();
  const counts = await recount(db);
  if (isWriter() && (await isComplete(db))) await saveCounts(db, counts, startedAt);
  return counts;
}

async function isComplete(db: WorkspaceDB): Promise<boolean> {
  const entry = await getCatalogue().workspaces.get(db.name.slice(PREFIX.length));
  return entry?.complete === true;
}
