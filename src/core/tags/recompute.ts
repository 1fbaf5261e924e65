import type { Workspace } from '../model';

/**
 * When automated (rule and dynamic) tags must be recomputed. Pure: the scheduler
 * (src/app/tagRecompute.ts) reads the inputs from storage and runs the engine when `due`.
 *
 * "Daily" means: the evaluation day moved. Which day that is depends on the data:
 *  - a demo or an import is a picture of the brand as of a fixed day (Workspace.asOf); no
 *    order arrives after it, so evaluating it as of the wall clock would only make every
 *    90-day tag expire and every baby age without a purchase behind it. Its evaluation day
 *    is Workspace.asOf, so it is recomputed when the data changes, not when the clock does;
 *  - a live workspace (source 'empty', fed by sync) is evaluated as of today's local date,
 *    so dynamic date tags (age, pregnancy week, baby month-age) move every day.
 * Time travel (any other day) is a preview and never written.
 */
export function evaluationDay(ws: Pick<Workspace, 'asOf' | 'source'>, today: string): string {
  return ws.source.kind === 'empty' ? today : ws.asOf;
}

export interface HolderStamp {
  tagId: string;
  /** The day the holders were evaluated as of. */
  asOf: string;
  /** The data stamp (src/storage/snapshots.ts dataStamp) they were computed from. */
  stamp: string;
  /** The definition (rule, group, priority, kind) they were computed with. */
  ruleKey?: string;
}

export interface RuleTagState {
  id: string;
  ruleKey: string;
}

export type RecomputeReason = 'never' | 'definitions' | 'data' | 'day';
export type RecomputeDecision = { due: false } | { due: true; reason: RecomputeReason; asOf: string };

/** The key that changes when anything the evaluation of a tag depends on in its definition changes. */
export function ruleKey(t: { rule?: unknown; group: string | null; priority: number; kind: string }): string {
  return JSON.stringify([t.kind, t.group, t.priority, t.rule ?? null]);
}

/**
 * Due when a rule tag was never evaluated, a definition changed since, the data changed
 * since (the stamp differs), or the evaluation day moved. Without rule tags nothing is due.
 */
export function recomputeDecision(input: { tags: RuleTagState[]; holders: HolderStamp[]; stamp: string; day: string }): RecomputeDecision {
  const { tags, stamp, day } = input;
  if (tags.length === 0) return { due: false };
  const rows = new Map(input.holders.map((h) => [h.tagId, h]));
  const mine = tags.map((t) => rows.get(t.id));
  const due = (reason: RecomputeReason): RecomputeDecision => ({ due: true, reason, asOf: day });
  if (mine.some((r) => r === undefined)) return due('never');
  if (tags.some((t, i) => mine[i]!.ruleKey !== undefined && mine[i]!.ruleKey !== t.ruleKey)) return due('definitions');
  if (mine.some((r) => r!.stamp !== stamp)) return due('data');
  if (mine.some((r) => r!.asOf !== day)) return due('day');
  return { due: false };
}

/** Local calendar date 'YYYY-MM-DD' of a Date (the browser's zone, as the people using it). */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
