import Dexie from 'dexie';
import { CatalogueDB, WorkspaceDB, workspaceDbName, type WorkspaceEntry } from './db';
import { WorkspaceRecord, load, type LifecycleSetting, type Workspace } from '../core/model';
import { checkLifecycle, LifecycleError } from '../core/metrics/lifecycle';
import { assertWriter, isWriter } from './tabLock';

/**
 * The catalogue of workspaces. A workspace being built (demo generation, restore from a file)
 * is listed with complete=false and only becomes active once complete; incomplete ones left
 * by a closed tab are deleted on the next start.
 */
let catalogue: CatalogueDB | null = null;
export function getCatalogue(): CatalogueDB {
  if (!catalogue) catalogue = new CatalogueDB();
  return catalogue;
}

const open = new Map<string, WorkspaceDB>();
export function openWorkspace(id: string): WorkspaceDB {
  let db = open.get(id);
  if (!db) {
    db = new WorkspaceDB(id);
    open.set(id, db);
  }
  return db;
}

export function closeWorkspace(id: string): void {
  open.get(id)?.close();
  open.delete(id);
}

export async function listWorkspaces(): Promise<WorkspaceEntry[]> {
  return (await getCatalogue().workspaces.orderBy('createdAt').toArray()).filter((w) => w.complete);
}

export async function getActiveWorkspaceId(): Promise<string | null> {
  const s = await getCatalogue().settings.get('activeWorkspace');
  const id = (s?.value as string | undefined) ?? null;
  if (!id) return null;
  const entry = await getCatalogue().workspaces.get(id);
  return entry?.complete ? id : null;
}

export async function setActiveWorkspace(id: string): Promise<void> {
  await getCatalogue().settings.put({ key: 'activeWorkspace', value: id });
}

/** Create a new, incomplete workspace database holding `ws` in its meta table. */
export async function createWorkspace(ws: Workspace): Promise<WorkspaceDB> {
  assertWriter();
  const checked = load(WorkspaceRecord, ws);
  if (!checked.ok) throw new Error(checked.error.message);
  await getCatalogue().workspaces.put({ id: ws.id, name: ws.name, createdAt: ws.createdAt, complete: false });
  const db = openWorkspace(ws.id);
  await db.meta.put({ key: 'workspace', value: checked.value });
  return db;
}

export async function markComplete(id: string): Promise<void> {
  await getCatalogue().workspaces.update(id, { complete: true });
}

export async function readWorkspace(db: WorkspaceDB): Promise<Workspace | null> {
  const row = await db.meta.get('workspace');
  if (!row) return null;
  const r = load(WorkspaceRecord, row.value);
  return r.ok ? r.value : null;
}

export async function renameWorkspace(id: string, name: string): Promise<void> {
  assertWriter();
  const db = openWorkspace(id);
  await db.transaction('rw', db.meta, async () => {
    const ws = await readWorkspace(db);
    if (ws) await db.meta.put({ key: 'workspace', value: { ...ws, name } });
  });
  await getCatalogue().workspaces.update(id, { name });
}

/**
 * Replace the workspace's lifecycle (stage rules). Rules that do not parse, do not type-check
 * or read stages, tags or audiences are refused with every issue (LifecycleError); nothing is
 * written then. Returns the saved workspace.
 */
export async function saveLifecycle(id: string, lifecycle: LifecycleSetting): Promise<Workspace> {
  assertWriter();
  const { issues } = checkLifecycle(lifecycle);
  if (issues.length) throw new LifecycleError(issues);
  const db = openWorkspace(id);
  return db.transaction('rw', db.meta, async () => {
    const ws = await readWorkspace(db);
    if (!ws) throw new Error(`workspace ${id} has no settings record`);
    const next = load(WorkspaceRecord, { ...ws, lifecycle });
    if (!next.ok) throw new Error(next.error.message);
    await db.meta.put({ key: 'workspace', value: next.value });
    return next.value;
  });
}

export async function deleteWorkspace(id: string): Promise<void> {
  assertWriter();
  await dropWorkspace(id);
}

/**
 * Delete without the writer check: for a build's own clean-up (a restore that failed), which
 * must remove what it wrote even if this tab lost the writer lock meanwhile.
 */
export async function dropWorkspace(id: string): Promise<void> {
  closeWorkspace(id);
  await Dexie.delete(workspaceDbName(id));
  await getCatalogue().workspaces.delete(id);
  const active = await getCatalogue().settings.get('activeWorkspace');
  if (active?.value === id) await getCatalogue().settings.delete('activeWorkspace');
}

/**
 * Remove workspaces whose build was interrupted (tab closed mid-generation or mid-restore).
 * Only the writer tab may run it: in a read-only tab an incomplete workspace may be the
 * writer's build in progress. Elsewhere it does nothing and returns []; the shell calls it
 * once this tab has become the writer.
 */
export async function cleanupIncomplete(): Promise<string[]> {
  if (!isWriter()) return [];
  const all = await getCatalogue().workspaces.toArray();
  const broken = all.filter((w) => !w.complete).map((w) => w.id);
  for (const id of broken) await dropWorkspace(id);
  return broken;
}

export function newWorkspaceId(): string {
  const rnd = Math.random().toString(36).slice(2, 8);
  return `ws${Date.now().toString(36)}${rnd}`;
}
