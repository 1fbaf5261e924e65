import { describe, expect, it } from 'vitest';
import { cumulative, hash3, Rng, scramble32, seed32 } from './prng';
import { dayOf, formatDateTime, formatDay } from './dates';

describe('Rng', () => {
  it('repeats its stream for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(xs);
  });

  it('draws uniform values in range with about the right mean', () => {
    const r = new Rng(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 50_000; i++) {
      const x = r.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 50_000).toBeCloseTo(0.5, 1);
    for (let i = 0; i < 1000; i++) {
      const k = r.range(3, 5);
      expect(k >= 3 && k <= 5 && Number.isInteger(k)).toBe(true);
    }
  });

  it('gamma, beta, poisson and exponential have their textbook means', () => {
    const r = new Rng(9);
    const mean = (f: () => number, n = 40_000) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += f();
      return s / n;
    };
    expect(mean(() => r.gamma(2.5, 3))).toBeCloseTo(7.5, 0);
    expect(mean(() => r.gamma(0.5, 2))).toBeCloseTo(1, 0);
    expect(mean(() => r.beta(2, 6))).toBeCloseTo(0.25, 1);
    expect(mean(() => r.poisson(1.5))).toBeCloseTo(1.5, 1);
    expect(mean(() => r.exponential(0.5))).toBeCloseTo(2, 0);
  });

  it('weighted picks follow the weights', () => {
    const r = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.weighted(cumulative([1, 3, 6]))]++;
    expect(counts[0] / 30_000).toBeCloseTo(0.1, 1);
    expect(counts[2] / 30_000).toBeCloseTo(0.6, 1);
  });
});

describe('hashing', () => {
  it('scramble32 never maps two indexes to one value (no accidental identity merges)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(scramble32(i, 0xdeadbeef));
    expect(seen.size).toBe(200_000);
  });

  it('hash3 and seed32 separate seeds, streams and indexes', () => {
    expect(hash3(1, 1, 5)).not.toBe(hash3(2, 1, 5));
    expect(hash3(1, 1, 5)).not.toBe(hash3(1, 2, 5));
    expect(hash3(1, 1, 5)).not.toBe(hash3(1, 1, 6));
    expect(seed32(1)).not.toBe(seed32(1 + 2 ** 32));
    expect(seed32(-1)).not.toBe(seed32(1));
  });
});

describe('dates', () => {
  it('formats day numbers and times as the model expects', () => {
    const d = dayOf('2024-02-29');
    expect(formatDay(d)).toBe('2024-02-29');
    expect(formatDay(d + 1)).toBe('2024-03-01');
    expect(formatDay(dayOf('1900-01-01'))).toBe('1900-01-01');
    expect(formatDateTime(d, 3600 * 20 + 61)).toBe('2024-02-29T20:01:01');
    expect(formatDateTime(d, 90_000)).toBe('2024-02-29T23:59:59');
  });
});
