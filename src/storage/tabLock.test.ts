import { describe, expect, it } from 'vitest';
import { assertWriter, createTabLock, isWriter, type ChannelLike, type LocksLike, type TabLockState } from './tabLock';

/** A Web Locks manager for one lock name, as the spec describes: queue, ifAvailable, steal, signal. */
class FakeLocks implements LocksLike {
  /** false: a browser that hands the lock over on steal but never tells the old holder. */
  constructor(private rejectOnSteal = true) {}
  private holder: Req | null = null;
  private queue: Req[] = [];
  request(_name: string, opts: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, cb: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req: Req = { cb, resolve, reject };
      if (opts.steal) {
        const old = this.holder;
        this.holder = null;
        if (this.rejectOnSteal) old?.reject(new DOMException('lock stolen', 'AbortError'));
        this.grant(req);
      } else if (this.holder || this.queue.length) {
        if (opts.ifAvailable) {
          Promise.resolve(cb(null)).then(resolve, reject);
          return;
        }
        this.queue.push(req);
        opts.signal?.addEventListener('abort', () => {
          const i = this.queue.indexOf(req);
          if (i >= 0) {
            this.queue.splice(i, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
      } else this.grant(req);
    });
  }
  private grant(req: Req): void {
    this.holder = req;
    Promise.resolve()
      .then(() => req.cb({ name: 'meridian-writer' }))
      .then(
        (v) => this.done(req, () => req.resolve(v)),
        (e) => this.done(req, () => req.reject(e)),
      );
  }
  private done(req: Req, settle: () => void): void {
    if (this.holder !== req) return; // stolen: its promise was already rejected
    this.holder = null;
    settle();
    const next = this.queue.shift();
    if (next) this.grant(next);
  }
}
interface Req {
  cb: (lock: unknown) => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

class FakeHub {
  channels: FakeChannel[] = [];
  open(): FakeChannel {
    const c = new FakeChannel(this);
    this.channels.push(c);
    return c;
  }
}
class FakeChannel implements ChannelLike {
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  closed = false;
  constructor(private hub: FakeHub) {}
  postMessage(data: unknown): void {
    for (const c of this.hub.channels) if (c !== this && !c.closed) setTimeout(() => c.onmessage?.({ data }), 0);
  }
  close(): void {
    this.closed = true;
  }
}

const settle = () => new Promise((r) => setTimeout(r, 5));

function tab(locks: LocksLike | null, hub: FakeHub | null, tabId: string) {
  const seen: TabLockState[] = [];
  const lock = createTabLock({ locks, channel: hub ? hub.open() : null, tabId, onChange: (s) => seen.push(s) });
  return { lock, seen };
}

describe('tab lock', () => {
  it('the first tab writes; a second is read-only at once, not waiting', async () => {
    const locks = new FakeLocks();
    const hub = new FakeHub();
    const a = tab(locks, hub, 'a');
    expect(a.lock.state).toBe('waiting');
    await settle();
    expect(a.lock.state).toBe('writer');
    const b = tab(locks, hub, 'b');
    await settle();
    expect(b.lock.state).toBe('readonly');
    expect(a.lock.state).toBe('writer');
    expect(b.seen).toEqual(['readonly']);
    expect(isWriter()).toBe(false); // this module's state follows the last tab created (b)
    expect(() => assertWriter()).toThrow(/read-only tab/);
  });

  it('take over: the second tab becomes writer, the first is told and turns read-only', async () => {
    const locks = new FakeLocks();
    const hub = new FakeHub();
    const a = tab(locks, hub, 'a');
    await settle();
    const b = tab(locks, hub, 'b');
    await settle();
    await b.lock.takeOver();
    await settle();
    expect(b.lock.state).toBe('writer');
    expect(a.lock.state).toBe('readonly');
    expect(a.seen).toEqual(['writer', 'readonly']);
    // a queued again: when b closes, a is the writer once more without asking.
    b.lock.release();
    await settle();
    expect(a.lock.state).toBe('writer');
  });

  it('a read-only tab becomes the writer by itself when the writer tab closes', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, null, 'a');
    await settle();
    const b = tab(locks, null, 'b');
    const c = tab(locks, null, 'c');
    await settle();
    expect([b.lock.state, c.lock.state]).toEqual(['readonly', 'readonly']);
    a.lock.release();
    await settle();
    expect(b.lock.state).toBe('writer');
    expect(c.lock.state).toBe('readonly');
    b.lock.release();
    await settle();
    expect(c.lock.state).toBe('writer');
  });

  it('a channel message that another tab became writer demotes this one even if the steal went unnoticed', async () => {
    const hub = new FakeHub();
    const locks = new FakeLocks(false);
    const a = tab(locks, hub, 'a');
    await settle();
    const b = tab(locks, hub, 'b');
    await settle();
    await b.lock.takeOver();
    await settle();
    expect(b.lock.state).toBe('writer');
    expect(a.lock.state).toBe('readonly');
    expect(a.seen).toEqual(['writer', 'readonly']);
  });

  it('without navigator.locks the tab is "unsupported" and may write', async () => {
    const u = tab(null, null, 'u');
    expect(u.lock.state).toBe('unsupported');
    expect(isWriter()).toBe(true);
    expect(() => assertWriter()).not.toThrow();
    await u.lock.takeOver();
    expect(u.lock.state).toBe('unsupported');
    expect(u.seen).toEqual([]);
  });

  it('takeOver on the writer is a no-op and release stops reporting changes', async () => {
    const locks = new FakeLocks();
    const a = tab(locks, null, 'a');
    await settle();
    await a.lock.takeOver();
    expect(a.lock.state).toBe('writer');
    a.lock.release();
    const b = tab(locks, null, 'b');
    await settle();
    expect(b.lock.state).toBe('writer');
    expect(a.seen).toEqual(['writer']);
  });
});
