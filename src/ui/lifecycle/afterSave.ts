import type { WorkspaceDB } from '../../storage/db';
import { runEvaluation } from '../../app/tagRecompute';

/** Does a stored tag rule (AST or text) read stages, directly or through a saved audience? */
export function readsStages(rule: unknown): boolean {
  if (typeof rule === 'string') return /\bstage\s*=|\bin\s+audience\b/i.test(rule);
  const json = JSON.stringify(rule ?? null);
  return json.includes('"k":"stage"') || json.includes('"k":"audience"');
}

/**
 * Stored tag holders were computed with the old stages; the recompute check looks at data,
 * definitions and day, not the lifecycle. So after a save, tags whose rules read stages are
 * evaluated again, as of the day their holders are for.
 */
export async function reevaluateStageTags(db: WorkspaceDB, workspaceId: string): Promise<void> {
  const tags = await db.tags.toArray();
  if (!tags.some((t) => (t.kind === 'rule' || t.kind === 'dynamic') && readsStages(t.rule))) return;
  const held = await db.tagHolders.toCollection().first();
  if (!held) return;
  await runEvaluation(workspaceId, held.asOf, 'definitions');
}
