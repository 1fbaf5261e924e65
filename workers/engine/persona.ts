import { PLATFORMS } from '../../src/core/model';
import { LIFECYCLE_STAGES } from '../../src/core/rules';
import { NO_DAY, yearsBetween } from '../../src/core/time';
import { GENDERS, type Snapshot } from '../../src/storage/snapshots';
import { NO_STAGE } from './evaluator';

/** Distributions over an audience for persona charts (bucket edges: docs/engine.md). */
export interface Persona {
  total: number;
  gender: Record<string, number>;
  level: Record<string, number>;
  region: Record<string, number>;
  platform: Record<string, number>;
  lifecycle: Record<string, number>;
  recencyDays: { bucket: string; count: number }[];
  frequency: { bucket: string; count: number }[];
  aov: { bucket: string; count: number }[];
  spend: { bucket: string; count: number }[];
  age: { bucket: string; count: number }[];
  wecomFriend: { yes: number; no: number };
  touches: { channel: string; count: number }[];
}

/** A bucket list: `[label, upper bound inclusive]`, the last bound Infinity. */
type Buckets = readonly (readonly [string, number])[];
export const RECENCY_BUCKETS: Buckets = [['0-30', 30], ['31-90', 90], ['91-180', 180], ['181-365', 365], ['366+', Infinity]];
export const FREQUENCY_BUCKETS: Buckets = [['0', 0], ['1', 1], ['2', 2], ['3-4', 4], ['5-9', 9], ['10+', Infinity]];
/** Currency units (yuan); the columns hold minor units. */
export const AOV_BUCKETS: Buckets = [['0-99', 99.99], ['100-199', 199.99], ['200-499', 499.99], ['500-999', 999.99], ['1000+', Infinity]];
export const SPEND_BUCKETS: Buckets = [['0', 0], ['1-499', 499.99], ['500-999', 999.99], ['1000-1999', 1999.99], ['2000-4999', 4999.99], ['5000+', Infinity]];
export const AGE_BUCKETS: Buckets = [['<18', 17], ['18-24', 24], ['25-29', 29], ['30-34', 34], ['35-39', 39], ['40-49', 49], ['50+', Infinity]];

const bucketOf = (b: Buckets, v: number): number => {
  for (let i = 0; i < b.length; i++) if (v <= b[i][1]) return i;
  return b.length - 1;
};
const list = (b: Buckets, counts: number[], extra?: [string, number]) => {
  const out = b.map(([bucket], i) => ({ bucket, count: counts[i] }));
  if (extra) out.push({ bucket: extra[0], count: extra[1] });
  return out;
};

/**
 * One pass over the selected members and their orders up to `day`: frequency counts sale
 * orders, spend is net (paid − refunded) over all time, recency is days since the last sale;
 * members without a sale go to 'never' (recency) and 'none' (aov).
 */
export function persona(snap: Snapshot, mask: Uint8Array, day: number, stages: Uint8Array): Persona {
  const c = snap.cols;
  const M = c.memberCount;
  const gender = new Array(GENDERS.length).fill(0);
  const platform = new Array(PLATFORMS.length).fill(0);
  const region = new Array(c.dicts.region.length).fill(0);
  const level = new Map<number, number>();
  const stage = new Array(LIFECYCLE_STAGES.length + 1).fill(0);
  const rec = new Array(RECENCY_BUCKETS.length).fill(0);
  const freq = new Array(FREQUENCY_BUCKETS.length).fill(0);
  const aov = new Array(AOV_BUCKETS.length).fill(0);
  const spend = new Array(SPEND_BUCKETS.length).fill(0);
  const age = new Array(AGE_BUCKETS.length).fill(0);
  const touches = new Array(c.dicts.channel.length).fill(0);
  let never = 0, noAge = 0, friends = 0, total = 0;
  for (let m = 0; m < M; m++) {
    if (!mask[m]) continue;
    total++;
    gender[snap.extras.gender[m]]++;
    platform[snap.extras.firstPlatform[m]]++;
    region[c.region[m]]++;
    level.set(c.level[m], (level.get(c.level[m]) ?? 0) + 1);
    stage[stages[m] === NO_STAGE ? LIFECYCLE_STAGES.length : stages[m]]++;
    if (c.wecomFriend[m]) friends++;
    if (c.birthDay[m] === NO_DAY || c.birthDay[m] > day) noAge++;
    else age[bucketOf(AGE_BUCKETS, yearsBetween(c.birthDay[m], day))]++;
    let n = 0, paid = 0, net = 0, last = NO_DAY;
    for (let o = c.orderOffsets[m]; o < c.orderOffsets[m + 1]; o++) {
      if (c.oDay[o] > day) break; // orders are sorted by day
      net += c.oPaid[o] - c.oRefund[o];
      if (c.oKind[o] === 0) {
        n++;
        paid += c.oPaid[o];
        last = c.oDay[o];
      }
    }
    freq[bucketOf(FREQUENCY_BUCKETS, n)]++;
    spend[bucketOf(SPEND_BUCKETS, Math.max(0, net) / 100)]++;
    if (n) {
      aov[bucketOf(AOV_BUCKETS, paid / n / 100)]++;
      rec[bucketOf(RECENCY_BUCKETS, day - last)]++;
    } else never++;
    for (let t = c.touchOffsets[m]; t < c.touchOffsets[m + 1]; t++) if (c.tDay[t] <= day) touches[c.tChannel[t]]++;
  }
  const record = (names: readonly string[], counts: number[]) =>
    Object.fromEntries(names.map((k, i) => [k, counts[i]]).filter(([, n]) => (n as number) > 0)) as Record<string, number>;
  return {
    total,
    gender: record(GENDERS, gender),
    level: Object.fromEntries([...level.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => [String(k), n])),
    region: record(c.dicts.region.map((r) => r || 'unknown'), region),
    platform: record(PLATFORMS, platform),
    lifecycle: record([...LIFECYCLE_STAGES, 'none'], stage),
    recencyDays: list(RECENCY_BUCKETS, rec, ['never', never]),
    frequency: list(FREQUENCY_BUCKETS, freq),
    aov: list(AOV_BUCKETS, aov, ['none', never]),
    spend: list(SPEND_BUCKETS, spend),
    age: list(AGE_BUCKETS, age, ['unknown', noAge]),
    wecomFriend: { yes: friends, no: total - friends },
    touches: c.dicts.channel.map((channel, i) => ({ channel, count: touches[i] })).filter((t) => t.count > 0),
  };
}
