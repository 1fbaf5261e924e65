import { useTranslation } from 'react-i18next';

/** Share done of a job; an unknown total shows an indeterminate bar. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  const known = total > 0;
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <div className="k-progress">
      <div
        className={`k-progress-track${known ? '' : ' k-progress-indeterminate'}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? percent : undefined}
      >
        <div className="k-progress-fill" style={{ width: known ? `${percent}%` : undefined }} />
      </div>
      <span className="k-progress-label" data-testid="progress-percent">
        {known ? t('kit.progress', { percent }) : ''}
      </span>
    </div>
  );
}
