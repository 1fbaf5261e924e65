import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface Column<R> {
  key: string;
  header: string;
  render: (row: R) => ReactNode;
  /** 'num' right-aligns figures. */
  align?: 'num';
}

/** A plain table over one page of rows; a row click opens what the row stands for. */
export function Table<R>({
  columns,
  rows,
  rowKey,
  onRowClick,
  rowTestId,
  testId,
  loading,
}: {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  onRowClick?: (row: R) => void;
  rowTestId?: string;
  testId?: string;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="k-table-wrap">
      <table className={`k-table${onRowClick ? ' k-table-clickable' : ''}`} data-testid={testId} aria-busy={loading || undefined}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.align === 'num' ? 'k-num' : undefined} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} data-testid={rowTestId} onClick={onRowClick ? () => onRowClick(r) : undefined}>
              {columns.map((c) => (
                <td key={c.key} className={c.align === 'num' ? 'k-num' : undefined}>
                  {c.render(r)}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr className="k-table-empty">
              <td colSpan={columns.length}>{loading ? t('kit.loading') : t('kit.noRows')}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({
  page,
  canPrev,
  canNext,
  onPrev,
  onNext,
}: {
  /** 0-based */
  page: number;
  canPrev: boolean;
  canNext: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="k-pager">
      <Button onClick={onPrev} disabled={!canPrev} data-testid="page-prev">
        ‹ {t('kit.previous')}
      </Button>
      <span className="k-muted" data-testid="page-number">
        {t('kit.page', { n: page + 1 })}
      </span>
      <Button onClick={onNext} disabled={!canNext} data-testid="page-next">
        {t('kit.next')} ›
      </Button>
    </div>
  );
}
