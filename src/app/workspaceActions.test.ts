import { beforeEach, describe, expect, it } from 'vitest';
import { JobCancelled } from '../core/jobs';
import { testWorkspace } from '../storage/testWorkspace';
import { createWorkspace, getCatalogue, markComplete, setActiveWorkspace } from '../storage/workspaces';
import { canWrite, useAppStore } from './store';
import { CANCELLED, isCancellation, loadActiveWorkspace, removeWorkspace, renameWorkspaceTo, runTrackedJob, switchWorkspace } from './workspaceActions';
import type { JobHandle } from '../engine/job';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function completeWorkspace(name: string): Promise<string> {
  const ws = testWorkspace(undefined, name);
  await createWorkspace(ws);
  await markComplete(ws.id);
  return ws.id;
}

beforeEach(async () => {
  const cat = getCatalogue();
  for (const w of await cat.workspaces.toArray()) await removeWorkspace(w.id);
  await cat.settings.clear();
  useAppStore.setState({ boot: 'starting', workspaceId: null, workspace: null, workspaces: [], jobs: [], lock: 'unsupported' });
});

describe('runTrackedJob', () => {
  it('shows the job with its progress while it runs and removes it when done', async () => {
    const d = deferred<number>();
    let report: (p: { phase: string; done: number; total: number }) => void = () => undefined;
    const running = runTrackedJob('demo', (onProgress): JobHandle<number> => {
      report = onProgress;
      return { id: 'j', promise: d.promise, cancel: () => undefined };
    });
    report({ phase: 'write', done: 5, total: 10 });
    expect(useAppStore.getState().jobs).toMatchObject([{ kind: 'demo', phase: 'write', done: 5, total: 10 }]);
    d.resolve(42);
    expect(await running).toBe(42);
    expect(useAppStore.getState().jobs).toEqual([]);
  });

  it('returns CANCELLED when the person cancels, and rethrows real failures', async () => {
    const d = deferred<number>();
    let cancelled = false;
    const running = runTrackedJob('demo', () => ({ id: 'j', promise: d.promise, cancel: () => { cancelled = true; } }));
    useAppStore.getState().jobs[0].cancel();
    expect(cancelled).toBe(true);
    d.reject(new JobCancelled());
    expect(await running).toBe(CANCELLED);

    const failing = runTrackedJob('exportWorkspace', () => ({ id: 'k', promise: Promise.reject(new Error('disk full')), cancel: () => undefined }));
    await expect(failing).rejects.toThrow('disk full');
    expect(useAppStore.getState().jobs).toEqual([]);
  });

  it('recognises a cancellation that crossed a worker boundary by name or message', () => {
    expect(isCancellation(new JobCancelled())).toBe(true);
    expect(isCancellation({ name: 'Error', message: 'cancelled' })).toBe(true);
    expect(isCancellation(new Error('boom'))).toBe(false);
    expect(isCancellation(null)).toBe(false);
  });
});

describe('the active workspace', () => {
  it('is empty with no workspace at all', async () => {
    expect(await loadActiveWorkspace()).toBe(false);
    expect(useAppStore.getState().boot).toBe('empty');
    expect(useAppStore.getState().workspace).toBeNull();
  });

  it('falls back to the newest complete workspace and remembers it', async () => {
    await completeWorkspace('Older');
    const newer = await completeWorkspace('Newer');
    expect(await loadActiveWorkspace()).toBe(true);
    const s = useAppStore.getState();
    expect(s.boot).toBe('ready');
    expect(s.workspaceId).toBe(newer);
    expect(s.workspace?.name).toBe('Newer');
    expect(s.workspaces.map((w) => w.name).sort()).toEqual(['Newer', 'Older']);
    expect((await getCatalogue().settings.get('activeWorkspace'))?.value).toBe(newer);
  });

  it('switches, renames and deletes, following the catalogue', async () => {
    const a = await completeWorkspace('A');
    const b = await completeWorkspace('B');
    await setActiveWorkspace(a);
    await loadActiveWorkspace();
    await switchWorkspace(b);
    expect(useAppStore.getState().workspaceId).toBe(b);
    await renameWorkspaceTo(b, 'Brand B');
    expect(useAppStore.getState().workspace?.name).toBe('Brand B');
    expect(useAppStore.getState().workspaces.find((w) => w.id === b)?.name).toBe('Brand B');
    await removeWorkspace(b);
    expect(useAppStore.getState().workspaceId).toBe(a);
    expect(useAppStore.getState().workspaces.map((w) => w.id)).toEqual([a]);
  });

  it('bumps the data version whenever the shown workspace changes, so views re-read', async () => {
    const a = await completeWorkspace('A');
    const before = useAppStore.getState().dataVersion;
    await switchWorkspace(a);
    expect(useAppStore.getState().dataVersion).toBeGreaterThan(before);
  });
});

describe('canWrite', () => {
  it('allows writing only to the writer tab (or where locks are unsupported)', () => {
    expect(canWrite('writer')).toBe(true);
    expect(canWrite('unsupported')).toBe(true);
    expect(canWrite('readonly')).toBe(false);
    expect(canWrite('waiting')).toBe(false);
  });
});
