import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RFM, RFM_AXES, checkRfmConfig, type RfmAxis, type RfmBins, type RfmConfig, type RfmResult } from '../../core/metrics/rfm';
import type { EngineClient } from '../../engine/engineClient';
import { ErrorBox, formatNumber, useLocale } from '../kit';

const WINDOWS: (number | null)[] = [90, 180, 365, 730, null];
const SCORES = [1, 2, 3, 4, 5];
/** Cut points offered when an axis switches to fixed thresholds (days, orders, currency units). */
const FIXED_START: Record<RfmAxis, string> = { recency: '30, 90, 180, 270', frequency: '1, 2, 4, 9', monetary: '200, 500, 1000, 2000' };

/** "30, 90, 180" -> numbers, or null when a part is not a number. */
export function parseThresholds(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  const nums = parts.map(Number);
  return parts.length && nums.every((n) => Number.isFinite(n)) ? nums : null;
}

function AxisBins({ axis, bins, onBins }: { axis: RfmAxis; bins: RfmBins; onBins: (b: RfmBins) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(bins.kind === 'fixed' ? bins.thresholds.join(', ') : FIXED_START[axis]);
  const [bad, setBad] = useState(false);
  return (
    <fieldset className="lc-axis" data-testid={`rfm-axis-${axis}`}>
      <legend>{t(`lifecycle.rfm.${axis}`)}</legend>
      <select className="k-input" value={bins.kind} data-testid={`rfm-kind-${axis}`} onChange={(e) => {
        if (e.target.value === 'quantile') onBins({ kind: 'quantile', bins: 5 });
        else onBins({ kind: 'fixed', thresholds: parseThresholds(text) ?? parseThresholds(FIXED_START[axis])! });
      }}>
        <option value="quantile">{t('lifecycle.rfm.quantile')}</option>
        <option value="fixed">{t('lifecycle.rfm.fixed')}</option>
      </select>
      {bins.kind === 'quantile' ? (
        <label className="lc-field lc-inline">
          <span>{t('lifecycle.rfm.bins')}</span>
          <select className="k-input" value={bins.bins} onChange={(e) => onBins({ kind: 'quantile', bins: Number(e.target.value) })}>
            {[2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      ) : (
        <label className="lc-field">
          <span>{t('lifecycle.rfm.thresholds')} <span className="k-muted small">({t('lifecycle.rfm.thresholdsHint')})</span></span>
          <input className="k-input" value={text} data-testid={`rfm-thresholds-${axis}`} aria-invalid={bad} onChange={(e) => {
            setText(e.target.value);
            const n = parseThresholds(e.target.value);
            setBad(!n);
            if (n) onBins({ kind: 'fixed', thresholds: n });
          }} />
          {bad ? <span className="lc-warn small">{t('lifecycle.rfm.badNumbers')}</span> : null}
        </label>
      )}
    </fieldset>
  );
}

/** RFM scores with configurable bins and the R×F grid of members (optionally for one M score). */
export function RfmCard({ engine, asOf, currency }: { engine: EngineClient; asOf: string; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [config, setConfig] = useState<RfmConfig>(DEFAULT_RFM);
  const [mScore, setMScore] = useState(0);
  const [result, setResult] = useState<RfmResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const problems = checkRfmConfig(config);
  const key = JSON.stringify(config);
  useEffect(() => {
    if (problems.length) return;
    const my = ++seq.current;
    const timer = setTimeout(() => {
      engine.rfm(config, { asOf }).then(
        (r) => my === seq.current && (setResult(r), setError(null)),
        (e: unknown) => my === seq.current && setError(e),
      );
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the config's content
  }, [engine, key, asOf]);

  const cell = (r: number, f: number) => (result ? (mScore ? result.cells[r - 1][f - 1][mScore - 1] : result.cells[r - 1][f - 1].reduce((s, x) => s + x, 0)) : 0);
  const max = result ? Math.max(1, ...SCORES.flatMap((r) => SCORES.map((f) => cell(r, f)))) : 1;
  return (
    <section className="k-card lc-card" data-testid="lifecycle-rfm">
      <div className="lc-card-head">
        <div>
          <h2>{t('lifecycle.rfm.title')}</h2>
          <p className="k-muted small">{t('lifecycle.rfm.body')}</p>
        </div>
        <label className="lc-field lc-inline">
          <span>{t('lifecycle.rfm.window')}</span>
          <select className="k-input" data-testid="rfm-window" value={config.windowDays ?? 'all'} onChange={(e) => setConfig({ ...config, windowDays: e.target.value === 'all' ? null : Number(e.target.value) })}>
            {WINDOWS.map((w) => (
              <option key={w ?? 'all'} value={w ?? 'all'}>{w === null ? t('lifecycle.rfm.allTime') : t('lifecycle.rfm.windowDays', { count: w })}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="lc-axes">
        {RFM_AXES.map((a) => <AxisBins key={a} axis={a} bins={config[a]} onBins={(b) => setConfig({ ...config, [a]: b })} />)}
      </div>
      {problems.length ? <ErrorBox error={new Error(problems.join('; '))} testId="rfm-problems" /> : null}
      {error ? <ErrorBox error={error} testId="rfm-error" /> : null}
      {result ? (
        <div className="lc-rfm">
          <div className="k-row">
            <span className="small" data-testid="rfm-scored">{t('lifecycle.rfm.scored', { scored: formatNumber(result.scored, locale), unscored: formatNumber(result.unscored, locale) })}</span>
            <span className="lc-spacer" />
            <label className="lc-field lc-inline">
              <span>{t('lifecycle.rfm.mFilter')}</span>
              <select className="k-input" value={mScore} data-testid="rfm-m" onChange={(e) => setMScore(Number(e.target.value))}>
                <option value={0}>{t('lifecycle.rfm.mAll')}</option>
                {SCORES.map((n) => <option key={n} value={n}>M{n}</option>)}
              </select>
            </label>
          </div>
          <table className="lc-rfm-grid" data-testid="rfm-grid" aria-label={t('lifecycle.rfm.grid')}>
            <thead>
              <tr>
                <th />
                {SCORES.map((f) => <th key={f} scope="col">{t('lifecycle.rfm.f', { n: f })}</th>)}
              </tr>
            </thead>
            <tbody>
              {[...SCORES].reverse().map((r) => (
                <tr key={r}>
                  <th scope="row">{t('lifecycle.rfm.r', { n: r })}</th>
                  {SCORES.map((f) => {
                    const n = cell(r, f);
                    const avg = result.rfAvgMonetary[r - 1][f - 1];
                    return (
                      <td key={f} data-testid={`rfm-cell-${r}-${f}`} style={{ background: n ? `rgba(31, 78, 121, ${0.08 + 0.6 * (n / max)})` : undefined, color: n / max > 0.6 ? '#fff' : undefined }}>
                        <strong>{n ? formatNumber(n, locale) : '·'}</strong>
                        {n && !mScore ? <span className="small">{t('lifecycle.rfm.avg', { value: `${formatNumber(Math.round(avg), locale)} ${currency}` })}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="lc-cuts k-muted small">
            {RFM_AXES.map((a) => <li key={a}>{t(`lifecycle.rfm.${a}`)}: {t('lifecycle.rfm.used', { values: result.thresholds[a].map((x) => formatNumber(x, locale)).join(' · ') || '—' })}</li>)}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
