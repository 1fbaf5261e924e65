import type { TagDefinition, TagEvent } from '../core/model';
import { checkResultReason, manualReason, REASON_MAX } from '../core/tags';
import type { WorkspaceDB } from './db';
import { bumpStats } from './stats';
import { EVENTS_STAMP, holdersFromEvents, type TagHoldersRow } from './tagHolders';
import { nowLocal } from './tags';

/**
 * Manual tags (a person adds or removes them) and result tags (journeys write them back) go
 * through ONE path: check the tag's kind and the members, then write the add/remove events
 * and the tag's holders row with the stats count in one transaction (all or nothing). Only
 * real changes become events: adding a tag a member holds already writes nothing.
 */
export interface TagChangeInput {
  tagId: string;
  memberIds: readonly string[];
  op: 'add' | 'remove';
  /** Local time of the change, 'YYYY-MM-DDTHH:mm:ss'; defaults to now. */
  at?: string;
}
export interface TagChangeResult {
  changed: number;
  unchanged: number;
  count: number;
}

const KIND_LABEL: Record<TagDefinition['kind'], string> = { manual: 'a manual tag', result: 'a result tag', rule: 'a rule tag', dynamic: 'a dynamic tag' };
const KIND_PLURAL = { manual: 'manual tags', result: 'result tags' } as const;
const MEMBER_CHECK_BATCH = 2000;
let seq = 0;

async function applyTagChange(db: WorkspaceDB, input: TagChangeInput, kind: 'manual' | 'result', reason: string): Promise<TagChangeResult> {
  if (input.op !== 'add' && input.op !== 'remove') throw new Error(`op must be 'add' or 'remove', got ${JSON.stringify(input.op)}`);
  if (reason.length > REASON_MAX) throw new Error(`the reason is longer than ${REASON_MAX} characters`);
  const ids = [...new Set(input.memberIds)].sort();
  const at = input.at ?? nowLocal();
  return db.transaction('rw', [db.tags, db.members, db.tagHolders, db.tagEvents, db.stats], async () => {
    const tag = await db.tags.get(input.tagId);
    if (!tag) throw new Error(`no tag with id '${input.tagId}'`);
    if (tag.kind !== kind) throw new Error(`'${tag.name}' is ${KIND_LABEL[tag.kind]}: only ${KIND_PLURAL[kind]} can be set this way`);
    for (let i = 0; i < ids.length; i += MEMBER_CHECK_BATCH) {
      const part = ids.slice(i, i + MEMBER_CHECK_BATCH);
      const found = await db.members.bulkGet(part);
      const missing = part.filter((_, k) => !found[k]);
      if (missing.length) throw new Error(`no member with id ${missing.slice(0, 5).map((m) => `'${m}'`).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
    }
    const row = await db.tagHolders.get(tag.id);
    const holders = row ? new Set(row.memberIds) : (await holdersFromEvents(db, tag.id)).now;
    const run = `${Date.now().toString(36)}-${(++seq).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const events: TagEvent[] = [];
    for (const memberId of ids) {
      if ((input.op === 'add') === holders.has(memberId)) continue;
      if (input.op === 'add') holders.add(memberId);
      else holders.delete(memberId);
      events.push({ v: 1, id: `te-${run}-${String(events.length).padStart(8, '0')}`, memberId, tagId: tag.id, op: input.op, at, reason });
    }
    if (events.length) {
      const next: TagHoldersRow = {
        tagId: tag.id, asOf: at.slice(0, 10), stamp: `${EVENTS_STAMP}${run}`, count: holders.size,
        mask: new Uint8Array(0), memberIds: [...holders].sort(), evaluatedAt: new Date().toISOString(),
      };
      await db.tagEvents.bulkAdd(events);
      await db.tagHolders.put(next);
      await bumpStats(db, { tagEvents: events.length });
    }
    return { changed: events.length, unchanged: ids.length - events.length, count: holders.size };
  });
}

/** A person adds or removes a manual tag; the reason records who and their note. */
export function applyManualTag(db: WorkspaceDB, input: TagChangeInput & { who: string; note?: string }): Promise<TagChangeResult> {
  return applyTagChange(db, input, 'manual', manualReason(input.who, input.note));
}

/** A journey (or another process) writes a result tag back; reason like 'journey:<id>:<node>'. */
export function applyResultTag(db: WorkspaceDB, input: TagChangeInput & { reason: string }): Promise<TagChangeResult> {
  const bad = checkResultReason(input.reason);
  if (bad) return Promise.reject(new Error(bad));
  return applyTagChange(db, input, 'result', input.reason);
}

/**
 * One tag's add/remove events, newest written first, paged. Event ids begin with the time
 * they were written (base-36 milliseconds), so the tagId index's key order is write order;
 * `at` of a rule event is the evaluated day, which for a time-travel write may be older.
 */
export async function tagHistory(db: WorkspaceDB, tagId: string, page: { offset?: number; limit?: number } = {}): Promise<{ events: TagEvent[]; total: number }> {
  const limit = Math.max(1, Math.min(500, page.limit ?? 50));
  const offset = Math.max(0, page.offset ?? 0);
  const [events, total] = await Promise.all([
    db.tagEvents.where('tagId').equals(tagId).reverse().offset(offset).limit(limit).toArray(),
    db.tagEvents.where('tagId').equals(tagId).count(),
  ]);
  return { events, total };
}

/** The tags a member holds now, from their own events (every change to any tag is one). */
export async function memberTagIds(db: WorkspaceDB, memberId: string): Promise<Set<string>> {
  const events = await db.tagEvents.where('memberId').equals(memberId).toArray();
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const held = new Set<string>();
  for (const e of events) {
    if (e.op === 'add') held.add(e.tagId);
    else held.delete(e.tagId);
  }
  return held;
}
