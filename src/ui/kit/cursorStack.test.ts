import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canGoBack, createCursorMemory, currentCursor, firstPage, goBack, goNext, pageIndex } from './cursorStack';

describe('cursor stack', () => {
  it('starts on the first page with no cursor', () => {
    const s = firstPage<string>();
    expect(currentCursor(s)).toBeNull();
    expect(pageIndex(s)).toBe(0);
    expect(canGoBack(s)).toBe(false);
    expect(goBack(s)).toBe(s);
  });
  it('goes forward with the returned cursor and back to the previous one', () => {
    let s = firstPage<string>();
    s = goNext(s, 'M050');
    s = goNext(s, 'M100');
    expect(currentCursor(s)).toBe('M100');
    expect(pageIndex(s)).toBe(2);
    s = goBack(s);
    expect(currentCursor(s)).toBe('M050');
    s = goBack(s);
    expect(currentCursor(s)).toBeNull();
  });
  it('does not move past the last page', () => {
    const s = goNext(firstPage<string>(), 'a');
    expect(goNext(s, null)).toBe(s);
    expect(goNext(s, undefined)).toBe(s);
  });
  it('Next n times then Previous n times returns to the first page (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 30 }), (cursors) => {
        let s = firstPage<string>();
        for (const c of cursors) s = goNext(s, c);
        expect(pageIndex(s)).toBe(cursors.length);
        for (let i = cursors.length - 1; i >= 0; i--) {
          expect(currentCursor(s)).toBe(cursors[i]);
          s = goBack(s);
        }
        expect(currentCursor(s)).toBeNull();
      }),
    );
  });
});

describe('cursor memory', () => {
  it('gives back where a list was left, and the first page for a list never seen', () => {
    const m = createCursorMemory(3);
    const s = goNext(goNext(firstPage<string>(), 'a'), 'b');
    m.remember('ws|members|', s);
    expect(m.recall<string>('ws|members|')).toEqual(s);
    expect(m.recall<string>('ws|members|wang')).toEqual(firstPage());
    expect(m.recall<string>(undefined)).toEqual(firstPage());
  });
  it('forgets the least recently stored lists beyond its limit', () => {
    const m = createCursorMemory(2);
    m.remember('a', goNext(firstPage<string>(), '1'));
    m.remember('b', goNext(firstPage<string>(), '2'));
    m.remember('a', goNext(firstPage<string>(), '3')); // refreshes a
    m.remember('c', goNext(firstPage<string>(), '4'));
    expect(m.size).toBe(2);
    expect(currentCursor(m.recall<string>('b'))).toBeNull();
    expect(currentCursor(m.recall<string>('a'))).toBe('3');
    expect(currentCursor(m.recall<string>('c'))).toBe('4');
  });
});
