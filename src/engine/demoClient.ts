import type { Progress } from '../core/jobs';
import type { DemoOptions, DemoResult, DemoWorkerApi } from '../../workers/demo.worker';
import { startJob, wrapWorker, type JobHandle } from './job';

export type { DemoOptions, DemoResult } from '../../workers/demo.worker';
export type { DemoCounts } from '../../workers/demo';

/**
 * Generate a demo workspace in its own module worker. The handle's promise resolves with the
 * new workspace's id and row counts once it is complete and active; cancel() stops it at the
 * next batch and the worker deletes what it had written (the promise rejects with JobCancelled).
 * The worker is terminated when the job settles either way.
 */
export function startDemoGeneration(opts: DemoOptions, onProgress: (p: Progress) => void): JobHandle<DemoResult> {
  const worker = new Worker(new URL('../../workers/demo.worker.ts', import.meta.url), { type: 'module' });
  const { api, terminate } = wrapWorker<DemoWorkerApi>(worker);
  const handle = startJob<DemoResult, DemoWorkerApi>(api, (a, jobId, progress) => a.generate(opts, jobId, progress), onProgress, 'demo');
  const promise = handle.promise.finally(terminate);
  return { ...handle, promise };
}
