import type { Workbox } from 'workbox-window';
import { pwaStore, type PwaStore } from './pwaState';

/** The part of workbox-window's Workbox we use; tests pass a fake. */
export type WorkboxLike = Pick<Workbox, 'register' | 'update' | 'messageSkipWaiting' | 'addEventListener'>;

export interface StartPwaOptions {
  /** Defaults to import.meta.env.PROD: the dev server has no service worker. */
  enabled?: boolean;
  /** Builds the Workbox; defaults to workbox-window loaded lazily (kept out of the first chunk). */
  createWorkbox?: (url: string) => WorkboxLike | Promise<WorkboxLike>;
  store?: PwaStore;
  /** Reloads the page once the new worker controls it; defaults to location.reload(). */
  reload?: () => void;
  /** How often an open tab asks the server for a new version (ms); 0 turns it off. */
  updateCheckMs?: number;
}

export const SW_URL = '/sw.js';
const HOUR = 60 * 60 * 1000;

let current: { wb: WorkboxLike; store: PwaStore; reload: () => void; updateRequested: boolean } | null = null;

/**
 * Registers the service worker (production only) and turns its lifecycle into PwaState:
 * 'waiting' -> updateAvailable, first 'installed' -> offlineReady. Safe to call more than once.
 */
export async function startPwa(options: StartPwaOptions = {}): Promise<void> {
  const enabled = options.enabled ?? import.meta.env.PROD;
  if (!enabled || current) return;
  if (!options.createWorkbox && (typeof navigator === 'undefined' || !('serviceWorker' in navigator))) return;
  const store = options.store ?? pwaStore;
  const createWorkbox =
    options.createWorkbox ?? (async (url: string) => new (await import('workbox-window')).Workbox(url));
  const wb = await createWorkbox(SW_URL);
  const reload = options.reload ?? (() => window.location.reload());
  const session = { wb, store, reload, updateRequested: false };
  current = session;

  wb.addEventListener('waiting', () => store.set({ updateAvailable: true, updateDismissed: false }));
  wb.addEventListener('installed', (event) => {
    // isUpdate is false only for the very first worker of this origin: the app is now cached.
    if (!event.isUpdate) store.set({ offlineReady: true });
  });
  wb.addEventListener('controlling', (event) => {
    // Reload only when the person asked for the update; a first install claiming the page
    // (clientsClaim) must not reload under them.
    if (event.isUpdate && session.updateRequested) session.reload();
  });

  try {
    await wb.register();
  } catch (error) {
    // Private windows and some embedded browsers refuse service workers: the app still runs.
    console.warn('Meridian: service worker registration failed; offline use is unavailable.', error);
    current = null;
    return;
  }
  const every = options.updateCheckMs ?? HOUR;
  if (every > 0 && typeof setInterval === 'function') {
    setInterval(() => void wb.update().catch(() => undefined), every);
  }
}

/** Switches to the waiting version: tells it to skip waiting, then reloads once it controls the page. */
export function applyUpdate(): void {
  if (!current) return;
  current.updateRequested = true;
  current.store.set({ updateAvailable: false });
  current.wb.messageSkipWaiting();
}

/** "Later": hide the prompt for this version. */
export function dismissUpdate(store: PwaStore = current?.store ?? pwaStore): void {
  store.set({ updateDismissed: true });
}

/** Resolves when the first service worker has cached the app. */
export function waitForOfflineReady(store: PwaStore = current?.store ?? pwaStore): Promise<void> {
  return store.whenOfflineReady();
}

/** For tests: forget the registered worker. */
export function resetPwaForTests(): void {
  current = null;
}
