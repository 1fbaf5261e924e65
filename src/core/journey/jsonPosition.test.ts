import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './jsonPosition';

const parses = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it('finds where the text stops being JSON', () => {
    const cases: [string, number][] = [
      ['', 0],
      ['[1,]', 3],
      ['{"a":1,}', 7],
      ['{"a" 1}', 5],
      ['{a:1}', 1],
      ['[1 2]', 3],
      ['{"a":1', 6],
      ['"abc', 4],
      ['"a\\qb"', 3],
      ['"\\u12G4"', 3],
      ['01', 1],
      ['-', 1],
      ['tru', 0],
      ['[1]x', 3],
      ['{"a":[{"b":}]}', 11],
      ['"a\u0001"', 2],
    ];
    for (const [t, at] of cases) expect(jsonErrorOffset(t), JSON.stringify(t)).toBe(at);
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const text = fc.oneof(
      fc.json(),
      fc.json().map((j) => JSON.stringify(JSON.parse(j), null, '\t ')),
      fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom(',', ']', '}', ':', '"', 'x', ' ', '\\')).map(([j, k, c]) => j.slice(0, k % (j.length + 1)) + c + j.slice(k % (j.length + 1))),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(jsonErrorOffset(t) === null, t).toBe(parses(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('copes with deep nesting', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });
});
