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

/**
 * Where each list was left (per workspace, table and query), so coming back from a member
 * page lands on the same page. Least recently used entries go first beyond `limit`.
 */
export function createCursorMemory(limit = 20) {
  const entries = new Map<string, CursorStack<unknown>>();
  return {
    recall<C>(key: string | undefined): CursorStack<C> {
      const s = key ? entries.get(key) : undefined;
      return (s as CursorStack<C> | undefined) ?? firstPage<C>();
    },
    remember<C>(key: string | undefined, s: CursorStack<C>): void {
      if (!key) return;
      entries.delete(key);
      entries.set(key, s);
      while (entries.size > limit) entries.delete(entries.keys().next().value as string);
    },
    get size(): number {
      return entries.size;
    },
  };
}
