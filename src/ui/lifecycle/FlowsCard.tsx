import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageFlows } from '../../core/metrics/flows';
import type { LifecycleSetting } from '../../core/model';
import { dateOfDay, dayNumber } from '../../core/time';
import type { EngineClient } from '../../engine/engineClient';
import { ErrorBox, formatNumber, useLocale } from '../kit';

const FlowSankey = lazy(() => import('./FlowSankey'));

/** Flows between two as-of days (time travel), for the draft rules when they are valid. */
export function FlowsCard({ engine, draft, asOf }: { engine: EngineClient; draft: LifecycleSetting | null; asOf: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [from, setFrom] = useState(() => dateOfDay(dayNumber(asOf) - 90));
  const [to, setTo] = useState(asOf);
  const [flows, setFlows] = useState<StageFlows | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const key = draft ? JSON.stringify(draft) : null;
  useEffect(() => {
    if (!draft || !from || !to) return;
    const my = ++seq.current;
    setBusy(true);
    const timer = setTimeout(() => {
      engine.stageFlows({ from, to, lifecycle: draft }).then(
        (f) => {
          if (my !== seq.current) return;
          setFlows(f);
          setError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (my !== seq.current) return;
          setError(e);
          setBusy(false);
        },
      );
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the draft's content
  }, [engine, key, from, to]);

  const labels = Object.fromEntries((flows?.states ?? []).map((s) => [s, s === 'none' ? t('lifecycle.counts.none') : t(`rules.stage.${s}`)]));
  const total = flows ? flows.matrix.flat().reduce((s, x) => s + x, 0) : 0;
  const moved = flows ? total - flows.matrix.reduce((s, r, i) => s + r[i], 0) : 0;
  return (
    <section className="k-card lc-card" data-testid="lifecycle-flows">
      <div className="lc-card-head">
        <div>
          <h2>{t('lifecycle.flows.title')}</h2>
          <p className="k-muted small">{t('lifecycle.flows.body')}</p>
        </div>
        <div className="k-row">
          <label className="lc-field">
            <span>{t('lifecycle.flows.from')}</span>
            <input className="k-input" type="date" data-testid="flow-from" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="lc-field">
            <span>{t('lifecycle.flows.to')}</span>
            <input className="k-input" type="date" data-testid="flow-to" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
      </div>
      {error ? <ErrorBox error={error} testId="flow-error" /> : null}
      {flows ? (
        <div className={busy ? 'lc-stale' : ''}>
          <p className="small" data-testid="flow-moved">{t('lifecycle.flows.moved', { n: formatNumber(moved, locale) })}</p>
          {total === 0 ? (
            <p className="k-muted">{t('lifecycle.flows.empty')}</p>
          ) : (
            <div className="lc-flow-layout">
              <Suspense fallback={<div className="lc-sankey" />}>
                <FlowSankey states={flows.states} labels={labels} matrix={flows.matrix} fromLabel={flows.from} toLabel={flows.to} />
              </Suspense>
              <table className="lc-matrix" data-testid="flow-matrix" aria-label={t('lifecycle.flows.table')}>
                <thead>
                  <tr>
                    <th />
                    {flows.states.map((s) => (
                      <th key={s} scope="col">{labels[s]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {flows.matrix.map((row, i) => (
                    <tr key={flows.states[i]}>
                      <th scope="row">{labels[flows.states[i]]}</th>
                      {row.map((v, j) => (
                        <td key={j} className={i === j ? 'diag' : v ? 'moved' : ''} data-testid={`flow-${flows.states[i]}-${flows.states[j]}`}>
                          {v ? formatNumber(v, locale) : '·'}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : (
        <p className="k-muted">{t('lifecycle.counts.counting')}</p>
      )}
    </section>
  );
}
