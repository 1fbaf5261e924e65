import { parseRule } from '../core/rules';
import { getActiveWorkspaceId } from '../storage/workspaces';
import { createEngineClient, disposeEngine, getEngine } from './engineClient';

/**
 * Benchmarks and manual checks drive the engine from the page through `window.__meridianEngine`.
 * Loaded by main.tsx only in dev or with a `?bench` query flag, as a lazy chunk, so the
 * production page never pays for it unless asked.
 */
const hook = { getEngine, createEngineClient, disposeEngine, parseRule, activeWorkspaceId: getActiveWorkspaceId };
export type EngineDevHook = typeof hook;

(globalThis as unknown as { __meridianEngine?: EngineDevHook }).__meridianEngine = hook;
