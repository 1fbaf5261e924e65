import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorReportCsv, type IssueCode, type RowIssue } from '../../core/import';
import type { ImportCounts, StageSummary } from '../../engine/importClient';
import { Button, formatNumber, useLocale } from '../kit';

/** Download the rows that could not be imported, with why, as a CSV the person can fix from. */
export function ErrorReportButton({ issues, fileName }: { issues: RowIssue[]; fileName: string }) {
  const { t } = useTranslation();
  const download = () => {
    const csv = errorReportCsv(issues, (code: IssueCode) => t(`import.reason.${code}`));
    // The BOM makes Excel open the UTF-8 report (Chinese reasons) correctly.
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName.replace(/\.(csv)?(\.gz)?$/i, '')}-errors.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Button data-testid="import-error-report" onClick={download} disabled={issues.length === 0}>
      {t('import.downloadReport')}
    </Button>
  );
}

function Figure({ label, value, testId, note }: { label: string; value: number; testId?: string; note?: ReactNode }) {
  const locale = useLocale();
  return (
    <div className="imp-figure">
      <span className="imp-figure-label">{label}</span>
      <strong className="imp-figure-value" data-testid={testId}>
        {formatNumber(value, locale)}
      </strong>
      {note ? <span className="k-muted small">{note}</span> : null}
    </div>
  );
}

/** Staging found bad rows: how many, the report, and the choice to import the valid orders or stop. */
export function ReviewPanel({ summary, fileName, onImport, onCancel }: { summary: StageSummary; fileName: string; onImport: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="k-card imp-panel" data-testid="import-review">
      <h2 className="imp-h2">{t('import.review.title')}</h2>
      <div className="imp-figures">
        <Figure label={t('import.errorsCount')} value={summary.errorRows} testId="import-count-errors" />
        <Figure label={t('import.result.skipped')} value={summary.skippedRows} />
        <Figure label={t('import.review.validOrders')} value={summary.orders} testId="import-valid-orders" />
      </div>
      <p>{t('import.review.body', { errors: summary.errorRows, skipped: summary.skippedRows, orders: summary.orders })}</p>
      {summary.orders === 0 ? <p data-testid="import-nothing-valid">{t('import.review.nothingValid')}</p> : null}
      <div className="k-row">
        <ErrorReportButton issues={summary.issues} fileName={fileName} />
        {summary.orders > 0 ? (
          <Button variant="primary" data-testid="import-valid" onClick={onImport}>
            {t('import.review.importValid', { orders: summary.orders })}
          </Button>
        ) : null}
        <Button data-testid="import-cancel" onClick={onCancel}>
          {t('import.cancel')}
        </Button>
      </div>
    </section>
  );
}

/** What was written. */
export function ResultPanel({ counts, summary, fileName, actions }: { counts: ImportCounts; summary: StageSummary; fileName: string; actions: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="k-card imp-panel" data-testid="import-result">
      <h2 className="imp-h2">{t('import.result.title')}</h2>
      <div className="imp-figures">
        <Figure label={t('import.result.orders')} value={counts.orders} testId="import-count-orders" />
        <Figure label={t('import.result.refunds')} value={counts.refunds} testId="import-count-refunds" />
        <Figure label={t('import.result.members')} value={counts.members} testId="import-count-members" note={t('import.result.membersNew', { n: counts.membersNew })} />
        <Figure label={t('import.result.guests')} value={counts.guestOrders} testId="import-count-guests" />
        <Figure label={t('import.result.products')} value={counts.products} />
        <Figure label={t('import.result.duplicates')} value={counts.duplicates} testId="import-count-duplicates" />
        <Figure label={t('import.result.errors')} value={summary.errorRows} testId="import-count-errors" />
      </div>
      <div className="k-row">
        {summary.issues.length ? <ErrorReportButton issues={summary.issues} fileName={fileName} /> : null}
        {actions}
      </div>
    </section>
  );
}
