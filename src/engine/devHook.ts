import { DEMO_AS_OF } from '../core/demo/templates';
import { parseRule } from '../core/rules';
import { dayNumber } from '../core/time';
import { getActiveWorkspaceId } from '../storage/workspaces';
import { createEngineClient, disposeEngine, getEngine, type EngineClient } from './engineClient';

/**
 * Benchmarks and manual checks drive the engine from the page through `window.__meridianEngine`.
 * Loaded by main.tsx only in dev or with a `?bench` query flag, as a lazy chunk, so the
 * production page never pays for it unless asked.
 */
const hook = {
  getEngine, createEngineClient, disposeEngine, parseRule, activeWorkspaceId: getActiveWorkspaceId, dayNumber, demoAsOf: DEMO_AS_OF,
  /** DuckDB-WASM loaded with an engine client's columns (tags.all comparison); a lazy chunk of its own. */
  duckdbWithMembers: async (engine: EngineClient) => (await import('./benchDuckdb')).duckdbWithMembers(engine),
};
export type EngineDevHook = typeof hook;

(globalThis as unknown as { __meridianEngine?: EngineDevHook }).__meridianEngine = hook;
