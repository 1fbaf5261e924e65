/**
 * What the service worker means for the person using the app, as a tiny store the toast
 * reads with useSyncExternalStore: a new version is waiting, or the app can now work offline.
 * Kept free of workbox so it can be tested without a browser.
 */
export interface PwaState {
  /** A new service worker is installed and waiting; reloading would switch to it. */
  updateAvailable: boolean;
  /** The first service worker finished installing: everything is precached. */
  offlineReady: boolean;
  /** The person chose "Later"; we don't nag again until another version arrives. */
  updateDismissed: boolean;
  /** "Ready to work offline" has been shown (or closed): once per page, however often the toast remounts. */
  offlineNoticeDone: boolean;
}

const INITIAL: PwaState = { updateAvailable: false, offlineReady: false, updateDismissed: false, offlineNoticeDone: false };

type Listener = () => void;

export interface PwaStore {
  get(): PwaState;
  set(patch: Partial<PwaState>): void;
  subscribe(listener: Listener): () => void;
  /** Resolves once offlineReady is (or already was) true. */
  whenOfflineReady(): Promise<void>;
  reset(): void;
}

export function createPwaStore(): PwaStore {
  let state = INITIAL;
  const listeners = new Set<Listener>();
  let offlineWaiters: Array<() => void> = [];
  return {
    get: () => state,
    set(patch) {
      const next = { ...state, ...patch };
      if (Object.keys(next).every((k) => next[k as keyof PwaState] === state[k as keyof PwaState])) return;
      state = next;
      if (state.offlineReady && offlineWaiters.length) {
        const waiters = offlineWaiters;
        offlineWaiters = [];
        for (const w of waiters) w();
      }
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenOfflineReady() {
      if (state.offlineReady) return Promise.resolve();
      return new Promise((resolve) => offlineWaiters.push(resolve));
    },
    reset() {
      state = INITIAL;
      offlineWaiters = [];
      for (const l of [...listeners]) l();
    },
  };
}

/** The app's one store. */
export const pwaStore = createPwaStore();
