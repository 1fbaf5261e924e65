import { yieldToLoop, type CancelToken, type ProgressFn } from '../../src/core/jobs';
import { stageCounts, type StageCount } from '../../src/core/metrics/lifecycle';
import { stageFlows, type StageFlows } from '../../src/core/metrics/flows';
import { checkRfmConfig, rfm, type RfmConfig, type RfmResult } from '../../src/core/metrics/rfm';
import { LifecycleSetting, LocalDate } from '../../src/core/model';
import { dayNumber } from '../../src/core/time';
import type { Evaluator } from './evaluator';
import { EngineError } from './resolve';

/**
 * The lifecycle calls of the engine (stage counts, flows, trend, RFM) over an evaluator that
 * WorkspaceEngine prepared. A draft of the stage rules (the editor's, not yet saved) gets its
 * own evaluator over the same snapshot, kept while the draft is unchanged.
 */
const drafts = new WeakMap<Evaluator, { sig: string; ev: Evaluator }>();

export function evaluatorFor(ev: Evaluator, draft?: unknown): Evaluator {
  if (draft === undefined || draft === null) return ev;
  const parsed = LifecycleSetting.safeParse(draft);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new EngineError(`lifecycle draft${i?.path.length ? ` at ${i.path.join('.')}` : ''}: ${i?.message ?? 'unreadable'}`);
  }
  const sig = JSON.stringify(parsed.data);
  if (sig === JSON.stringify(ev.data.lifecycle)) return ev;
  const hit = drafts.get(ev);
  if (hit?.sig === sig) return hit.ev;
  const d = ev.withLifecycle(parsed.data);
  drafts.set(ev, { sig, ev: d });
  return d;
}

export function checkDate(value: unknown, what: string): { date: string; day: number } {
  if (typeof value !== 'string' || !LocalDate.safeParse(value).success) throw new EngineError(`${what} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return { date: value, day: dayNumber(value) };
}

export function countsAsOf(ev: Evaluator, day: number): StageCount[] {
  return stageCounts(ev.stages(day));
}

export function flowsBetween(ev: Evaluator, from: unknown, to: unknown): StageFlows {
  const a = checkDate(from, 'from');
  const b = checkDate(to, 'to');
  return stageFlows(a.date, b.date, ev.stages(a.day), ev.stages(b.day));
}

export interface TrendPoint {
  date: string;
  counts: StageCount[];
}

export const MAX_TREND_DATES = 60;

/** Stage counts on each date (a pass over the orders per date): progress per date, cancellable between them. */
export async function trend(ev: Evaluator, dates: unknown, token?: CancelToken, onProgress?: ProgressFn): Promise<TrendPoint[]> {
  if (!Array.isArray(dates) || dates.length === 0) throw new EngineError('stageTrend needs a list of dates');
  if (dates.length > MAX_TREND_DATES) throw new EngineError(`stageTrend takes at most ${MAX_TREND_DATES} dates, got ${dates.length}`);
  const days = dates.map((d, i) => checkDate(d, `dates[${i}]`));
  const out: TrendPoint[] = [];
  for (let i = 0; i < days.length; i++) {
    onProgress?.({ phase: 'stages', done: i, total: days.length });
    await yieldToLoop();
    token?.throwIfCancelled();
    out.push({ date: days[i].date, counts: countsAsOf(ev, days[i].day) });
  }
  onProgress?.({ phase: 'stages', done: days.length, total: days.length });
  return out;
}

export function rfmAsOf(ev: Evaluator, config: RfmConfig, asOf: string): RfmResult {
  const problems = checkRfmConfig(config);
  if (problems.length) throw new EngineError(`RFM: ${problems.join('; ')}`);
  return rfm(ev.data.snapshot.cols, dayNumber(asOf), asOf, config);
}
