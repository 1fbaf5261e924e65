import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { filtersFor, metric, METRICS, type NumExpr, type Window } from '../../core/rules';
import { withMetric } from './builderModel';
import { FILTER_CHOICES, FILTER_LABELS, splitValues } from './filterValues';

type MetricExpr = Extract<NumExpr, { k: 'metric' }>;

/** Metric select, its time window, the caller's comparison (children), then its filters. */
export function MeasureFields({ expr, onChange, children }: { expr: MetricExpr; onChange: (e: MetricExpr) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const def = metric(expr.name);
  const allowed = def ? filtersFor(def.source) : [];
  const setWindow = (w: Window) => onChange({ ...expr, window: w });
  return (
    <>
      <select
        className="k-input rule-metric"
        aria-label={t('rules.kind.measure')}
        data-testid="rule-metric"
        value={expr.name}
        title={def?.doc}
        onChange={(e) => onChange(withMetric(expr, e.target.value) as MetricExpr)}
      >
        {def ? null : <option value={expr.name}>{expr.name}</option>}
        {METRICS.map((m) => (
          <option key={m.name} value={m.name}>
            {t(`rules.metric.${m.name}`)}
          </option>
        ))}
      </select>
      {def?.windowed !== false ? <WindowFields window={expr.window} onChange={setWindow} /> : null}
      {/* The comparison sits right after "metric, window" so a row reads like the text form. */}
      {children}
      {expr.filters.map((f, i) => {
        const choices = FILTER_CHOICES[f.field];
        const setFilter = (field: string, values: string[]) =>
          onChange({ ...expr, filters: expr.filters.map((g, j) => (j === i ? { field, values } : g)) });
        return (
          <span className="rule-filter" key={i}>
            <select className="k-input" aria-label={t('rules.filter.field')} value={f.field} onChange={(e) => setFilter(e.target.value, FILTER_CHOICES[e.target.value] ? [FILTER_CHOICES[e.target.value][0]] : f.values)}>
              {allowed.map((a) => (
                <option key={a} value={a}>
                  {t(`rules.filter.${a}`)}
                </option>
              ))}
            </select>
            <span className="rule-eq">=</span>
            {choices && f.values.length === 1 ? (
              <select className="k-input" aria-label={t(`rules.filter.${f.field}`)} value={f.values[0]} onChange={(e) => setFilter(f.field, [e.target.value])}>
                {choices.map((c) => (
                  <option key={c} value={c}>
                    {t(`${FILTER_LABELS[f.field]}.${c}`, { defaultValue: c })}
                  </option>
                ))}
              </select>
            ) : (
              <input
                className="k-input rule-values"
                aria-label={t('rules.filter.values')}
                defaultValue={f.values.join(', ')}
                onBlur={(e) => {
                  const vs = splitValues(e.target.value);
                  if (vs.length) setFilter(f.field, vs);
                }}
              />
            )}
            <button type="button" className="k-btn k-btn-ghost k-btn-sm" aria-label={t('rules.group.remove')} onClick={() => onChange({ ...expr, filters: expr.filters.filter((_, j) => j !== i) })}>
              ×
            </button>
          </span>
        );
      })}
      {allowed.length ? (
        <button
          type="button"
          className="k-btn k-btn-ghost k-btn-sm"
          onClick={() => {
            const field = allowed[0];
            onChange({ ...expr, filters: [...expr.filters, { field, values: FILTER_CHOICES[field] ? [FILTER_CHOICES[field][0]] : ['?'] }] });
          }}
        >
          + {t('rules.filter.add')}
        </button>
      ) : null}
    </>
  );
}

const WINDOW_CHOICES = {
  all: (): Window => ({ kind: 'all' }),
  last: (): Window => ({ kind: 'last', days: 90 }),
  between: (): Window => ({ kind: 'between', from: '2024-01-01', to: '2024-12-31' }),
  since: (): Window => ({ kind: 'since', from: '2024-01-01' }),
  firstOrder: (): Window => ({ kind: 'anchored', anchor: 'first_order', days: 90 }),
  joinedWithin: (): Window => ({ kind: 'anchored', anchor: 'joined', days: 30 }),
  sinceJoined: (): Window => ({ kind: 'anchored', anchor: 'joined', days: null }),
};

function windowChoice(w: Window): keyof typeof WINDOW_CHOICES {
  if (w.kind !== 'anchored') return w.kind;
  if (w.anchor === 'first_order') return 'firstOrder';
  return w.days === null ? 'sinceJoined' : 'joinedWithin';
}

/** A whole number of days > 0, then the word 'days'. */
function DaysInput({ days, onDays }: { days: number; onDays: (days: number) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <input
        className="k-input rule-num"
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        aria-label={t('rules.window.days')}
        data-testid="rule-days"
        value={days}
        onChange={(e) => {
          const d = Math.floor(Number(e.target.value));
          if (d > 0) onDays(d);
        }}
      />
      <span>{t('rules.window.days')}</span>
    </>
  );
}

function WindowFields({ window: w, onChange }: { window: Window; onChange: (w: Window) => void }) {
  const { t } = useTranslation();
  return (
    <span className="rule-window">
      <select
        className="k-input"
        aria-label={t('rules.window.label')}
        data-testid="rule-window"
        value={windowChoice(w)}
        onChange={(e) => onChange(WINDOW_CHOICES[e.target.value as keyof typeof WINDOW_CHOICES]())}
      >
        <option value="all">{t('rules.window.all')}</option>
        <option value="last">{t('rules.window.last')}</option>
        <option value="between">{t('rules.window.between')}</option>
        <option value="since">{t('rules.window.since')}</option>
        <option value="firstOrder">{t('rules.window.firstOrder')}</option>
        <option value="joinedWithin">{t('rules.window.joinedWithin')}</option>
        <option value="sinceJoined">{t('rules.window.sinceJoined')}</option>
      </select>
      {w.kind === 'anchored' && w.days !== null ? <DaysInput days={w.days} onDays={(days) => onChange({ ...w, days })} /> : null}
      {w.kind === 'last' ? <DaysInput days={w.days} onDays={(days) => onChange({ kind: 'last', days })} /> : null}
      {w.kind === 'between' ? (
        <>
          <input className="k-input" type="date" aria-label={t('rules.window.from')} value={w.from} onChange={(e) => e.target.value && onChange({ ...w, from: e.target.value })} />
          <span>–</span>
          <input className="k-input" type="date" aria-label={t('rules.window.to')} value={w.to} onChange={(e) => e.target.value && onChange({ ...w, to: e.target.value })} />
        </>
      ) : null}
      {w.kind === 'since' ? (
        <input className="k-input" type="date" aria-label={t('rules.window.from')} data-testid="rule-since" value={w.from} onChange={(e) => e.target.value && onChange({ ...w, from: e.target.value })} />
      ) : null}
    </span>
  );
}
