import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPwaStore } from './pwaState';
import { applyUpdate, dismissUpdate, resetPwaForTests, startPwa, waitForOfflineReady, type WorkboxLike } from './registerSW';
import { pwaStrings } from './strings';

type Handler = (event: { isUpdate?: boolean }) => void;

/** A stand-in for workbox-window's Workbox that lets the test play the worker's lifecycle. */
function fakeWorkbox(opts: { registerFails?: boolean } = {}) {
  const handlers = new Map<string, Handler[]>();
  const wb = {
    registered: 0,
    skipWaitingSent: 0,
    register: vi.fn(async () => {
      wb.registered++;
      if (opts.registerFails) throw new Error('SecurityError');
      return undefined;
    }),
    update: vi.fn(async () => undefined),
    messageSkipWaiting: vi.fn(() => {
      wb.skipWaitingSent++;
    }),
    addEventListener: vi.fn((type: string, h: Handler) => {
      handlers.set(type, [...(handlers.get(type) ?? []), h]);
    }),
    emit(type: string, event: { isUpdate?: boolean } = {}) {
      for (const h of handlers.get(type) ?? []) h(event);
    },
  };
  return wb;
}

async function start(opts: { registerFails?: boolean } = {}) {
  const store = createPwaStore();
  const wb = fakeWorkbox(opts);
  const reload = vi.fn();
  await startPwa({ enabled: true, store, reload, updateCheckMs: 0, createWorkbox: () => wb as unknown as WorkboxLike });
  return { store, wb, reload };
}

afterEach(() => resetPwaForTests());

describe('startPwa', () => {
  it('does nothing when disabled (dev server)', async () => {
    const wb = fakeWorkbox();
    await startPwa({ enabled: false, createWorkbox: () => wb as unknown as WorkboxLike });
    expect(wb.registered).toBe(0);
  });

  it('registers /sw.js once even when called twice', async () => {
    const { wb } = await start();
    await startPwa({ enabled: true, createWorkbox: () => wb as unknown as WorkboxLike, updateCheckMs: 0 });
    expect(wb.registered).toBe(1);
  });

  it('first install -> offline ready, and waitForOfflineReady resolves', async () => {
    const { store, wb } = await start();
    const ready = waitForOfflineReady(store);
    expect(store.get().offlineReady).toBe(false);
    wb.emit('installed', { isUpdate: false });
    await expect(ready).resolves.toBeUndefined();
    expect(store.get()).toMatchObject({ offlineReady: true, updateAvailable: false });
  });

  it('an installed update does not claim offline readiness again; waiting -> update available', async () => {
    const { store, wb } = await start();
    wb.emit('installed', { isUpdate: true });
    expect(store.get().offlineReady).toBe(false);
    wb.emit('waiting', { isUpdate: true });
    expect(store.get().updateAvailable).toBe(true);
  });

  it('applyUpdate sends SKIP_WAITING and reloads when the new worker takes control', async () => {
    const { store, wb, reload } = await start();
    wb.emit('waiting', { isUpdate: true });
    applyUpdate();
    expect(wb.skipWaitingSent).toBe(1);
    expect(store.get().updateAvailable).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    wb.emit('controlling', { isUpdate: true });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads when a worker takes control without the person asking', async () => {
    const { wb, reload } = await start();
    wb.emit('controlling', { isUpdate: false }); // first install claiming the page
    wb.emit('controlling', { isUpdate: true }); // another tab applied the update
    expect(reload).not.toHaveBeenCalled();
  });

  it('"Later" hides the prompt until another version arrives', async () => {
    const { store, wb } = await start();
    wb.emit('waiting', { isUpdate: true });
    dismissUpdate(store);
    expect(store.get().updateDismissed).toBe(true);
    wb.emit('waiting', { isUpdate: true });
    expect(store.get().updateDismissed).toBe(false);
  });

  it('a refused registration leaves the app running and can be retried', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { wb } = await start({ registerFails: true });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    const second = await start();
    expect(wb.registered).toBe(1);
    expect(second.wb.registered).toBe(1);
  });
});

describe('pwa store', () => {
  it('notifies subscribers only on real changes', () => {
    const store = createPwaStore();
    const seen = vi.fn();
    const off = store.subscribe(seen);
    store.set({ offlineReady: true });
    store.set({ offlineReady: true });
    expect(seen).toHaveBeenCalledTimes(1);
    off();
    store.set({ updateAvailable: true });
    expect(seen).toHaveBeenCalledTimes(1);
  });
});

describe('pwa strings', () => {
  const keys = (tree: object, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
  it('has the same keys in en and zh-CN, none empty', () => {
    expect(keys(pwaStrings.zh).sort()).toEqual(keys(pwaStrings.en).sort());
    expect(keys(pwaStrings.en)).toContain('update.reload');
  });
});
