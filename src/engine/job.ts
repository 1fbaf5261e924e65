import * as Comlink from 'comlink';
import type { Progress } from '../core/jobs';

/** A running worker job as the UI sees it. */
export interface JobHandle<T> {
  id: string;
  promise: Promise<T>;
  cancel(): void;
}

export interface CancellableApi {
  cancel(jobId: string): Promise<boolean> | boolean;
}

let seq = 0;
export function newJobId(prefix = 'job'): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}-${seq}`;
}

/**
 * Start `call` on a comlink remote with a progress callback proxied across, and return a
 * handle whose cancel() asks the worker to stop at its next batch boundary.
 */
export function startJob<T, A extends CancellableApi>(
  api: Comlink.Remote<A>,
  call: (api: Comlink.Remote<A>, jobId: string, onProgress: ((p: Progress) => void) & Comlink.ProxyMarked) => Promise<T>,
  onProgress: (p: Progress) => void,
  prefix?: string,
): JobHandle<T> {
  const id = newJobId(prefix);
  const promise = call(api, id, Comlink.proxy(onProgress));
  return {
    id,
    promise,
    cancel: () => {
      void (api as unknown as Comlink.Remote<CancellableApi>).cancel(id);
    },
  };
}

/** Create a module worker and wrap it with comlink. */
export function wrapWorker<A>(worker: Worker): { api: Comlink.Remote<A>; terminate(): void } {
  const api = Comlink.wrap<A>(worker);
  return { api, terminate: () => worker.terminate() };
}
