import { load, TagDefinitionRecord, type Audience, type TagDefinition } from '../core/model';
import { parseRule, RuleSchema, stripSpans, typecheck, type Rule } from '../core/rules';
import { checkTagDraft, draftIssueText, needsRule, type TagDraft } from '../core/tags';
import type { WorkspaceDB } from './db';
import { bumpStats } from './stats';
import { EVENTS_STAMP, holdersFromEvents } from './tagHolders';

/**
 * Tag definitions of a workspace: list, save, delete, and what each holds now. Every write
 * touches the stats row in its own transaction (bumpStats, even with a zero delta), so the
 * counts stay exact without a recount (a recount would also make the engine's snapshot look
 * stale). Rules refer to tags by name or id: a rename or delete that would break another
 * tag's or audience's rule is refused, naming them.
 */

/** Local wall-clock time now, 'YYYY-MM-DDTHH:mm:ss'. */
export function nowLocal(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function newTagId(): string {
  return `tag${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** All valid tag definitions (rows that fail validation are left out, not fatal). */
export async function listTags(db: WorkspaceDB): Promise<TagDefinition[]> {
  const out: TagDefinition[] = [];
  for (const r of await db.tags.toArray()) {
    const res = load(TagDefinitionRecord, r);
    if (res.ok) out.push(res.value);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A stored rule as a Rule (text or AST), or null. */
export function tagRule(t: Pick<TagDefinition, 'rule'>): Rule | null {
  if (typeof t.rule === 'string') {
    try {
      return parseRule(t.rule);
    } catch {
      return null;
    }
  }
  const res = RuleSchema.safeParse(t.rule);
  return res.success ? res.data : null;
}

function mentions(rule: Rule, keys: Set<string>): boolean {
  switch (rule.k) {
    case 'and':
    case 'or':
      return rule.args.some((r) => mentions(r, keys));
    case 'not':
      return mentions(rule.arg, keys);
    case 'tag':
      return keys.has(rule.tag);
    default:
      return false;
  }
}

/** Names of the tags and audiences whose rules mention this tag (by id or name). */
export async function tagDependents(db: WorkspaceDB, tag: Pick<TagDefinition, 'id' | 'name'>, by: string[] = [tag.id, tag.name]): Promise<string[]> {
  const keys = new Set(by);
  const [tags, audiences] = await Promise.all([db.tags.toArray(), db.audiences.toArray()]);
  const out: string[] = [];
  for (const t of tags) {
    const r = t.id === tag.id ? null : tagRule(t);
    if (r && mentions(r, keys)) out.push(`tag '${t.name}'`);
  }
  for (const a of audiences as Audience[]) {
    const r = RuleSchema.safeParse(a.rule);
    if (r.success && mentions(r.data, keys)) out.push(`audience '${a.name}'`);
  }
  return out;
}

/** Create or update a tag; throws an Error naming every problem, writing nothing, on bad input. */
export async function saveTag(db: WorkspaceDB, draft: TagDraft, at = nowLocal()): Promise<TagDefinition> {
  return db.transaction('rw', [db.tags, db.stats, db.audiences], async () => {
    const all = await db.tags.toArray();
    const issues = checkTagDraft(draft, all).map(draftIssueText);
    let rule: Rule | undefined;
    if (needsRule(draft.kind) && issues.length === 0) {
      const input = typeof draft.rule === 'string' ? safeParse(draft.rule, issues) : draft.rule;
      const shape = input === undefined ? null : RuleSchema.safeParse(stripSpans(input));
      if (shape && !shape.success) issues.push(`rule: not a valid rule (${shape.error.issues[0]?.message ?? 'unreadable'})`);
      else if (shape?.success) {
        rule = shape.data;
        const audiences = await db.audiences.toArray();
        const names = { tags: all.flatMap((t) => [t.id, t.name]).concat(draft.name.trim()), audiences: audiences.flatMap((a) => [a.id, a.name]) };
        for (const i of typecheck(rule, names)) issues.push(`rule: ${i.message}`);
        if (mentions(rule, new Set([draft.name.trim(), ...(draft.id ? [draft.id] : [])]))) issues.push('rule: a tag cannot depend on itself');
      }
    }
    const before = draft.id ? all.find((t) => t.id === draft.id) : undefined;
    if (draft.id && !before) issues.push(`no tag with id '${draft.id}'`);
    if (before && before.name !== draft.name.trim()) {
      const users = await tagDependents(db, before, [before.name]);
      if (users.length) issues.push(`name: '${before.name}' is used by ${users.join(', ')}; change them first`);
    }
    if (issues.length) throw new Error(issues.join('; '));
    const record = {
      v: 1,
      id: before?.id ?? newTagId(),
      name: draft.name.trim(),
      group: draft.group.trim() || null,
      priority: draft.priority,
      kind: draft.kind,
      ...(rule ? { rule } : {}),
      description: draft.description.trim(),
      createdAt: before?.createdAt ?? at,
    };
    const res = load(TagDefinitionRecord, record);
    if (!res.ok) throw new Error(res.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || res.error.message);
    await db.tags.put(res.value);
    await bumpStats(db, { tags: before ? 0 : 1 });
    return res.value;
  });
}

function safeParse(text: string, issues: string[]): Rule | undefined {
  try {
    return parseRule(text);
  } catch (e) {
    issues.push(`rule: ${(e as Error).message}`);
    return undefined;
  }
}

/**
 * Delete a tag with its holders and its whole history (the events would otherwise name a tag
 * nobody can see). Refused while another tag's or an audience's rule uses it.
 */
export async function deleteTag(db: WorkspaceDB, id: string): Promise<{ events: number }> {
  return db.transaction('rw', [db.tags, db.tagHolders, db.tagEvents, db.stats, db.audiences], async () => {
    const tag = await db.tags.get(id);
    if (!tag) throw new Error(`no tag with id '${id}'`);
    const users = await tagDependents(db, tag);
    if (users.length) throw new Error(`'${tag.name}' is used by ${users.join(', ')}; change them first`);
    const events = await db.tagEvents.where('tagId').equals(id).delete();
    await db.tagHolders.delete(id);
    await db.tags.delete(id);
    await bumpStats(db, { tags: -1, tagEvents: -events });
    return { events };
  });
}

export interface TagSummary {
  count: number;
  /** Evaluated as of this day (rule tags), or the day of the last change (manual, result). */
  asOf: string | null;
  /** When it was last evaluated or changed (ISO time). */
  at: string | null;
  /** 'holders': a holders row; 'events': replayed from the history; 'never': not evaluated yet. */
  source: 'holders' | 'events' | 'never';
}

/** What every tag holds now, for the list: holders rows, else the replayed history. */
export async function tagSummaries(db: WorkspaceDB, tags: readonly TagDefinition[]): Promise<Map<string, TagSummary>> {
  const rows = await db.tagHolders.bulkGet(tags.map((t) => t.id));
  const out = new Map<string, TagSummary>();
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const row = rows[i];
    if (row) {
      out.set(t.id, { count: row.count, asOf: row.stamp.startsWith(EVENTS_STAMP) ? null : row.asOf, at: row.evaluatedAt ?? null, source: 'holders' });
    } else if (needsRule(t.kind)) {
      out.set(t.id, { count: 0, asOf: null, at: null, source: 'never' });
    } else {
      const { now } = await holdersFromEvents(db, t.id);
      out.set(t.id, { count: now.size, asOf: null, at: null, source: 'events' });
    }
  }
  return out;
}
