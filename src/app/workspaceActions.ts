import {
  cleanupIncomplete, deleteWorkspace, getActiveWorkspaceId, listWorkspaces, openWorkspace, readWorkspace,
  renameWorkspace, setActiveWorkspace,
} from '../storage/workspaces';
import { CancelToken, type Progress } from '../core/jobs';
import { newJobId, type JobHandle } from '../engine/job';
import { canWrite, useAppStore, type JobKind } from './store';

/**
 * Effects on the workspace catalogue, called by the shell and the Settings page. Every change
 * is announced on a BroadcastChannel so a read-only tab follows what the writer tab did.
 */
const CHANNEL = 'meridian-workspaces';
let channel: BroadcastChannel | null = null;

function announce(): void {
  channel?.postMessage({ type: 'workspaces-changed' });
}

export function listenForOtherTabs(): void {
  if (channel || typeof BroadcastChannel === 'undefined') return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => {
    void (async () => {
      await refreshWorkspaces();
      const s = useAppStore.getState();
      const stillThere = s.workspaces.some((w) => w.id === s.workspaceId);
      if (!stillThere || !s.workspaceId) await loadActiveWorkspace();
      else useAppStore.getState().bumpData();
    })();
  };
}

export async function refreshWorkspaces(): Promise<void> {
  useAppStore.getState().setWorkspaces(await listWorkspaces());
}

/** Open the active workspace (or the first one); false when there is none. */
export async function loadActiveWorkspace(): Promise<boolean> {
  const store = useAppStore.getState();
  const list = await listWorkspaces();
  store.setWorkspaces(list);
  let id = await getActiveWorkspaceId();
  if (!id && list.length > 0) {
    id = list[list.length - 1].id;
    if (canWrite(store.lock)) await setActiveWorkspace(id);
  }
  if (!id) {
    store.setWorkspace(null, null);
    store.setBoot('empty');
    return false;
  }
  await showWorkspace(id);
  return true;
}

async function showWorkspace(id: string): Promise<void> {
  const ws = await readWorkspace(openWorkspace(id));
  if (!ws) throw new Error(`workspace ${id} has no settings record`);
  useAppStore.getState().setWorkspace(id, ws);
  useAppStore.getState().setBoot('ready');
}

/** Switch the view to another workspace; only the writer tab remembers the choice. */
export async function switchWorkspace(id: string): Promise<void> {
  if (canWrite(useAppStore.getState().lock)) {
    await setActiveWorkspace(id);
    announce();
  }
  await showWorkspace(id);
}

export async function renameWorkspaceTo(id: string, name: string): Promise<void> {
  await renameWorkspace(id, name);
  await refreshWorkspaces();
  const s = useAppStore.getState();
  if (s.workspaceId === id) await showWorkspace(id);
  announce();
}

export async function removeWorkspace(id: string): Promise<void> {
  await deleteWorkspace(id);
  await loadActiveWorkspace();
  announce();
}

/** Remove what an interrupted generation or restore left behind (writer tab only). */
export async function cleanupLeftovers(): Promise<void> {
  await cleanupIncomplete();
}

/** Thrown-away result of a job the person cancelled. */
export const CANCELLED = Symbol('cancelled');

/**
 * Run a long job with its progress in the store (the shell shows it with a cancel button).
 * Resolves with the job's result, or CANCELLED when the person cancelled it.
 */
export async function runTrackedJob<T>(
  kind: JobKind,
  start: (onProgress: (p: Progress) => void) => JobHandle<T>,
): Promise<T | typeof CANCELLED> {
  const store = useAppStore.getState();
  let cancelled = false;
  let handle: JobHandle<T> | null = null;
  const id = newJobId(kind);
  store.addJob({
    id, kind, phase: 'start', done: 0, total: 0,
    cancel: () => {
      cancelled = true;
      handle?.cancel();
    },
  });
  try {
    handle = start((p) => useAppStore.getState().updateJob(id, { phase: p.phase, done: p.done, total: p.total }));
    if (cancelled) handle.cancel();
    return await handle.promise;
  } catch (e) {
    if (cancelled || isCancellation(e)) return CANCELLED;
    throw e;
  } finally {
    useAppStore.getState().endJob(id);
  }
}

export function isCancellation(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, message } = e as { name?: string; message?: string };
  return name === 'JobCancelled' || message === 'cancelled';
}

export type DemoTemplate = 'mother_baby' | 'beauty' | 'food';
export interface DemoOptions {
  template: DemoTemplate;
  members: number;
  seed: number;
}

/** The embedded demo a first visit starts with. */
export const FIRST_RUN_DEMO: DemoOptions = { template: 'mother_baby', members: 10_000, seed: 20261123 };

/** Generate a demo workspace in a worker and make it active; CANCELLED leaves nothing behind. */
export async function generateDemo(options: DemoOptions): Promise<string | typeof CANCELLED> {
  const { startDemoGeneration } = await import('../engine/demoClient');
  const result = await runTrackedJob('demo', (onProgress) => startDemoGeneration(options, onProgress));
  // On cancel the worker deletes what it had written (and start-up cleans any leftovers).
  if (result === CANCELLED) return CANCELLED;
  await setActiveWorkspace(result.workspaceId);
  await refreshWorkspaces();
  await showWorkspace(result.workspaceId);
  announce();
  return result.workspaceId;
}

/** After an import or another change to the active workspace's rows. */
export function dataChanged(): void {
  useAppStore.getState().bumpData();
  announce();
}

/** Make a workspace restored from a file the active one. */
export async function activateImportedWorkspace(id: string): Promise<void> {
  await setActiveWorkspace(id);
  await refreshWorkspaces();
  await showWorkspace(id);
  announce();
}

export async function withLoadError(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    useAppStore.getState().setBoot('error', e instanceof Error ? e.message : String(e));
  }
}

/** A job that runs on this thread in slices (e.g. workspace export), cancelled by its token. */
export function localJob<T>(run: (onProgress: (p: Progress) => void, token: CancelToken) => Promise<T>, onProgress: (p: Progress) => void): JobHandle<T> {
  const token = new CancelToken();
  return { id: newJobId('local'), promise: run(onProgress, token), cancel: () => token.cancel() };
}
