import { useEffect, useState } from 'react';
import { canGoBack, currentCursor, firstPage, goBack, goNext, pageIndex, type CursorStack } from './cursorStack';

export interface Page<R, C> {
  rows: R[];
  next: C | null | undefined;
}

/**
 * One page at a time from a keyset-paged repository call. `fetchPage` must be stable for a
 * given query (wrap it in useCallback); a new one starts again at the first page.
 */
export function usePagedRows<R, C>(fetchPage: ((after: C | null) => Promise<Page<R, C>>) | null) {
  const [stack, setStack] = useState<CursorStack<C>>(firstPage<C>);
  const [source, setSource] = useState(() => fetchPage);
  const [page, setPage] = useState<Page<R, C> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A new query (new fetchPage) resets to page one, during render rather than in an effect.
  if (source !== fetchPage) {
    setSource(() => fetchPage);
    setStack(firstPage<C>());
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
