import * as Comlink from 'comlink';
import type { ProgressFn } from '../src/core/jobs';
import { generateDemoWorkspace, type DemoOptions, type DemoResult } from './demo';

export type { DemoOptions, DemoResult };
import { cancelJob, withJob } from './jobs';

/** Thin comlink entry point: the logic lives in ./demo.ts (tested directly). */
const api = {
  generate(opts: DemoOptions, jobId: string, onProgress: ProgressFn): Promise<DemoResult> {
    return withJob(jobId, (token) => generateDemoWorkspace(opts, onProgress, token));
  },
  cancel(jobId: string): boolean {
    return cancelJob(jobId);
  },
};
export type DemoWorkerApi = typeof api;

Comlink.expose(api);
