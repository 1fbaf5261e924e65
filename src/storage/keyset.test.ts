import { describe, expect, it } from 'vitest';
import { runPhases, type Phase } from './keyset';

/** A phase over a sorted in-memory list, as an index scan would give it. */
function listPhase(name: string, items: string[], keep?: (s: string) => boolean): Phase<string> {
  const sorted = [...items].sort();
  return {
    name,
    scan: async (after, n) => sorted.filter((s) => !after || s > after[0]).slice(0, n).map((s) => ({ key: [s], row: s })),
    keep: keep && ((h) => keep(h.row)),
  };
}

async function pages(phases: Phase<string>[], limit: number, budget?: number): Promise<string[][]> {
  const out: string[][] = [];
  let after: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const p = await runPhases(phases, after, limit, budget);
    out.push(p.rows);
    if (!p.next) return out;
    after = p.next;
  }
  throw new Error('endless');
}

describe('keyset paging over phases', () => {
  it('runs phases in turn, dropping rows an earlier phase showed', async () => {
    const first = ['a1', 'a2', 'a3'];
    const phases = [listPhase('p1', first), listPhase('p2', ['a2', 'b1', 'b2', 'a3'], (s) => !first.includes(s))];
    expect(await pages(phases, 2)).toEqual([['a1', 'a2'], ['a3', 'b1'], ['b2']]);
  });

  it('a page that had to skip more rows than the budget comes back short, and paging still ends with every row', async () => {
    const many = Array.from({ length: 500 }, (_, i) => `x${String(i).padStart(4, '0')}`);
    const phases = [listPhase('p', [...many, 'y1', 'y2'], (s) => s.startsWith('y'))];
    const got = await pages(phases, 10, 100);
    expect(got.length).toBeGreaterThan(1);
    expect(got.flat()).toEqual(['y1', 'y2']);
  });

  it('clamps the limit and refuses a token naming an unknown phase', async () => {
    const p = await runPhases([listPhase('p', ['a', 'b'])], undefined, 0);
    expect(p.rows).toEqual(['a']);
    await expect(runPhases([listPhase('p', ['a'])], JSON.stringify(['zz', 'a']), 5)).rejects.toThrow(/unknown phase/);
  });
});
