import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber } from '../time';
import { checkRfmConfig, DEFAULT_RFM, rfm, rfmScores, rfmThresholds, rfmValues, scoreOf, type RfmConfig } from './rfm';
import { columns, member, sale } from './testMembers';

const AS_OF = '2026-10-31';
const day = dayNumber(AS_OF);

describe('RFM values', () => {
  const cols = columns([
    member('a', [sale('a', '2026-10-21', 10000), sale('a', '2026-10-25', 5000, 0), sale('a', '2026-10-26', 0, 2000)]),
    member('b', [sale('b', '2025-01-01', 99900), sale('b', '2026-08-02', 20000)]),
    member('c', [sale('c', '2024-05-01', 30000)]),
    member('d', []),
    member('e', [sale('e', '2026-11-05', 1000)]), // after as-of: not seen
  ]);
  it('recency, frequency and net spend per member over the window', () => {
    const v = rfmValues(cols, day, 365);
    expect([...v.recency]).toEqual([6, 90, -1, -1, -1]);
    expect([...v.frequency]).toEqual([2, 1, 0, 0, 0]);
    expect([...v.monetary]).toEqual([130, 200, 0, 0, 0]);
    const all = rfmValues(cols, day, null);
    expect([...all.frequency]).toEqual([2, 2, 1, 0, 0]);
    expect(all.monetary[1]).toBe(1199);
  });
  it('fixed bins score 1..5 with 5 the best, and the cells count the scored members', () => {
    const config: RfmConfig = { windowDays: null, recency: { kind: 'fixed', thresholds: [30, 90, 180, 365] }, frequency: { kind: 'fixed', thresholds: [1] }, monetary: { kind: 'fixed', thresholds: [150, 500, 1000] } };
    const r = rfm(cols, day, AS_OF, config);
    // a: 6 days -> R5, 2 orders -> F2, 130 -> M1; b: 90 days -> R4, F2, 1199 -> M4; c: 913 days -> R1, F1, 300 -> M2.
    expect(r.cells[4][1][0]).toBe(1);
    expect(r.cells[3][1][3]).toBe(1);
    expect(r.cells[0][0][1]).toBe(1);
    expect(r.scored).toBe(3);
    expect(r.unscored).toBe(2);
    expect(r.perAxis.recency).toEqual([1, 0, 0, 1, 1]);
    expect(r.rfAvgMonetary[3][1]).toBe(1199);
  });
  it('refuses bad bins with words', () => {
    expect(checkRfmConfig({ ...DEFAULT_RFM, frequency: { kind: 'fixed', thresholds: [3, 2] } })[0]).toMatch(/must increase/);
    expect(checkRfmConfig({ ...DEFAULT_RFM, monetary: { kind: 'quantile', bins: 7 } })[0]).toMatch(/2 to 5/);
    expect(checkRfmConfig({ ...DEFAULT_RFM, windowDays: -5 })[0]).toMatch(/window/);
    expect(() => rfm(cols, day, AS_OF, { ...DEFAULT_RFM, windowDays: 0 })).toThrow(/RFM: the window/);
  });
});

describe('quantile bins', () => {
  it('split distinct values into equal bins', () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    const t = rfmThresholds(values, new Uint8Array(10).fill(1), { kind: 'quantile', bins: 5 });
    expect(t).toEqual([2, 4, 6, 8]);
    expect([...values].map((v) => scoreOf('monetary', v, t))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([...values].map((v) => scoreOf('recency', v, t))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
  const values = fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 150 });
  it('equal values get equal scores, more is never worse, and scores stay in 1..n (property)', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 2, max: 5 }), (xs, bins) => {
        const v = { recency: Int32Array.from(xs), frequency: Uint32Array.from(xs.map((x) => x + 1)), monetary: Float64Array.from(xs.map((x) => x * 3.5)) };
        const s = rfmScores(v, { windowDays: null, recency: { kind: 'quantile', bins }, frequency: { kind: 'quantile', bins }, monetary: { kind: 'quantile', bins } });
        for (let i = 0; i < xs.length; i++) {
          for (const arr of [s.r, s.f, s.m]) expect(arr[i] >= 1 && arr[i] <= bins).toBe(true);
          for (let j = 0; j < xs.length; j++) {
            if (xs[i] === xs[j]) expect([s.r[i], s.f[i], s.m[i]]).toEqual([s.r[j], s.f[j], s.m[j]]);
            if (xs[i] < xs[j]) {
              expect(s.f[i]).toBeLessThanOrEqual(s.f[j]);
              expect(s.m[i]).toBeLessThanOrEqual(s.m[j]);
              expect(s.r[i]).toBeGreaterThanOrEqual(s.r[j]); // more days since = less recent
            }
          }
        }
        // With distinct values, each bin holds about 1/n of the members.
        if (new Set(xs).size === xs.length && xs.length >= bins) {
          const per = new Array(bins).fill(0);
          for (const x of s.m) per[x - 1]++;
          for (const n of per) expect(Math.abs(n - xs.length / bins)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
