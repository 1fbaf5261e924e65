import { useCallback } from 'react';
import { ErrorBox, Pager, SearchBox, Table, usePagedRows, type Column, type Page } from '../kit';

export const PAGE_SIZE = 50;

/**
 * One table of a workspace, read a page at a time by keyset (never all rows), with a
 * debounced search box. `fetch` gets the search text and the cursor to read after.
 */
export function PagedTab<R, C>({
  query,
  onQuery,
  fetch,
  columns,
  rowKey,
  rowTestId,
  tableTestId,
  placeholder,
  onRowClick,
  memoryKey,
}: {
  query: string;
  onQuery: (q: string) => void;
  fetch: (query: string, after: C | null) => Promise<Page<R, C>>;
  columns: Column<R>[];
  rowKey: (r: R) => string;
  rowTestId: string;
  tableTestId: string;
  placeholder: string;
  onRowClick?: (r: R) => void;
  /** Remembers the page per list and query, for coming back from a member page. */
  memoryKey: string;
}) {
  const fetchPage = useCallback((after: C | null) => fetch(query, after), [fetch, query]);
  const paged = usePagedRows<R, C>(fetchPage, `${memoryKey}|${query}`);
  return (
    <div className="paged">
      <div className="paged-tools">
        <SearchBox value={query} onChange={onQuery} placeholder={placeholder} />
        <Pager page={paged.page} canPrev={paged.canPrev} canNext={paged.canNext} onPrev={paged.prev} onNext={paged.next} />
      </div>
      {paged.error ? <ErrorBox error={paged.error} /> : null}
      <Table
        columns={columns}
        rows={paged.rows}
        rowKey={rowKey}
        rowTestId={rowTestId}
        testId={tableTestId}
        loading={paged.loading}
        onRowClick={onRowClick}
      />
    </div>
  );
}
