import { useEffect, useState } from 'react';
import { canGoBack, createCursorMemory, currentCursor, goBack, goNext, pageIndex, type CursorStack } from './cursorStack';

export interface Page<R, C> {
  rows: R[];
  next: C | null | undefined;
}

const memory = createCursorMemory(20);
const recall = memory.recall;
const remember = memory.remember;

/**
 * One page at a time from a keyset-paged repository call. `fetchPage` must be stable for a
 * given query (wrap it in useCallback); a new one starts again at the first page (or where
 * the list under `memoryKey` was left).
 */
export function usePagedRows<R, C>(fetchPage: ((after: C | null) => Promise<Page<R, C>>) | null, memoryKey?: string) {
  const [stack, setStackState] = useState<CursorStack<C>>(() => recall<C>(memoryKey));
  const setStack = (next: CursorStack<C> | ((s: CursorStack<C>) => CursorStack<C>)) =>
    setStackState((s) => {
      const n = typeof next === 'function' ? next(s) : next;
      remember(memoryKey, n);
      return n;
    });
  const [source, setSource] = useState(() => fetchPage);
  const [page, setPage] = useState<Page<R, C> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A new query (new fetchPage) resets to page one, during render rather than in an effect.
  if (source !== fetchPage) {
    setSource(() => fetchPage);
    setStackState(recall<C>(memoryKey));
  }

  const after = currentCursor(stack);
  useEffect(() => {
    if (!fetchPage) return;
    let live = true;
    setLoading(true);
    fetchPage(after)
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [fetchPage, after]);

  return {
    rows: page?.rows ?? [],
    loading,
    error,
    page: pageIndex(stack),
    canPrev: canGoBack(stack) && !loading,
    canNext: page?.next != null && !loading,
    next: () => setStack((s) => (page ? goNext(s, page.next) : s)),
    prev: () => setStack((s) => goBack(s)),
  };
}
