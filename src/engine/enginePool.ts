import * as Comlink from 'comlink';
import type { EngineWorkerApi } from '../../workers/engine.worker';
import type { SnapshotInfo } from '../../workers/engine/workspaceEngine';

/** What the pool needs of a worker (a DOM Worker, or a MessagePort-backed fake in tests). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}
export type WorkerFactory = () => WorkerLike;

/**
 * Members above which the pool keeps ONE worker: each worker holds its own copy of the
 * snapshot (~40 bytes per order), and two copies of a 1M-member brand would cost ~0.8 GB.
 */
export const SECOND_WORKER_MAX_MEMBERS = 300_000;

interface Slot {
  worker: WorkerLike;
  api: Comlink.Remote<EngineWorkerApi>;
  /** Calls running on this worker now. */
  busy: number;
  /** Resolves once this worker holds the snapshot. */
  ready: Promise<SnapshotInfo> | null;
  /** Rejects when the worker fires 'error' (it crashed or threw outside a call). */
  crashed: Promise<never>;
}

/**
 * The engine's worker pool for one workspace. Policy (docs/engine.md): start with one worker;
 * when a query arrives while every worker is busy, add a second (up to
 * min(2, hardwareConcurrency), and only for brands ≤ SECOND_WORKER_MAX_MEMBERS), which loads
 * the stored snapshot (a read, not a rebuild). Queries go to the least busy worker. A worker
 * that fires 'error' is terminated and replaced; the new one reloads the snapshot and the
 * call is retried once, then rejected with a clear error.
 */
export class EnginePool {
  private slots: Slot[] = [];
  private members = 0;
  private disposed = false;
  private readonly max: number;

  constructor(private readonly workspaceId: string, private readonly factory: WorkerFactory, maxWorkers?: number) {
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 1;
    this.max = Math.max(1, maxWorkers ?? Math.min(2, cores));
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const worker = this.factory();
    let fail: (e: Error) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => (fail = reject));
    crashed.catch(() => undefined); // observed by the race in call(); never unhandled
    worker.addEventListener('error', (ev: Event) => {
      const msg = (ev as ErrorEvent).message || 'the engine worker stopped';
      fail(new Error(msg));
    });
    const slot: Slot = { worker, api: Comlink.wrap<EngineWorkerApi>(worker), busy: 0, ready: null, crashed };
    this.slots.push(slot);
    return slot;
  }

  private load(slot: Slot, call?: (api: Comlink.Remote<EngineWorkerApi>) => Promise<SnapshotInfo>): Promise<SnapshotInfo> {
    const run = call ?? ((api: Comlink.Remote<EngineWorkerApi>) => api.ensureSnapshot(this.workspaceId, `load-${Date.now()}`, Comlink.proxy(() => undefined)));
    slot.ready = Promise.race([run(slot.api), slot.crashed]).then((info) => {
      this.members = info.members;
      return info;
    });
    slot.ready.catch(() => undefined);
    return slot.ready;
  }

  private replace(slot: Slot): Slot {
    slot.worker.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
    const next = this.spawn();
    void this.load(next);
    return next;
  }

  /** Load or build the snapshot on the first worker (with progress); later workers just load. */
  async ensureSnapshot(call: (api: Comlink.Remote<EngineWorkerApi>) => Promise<SnapshotInfo>): Promise<SnapshotInfo> {
    this.check();
    const slot = this.slots[0] ?? this.spawn();
    try {
      return await this.load(slot, call);
    } catch (e) {
      if (!(await isCrash(slot))) throw e;
      const next = this.replace(slot);
      return this.load(next, call).catch((err: Error) => {
        throw new Error(`the engine worker crashed twice while loading the snapshot: ${err.message}`, { cause: err });
      });
    }
  }

  private pick(): Slot {
    const free = this.slots.find((s) => s.busy === 0);
    if (free) return free;
    if (this.slots.length < this.max && this.members > 0 && this.members <= SECOND_WORKER_MAX_MEMBERS) {
      const s = this.spawn();
      void this.load(s);
      return s;
    }
    if (this.slots.length === 0) {
      const s = this.spawn();
      void this.load(s);
      return s;
    }
    return this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  /** Run a query on a worker holding the snapshot; a crash is retried once on a fresh worker. */
  async run<T>(name: string, call: (api: Comlink.Remote<EngineWorkerApi>) => Promise<T>): Promise<T> {
    this.check();
    let slot = this.pick();
    for (let attempt = 0; ; attempt++) {
      const s = slot;
      s.busy++;
      try {
        await Promise.race([s.ready ?? this.load(s), s.crashed]);
        return await Promise.race([call(s.api), s.crashed]);
      } catch (e) {
        if (!(await isCrash(s))) throw e;
        if (attempt >= 1) throw new Error(`the engine worker crashed twice running ${name}: ${(e as Error).message}`, { cause: e });
        slot = this.replace(s);
      } finally {
        s.busy = Math.max(0, s.busy - 1);
      }
    }
  }

  private check(): void {
    if (this.disposed) throw new Error('this engine was disposed');
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.slots) {
      s.api[Comlink.releaseProxy]();
      s.worker.terminate();
    }
    this.slots = [];
  }
}

/** Whether the slot's worker crashed (its crash promise already rejected). */
async function isCrash(slot: Slot): Promise<boolean> {
  return Promise.race([slot.crashed.then(() => false, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), 0))]);
}
