import { evaluationDay, localDate, recomputeDecision, ruleKey, type RecomputeDecision } from '../core/tags';
import type { WorkspaceDB } from './db';
import { dataStamp } from './snapshots';
import { readWorkspace } from './workspaces';
import { tagRule } from './tags';

/**
 * Whether the automated tags of a workspace must be recomputed now, read from storage:
 * rule/dynamic tags, their holders rows, the data stamp and the evaluation day (core/tags
 * recompute.ts says why a demo or import is evaluated as of its own as-of day).
 */
export async function tagRecomputeState(db: WorkspaceDB, now = new Date()): Promise<RecomputeDecision> {
  const ws = await readWorkspace(db);
  if (!ws) return { due: false };
  const tags = (await db.tags.toArray()).filter((t) => (t.kind === 'rule' || t.kind === 'dynamic') && tagRule(t) !== null);
  if (tags.length === 0) return { due: false };
  const holders = (await db.tagHolders.bulkGet(tags.map((t) => t.id))).filter((h) => h !== undefined);
  const stamp = await dataStamp(db);
  return recomputeDecision({
    tags: tags.map((t) => ({ id: t.id, ruleKey: ruleKey(t) })),
    holders: holders.map((h) => ({ tagId: h.tagId, asOf: h.asOf, stamp: h.stamp, ruleKey: h.ruleKey })),
    stamp,
    day: evaluationDay(ws, localDate(now)),
  });
}
