import { AudienceRecord, load, type Audience } from '../core/model';
import { RuleSchema, stripSpans, type Rule } from '../core/rules';
import type { WorkspaceDB } from './db';
import { bumpStats } from './stats';

/**
 * Saved audiences of a workspace. Rules refer to audiences by name (`in audience "A"`), so
 * names are unique within a workspace; every record is validated with load(AudienceRecord)
 * and its rule with RuleSchema before anything is written.
 */
export interface AudienceDraft {
  /** Absent for a new audience. */
  id?: string;
  name: string;
  description: string;
  rule: Rule;
  lastCount: number | null;
}

export function newAudienceId(): string {
  return `aud${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Local wall-clock time now, 'YYYY-MM-DDTHH:mm:ss'. */
function nowLocal(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** All audiences, by name. Rows that fail validation are left out rather than breaking the list. */
export async function listAudiences(db: WorkspaceDB): Promise<Audience[]> {
  const rows = await db.audiences.orderBy('name').toArray();
  const out: Audience[] = [];
  for (const r of rows) {
    const res = load(AudienceRecord, r);
    if (res.ok) out.push(res.value);
  }
  return out;
}

export async function getAudience(db: WorkspaceDB, id: string): Promise<Audience | null> {
  const row = await db.audiences.get(id);
  if (!row) return null;
  const res = load(AudienceRecord, row);
  return res.ok ? res.value : null;
}

/** The stored rule of an audience as a Rule, or null when it is not a valid rule AST. */
export function audienceRule(a: Audience): Rule | null {
  const res = RuleSchema.safeParse(a.rule);
  return res.success ? res.data : null;
}

/** Create or update; throws an Error saying what is wrong, writing nothing, on bad input. */
export async function saveAudience(db: WorkspaceDB, draft: AudienceDraft, at = nowLocal()): Promise<Audience> {
  const name = draft.name.trim();
  if (!name) throw new Error('an audience needs a name');
  const rule = RuleSchema.safeParse(stripSpans(draft.rule));
  if (!rule.success) throw new Error(`the rule is not valid: ${rule.error.issues[0]?.message ?? 'unknown'}`);
  return db.transaction('rw', db.audiences, db.stats, async () => {
    const before = draft.id ? await db.audiences.get(draft.id) : undefined;
    const clash = await db.audiences.where('name').equals(name).first();
    if (clash && clash.id !== draft.id) throw new Error(`an audience named '${name}' already exists`);
    const record = {
      v: 1,
      id: draft.id ?? newAudienceId(),
      name,
      description: draft.description.trim(),
      rule: rule.data,
      lastCount: draft.lastCount,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    const res = load(AudienceRecord, record);
    if (!res.ok) throw new Error(res.error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ') || res.error.message);
    await db.audiences.put(res.value);
    // Also on an update: a write to a counted table that leaves the stats row alone marks it
    // dirty (stats.ts), which would force a full recount and snapshot rebuild.
    await bumpStats(db, { audiences: before ? 0 : 1 });
    return res.value;
  });
}

/** A copy under a new, unused name: `${name} ${suffix}`, then `${suffix} 2`, … */
export async function duplicateAudience(db: WorkspaceDB, id: string, suffix: string): Promise<Audience> {
  const a = await getAudience(db, id);
  if (!a) throw new Error(`no audience with id '${id}'`);
  const names = new Set((await db.audiences.toArray()).map((r) => r.name));
  let name = `${a.name} ${suffix}`;
  for (let n = 2; names.has(name); n++) name = `${a.name} ${suffix} ${n}`;
  return saveAudience(db, { name, description: a.description, rule: (audienceRule(a) ?? { k: 'true' }) as Rule, lastCount: a.lastCount });
}

export async function deleteAudience(db: WorkspaceDB, id: string): Promise<void> {
  await db.transaction('rw', db.audiences, db.stats, async () => {
    if (!(await db.audiences.get(id))) return;
    await db.audiences.delete(id);
    await bumpStats(db, { audiences: -1 });
  });
}
