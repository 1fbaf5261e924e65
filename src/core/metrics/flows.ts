import { LIFECYCLE_STAGES } from '../rules/typecheck';
import { NO_STAGE, stageCounts, type StageCount } from './lifecycle';

/** The states a member can be in on a day: the five stages, then 'none' (no stage, or not yet a member). */
export const FLOW_STATES = [...LIFECYCLE_STAGES, 'none'] as const;
export type FlowState = (typeof FLOW_STATES)[number];

const stateOf = (code: number): number => (code === NO_STAGE ? LIFECYCLE_STAGES.length : code);

/**
 * Transition matrix between two days' stage codes (same members, same order):
 * matrix[i][j] = members in FLOW_STATES[i] on the first day and FLOW_STATES[j] on the second.
 * Every member is counted once, so row sums are the first day's stage counts and column sums
 * the second day's.
 */
export function flows(from: Uint8Array, to: Uint8Array): number[][] {
  if (from.length !== to.length) throw new Error(`flows: the two days cover different members (${from.length} vs ${to.length})`);
  const n = FLOW_STATES.length;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < from.length; i++) m[stateOf(from[i])][stateOf(to[i])]++;
  return m;
}

export interface StageFlows {
  from: string;
  to: string;
  states: readonly FlowState[];
  matrix: number[][];
  countsFrom: StageCount[];
  countsTo: StageCount[];
}

/** Flows plus the two days' counts (which the matrix's margins equal). */
export function stageFlows(fromDate: string, toDate: string, a: Uint8Array, b: Uint8Array): StageFlows {
  return { from: fromDate, to: toDate, states: FLOW_STATES, matrix: flows(a, b), countsFrom: stageCounts(a), countsTo: stageCounts(b) };
}

/** Month-end dates (YYYY-MM-DD) of the `months` months ending with the month of `asOf`; the last is `asOf` itself. */
export function monthEnds(asOf: string, months: number): string[] {
  const y = Number(asOf.slice(0, 4));
  const mo = Number(asOf.slice(5, 7));
  const out: string[] = [];
  for (let k = months - 1; k >= 1; k--) {
    // Day 0 of the next month = the last day of this one.
    const t = new Date(Date.UTC(y, mo - 1 - k + 1, 0));
    out.push(t.toISOString().slice(0, 10));
  }
  out.push(asOf);
  return out;
}
