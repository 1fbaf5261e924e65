import type { MemberColumns } from '../columnar/types';

/**
 * RFM as a tool under the lifecycle (domain §3), not its definition. Per member as of a day,
 * over a window of days (or all history): recency = days since the last sale, frequency = sale
 * orders, monetary = net spend (paid − refunded, currency units). Each axis is scored 1..n by
 * bins: fixed thresholds, or quantiles of this base. 5 (n) is always the best: most recent,
 * most frequent, biggest spender. Members without a sale in the window are not scored (0).
 */
export type RfmAxis = 'recency' | 'frequency' | 'monetary';
export const RFM_AXES: readonly RfmAxis[] = ['recency', 'frequency', 'monetary'];

export type RfmBins =
  | { kind: 'quantile'; bins: number }
  /** Ascending cut points; n-1 thresholds give scores 1..n (recency in days, monetary in currency units). */
  | { kind: 'fixed'; thresholds: number[] };

export interface RfmConfig {
  /** Look back this many days; null = all history. */
  windowDays: number | null;
  recency: RfmBins;
  frequency: RfmBins;
  monetary: RfmBins;
}

export const DEFAULT_RFM: RfmConfig = {
  windowDays: 365,
  recency: { kind: 'fixed', thresholds: [30, 90, 180, 270] },
  frequency: { kind: 'fixed', thresholds: [1, 2, 4, 9] },
  monetary: { kind: 'quantile', bins: 5 },
};

export interface RfmValues {
  /** -1 where the member had no sale in the window. */
  recency: Int32Array;
  frequency: Uint32Array;
  /** Currency units (columns hold minor units). */
  monetary: Float64Array;
}

/** Check a config; returns problems in words (empty = fine). */
export function checkRfmConfig(c: RfmConfig): string[] {
  const out: string[] = [];
  if (c.windowDays !== null && (!Number.isInteger(c.windowDays) || c.windowDays < 1)) out.push(`the window must be a whole number of days ≥ 1, got ${c.windowDays}`);
  for (const axis of RFM_AXES) {
    const b = c[axis];
    if (b.kind === 'quantile') {
      if (!Number.isInteger(b.bins) || b.bins < 2 || b.bins > 5) out.push(`${axis}: quantile bins must be 2 to 5, got ${b.bins}`);
    } else {
      const t = b.thresholds;
      if (t.length < 1 || t.length > 4) out.push(`${axis}: give 1 to 4 thresholds (2 to 5 scores), got ${t.length}`);
      if (t.some((x) => !Number.isFinite(x))) out.push(`${axis}: thresholds must be numbers`);
      for (let i = 1; i < t.length; i++) if (!(t[i] > t[i - 1])) out.push(`${axis}: thresholds must increase (${t[i - 1]} then ${t[i]})`);
    }
  }
  return out;
}

/** One pass over the orders up to `day` (orders are sorted by day per member). */
export function rfmValues(cols: MemberColumns, day: number, windowDays: number | null): RfmValues {
  const M = cols.memberCount;
  const from = windowDays === null ? -Infinity : day - windowDays + 1;
  const recency = new Int32Array(M).fill(-1);
  const frequency = new Uint32Array(M);
  const monetary = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    let last = -1, n = 0, net = 0;
    for (let o = cols.orderOffsets[m]; o < cols.orderOffsets[m + 1]; o++) {
      const d = cols.oDay[o];
      if (d > day) break;
      if (d < from) continue;
      net += cols.oPaid[o] - cols.oRefund[o];
      if (cols.oKind[o] === 0) {
        n++;
        last = d;
      }
    }
    if (n > 0) {
      recency[m] = day - last;
      frequency[m] = n;
      monetary[m] = net / 100;
    }
  }
  return { recency, frequency, monetary };
}

/**
 * Cut points for an axis over the scored members' values. Quantile cuts are values of the
 * base itself (the k/n-th smallest), so equal values always get equal scores; heavy ties (most
 * members buy once) can leave a score empty rather than split equal members apart.
 */
export function rfmThresholds(values: ArrayLike<number>, scored: Uint8Array, bins: RfmBins): number[] {
  if (bins.kind === 'fixed') return [...bins.thresholds];
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) if (scored[i]) v.push(values[i]);
  if (v.length === 0) return [];
  const sorted = Float64Array.from(v).sort();
  const out: number[] = [];
  for (let k = 1; k < bins.bins; k++) out.push(sorted[Math.max(0, Math.ceil((k * sorted.length) / bins.bins) - 1)]);
  return out;
}

/** Score 1..thresholds+1; for recency lower is better (at or under a cut scores higher). */
export function scoreOf(axis: RfmAxis, value: number, thresholds: readonly number[]): number {
  let s = 1;
  if (axis === 'recency') for (const t of thresholds) s += value <= t ? 1 : 0;
  else for (const t of thresholds) s += value > t ? 1 : 0;
  return s;
}

export interface RfmResult {
  asOf: string;
  scored: number;
  unscored: number;
  thresholds: Record<RfmAxis, number[]>;
  /** Members per score 1..5 (index 0 = score 1) on each axis. */
  perAxis: Record<RfmAxis, number[]>;
  /** cells[r-1][f-1][m-1] = members with those scores. */
  cells: number[][][];
  /** Average monetary (currency units) of the members of each R×F cell, 0 when empty. */
  rfAvgMonetary: number[][];
}

/** Per-member scores (0 = not scored) and the counts per cell. */
export function rfmScores(v: RfmValues, config: RfmConfig): { r: Uint8Array; f: Uint8Array; m: Uint8Array; thresholds: Record<RfmAxis, number[]> } {
  const problems = checkRfmConfig(config);
  if (problems.length) throw new Error(`RFM: ${problems.join('; ')}`);
  const M = v.recency.length;
  const scored = new Uint8Array(M);
  for (let i = 0; i < M; i++) scored[i] = v.recency[i] >= 0 ? 1 : 0;
  const thresholds = {
    recency: rfmThresholds(v.recency, scored, config.recency),
    frequency: rfmThresholds(v.frequency, scored, config.frequency),
    monetary: rfmThresholds(v.monetary, scored, config.monetary),
  };
  const r = new Uint8Array(M), f = new Uint8Array(M), m = new Uint8Array(M);
  for (let i = 0; i < M; i++) {
    if (!scored[i]) continue;
    r[i] = scoreOf('recency', v.recency[i], thresholds.recency);
    f[i] = scoreOf('frequency', v.frequency[i], thresholds.frequency);
    m[i] = scoreOf('monetary', v.monetary[i], thresholds.monetary);
  }
  return { r, f, m, thresholds };
}

export function rfm(cols: MemberColumns, day: number, asOf: string, config: RfmConfig): RfmResult {
  const v = rfmValues(cols, day, config.windowDays);
  const s = rfmScores(v, config);
  const cells = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => new Array<number>(5).fill(0)));
  const sum = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  const perAxis = { recency: new Array<number>(5).fill(0), frequency: new Array<number>(5).fill(0), monetary: new Array<number>(5).fill(0) };
  let scored = 0;
  for (let i = 0; i < s.r.length; i++) {
    if (!s.r[i]) continue;
    scored++;
    const [a, b, c] = [s.r[i] - 1, s.f[i] - 1, s.m[i] - 1];
    cells[a][b][c]++;
    sum[a][b] += v.monetary[i];
    perAxis.recency[a]++;
    perAxis.frequency[b]++;
    perAxis.monetary[c]++;
  }
  const rfAvgMonetary = sum.map((row, a) => row.map((x, b) => {
    const n = cells[a][b].reduce((p, q) => p + q, 0);
    return n ? Math.round((x / n) * 100) / 100 : 0;
  }));
  return { asOf, scored, unscored: s.r.length - scored, thresholds: s.thresholds, perAxis, cells, rfAvgMonetary };
}
