import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { configDefaults, nodeType } from '../core/journey';
import { defaultJourneySettings, type Journey, type JourneyEdge, type JourneyNode } from '../core/model';
import {
  createJourney, deleteJourney, draftChanged, duplicateJourney, getJourney, getVersion, listJourneys, listVersions,
  missingResultTags, publishJourney, restoreVersion, saveJourney, validationContext,
} from './journeys';
import { countAll } from './stats';
import { createTabLock, type LocksLike } from './tabLock';
import { seedWorkspace } from './testWorkspace';
import { exportWorkspace, importWorkspaceFile } from './workspaceFile';
import { openWorkspace } from './workspaces';
import { WorkspaceDB, workspaceDbName } from './db';

function node(id: string, type: string, config: Record<string, unknown> = {}, x = 0): JourneyNode {
  const nt = nodeType(type);
  if (!nt) throw new Error(`no node type ${type}`);
  return { id, type, label: '', position: { x, y: 0 }, config: { ...configDefaults(nt.fields), ...config } };
}
const edge = (id: string, source: string, target: string, sourcePort = 'next'): JourneyEdge => ({ id, source, sourcePort, target });

/** Birthday → add a (new) result tag → exit: publishable in the seeded workspace. */
function birthdayGraph(tag = 'Redeemed anniversary coupon') {
  return {
    nodes: [node('n1', 'entry.event', { event: 'birthday' }), node('n2', 'action.tag', { op: 'add', tag }, 240), node('n3', 'flow.exit', {}, 480)],
    edges: [edge('e1', 'n1', 'n2'), edge('e2', 'n2', 'n3')],
  };
}

const tick = () => new Promise((r) => setTimeout(r, 20)); // the storage watcher sees commits asynchronously

let lock: { release(): void } | null = null;
afterEach(() => {
  lock?.release();
  lock = null;
  createTabLock({ locks: null }); // back to 'unsupported' = may write
});

describe('journey repository', () => {
  it('creates, lists newest first, saves the draft and keeps counts exact', async () => {
    const { db } = await seedWorkspace(2);
    const before = (await countAll(db)).journeys;
    const a = await createJourney(db, { name: '  Welcome ', ...birthdayGraph() }, '2026-03-01T10:00:00');
    expect(a).toMatchObject({ v: 2, name: 'Welcome', status: 'draft', revision: 0, template: null, description: '', owner: '' });
    expect(a.settings.quietHours.enabled).toBe(true); // default settings
    const b = await createJourney(db, { name: 'Second', template: 'birthday' }, '2026-03-02T10:00:00');
    expect((await listJourneys(db)).slice(0, 2).map((j) => j.name)).toEqual(['Second', 'Welcome']);

    const saved = await saveJourney(db, { ...a, description: 'changed', revision: 7, status: 'stopped', createdAt: '2020-01-01T00:00:00' }, '2026-03-03T10:00:00');
    // revision/status/createdAt are not the editor's to set.
    expect(saved).toMatchObject({ description: 'changed', revision: 0, status: 'draft', createdAt: '2026-03-01T10:00:00', updatedAt: '2026-03-03T10:00:00' });
    expect((await getJourney(db, a.id))?.description).toBe('changed');
    expect((await listJourneys(db))[0].id).toBe(a.id);
    expect(await getJourney(db, 'nope')).toBeNull();

    await tick();
    expect((await db.stats.get('counts'))?.dirty).toBe(false);
    expect((await countAll(db)).journeys).toBe(before + 2);
    expect(b.template).toBe('birthday');
  });

  it('saving a journey with a new id (an import) inserts it as a never-published draft', async () => {
    const { db } = await seedWorkspace(1);
    const before = (await countAll(db)).journeys;
    const base = await createJourney(db, { name: 'Base' });
    const imported: Journey = { ...base, id: 'jImported1', name: 'Imported', status: 'published', revision: 3 };
    const j = await saveJourney(db, imported);
    expect(j).toMatchObject({ id: 'jImported1', status: 'draft', revision: 0 });
    await tick();
    expect((await countAll(db)).journeys).toBe(before + 2);
  });

  it('refuses a bad record, writing nothing', async () => {
    const { db } = await seedWorkspace(1);
    await expect(createJourney(db, { name: '  ' })).rejects.toThrow(/needs a name/);
    const bad = { ...node('n1', 'flow.exit'), position: { x: 'left', y: 0 } } as unknown as JourneyNode;
    await expect(createJourney(db, { name: 'Bad', nodes: [bad] })).rejects.toThrow(/nodes\.0\.position\.x/);
    expect((await listJourneys(db)).map((j) => j.name)).not.toContain('Bad');

    const ok = await createJourney(db, { name: 'Good', ...birthdayGraph() });
    await expect(saveJourney(db, { ...ok, nodes: [bad] })).rejects.toThrow(/position\.x/);
    await expect(saveJourney(db, { ...ok, name: 'x'.repeat(201) })).rejects.toThrow(/name/);
    await expect(saveJourney(db, { ...ok, edges: [{ id: 'e9', source: 'n1', target: 'n2' } as unknown as JourneyEdge] })).rejects.toThrow(/sourcePort/);
    expect(await getJourney(db, ok.id)).toEqual(ok);

    // A row that no longer loads is left out of the list rather than breaking it.
    await db.journeys.put({ ...ok, id: 'broken', name: '' });
    expect((await listJourneys(db)).map((j) => j.id)).not.toContain('broken');
    expect(await getJourney(db, 'broken')).toBeNull();
  });

  it('validation context: audiences by id, tag names and tag groups from the workspace', async () => {
    const { db } = await seedWorkspace(1);
    const ctx = await validationContext(db);
    expect(ctx.audiences.get('A1')).toBe('Silent 180d');
    expect(ctx.tags.has('mid-value customer')).toBe(true);
    expect(ctx.tagGroups.has('value')).toBe(true);
  });
});

describe('publishing and versions', () => {
  it('a journey with errors is not published and nothing is written (not even its new tags)', async () => {
    const { db } = await seedWorkspace(1);
    const g = birthdayGraph('Brand new tag');
    // No entry: the tag node and exit are unreachable.
    const j = await createJourney(db, { name: 'Broken', nodes: g.nodes.slice(1), edges: g.edges.slice(1) });
    const tagsBefore = await db.tags.count();
    const out = await publishJourney(db, j.id, 'first');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.map((i) => i.code)).toContain('no-entry');
    expect(await listVersions(db, j.id)).toEqual([]);
    expect(await db.journeyVersions.count()).toBe(0);
    expect(await db.tags.count()).toBe(tagsBefore);
    expect(await getJourney(db, j.id)).toEqual(j);
    await expect(publishJourney(db, 'missing', '')).rejects.toThrow(/no journey/);
  });

  it('publishing freezes a version that later draft edits do not change; result tags are created once', async () => {
    const { db } = await seedWorkspace(1);
    const j = await createJourney(db, { name: 'Birthday', ...birthdayGraph() }, '2026-03-01T10:00:00');
    expect(await draftChanged(db, j)).toBe(true); // never published
    const tagsBefore = (await countAll(db)).tags;

    const first = await publishJourney(db, j.id, '  first go ', '2026-03-02T09:00:00');
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.createdTags).toEqual(['Redeemed anniversary coupon']);
    expect(first.version).toMatchObject({ id: `${j.id}:1`, journeyId: j.id, revision: 1, note: 'first go', publishedAt: '2026-03-02T09:00:00' });
    expect(first.journey).toMatchObject({ revision: 1, status: 'published' });
    const tag = (await db.tags.toArray()).find((t) => t.name === 'Redeemed anniversary coupon');
    expect(tag).toMatchObject({ kind: 'result', group: null });
    const stored = await getJourney(db, j.id);
    expect(stored).toMatchObject({ revision: 1, status: 'published' });
    expect(await draftChanged(db, stored!)).toBe(false);

    // Edit the draft: the version stays as published.
    const edited = await saveJourney(db, { ...stored!, nodes: stored!.nodes.map((n) => (n.id === 'n3' ? { ...n, label: 'Done' } : n)) });
    expect(edited.revision).toBe(1);
    expect(await draftChanged(db, edited)).toBe(true);
    const v1 = await getVersion(db, j.id, 1);
    expect(v1?.journey.nodes.find((n) => n.id === 'n3')?.label).toBe('');
    expect(v1?.journey.name).toBe('Birthday');
    // Only the frozen parts count: moving no node, touching only updatedAt, is no change.
    expect(await draftChanged(db, { ...stored!, updatedAt: '2030-01-01T00:00:00' })).toBe(false);

    const second = await publishJourney(db, j.id, 'label');
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    expect(second.createdTags).toEqual([]);
    expect((await db.tags.toArray()).filter((t) => t.name === 'Redeemed anniversary coupon')).toHaveLength(1);
    expect((await listVersions(db, j.id)).map((v) => v.revision)).toEqual([2, 1]);
    expect((await getVersion(db, j.id, 1))?.journey.nodes.find((n) => n.id === 'n3')?.label).toBe('');
    expect(await getVersion(db, j.id, 3)).toBeNull();

    await tick();
    const counts = await countAll(db);
    expect((await db.stats.get('counts'))?.dirty).toBe(false);
    expect(counts.journeyVersions).toBe(2);
    expect(counts.tags).toBe(tagsBefore + 1);
  });

  it('a tag named in another case is the existing tag, not a new one; two nodes naming one new tag make one', () => {
    const g = birthdayGraph('MID-VALUE customer');
    const j = { nodes: [...g.nodes, node('n4', 'action.tag', { tag: 'New one' }), node('n5', 'action.tag', { tag: 'new ONE ' })] } as Journey;
    expect(missingResultTags(j, ['mid-value customer'])).toEqual(['New one']);
  });

  it('restore: the draft takes a version’s graph and settings; the versions stay', async () => {
    const { db } = await seedWorkspace(1);
    const j = await createJourney(db, { name: 'Restore me', ...birthdayGraph() });
    await publishJourney(db, j.id, 'v1');
    const draft = (await getJourney(db, j.id))!;
    const n4 = node('n4', 'flow.wait', {}, 720);
    const changed = await saveJourney(db, {
      ...draft,
      nodes: [...draft.nodes.filter((n) => n.id !== 'n3'), n4, node('n3', 'flow.exit', {}, 960)],
      edges: [edge('e1', 'n1', 'n2'), edge('e2', 'n2', 'n4'), edge('e3', 'n4', 'n3')],
      settings: { ...draft.settings, controlPercent: 20 },
    });
    const p2 = await publishJourney(db, j.id, 'v2 with a wait');
    expect(p2.ok).toBe(true);
    const restored = await restoreVersion(db, j.id, 1);
    const v1 = (await getVersion(db, j.id, 1))!;
    expect(restored.nodes).toEqual(v1.journey.nodes);
    expect(restored.edges).toEqual(v1.journey.edges);
    expect(restored.settings.controlPercent).toBe(0);
    expect(restored).toMatchObject({ revision: 2, status: 'published', name: 'Restore me' });
    expect(await getJourney(db, j.id)).toEqual(restored);
    expect((await listVersions(db, j.id)).map((v) => v.revision)).toEqual([2, 1]);
    expect((await getVersion(db, j.id, 2))?.journey.nodes).toEqual(changed.nodes);
    expect(await draftChanged(db, restored)).toBe(true);
    await expect(restoreVersion(db, j.id, 9)).rejects.toThrow(/no version 9/);
  });

  it('duplicate makes a new never-published draft; delete removes a journey with its versions only', async () => {
    const { db } = await seedWorkspace(1);
    const a = await createJourney(db, { name: 'Original', owner: 'ops', ...birthdayGraph() });
    await publishJourney(db, a.id, '');
    const other = await createJourney(db, { name: 'Other', ...birthdayGraph() });
    await publishJourney(db, other.id, '');
    const countsBefore = await countAll(db);

    const copy = await duplicateJourney(db, a.id, 'Original (copy)');
    expect(copy.id).not.toBe(a.id);
    expect(copy).toMatchObject({ name: 'Original (copy)', owner: 'ops', revision: 0, status: 'draft' });
    expect(copy.nodes).toEqual((await getJourney(db, a.id))!.nodes);
    expect(await listVersions(db, copy.id)).toEqual([]);
    await expect(duplicateJourney(db, 'missing', 'x')).rejects.toThrow(/no journey/);

    await deleteJourney(db, a.id);
    expect(await getJourney(db, a.id)).toBeNull();
    expect(await listVersions(db, a.id)).toEqual([]);
    expect(await listVersions(db, other.id)).toHaveLength(1);
    expect(await getJourney(db, copy.id)).not.toBeNull();
    await deleteJourney(db, a.id); // again: nothing to do
    await tick();
    expect((await db.stats.get('counts'))?.dirty).toBe(false);
    const counts = await countAll(db);
    expect(counts.journeys).toBe(countsBefore.journeys);
    expect(counts.journeyVersions).toBe(countsBefore.journeyVersions - 1);
  });

  it('a read-only tab may not write journeys', async () => {
    const { db } = await seedWorkspace(1);
    const j = await createJourney(db, { name: 'Mine', ...birthdayGraph() });
    const heldElsewhere: LocksLike = { request: (_n, opts, cb) => (opts.ifAvailable ? Promise.resolve(cb(null)) : new Promise(() => undefined)) };
    lock = createTabLock({ locks: heldElsewhere, channel: null });
    await new Promise((r) => setTimeout(r, 0));
    await expect(createJourney(db, { name: 'No' })).rejects.toThrow(/read-only tab/);
    await expect(saveJourney(db, { ...j, name: 'No' })).rejects.toThrow(/read-only tab/);
    await expect(publishJourney(db, j.id, '')).rejects.toThrow(/read-only tab/);
    await expect(deleteJourney(db, j.id)).rejects.toThrow(/read-only tab/);
    expect(await getJourney(db, j.id)).toEqual(j);
    expect(await db.journeyVersions.count()).toBe(0);
  });

  it('versions travel with the workspace file', async () => {
    const { db } = await seedWorkspace(2);
    const j = await createJourney(db, { name: 'Travels', ...birthdayGraph() });
    await publishJourney(db, j.id, 'exported');
    const blob = await exportWorkspace(db, undefined, undefined, { compress: false });
    const result = await importWorkspaceFile(blob);
    const restored = openWorkspace(result.workspaceId);
    expect(await listVersions(restored, j.id)).toEqual(await listVersions(db, j.id));
    expect(result.counts.journeyVersions).toBe(1);
  });
});

describe('Dexie version 3', () => {
  it('a version-2 workspace database opens with an empty journeyVersions table and its journeys intact', async () => {
    const id = `upgrade${Date.now().toString(36)}`;
    const old = new Dexie(workspaceDbName(id));
    old.version(2).stores({ meta: 'key', stats: 'key', journeys: 'id, name' });
    await old.open();
    const row = { v: 2, id: 'J1', name: 'Old', description: '', owner: '', status: 'published', revision: 0, nodes: [], edges: [], notes: [], settings: defaultJourneySettings(), template: null, createdAt: '2026-01-01T00:00:00', updatedAt: '2026-01-01T00:00:00' };
    await old.table('journeys').put(row);
    old.close();

    const db = new WorkspaceDB(id);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.journeyVersions.count()).toBe(0);
    expect(await getJourney(db, 'J1')).toMatchObject({ name: 'Old' });
    expect(await listVersions(db, 'J1')).toEqual([]);
    db.close();
  });
});
