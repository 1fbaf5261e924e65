import type { WorkspaceDB } from './db';

/**
 * The change log behind incremental snapshots: every member-data write (writeLedgers) records,
 * in its own transaction, which member ids it touched under the data version it produced, so
 * the engine can patch the stored snapshot with just those members instead of re-reading
 * every ledger. Rows live in the `snapshots` table beside the snapshot they apply to:
 *  - 'base': { version } — the data version the stored snapshot was built at; logging only
 *    happens while a snapshot exists (a workspace being generated has none);
 *  - 'log:<version>': { ids } — members touched by that write, or null for "too many / not
 *    known" (a bulk write), which makes the next update a full rebuild.
 * A missing log row (e.g. a write raced a snapshot save) also means a full rebuild: the log
 * can only make a rebuild cheaper, never make a snapshot wrong.
 */
export interface SnapshotBaseRow {
  key: 'base';
  version: number;
}
export interface ChangeLogRow {
  key: string;
  version: number;
  ids: string[] | null;
}

export const LOG_PREFIX = 'log:';
/** More members than this in one write are logged as "everything" (a full rebuild is as cheap). */
export const MAX_LOGGED_IDS = 200_000;
export const logKey = (version: number): string => `${LOG_PREFIX}${String(version).padStart(12, '0')}`;

/** Call inside the writer's transaction (which must include db.snapshots). */
export async function logMemberChanges(db: WorkspaceDB, version: number | null, ids: ReadonlySet<string> | 'all'): Promise<void> {
  if (version === null) return;
  if (!(await db.snapshots.get('base'))) return;
  const row: ChangeLogRow = { key: logKey(version), version, ids: ids === 'all' || ids.size > MAX_LOGGED_IDS ? null : [...ids] };
  await db.snapshots.put(row);
}

/**
 * Member ids changed by the writes after `from` up to `to` (data versions), or null when the
 * log cannot tell (a gap, a bulk write): then only a full rebuild is right.
 */
export async function changesBetween(db: WorkspaceDB, from: number, to: number): Promise<Set<string> | null> {
  if (to <= from) return null;
  const rows = (await db.snapshots.where(':id').between(logKey(from + 1), logKey(to), true, true).toArray()) as unknown as ChangeLogRow[];
  if (rows.length !== to - from) return null;
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.ids === null) return null;
    for (const id of r.ids) ids.add(id);
  }
  return ids;
}

/** Log rows newer than `version` (kept when a snapshot built at `version` replaces the old one). */
export async function logsAfter(db: WorkspaceDB, version: number): Promise<ChangeLogRow[]> {
  return (await db.snapshots.where(':id').between(logKey(version + 1), `${LOG_PREFIX}\uffff`, true, true).toArray()) as unknown as ChangeLogRow[];
}

/** The data version in a snapshot stamp (`v<version>|t<countedAt>|…`), and the rest that must match. */
export function parseStamp(stamp: string): { version: number; countedAt: string } | null {
  const m = /^v(\d+)\|t(\d+)\|/.exec(stamp);
  return m ? { version: Number(m[1]), countedAt: m[2] } : null;
}
