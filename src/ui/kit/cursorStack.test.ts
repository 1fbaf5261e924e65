import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canGoBack, currentCursor, firstPage, goBack, goNext, pageIndex } from './cursorStack';

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
