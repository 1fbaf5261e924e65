import {
  defaultJourneySettings, JourneyRecord, JourneyVersionRecord, load,
  type Journey, type JourneyEdge, type JourneyNode, type JourneyNote, type JourneySettings, type JourneyVersion, type LoadError,
} from '../core/model';
import { canPublish, newId, validateJourney, type ValidationContext, type ValidationIssue } from '../core/journey';
import { sameName } from '../core/tags';
import type { WorkspaceDB } from './db';
import { bumpStats } from './stats';
import { assertWriter } from './tabLock';
import { listTags, nowLocal, saveTag } from './tags';

/**
 * Journeys of a workspace: the draft (one `journeys` row, edited by the canvas) and its
 * published versions (`journeyVersions`, frozen: `${journeyId}:${revision}`). The draft's
 * `revision` names its latest published version (0 = never published). Every record is
 * checked with load() before it is written; a write that fails writes nothing.
 *
 * `revision` and `status` belong to publishing: saveJourney keeps the stored ones, so an editor
 * holding an older copy of the draft cannot roll a revision back.
 */

export interface JourneyInit {
  name: string;
  description?: string;
  owner?: string;
  template?: string | null;
  nodes?: JourneyNode[];
  edges?: JourneyEdge[];
  notes?: JourneyNote[];
  settings?: JourneySettings;
}

export type PublishOutcome =
  | { ok: true; journey: Journey; version: JourneyVersion; createdTags: string[] }
  | { ok: false; issues: ValidationIssue[] };

const versionId = (journeyId: string, revision: number): string => `${journeyId}:${revision}`;

function checked(rt: typeof JourneyRecord, doc: unknown): Journey;
function checked(rt: typeof JourneyVersionRecord, doc: unknown): JourneyVersion;
function checked(rt: typeof JourneyRecord | typeof JourneyVersionRecord, doc: unknown): Journey | JourneyVersion {
  const res = load(rt as typeof JourneyRecord, doc);
  if (!res.ok) throw new Error(loadErrorText(res.error));
  return res.value;
}

function loadErrorText(e: LoadError): string {
  return e.issues?.length ? `${e.record}: ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` : e.message;
}

function loaded(row: unknown): Journey | null {
  const res = load(JourneyRecord, row);
  return res.ok ? res.value : null;
}

function loadedVersion(row: unknown): JourneyVersion | null {
  const res = load(JourneyVersionRecord, row);
  return res.ok ? res.value : null;
}

/** All journeys, most recently changed first. Rows that fail validation are left out. */
export async function listJourneys(db: WorkspaceDB): Promise<Journey[]> {
  const out: Journey[] = [];
  for (const r of await db.journeys.toArray()) {
    const j = loaded(r);
    if (j) out.push(j);
  }
  return out.sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1));
}

export async function getJourney(db: WorkspaceDB, id: string): Promise<Journey | null> {
  const row = await db.journeys.get(id);
  return row ? loaded(row) : null;
}

/** A new draft (status 'draft', revision 0). */
export async function createJourney(db: WorkspaceDB, init: JourneyInit, at = nowLocal()): Promise<Journey> {
  assertWriter();
  const name = init.name.trim();
  if (!name) throw new Error('a journey needs a name');
  const record = checked(JourneyRecord, {
    v: JourneyRecord.version,
    id: newId('j'),
    name,
    description: init.description ?? '',
    owner: init.owner ?? '',
    status: 'draft',
    revision: 0,
    nodes: init.nodes ?? [],
    edges: init.edges ?? [],
    notes: init.notes ?? [],
    settings: init.settings ?? defaultJourneySettings(),
    template: init.template ?? null,
    createdAt: at,
    updatedAt: at,
  });
  await db.transaction('rw', db.journeys, db.stats, async () => {
    await db.journeys.add(record);
    await bumpStats(db, { journeys: 1 });
  });
  return record;
}

/**
 * Save the draft (insert when its id is new, e.g. an imported journey). Sets updatedAt. An
 * existing journey keeps its stored revision, status and createdAt; a new one starts as a
 * never-published draft.
 */
export async function saveJourney(db: WorkspaceDB, j: Journey, at = nowLocal()): Promise<Journey> {
  assertWriter();
  // Shape first, outside the transaction: a bad draft is refused before anything is opened.
  checked(JourneyRecord, { ...j, updatedAt: at });
  return db.transaction('rw', db.journeys, db.stats, async () => {
    const row = await db.journeys.get(j.id);
    const before = row ? loaded(row) : null;
    const record = checked(JourneyRecord, {
      ...j,
      name: j.name.trim(),
      status: before?.status ?? 'draft',
      revision: before?.revision ?? 0,
      createdAt: before?.createdAt ?? j.createdAt,
      updatedAt: at,
    });
    await db.journeys.put(record);
    // A stored row that no longer loads is still a row: overwriting it adds none.
    await bumpStats(db, { journeys: row ? 0 : 1 });
    return record;
  });
}

/** What validation needs from the workspace: audiences (id → name), tag names, tag groups. */
export async function validationContext(db: WorkspaceDB): Promise<ValidationContext> {
  const audiences = new Map<string, string>();
  for (const a of await db.audiences.toArray()) if (typeof a?.id === 'string' && typeof a.name === 'string') audiences.set(a.id, a.name);
  const tags = await listTags(db);
  return {
    audiences,
    tags: new Set(tags.map((t) => t.name)),
    tagGroups: new Set(tags.flatMap((t) => (t.group ? [t.group] : []))),
  };
}

/** Tag names the journey's tag actions name that no tag has (case-blind, as tag names are), each once. */
export function missingResultTags(j: Journey, existing: Iterable<string>): string[] {
  const have = [...existing];
  const out: string[] = [];
  for (const n of j.nodes) {
    if (n.type !== 'action.tag' || typeof n.config.tag !== 'string') continue;
    const name = n.config.tag.trim();
    if (!name || have.some((h) => sameName(h, name)) || out.some((o) => sameName(o, name))) continue;
    out.push(name);
  }
  return out;
}

/**
 * Publish the draft as revision+1, in one transaction: the draft is read again and validated
 * against the workspace as it is now; any error returns the issues and writes nothing.
 * Otherwise the tags its tag actions name but nobody made yet become result tags, the version
 * is frozen, and the draft moves to that revision with status 'published'.
 */
export async function publishJourney(db: WorkspaceDB, id: string, note: string, at = nowLocal()): Promise<PublishOutcome> {
  assertWriter();
  return db.transaction('rw', [db.journeys, db.journeyVersions, db.tags, db.audiences, db.stats], async () => {
    const draft = await getJourney(db, id);
    if (!draft) throw new Error(`no journey with id '${id}'`);
    const ctx = await validationContext(db);
    const issues = validateJourney(draft, ctx);
    if (!canPublish(issues)) return { ok: false as const, issues };
    const revision = draft.revision + 1;
    const journey = checked(JourneyRecord, { ...draft, status: 'published', revision, updatedAt: at });
    const version = checked(JourneyVersionRecord, {
      v: JourneyVersionRecord.version,
      id: versionId(id, revision),
      journeyId: id,
      revision,
      journey,
      publishedAt: at,
      note: note.trim(),
    });
    if (await db.journeyVersions.get(version.id)) throw new Error(`version ${revision} of '${draft.name}' already exists`);
    const createdTags = missingResultTags(draft, ctx.tags);
    // saveTag joins this transaction (its tables are within this one's scope): a failure rolls back the lot.
    for (const name of createdTags) {
      await saveTag(db, { name, group: '', priority: 0, kind: 'result', description: `Result tag of the journey “${draft.name}”` }, at);
    }
    await db.journeyVersions.add(version);
    await db.journeys.put(journey);
    await bumpStats(db, { journeyVersions: 1 });
    return { ok: true as const, journey, version, createdTags };
  });
}

/** Published versions of a journey, newest first. */
export async function listVersions(db: WorkspaceDB, journeyId: string): Promise<JourneyVersion[]> {
  const rows = await db.journeyVersions.where('journeyId').equals(journeyId).toArray();
  const out: JourneyVersion[] = [];
  for (const r of rows) {
    const v = loadedVersion(r);
    if (v) out.push(v);
  }
  return out.sort((a, b) => b.revision - a.revision);
}

export async function getVersion(db: WorkspaceDB, journeyId: string, revision: number): Promise<JourneyVersion | null> {
  const row = await db.journeyVersions.get(versionId(journeyId, revision));
  const v = row ? loadedVersion(row) : null;
  return v && v.journeyId === journeyId ? v : null;
}

/**
 * The draft takes that version's graph (nodes, edges, notes) and settings; its name, revision
 * and status stay, and the versions are not touched (publishing again makes a new revision).
 */
export async function restoreVersion(db: WorkspaceDB, journeyId: string, revision: number, at = nowLocal()): Promise<Journey> {
  assertWriter();
  return db.transaction('rw', db.journeys, db.journeyVersions, db.stats, async () => {
    const draft = await getJourney(db, journeyId);
    if (!draft) throw new Error(`no journey with id '${journeyId}'`);
    const v = await getVersion(db, journeyId, revision);
    if (!v) throw new Error(`'${draft.name}' has no version ${revision}`);
    const { nodes, edges, notes, settings } = structuredClone(v.journey);
    const record = checked(JourneyRecord, { ...draft, nodes, edges, notes, settings, updatedAt: at });
    await db.journeys.put(record);
    await bumpStats(db, {});
    return record;
  });
}

/** A new draft (revision 0, never published) copying the draft of `id` under `name`. */
export async function duplicateJourney(db: WorkspaceDB, id: string, name: string, at = nowLocal()): Promise<Journey> {
  assertWriter();
  const j = await getJourney(db, id);
  if (!j) throw new Error(`no journey with id '${id}'`);
  const { nodes, edges, notes, settings, description, owner, template } = structuredClone(j);
  return createJourney(db, { name, description, owner, template, nodes, edges, notes, settings }, at);
}

/**
 * Delete a journey with its versions. Plans and runs made from it are left (they are the
 * record of what ran); they keep naming the journey's id.
 */
export async function deleteJourney(db: WorkspaceDB, id: string): Promise<void> {
  assertWriter();
  await db.transaction('rw', db.journeys, db.journeyVersions, db.stats, async () => {
    const had = (await db.journeys.where('id').equals(id).count()) > 0;
    const versions = await db.journeyVersions.where('journeyId').equals(id).delete();
    if (had) await db.journeys.delete(id);
    await bumpStats(db, { journeys: had ? -1 : 0, journeyVersions: -versions });
  });
}

/**
 * Whether the draft differs from its latest published version (true when never published).
 * Compared: name, description, nodes, edges, notes, settings; not timestamps or status.
 */
export async function draftChanged(db: WorkspaceDB, j: Journey): Promise<boolean> {
  if (j.revision === 0) return true;
  const v = await getVersion(db, j.id, j.revision);
  if (!v) return true;
  return !sameDocument(j, v.journey);
}

/** The parts of a journey that publishing freezes, compared whatever their key order. */
export function sameDocument(a: Journey, b: Journey): boolean {
  const pick = (j: Journey) => ({ name: j.name, description: j.description, nodes: j.nodes, edges: j.edges, notes: j.notes, settings: j.settings });
  return stableJson(pick(a)) === stableJson(pick(b));
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).filter(([, y]) => y !== undefined).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
      : x,
  );
}
