import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthEnds } from '../../core/metrics/flows';
import type { LifecycleSetting } from '../../core/model';
import type { EngineClient } from '../../engine/engineClient';
import type { JobHandle } from '../../engine/job';
import type { TrendPoint } from '../../../workers/engine/lifecycleCalls';
import { Button, ErrorBox, ProgressBar } from '../kit';

const TrendChart = lazy(() => import('./TrendChart'));
const MONTHS = [6, 12, 24];

/** Stage counts at month ends: one pass per month in the worker, with progress and cancel. */
export function TrendCard({ engine, draft, asOf }: { engine: EngineClient; draft: LifecycleSetting | null; asOf: string }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState(12);
  const [points, setPoints] = useState<{ key: string; data: TrendPoint[] } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  const job = useRef<JobHandle<TrendPoint[]> | null>(null);
  const key = draft ? JSON.stringify([draft, months, asOf]) : null;

  const run = () => {
    if (!draft || !key) return;
    job.current?.cancel();
    setError(null);
    setCancelled(false);
    const dates = monthEnds(asOf, months);
    setProgress({ done: 0, total: dates.length });
    const h = engine.startStageTrend(dates, { lifecycle: draft }, (p) => setProgress({ done: p.done, total: p.total }));
    job.current = h;
    h.promise.then(
      (data) => {
        if (job.current !== h) return;
        setPoints({ key, data });
        setProgress(null);
      },
      (e: unknown) => {
        if (job.current !== h) return;
        setProgress(null);
        if ((e as Error)?.message === 'cancelled' || (e as Error)?.name === 'JobCancelled') setCancelled(true);
        else setError(e);
      },
    );
  };
  // The first trend is shown at once; later edits wait for the button (a pass per month).
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !draft) return;
    started.current = true;
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the draft is first valid
  }, [key]);
  useEffect(() => () => job.current?.cancel(), []);

  const stale = points !== null && points.key !== key;
  const stages = points ? points.data[0].counts.map((c) => c.stage).filter((s) => points.data.some((p) => p.counts.find((c) => c.stage === s)!.count > 0)) : [];
  return (
    <section className="k-card lc-card" data-testid="lifecycle-trend">
      <div className="lc-card-head">
        <div>
          <h2>{t('lifecycle.trend.title')}</h2>
          <p className="k-muted small">{t('lifecycle.trend.body')}</p>
        </div>
        <div className="k-row">
          <label className="lc-field lc-inline">
            <span>{t('lifecycle.trend.months')}</span>
            <select className="k-input" value={months} data-testid="trend-months" onChange={(e) => setMonths(Number(e.target.value))}>
              {MONTHS.map((m) => (
                <option key={m} value={m}>{m}</option>
              ))}
            </select>
          </label>
          <Button data-testid="trend-run" variant={stale ? 'primary' : 'secondary'} disabled={!draft || progress !== null} onClick={run}>
            {t('lifecycle.trend.run')}
          </Button>
        </div>
      </div>
      {progress ? (
        <div className="k-row lc-progress" data-testid="trend-progress">
          <span className="small">{t('lifecycle.trend.computing', { done: progress.done, total: progress.total })}</span>
          <ProgressBar done={progress.done} total={progress.total} />
          <Button className="k-btn-sm" onClick={() => job.current?.cancel()}>{t('lifecycle.trend.cancel')}</Button>
        </div>
      ) : null}
      {cancelled ? <p className="k-muted small">{t('lifecycle.trend.cancelled')}</p> : null}
      {error ? <ErrorBox error={error} testId="trend-error" /> : null}
      {points ? (
        <div className={stale ? 'lc-stale' : ''}>
          <Suspense fallback={<div className="lc-trend" />}>
            <TrendChart
              dates={points.data.map((p) => p.date)}
              series={stages.map((s) => ({ stage: s, label: s === 'none' ? t('lifecycle.counts.none') : t(`rules.stage.${s}`), counts: points.data.map((p) => p.counts.find((c) => c.stage === s)!.count) }))}
            />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
