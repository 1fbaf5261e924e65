import type { TagEvent } from '../core/model';
import { ruleKey } from '../core/tags/recompute';
import type { WorkspaceDB } from './db';
import { bumpStats } from './stats';

/**
 * Who holds each evaluated tag now, so `has tag "X"` and the next evaluation's add/remove
 * events read one row instead of replaying every TagEvent. A row keeps the holders' member
 * ids (valid across snapshot rebuilds) and, for speed, the 0/1 mask of the snapshot it was
 * computed on (`stamp`): used as is while that snapshot is current.
 */
export interface TagHoldersRow {
  tagId: string;
  asOf: string;
  stamp: string;
  count: number;
  mask: Uint8Array;
  memberIds: string[];
  /** ISO time the row was written (the Tags page's "last evaluated … at"). */
  evaluatedAt?: string;
  /** The definition the holders were computed with (core/tags ruleKey): an edit makes it due. */
  ruleKey?: string;
}

/**
 * Rows of manual and result tags are written by tagsManual.ts with stamp `events:…` (never a
 * snapshot's stamp, so their mask is rebuilt from memberIds) and are a cache of the replayed
 * events: a missing row is recomputed from the events, never trusted to be "nobody".
 */
export const EVENTS_STAMP = 'events:';

export function readHolders(db: WorkspaceDB): Promise<TagHoldersRow[]> {
  return db.tagHolders.toArray();
}

/** Members of `memberIds` (snapshot order) holding the tag, as a mask over the snapshot. */
export function holdersMask(row: TagHoldersRow, stamp: string, memberIds: readonly string[], index: () => Map<string, number>): Uint8Array {
  if (row.stamp === stamp && row.mask.length === memberIds.length) return row.mask;
  const out = new Uint8Array(memberIds.length);
  const at = index();
  for (const id of row.memberIds) {
    const i = at.get(id);
    if (i !== undefined) out[i] = 1;
  }
  return out;
}

/**
 * Store the new holders and the events that led there in ONE transaction (all or nothing),
 * keeping the stats row's tagEvents count exact.
 */
export async function writeTagResults(db: WorkspaceDB, holders: TagHoldersRow[], events: TagEvent[], removedTagIds: string[] = []): Promise<void> {
  const evaluatedAt = new Date().toISOString();
  await db.transaction('rw', [db.tagHolders, db.tagEvents, db.stats, db.tags], async () => {
    if (removedTagIds.length) await db.tagHolders.bulkDelete(removedTagIds);
    // Each row remembers the definition it was computed with, read in this transaction.
    const defs = await db.tags.bulkGet(holders.map((h) => h.tagId));
    await db.tagHolders.bulkPut(holders.map((h, i) => ({ ...h, evaluatedAt: h.evaluatedAt ?? evaluatedAt, ...(defs[i] ? { ruleKey: ruleKey(defs[i]) } : {}) })));
    if (events.length) {
      await db.tagEvents.bulkAdd(events);
      await bumpStats(db, { tagEvents: events.length });
    }
  });
}

/** Holders and "ever held" of tags without a holders row (manual and result tags), from their events. */
export async function holdersFromEvents(db: WorkspaceDB, tagId: string): Promise<{ now: Set<string>; ever: Set<string> }> {
  const events = await db.tagEvents.where('tagId').equals(tagId).toArray();
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const now = new Set<string>();
  const ever = new Set<string>();
  for (const e of events) {
    if (e.op === 'add') {
      now.add(e.memberId);
      ever.add(e.memberId);
    } else now.delete(e.memberId);
  }
  return { now, ever };
}
