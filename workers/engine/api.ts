import type { ProgressFn } from '../../src/core/jobs';
import { openWorkspace } from '../../src/storage/workspaces';
import { cancelJob, withJob } from '../jobs';
import { WorkspaceEngine } from './workspaceEngine';
import type { RfmConfig } from '../../src/core/metrics/rfm';

/**
 * What the engine worker exposes: one WorkspaceEngine per workspace id, kept while the worker
 * lives (the snapshot stays in the worker's memory). Long calls take a job id so the UI can
 * cancel them (workers/jobs.ts); errors cross comlink as plain Errors with their message.
 */
export function createEngineApi() {
  const engines = new Map<string, WorkspaceEngine>();
  const engine = (workspaceId: string): WorkspaceEngine => {
    let e = engines.get(workspaceId);
    if (!e) engines.set(workspaceId, (e = new WorkspaceEngine(openWorkspace(workspaceId))));
    return e;
  };
  return {
    ensureSnapshot(workspaceId: string, jobId: string, onProgress: ProgressFn) {
      return withJob(jobId, (token) => engine(workspaceId).ensureSnapshot(onProgress, token));
    },
    count(workspaceId: string, rule: unknown, opts?: { asOf?: string }) {
      return engine(workspaceId).count(rule, opts);
    },
    members(workspaceId: string, rule: unknown, opts?: { asOf?: string; offset?: number; limit?: number }) {
      return engine(workspaceId).members(rule, opts);
    },
    persona(workspaceId: string, rule: unknown, opts?: { asOf?: string }) {
      return engine(workspaceId).persona(rule, opts);
    },
    stageCounts(workspaceId: string, opts?: { asOf?: string; lifecycle?: unknown }) {
      return engine(workspaceId).stageCounts(opts);
    },
    stageFlows(workspaceId: string, opts: { from: string; to: string; lifecycle?: unknown }) {
      return engine(workspaceId).stageFlows(opts);
    },
    stageTrend(workspaceId: string, dates: string[], opts: { lifecycle?: unknown } | undefined, jobId: string, onProgress: ProgressFn) {
      return withJob(jobId, (token) => engine(workspaceId).stageTrend(dates, opts, token, onProgress));
    },
    rfm(workspaceId: string, config: RfmConfig, opts?: { asOf?: string }) {
      return engine(workspaceId).rfm(config, opts);
    },
    evaluateTags(workspaceId: string, opts: { asOf?: string; write?: boolean } | undefined, jobId: string, onProgress?: ProgressFn) {
      return withJob(jobId, (token) => engine(workspaceId).evaluateTags(opts, token, onProgress));
    },
    evaluateRules(workspaceId: string, rules: unknown[], opts?: { asOf?: string; fused?: boolean }) {
      return engine(workspaceId).evaluateRules(rules, opts);
    },
    /** Bench-only (the `?bench` dev hook): regenerate this demo's columns at `members` in the worker and use them. */
    benchDemo(workspaceId: string, members: number, jobId: string, onProgress: ProgressFn) {
      return withJob(jobId, (token) => engine(workspaceId).pinBenchDemo(members, onProgress, token));
    },
    /** Bench-only: copies of named columns (for loading the same data into DuckDB-WASM). */
    benchColumns(workspaceId: string, names: string[]) {
      return engine(workspaceId).benchColumns(names);
    },
    /** Test hook for crash recovery: throws inside the worker's event loop (an 'error' event). */
    crash(): void {
      setTimeout(() => {
        throw new Error('engine worker crashed on purpose');
      }, 0);
    },
    cancel(jobId: string): boolean {
      return cancelJob(jobId);
    },
  };
}
