import Dexie from 'dexie';
import type { Order, TableName } from '../core/model';
import { TABLE_NAMES } from '../core/model';
import type { StatsRow, WorkspaceDB } from './db';
import { isWriter } from './tabLock';
// A cycle (workspaces → db → stats → workspaces) that is safe: only used inside functions.
import { getCatalogue } from './workspaces';

/**
 * Row counts of a workspace without counting 10M rows on every page view.
 *
 * How the `stats` row stays right (choice made for the storage layer):
 *  1. Writers that insert rows call `bumpStats(db, delta)` inside their own transaction
 *     (which must include `db.stats`): counts follow in the same commit, for free.
 *  2. Any committed write to a counted table whose transaction did NOT touch `stats` marks
 *     the row dirty (Dexie's `storagemutated` event names the tables a commit changed). So a
 *     writer that forgets (or overwrites rows with put, where a delta is unknowable) costs one
 *     recount, never a wrong number.
 *  3. A missing or dirty row is recounted with native index counts (IDBIndex.count: no row is
 *     decoded): refunds on the v2 `kind` index, guests as all orders minus the memberId index
 *     (IndexedDB leaves null keys out of an index). The recount is saved only by the writer
 *     tab and only for a complete workspace, so a half-built one is never cached.
 */
export type WorkspaceCounts = Record<TableName, number> & {
  /** Orders of kind 'refund'. */
  refunds: number;
  /** Orders no member could be tied to (memberId null). */
  guestOrders: number;
};
export type CountsDelta = Partial<WorkspaceCounts>;

const COUNTED = new Set<string>(TABLE_NAMES);
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

/** Exact counts from native index counts. */
export async function recount(db: WorkspaceDB): Promise<WorkspaceCounts> {
  const c = zeroCounts();
  await db.transaction('r', TABLE_NAMES.map((t) => db.table(t)), async () => {
    for (const t of TABLE_NAMES) c[t] = await db.table(t).count();
    c.refunds = await db.orders.where('kind').equals('refund').count();
    c.guestOrders = c.orders - (await db.orders.orderBy('memberId').count());
  });
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
 * Add `delta` to the stored counts. Call it inside the transaction that inserts the rows,
 * with `db.stats` in that transaction's scope, so counts and rows commit together. Inserts
 * only: for put-overwrites the delta is unknown, call recountStats (or let the dirty mark do it).
 * Without a valid row it does nothing: the next read recounts anyway.
 */
export async function bumpStats(db: WorkspaceDB, delta: CountsDelta): Promise<void> {
  const row = await db.stats.get('counts');
  if (!row || row.dirty) return;
  const counts = { ...row.counts };
  for (const [k, n] of Object.entries(delta)) counts[k] = (counts[k] ?? 0) + (n ?? 0);
  // countedAt stays: a non-bumping write seen since then must still force a recount.
  await db.stats.put({ ...row, counts });
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
  if (isValid(db, row)) return { ...zeroCounts(), ...row.counts } as WorkspaceCounts;
  const startedAt = Date.now();
  const counts = await recount(db);
  if (isWriter() && (await isComplete(db))) await saveCounts(db, counts, startedAt);
  return counts;
}

async function isComplete(db: WorkspaceDB): Promise<boolean> {
  const entry = await getCatalogue().workspaces.get(db.name.slice(PREFIX.length));
  return entry?.complete === true;
}
