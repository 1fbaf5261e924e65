import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, useLocale } from '../kit';
import type { LiveCount } from './useLiveCount';

/** The live member count with its timing, and the as-of day it is computed for. */
/** `stale`: the rule being edited has problems, so the figure is the last valid rule's. */
export function CountCard({ live, stale, asOf, onAsOf }: { live: LiveCount; stale: boolean; asOf: string; onAsOf: (d: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = live.state === 'done' ? live.result : live.state === 'idle' ? null : live.last;
  return (
    <div className="k-card aud-count" aria-live="polite">
      <span className="aud-count-label">{t('audiences.count.label')}</span>
      <span className={`aud-count-value${live.state === 'counting' || stale ? ' stale' : ''}`} data-testid="audience-count" data-state={live.state}>
        {shown ? formatNumber(shown.count, locale) : '—'}
      </span>
      {shown ? (
        <span className="k-muted small" data-testid="audience-total">
          {t('audiences.count.of', { total: formatNumber(shown.total, locale), share: formatPercent(shown.total ? shown.count / shown.total : 0, locale) })}
        </span>
      ) : null}
      <span className="k-muted small" data-testid="audience-count-ms">
        {live.state === 'counting' ? t('audiences.count.counting') : live.state === 'done' ? t('audiences.count.ms', { ms: formatNumber(live.result.ms, locale) }) : '\u00a0'}
      </span>
      {live.state === 'error' ? (
        <p className="aud-count-error" role="alert" data-testid="audience-count-error">
          {t('audiences.count.error')}: {live.error.message}
        </p>
      ) : null}
      <label className="aud-field aud-asof">
        <span>{t('audiences.editor.asOf')}</span>
        <input className="k-input" type="date" data-testid="audience-asof" value={asOf} onChange={(e) => onAsOf(e.target.value)} />
        <span className="k-muted small">{t('audiences.editor.asOfHelp')}</span>
      </label>
    </div>
  );
}
