/**
 * Keyset paging moves forward with the cursor the repository hands back; going back needs
 * the cursors of the pages already seen. This keeps them as a stack: the top is the cursor
 * the current page started after (null for the first page).
 */
export interface CursorStack<C> {
  /** starts[i] = the `after` cursor page i was read with. */
  starts: (C | null)[];
}

export function firstPage<C>(): CursorStack<C> {
  return { starts: [null] };
}

/** The cursor to read the current page with. */
export function currentCursor<C>(s: CursorStack<C>): C | null {
  return s.starts[s.starts.length - 1];
}

/** 0-based number of the current page. */
export function pageIndex<C>(s: CursorStack<C>): number {
  return s.starts.length - 1;
}

export function canGoBack<C>(s: CursorStack<C>): boolean {
  return s.starts.length > 1;
}

/** Move to the next page; `next` is the cursor the repository returned with the current page. */
export function goNext<C>(s: CursorStack<C>, next: C | null | undefined): CursorStack<C> {
  if (next === null || next === undefined) return s;
  return { starts: [...s.starts, next] };
}

export function goBack<C>(s: CursorStack<C>): CursorStack<C> {
  if (!canGoBack(s)) return s;
  return { starts: s.starts.slice(0, -1) };
}
