import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InternTable } from './intern';

describe('InternTable (checked against a Map)', () => {
  it('gives each distinct (tag, string) one dense integer, whatever the growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 6 })), { maxLength: 400 }), (pairs) => {
        const t = new InternTable(2);
        const ref = new Map<string, number>();
        for (const [tag, s] of pairs) {
          const k = `${tag}\u0000${s}`;
          const n = t.intern(tag, s);
          expect(t.added).toBe(!ref.has(k));
          if (!ref.has(k)) ref.set(k, ref.size);
          expect(n).toBe(ref.get(k));
          expect([t.tag(n), t.key(n)]).toEqual([tag, s]);
        }
        expect(t.size).toBe(ref.size);
        for (const [k, n] of ref) {
          const [tag, s] = k.split('\u0000');
          expect(t.find(Number(tag), s)).toBe(n);
        }
        expect(t.find(9, 'never')).toBe(-1);
      }),
    );
  });
});
