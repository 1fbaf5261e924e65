import { ColumnsBuilder } from '../core/columnar/build';
import { patchColumns, patchMemberColumn } from '../core/columnar/patch';
import { COLUMNS_VERSION, type MemberColumns } from '../core/columnar/types';
import { CancelToken, throttleProgress, type ProgressFn } from '../core/jobs';
import { Gender, PLATFORMS, type Member, type Product } from '../core/model';
import type { WorkspaceDB } from './db';
import type { MemberLedger } from './db';
import { ledgerToBundle } from './ledgers';
import { changesBetween, logsAfter, parseStamp, type ChangeLogRow, type SnapshotBaseRow } from './snapshotLog';
import { countAll } from './stats';

/**
 * The engine's columnar snapshot, persisted in the workspace database so a reload does not
 * rescan every ledger. Rows of the `snapshots` table:
 *  - 'meta': version, data stamp, layout (which rows hold which column);
 *  - 'col:<name>:<n>': chunk n of a typed-array column, stored as the typed array itself
 *    (IndexedDB clones typed arrays natively; no encoding), at most CHUNK_BYTES each;
 *  - 'ids:<n>': CHUNK_IDS member ids per row.
 * The whole set is written in one transaction, so a half-written snapshot never loads.
 * A snapshot is valid while its `stamp` equals dataStamp(db): the stats row's counts, its
 * countedAt and its dataVersion (bumped by every writeLedgers), so any member-data write
 * makes the next ensureSnapshot update it: incrementally from the change log when it can
 * (snapshotLog.ts: only the members the writes touched are re-read), else by a full rebuild.
 */
export const SNAPSHOT_FORMAT = 1;
export const GENDERS = Gender.options;
export const CHUNK_BYTES = 8 * 1024 * 1024;
export const CHUNK_IDS = 100_000;
/** Ledgers read per batch while building. */
const BUILD_BATCH = 1000;

/** Member fields the persona needs that MemberColumns does not carry. */
export interface MemberExtras {
  /** index into GENDERS */
  gender: Uint8Array;
  /** index into PLATFORMS */
  firstPlatform: Uint8Array;
}

export interface Snapshot {
  cols: MemberColumns;
  extras: MemberExtras;
  stamp: string;
  /** Sale and refund orders of members (guest orders are not in the snapshot). */
  orders: number;
}

type Typed = Uint8Array | Int32Array | Uint32Array;
interface ColumnLayout {
  owner: 'cols' | 'extras';
  name: string;
  type: 'u8' | 'i32' | 'u32';
  length: number;
  chunks: number;
}
export interface SnapshotMeta {
  key: 'meta';
  format: number;
  columnsVersion: number;
  stamp: string;
  memberCount: number;
  idChunks: number;
  dicts: MemberColumns['dicts'];
  columns: ColumnLayout[];
  builtAt: number;
  buildMs: number;
}
export type SnapshotChunk = SnapshotMeta | { key: string; data: Typed } | { key: string; ids: string[] } | ChangeLogRow | SnapshotBaseRow;

/** What member data looks like right now; a snapshot stamped differently is stale. */
export async function dataStamp(db: WorkspaceDB): Promise<string> {
  let row = await db.stats.get('counts');
  if (!row || row.dirty) {
    await countAll(db); // recounts (and saves, in the writer tab)
    row = await db.stats.get('counts');
    // Counts that cannot be saved here cannot be trusted to stay: never match.
    if (!row || row.dirty) return `unstable:${Date.now()}`;
  }
  const c = row.counts;
  const parts = ['members', 'orders', 'refunds', 'identities', 'touches', 'coupons', 'subprofiles', 'products'].map((k) => c[k] ?? 0);
  return `v${row.dataVersion ?? 0}|t${row.countedAt}|${parts.join(',')}`;
}

const typeOf = (a: Typed): ColumnLayout['type'] => (a instanceof Uint8Array ? 'u8' : a instanceof Int32Array ? 'i32' : 'u32');
const make = (t: ColumnLayout['type'], n: number): Typed => (t === 'u8' ? new Uint8Array(n) : t === 'i32' ? new Int32Array(n) : new Uint32Array(n));
const isTyped = (v: unknown): v is Typed => v instanceof Uint8Array || v instanceof Int32Array || v instanceof Uint32Array;

const genderCode = (m: Member) => Math.max(0, GENDERS.indexOf(m.gender));
const platformCode = (m: Member) => Math.max(0, PLATFORMS.indexOf(m.firstPlatform));

/** Scan every member ledger into columns (member-id order; guest chunks skipped). */
export async function buildSnapshot(db: WorkspaceDB, onProgress: ProgressFn = () => undefined, token = new CancelToken()): Promise<Snapshot> {
  const stamp = await dataStamp(db);
  const products = new Map<string, Product>((await db.products.toArray()).map((p) => [p.sku, p]));
  const total = (await db.stats.get('counts'))?.counts.members ?? (await db.members.count());
  const progress = throttleProgress(onProgress, 100);
  const builder = new ColumnsBuilder(products);
  const gender: number[] = [];
  const first: number[] = [];
  let done = 0;
  let orders = 0;
  progress({ phase: 'snapshot', done: 0, total });
  // Keyset batches over the members table, each with ONE range read of the matching ledgers
  // (range getAll: one request, where bulkGet makes one per key); the next batch is read
  // while this one is turned into columns. Guest chunks ('~guest:…') sort after every
  // member id and are never in a member range.
  const read = async (after: string | null): Promise<{ ledgers: (MemberLedger | undefined)[]; members: Member[] }> => {
    const members = await (after === null ? db.members.orderBy(':id') : db.members.where(':id').above(after)).limit(BUILD_BATCH).toArray();
    if (!members.length) return { ledgers: [], members };
    const rows = await db.ledgers.where(':id').between(members[0].id, members[members.length - 1].id, true, true).toArray();
    const byId = new Map(rows.map((l) => [l.memberId, l]));
    return { ledgers: members.map((m) => byId.get(m.id)), members };
  };
  let next = read(null);
  for (;;) {
    const { ledgers, members } = await next;
    if (members.length === 0) break;
    next = members.length < BUILD_BATCH ? Promise.resolve({ ledgers: [], members: [] }) : read(members[members.length - 1].id);
    for (let k = 0; k < members.length; k++) {
      const member = members[k];
      const ledger = ledgers[k];
      builder.add(ledgerToBundle(member, ledger));
      orders += ledger?.orders.length ?? 0;
      gender.push(genderCode(member));
      first.push(platformCode(member));
    }
    done += members.length;
    progress({ phase: 'snapshot', done, total: Math.max(total, done) });
    if (token.cancelled) {
      await next.catch(() => undefined);
      token.throwIfCancelled();
    }
  }
  progress({ phase: 'snapshot', done, total: done });
  return { cols: builder.finish(), extras: { gender: Uint8Array.from(gender), firstPlatform: Uint8Array.from(first) }, stamp, orders };
}

/** Persist a snapshot, replacing any previous one, in one transaction. */
export async function saveSnapshot(db: WorkspaceDB, snap: Snapshot, buildMs = 0, sizes: { chunkBytes?: number; chunkIds?: number } = {}): Promise<void> {
  const chunkBytes = sizes.chunkBytes ?? CHUNK_BYTES;
  const chunkIds = sizes.chunkIds ?? CHUNK_IDS;
  const rows: SnapshotChunk[] = [];
  const columns: ColumnLayout[] = [];
  const add = (owner: ColumnLayout['owner'], name: string, arr: Typed) => {
    const per = Math.max(1, Math.floor(chunkBytes / arr.BYTES_PER_ELEMENT));
    const chunks = Math.max(1, Math.ceil(arr.length / per));
    for (let n = 0; n < chunks; n++) rows.push({ key: `col:${owner}.${name}:${n}`, data: arr.slice(n * per, (n + 1) * per) });
    columns.push({ owner, name, type: typeOf(arr), length: arr.length, chunks });
  };
  for (const [name, v] of Object.entries(snap.cols)) if (isTyped(v)) add('cols', name, v);
  for (const [name, v] of Object.entries(snap.extras)) add('extras', name, v as Typed);
  const ids = snap.cols.memberIds;
  const idChunks = Math.max(1, Math.ceil(ids.length / chunkIds));
  for (let n = 0; n < idChunks; n++) rows.push({ key: `ids:${n}`, ids: ids.slice(n * chunkIds, (n + 1) * chunkIds) });
  const meta: SnapshotMeta = {
    key: 'meta', format: SNAPSHOT_FORMAT, columnsVersion: snap.cols.version, stamp: snap.stamp, memberCount: snap.cols.memberCount,
    idChunks, dicts: snap.cols.dicts, columns, builtAt: Date.now(), buildMs,
  };
  const version = parseStamp(snap.stamp)?.version;
  await db.transaction('rw', db.snapshots, async () => {
    // Writes logged after the data this snapshot was built from still apply to it.
    const later = version === undefined ? [] : await logsAfter(db, version);
    await db.snapshots.clear();
    await db.snapshots.bulkPut([...rows, ...later]);
    await db.snapshots.put({ ...meta, orders: snap.orders } as SnapshotMeta);
    if (version !== undefined) await db.snapshots.put({ key: 'base', version });
  });
}

/** Load the stored snapshot; null when there is none, it is of another version, or stale. */
export async function loadSnapshot(db: WorkspaceDB, stamp?: string): Promise<Snapshot | null> {
  const meta = (await db.snapshots.get('meta')) as (SnapshotMeta & { orders?: number }) | undefined;
  if (!meta || meta.format !== SNAPSHOT_FORMAT || meta.columnsVersion !== COLUMNS_VERSION) return null;
  if (stamp !== undefined && meta.stamp !== stamp) return null;
  const cols: Record<string, unknown> = { version: meta.columnsVersion, memberCount: meta.memberCount, dicts: meta.dicts };
  const extras: Record<string, unknown> = {};
  for (const c of meta.columns) {
    const keys = Array.from({ length: c.chunks }, (_, n) => `col:${c.owner}.${c.name}:${n}`);
    const parts = (await db.snapshots.bulkGet(keys)) as ({ data: Typed } | undefined)[];
    if (parts.some((p) => !p)) return null;
    const arr = parts.length === 1 && parts[0]!.data.length === c.length ? parts[0]!.data : make(c.type, c.length);
    if (arr !== parts[0]!.data) {
      let at = 0;
      for (const p of parts) {
        arr.set(p!.data, at);
        at += p!.data.length;
      }
    }
    (c.owner === 'cols' ? cols : extras)[c.name] = arr;
  }
  const idRows = (await db.snapshots.bulkGet(Array.from({ length: meta.idChunks }, (_, n) => `ids:${n}`))) as ({ ids: string[] } | undefined)[];
  if (idRows.some((r) => !r)) return null;
  cols.memberIds = idRows.length === 1 ? idRows[0]!.ids : idRows.flatMap((r) => r!.ids);
  return { cols: cols as unknown as MemberColumns, extras: extras as unknown as MemberExtras, stamp: meta.stamp, orders: meta.orders ?? 0 };
}

export interface EnsuredSnapshot {
  snapshot: Snapshot;
  /** false when the stored snapshot was current */
  built: boolean;
  /** set when it was updated incrementally: how many members were re-read */
  patched?: number;
  ms: number;
}

/**
 * The stored snapshot with the members in `changed` re-read from their ledgers (deleted ones
 * dropped, new ones inserted in id order). Null when the result does not add up to the stats
 * row's exact counts (a write that bypassed the log): the caller then rebuilds in full.
 */
export async function patchSnapshot(db: WorkspaceDB, base: Snapshot, changed: ReadonlySet<string>, stamp: string): Promise<Snapshot | null> {
  const ids = [...changed].sort();
  const [members, ledgers, products, stats] = await Promise.all([
    db.members.bulkGet(ids),
    db.ledgers.bulkGet(ids),
    db.products.toArray(),
    db.stats.get('counts'),
  ]);
  const builder = new ColumnsBuilder(new Map(products.map((p) => [p.sku, p])));
  const gender: number[] = [];
  const first: number[] = [];
  ids.forEach((_, k) => {
    const m = members[k];
    if (!m) return;
    builder.add(ledgerToBundle(m, ledgers[k]));
    gender.push(genderCode(m));
    first.push(platformCode(m));
  });
  const fresh = builder.finish();
  const { cols, picks } = patchColumns(base.cols, fresh, changed, new Map(products.map((p) => [p.sku, p])));
  const c = stats?.counts;
  if (!c || cols.memberCount !== c.members || cols.oDay.length !== (c.orders ?? 0) - (c.guestOrders ?? 0)) return null;
  return {
    cols,
    extras: {
      gender: patchMemberColumn(picks, base.extras.gender, Uint8Array.from(gender)),
      firstPlatform: patchMemberColumn(picks, base.extras.firstPlatform, Uint8Array.from(first)),
    },
    stamp,
    orders: cols.oDay.length,
  };
}

/** The members changed since the stored snapshot, when the change log can tell. */
async function changedSinceStored(db: WorkspaceDB, stamp: string): Promise<Set<string> | null> {
  const meta = (await db.snapshots.get('meta')) as SnapshotMeta | undefined;
  const was = meta && parseStamp(meta.stamp);
  const now = parseStamp(stamp);
  if (!was || !now || was.countedAt !== now.countedAt) return null;
  return changesBetween(db, was.version, now.version);
}

/**
 * The stored snapshot when it matches the data; else the stored one patched with the members
 * the change log names; else a full build. Whatever was made is saved for next time.
 */
export async function ensureSnapshot(db: WorkspaceDB, onProgress?: ProgressFn, token?: CancelToken): Promise<EnsuredSnapshot> {
  const t0 = Date.now();
  const stamp = await dataStamp(db);
  const current = await loadSnapshot(db, stamp);
  if (current) return { snapshot: current, built: false, ms: Date.now() - t0 };
  const changed = await changedSinceStored(db, stamp);
  const base = changed ? await loadSnapshot(db) : null;
  const patched = base && changed ? await patchSnapshot(db, base, changed, stamp) : null;
  if (patched && changed) {
    token?.throwIfCancelled();
    await saveSnapshot(db, patched, Date.now() - t0);
    return { snapshot: patched, built: true, patched: changed.size, ms: Date.now() - t0 };
  }
  const snapshot = await buildSnapshot(db, onProgress, token);
  token?.throwIfCancelled();
  await saveSnapshot(db, snapshot, Date.now() - t0);
  return { snapshot, built: true, ms: Date.now() - t0 };
}
