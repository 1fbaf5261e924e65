/**
 * One writer per browser profile. Several tabs of Meridian may be open; exactly one holds the
 * Web Lock 'meridian-writer' and may write to IndexedDB (import, generate, clean up). The
 * others are read-only: they show data, refuse writes, and can take over.
 *
 *  - On start a tab asks for the lock with `ifAvailable`: granted → 'writer'; held elsewhere →
 *    'readonly' at once (never a silent wait), plus a queued request so it becomes the writer
 *    by itself when the writer tab closes.
 *  - `takeOver()` requests with `steal: true`. The browser rejects the old holder's request
 *    with an AbortError; that tab flips to 'readonly' and queues again. A BroadcastChannel
 *    message ('writer' with the new tab's id) tells every tab too, as a second signal.
 *  - Without navigator.locks (old browsers, Node tests, workers of tests) the state is
 *    'unsupported', which behaves as the writer.
 *
 * `locks` and `channel` can be injected so the state machine is tested with fakes.
 */
export type TabLockState = 'writer' | 'readonly' | 'waiting' | 'unsupported';

export const WRITER_LOCK = 'meridian-writer';
const CHANNEL_NAME = 'meridian-writer';

/** The part of the Web Locks API this module uses. */
export interface LocksLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
}
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}

export interface TabLock {
  readonly state: TabLockState;
  takeOver(): Promise<void>;
  release(): void;
}

export interface TabLockOptions {
  onChange?: (state: TabLockState) => void;
  locks?: LocksLike | null;
  channel?: ChannelLike | null;
  /** This tab's id in channel messages. */
  tabId?: string;
}

let current: TabLockState = 'unsupported';

/** True when this context may write: it holds the writer lock, or locks are unsupported. */
export function isWriter(): boolean {
  return current === 'writer' || current === 'unsupported';
}

/** Throw unless this tab may write; call at the top of every write path. */
export function assertWriter(): void {
  if (!isWriter()) throw new Error('read-only tab: another Meridian tab is the writer; take over there to edit');
}

export function currentTabLockState(): TabLockState {
  return current;
}

function defaultLocks(): LocksLike | null {
  const nav = (globalThis as { navigator?: { locks?: LocksLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

function defaultChannel(): ChannelLike | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  return new BroadcastChannel(CHANNEL_NAME) as unknown as ChannelLike;
}

function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError';
}

export function createTabLock(options: TabLockOptions = {}): TabLock {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const tabId = options.tabId ?? Math.random().toString(36).slice(2);
  let state: TabLockState = locks ? 'waiting' : 'unsupported';
  let released = false;
  /** Resolving it lets go of the lock this tab holds. */
  let letGo: (() => void) | null = null;
  /** Aborts this tab's queued (not yet granted) request. */
  let queued: AbortController | null = null;
  /** Bumped on every grant so a stale rejection does not demote a newer holding. */
  let holding = 0;

  const set = (s: TabLockState): void => {
    if (released || s === state) return;
    state = s;
    current = s;
    options.onChange?.(s);
  };
  current = state;

  if (!locks) return { get state() { return state; }, takeOver: async () => undefined, release: () => { released = true; } };

  const channel = options.channel === undefined ? defaultChannel() : options.channel;

  /** Hold the lock until `letGo` is called or the lock is stolen. */
  const hold = (): Promise<void> => {
    const mine = ++holding;
    set('writer');
    channel?.postMessage({ type: 'writer', tabId });
    return new Promise<void>((resolve) => {
      letGo = () => {
        if (holding === mine) letGo = null;
        resolve();
      };
    });
  };

  /** After losing (or not getting) the lock: read-only, and in line for when the writer leaves. */
  const demote = (): void => {
    letGo = null;
    if (released) return;
    set('readonly');
    queue();
  };

  const queue = (): void => {
    if (queued || released) return;
    const ctrl = new AbortController();
    queued = ctrl;
    let mine = 0;
    locks
      .request(WRITER_LOCK, { signal: ctrl.signal }, () => {
        if (queued === ctrl) queued = null;
        mine = holding + 1;
        return hold();
      })
      .catch((e: unknown) => {
        if (queued === ctrl) queued = null;
        // Aborted while still queued (we took over or released): mine is 0, nothing to do.
        // Stolen after being granted: we are no longer the writer.
        onLost(e, mine);
      });
  };

  const onLost = (e: unknown, mine: number): void => {
    if (mine !== 0 && isAbort(e) && holding === mine) demote();
  };

  const start = (): void => {
    let mine = 0;
    locks
      .request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
        if (lock === null) return 'unavailable';
        mine = holding + 1;
        return hold();
      })
      .then((r) => {
        if (r === 'unavailable') demote();
      })
      .catch((e: unknown) => onLost(e, mine));
  };

  if (channel) {
    channel.onmessage = (ev) => {
      const msg = ev.data as { type?: string; tabId?: string } | null;
      // Another tab became the writer: if we still think we are, the lock was stolen.
      if (msg?.type === 'writer' && msg.tabId !== tabId && state === 'writer') {
        letGo?.();
        demote();
      }
    };
  }

  start();

  return {
    get state() {
      return state;
    },
    async takeOver() {
      if (released || state === 'writer') return;
      queued?.abort();
      queued = null;
      let mine = 0;
      const granted = new Promise<void>((resolve) => {
        locks
          .request(WRITER_LOCK, { steal: true }, () => {
            mine = holding + 1;
            const held = hold();
            resolve();
            return held;
          })
          .catch((e: unknown) => onLost(e, mine));
      });
      await granted;
    },
    release() {
      queued?.abort();
      queued = null;
      letGo?.();
      channel?.close();
      released = true;
      current = 'readonly';
    },
  };
}
