import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber } from '../time';
import { assignStages, NO_STAGE, stageCounts, stageDefinitions } from './lifecycle';
import { FLOW_STATES, flows, monthEnds, stageFlows } from './flows';
import { lifecycleFromPreset } from './presets';
import { columns, member, sale } from './testMembers';

const I = 0, G = 1, M = 2, D = 3, C = 4, N = NO_STAGE;

describe('flows between two days', () => {
  it('counts hand-computed transitions', () => {
    const a = Uint8Array.from([I, I, G, G, M, D, N]);
    const b = Uint8Array.from([G, I, M, D, M, C, I]);
    const f = flows(a, b);
    expect(FLOW_STATES).toEqual(['introduction', 'growth', 'maturity', 'dormant', 'churned', 'none']);
    expect(f[I]).toEqual([1, 1, 0, 0, 0, 0]);
    expect(f[G]).toEqual([0, 0, 1, 1, 0, 0]);
    expect(f[M]).toEqual([0, 0, 1, 0, 0, 0]);
    expect(f[D]).toEqual([0, 0, 0, 0, 1, 0]);
    expect(f[5]).toEqual([1, 0, 0, 0, 0, 0]);
  });
  it('refuses days over different members', () => {
    expect(() => flows(new Uint8Array(2), new Uint8Array(3))).toThrow(/different members/);
  });

  const code = fc.constantFrom(I, G, M, D, C, N);
  it('conserve members: row sums = counts on the first day, column sums = counts on the second (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(code, code), { maxLength: 200 }), (pairs) => {
        const a = Uint8Array.from(pairs.map((p) => p[0]));
        const b = Uint8Array.from(pairs.map((p) => p[1]));
        const r = stageFlows('x', 'y', a, b);
        const rows = r.matrix.map((row) => row.reduce((s, x) => s + x, 0));
        const colsum = r.states.map((_, j) => r.matrix.reduce((s, row) => s + row[j], 0));
        expect(rows).toEqual(r.countsFrom.map((c) => c.count));
        expect(colsum).toEqual(r.countsTo.map((c) => c.count));
        // Staying put is the diagonal: members whose code did not change.
        const same = pairs.filter(([x, y]) => x === y).length;
        expect(r.matrix.reduce((s, row, i) => s + row[i], 0)).toBe(same);
      }),
    );
  });

  it('over real stage assignments as of two days (time travel)', () => {
    const cols = columns([
      member('a', [sale('a', '2026-03-01')]),
      member('b', [sale('b', '2026-03-01'), sale('b', '2026-05-01'), sale('b', '2026-09-01')]),
      member('c', [sale('c', '2026-09-20')], '2026-09-20T00:00:00'),
      member('d', []),
    ]);
    const defs = stageDefinitions(lifecycleFromPreset('food'));
    const a = assignStages(cols, defs, dayNumber('2026-04-30'));
    const b = assignStages(cols, defs, dayNumber('2026-10-31'));
    // a: growth -> churned (244 days silent); b: growth -> maturity; c: not yet a member -> growth; d: introduction throughout.
    const f = flows(a, b);
    expect(f[G][C]).toBe(1);
    expect(f[G][M]).toBe(1);
    expect(f[5][G]).toBe(1);
    expect(f[I][I]).toBe(1);
    expect(stageCounts(b).map((x) => x.count)).toEqual([1, 1, 1, 0, 1, 0]);
  });
});

describe('monthEnds', () => {
  it('gives the last day of each month, ending with as-of', () => {
    expect(monthEnds('2026-03-15', 4)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-15']);
    expect(monthEnds('2024-03-31', 2)).toEqual(['2024-02-29', '2024-03-31']);
  });
});
