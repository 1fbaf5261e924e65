/** Long work (import, generation, recompute) reports progress and can be cancelled. */
export interface Progress {
  /** A stable key for the phase, translated by the UI (e.g. "parse", "validate", "commit"). */
  phase: string;
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

/** A flag the job polls between batches; the worker's `cancel(jobId)` sets it. */
export class CancelToken {
  cancelled = false;
  cancel(): void {
    this.cancelled = true;
  }
  throwIfCancelled(): void {
    if (this.cancelled) throw new JobCancelled();
  }
}

/** Yield to the event loop so a worker can receive `cancel` and the UI stays live. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Throttle progress reports to at most one per `ms` (plus always the last). */
export function throttleProgress(fn: ProgressFn, ms = 100): ProgressFn {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last >= ms || p.done >= p.total) {
      last = now;
      fn(p);
    }
  };
}
