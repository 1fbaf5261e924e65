import * as Comlink from 'comlink';
import type { MemberColumns } from '../core/columnar/types';
import type { Progress } from '../core/jobs';
import type { Rule } from '../core/rules';
import type { EngineWorkerApi } from '../../workers/engine.worker';
import type { Persona } from '../../workers/engine/persona';
import type { CountResult, SnapshotInfo, TagsResult } from '../../workers/engine/workspaceEngine';
import { EnginePool, type WorkerFactory } from './enginePool';
import { newJobId, type JobHandle } from './job';
import type { LifecycleSetting } from '../core/model';
import type { StageFlows } from '../core/metrics/flows';
import type { RfmConfig, RfmResult } from '../core/metrics/rfm';
import type { TrendPoint } from '../../workers/engine/lifecycleCalls';

export type { Persona } from '../../workers/engine/persona';
export type { CountResult, SnapshotInfo, TagsResult } from '../../workers/engine/workspaceEngine';

export interface EngineClient {
  /** Load the workspace's columnar snapshot from IndexedDB, or (re)build it when the data changed. */
  ensureSnapshot(onProgress?: (p: Progress) => void): Promise<SnapshotInfo>;
  /** Count members a rule selects. Rejects with a clear Error on a rule that does not type-check or an audience cycle. */
  count(rule: Rule, opts?: { asOf?: string }): Promise<CountResult>;
  /** Member ids a rule selects, in member order, paged (limit defaults to 100). */
  members(rule: Rule, opts?: { asOf?: string; offset?: number; limit?: number }): Promise<{ ids: string[]; count: number }>;
  persona(rule: Rule, opts?: { asOf?: string }): Promise<Persona>;
  evaluateTags(opts?: { asOf?: string; write?: boolean }): Promise<TagsResult>;
  /** `lifecycle`: count with a draft of the stage rules (not saved) instead of the workspace's. */
  stageCounts(opts?: { asOf?: string; lifecycle?: LifecycleSetting }): Promise<{ stage: string; count: number }[]>;
  /** Members moving between stages from one day to another (a transition matrix). */
  stageFlows(opts: { from: string; to: string; lifecycle?: LifecycleSetting }): Promise<StageFlows>;
  /** Stage counts on each date, as a cancellable job with progress. */
  startStageTrend(dates: string[], opts?: { lifecycle?: LifecycleSetting }, onProgress?: (p: Progress) => void): JobHandle<TrendPoint[]>;
  rfm(config: RfmConfig, opts?: { asOf?: string }): Promise<RfmResult>;
  /** Additions: the same long calls as cancellable jobs. */
  startEnsureSnapshot(onProgress?: (p: Progress) => void): JobHandle<SnapshotInfo>;
  startEvaluateTags(opts?: { asOf?: string; write?: boolean }, onProgress?: (p: Progress) => void): JobHandle<TagsResult>;
  /** Several rules in one fused evaluation, no storage writes (benchmarks). */
  evaluateRules(rules: Rule[], opts?: { asOf?: string; fused?: boolean }): Promise<{ counts: number[]; ms: number }>;
  /**
   * Bench-only (reached through the `?bench` dev hook): the worker regenerates this demo
   * workspace's columns at `members` members in memory and evaluates over them from then on
   * (workers/engine/benchDemo.ts), instead of a stored demo that size.
   */
  benchDemo(members: number, onProgress?: (p: Progress) => void): Promise<SnapshotInfo & { columnBytes: number }>;
  /** Bench-only: copies of named columns of the worker's snapshot, with the dictionaries. */
  benchColumns(names: string[]): Promise<{ columns: Record<string, ArrayBufferView>; dicts: MemberColumns['dicts']; memberCount: number }>;
  /** Workers in the pool now (1..2). */
  readonly poolSize: number;
  dispose(): void;
}

const defaultFactory: WorkerFactory = () => new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });

/** The client over a pool of engine workers for one workspace (pool policy: enginePool.ts). */
export function createEngineClient(workspaceId: string, factory: WorkerFactory = defaultFactory, maxWorkers?: number): EngineClient {
  const pool = new EnginePool(workspaceId, factory, maxWorkers);
  const noop = () => undefined;
  const job = <T>(prefix: string, call: (api: Comlink.Remote<EngineWorkerApi>, jobId: string) => Promise<T>): JobHandle<T> => {
    const id = newJobId(prefix);
    let cancelOn: Comlink.Remote<EngineWorkerApi> | null = null;
    const promise = pool.run(`${prefix}`, (api) => {
      cancelOn = api;
      return call(api, id);
    });
    return { id, promise, cancel: () => void cancelOn?.cancel(id) };
  };
  const client: EngineClient = {
    get poolSize() {
      return pool.size;
    },
    startEnsureSnapshot(onProgress = noop) {
      const id = newJobId('snapshot');
      const slots: Comlink.Remote<EngineWorkerApi>[] = [];
      const promise = pool.ensureSnapshot((api) => {
        slots.push(api);
        return api.ensureSnapshot(workspaceId, id, Comlink.proxy(onProgress));
      });
      return { id, promise, cancel: () => slots.forEach((a) => void a.cancel(id)) };
    },
    ensureSnapshot(onProgress) {
      return client.startEnsureSnapshot(onProgress).promise;
    },
    count: (rule, opts) => pool.run('count', (api) => api.count(workspaceId, rule, opts)),
    members: (rule, opts) => pool.run('members', (api) => api.members(workspaceId, rule, opts)),
    persona: (rule, opts) => pool.run('persona', (api) => api.persona(workspaceId, rule, opts)),
    stageCounts: (opts) => pool.run('stageCounts', (api) => api.stageCounts(workspaceId, opts)),
    stageFlows: (opts) => pool.run('stageFlows', (api) => api.stageFlows(workspaceId, opts)),
    startStageTrend(dates, opts, onProgress = noop) {
      return job('stageTrend', (api, id) => api.stageTrend(workspaceId, dates, opts, id, Comlink.proxy(onProgress)));
    },
    rfm: (config, opts) => pool.run('rfm', (api) => api.rfm(workspaceId, config, opts)),
    evaluateRules: (rules, opts) => pool.run('evaluateRules', (api) => api.evaluateRules(workspaceId, rules, opts)),
    benchDemo(members, onProgress = noop) {
      const id = newJobId('bench-demo');
      let info: (SnapshotInfo & { columnBytes: number }) | null = null;
      return pool
        .ensureSnapshot(async (api) => (info = await api.benchDemo(workspaceId, members, id, Comlink.proxy(onProgress))))
        .then(() => info!);
    },
    benchColumns: (names) => pool.run('benchColumns', (api) => api.benchColumns(workspaceId, names)),
    startEvaluateTags(opts, onProgress = noop) {
      return job('tags', (api, id) => api.evaluateTags(workspaceId, opts, id, Comlink.proxy(onProgress)));
    },
    evaluateTags(opts) {
      return client.startEvaluateTags(opts).promise;
    },
    dispose: () => pool.dispose(),
  };
  return client;
}

const engines = new Map<string, EngineClient>();

/** One client per workspace, reused. */
export function getEngine(workspaceId: string): EngineClient {
  let e = engines.get(workspaceId);
  if (!e) engines.set(workspaceId, (e = createEngineClient(workspaceId)));
  return e;
}

/** Terminate the workers of one workspace (or of all). */
export function disposeEngine(workspaceId?: string): void {
  for (const [id, e] of engines) {
    if (workspaceId !== undefined && id !== workspaceId) continue;
    e.dispose();
    engines.delete(id);
  }
}
