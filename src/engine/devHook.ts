import { DEMO_AS_OF } from '../core/demo/templates';
import { parseRule } from '../core/rules';
import { dayNumber } from '../core/time';
import { getActiveWorkspaceId, openWorkspace } from '../storage/workspaces';
import { listAudiences, saveAudience } from '../storage/audiences';
import { createJourney } from '../storage/journeys';
import { syntheticJourney } from '../core/journey/synthetic';
import { newId } from '../core/journey/ids';
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
  /**
   * canvas.fps: a valid synthetic journey of n nodes stored in the active workspace through the
   * journeys repository (entering from its first audience; one matching everyone is saved if it has none).
   */
  seedSyntheticJourney: async (n: number): Promise<{ id: string; nodes: number; edges: number }> => {
    const wsId = await getActiveWorkspaceId();
    if (!wsId) throw new Error('no active workspace');
    const db = openWorkspace(wsId);
    const audience =
      (await listAudiences(db))[0] ?? (await saveAudience(db, { name: 'Everyone (bench)', description: '', rule: parseRule('true'), lastCount: null }));
    const s = syntheticJourney(n, { newId, now: '2026-01-01T00:00', audienceId: audience.id });
    const j = await createJourney(db, { name: s.name, description: s.description, nodes: s.nodes, edges: s.edges, notes: s.notes, settings: s.settings });
    return { id: j.id, nodes: j.nodes.length, edges: j.edges.length };
  },
};
export type EngineDevHook = typeof hook;

(globalThis as unknown as { __meridianEngine?: EngineDevHook }).__meridianEngine = hook;
