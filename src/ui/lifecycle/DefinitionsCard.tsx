import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_PRESETS, type LifecyclePreset, type LifecycleSetting } from '../../core/model';
import { Button, ErrorBox, formatNumber, formatPercent, useLocale } from '../kit';
import { addStage, checkDraft, choosePreset, missingStages, moveStage, removeStage, setStageRule, setThresholds } from './lifecycleDraft';
import { StageRow } from './StageRow';
import type { StageCountsState } from './useStageCounts';

/** A number field that keeps what is typed and reports only whole, positive day counts. */
function DaysField({ label, value, disabled, testId, onDays }: { label: string; value: number; disabled: boolean; testId: string; onDays: (n: number) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <label className="lc-field">
      <span>{label}</span>
      <input
        className="k-input lc-days"
        type="number"
        inputMode="numeric"
        min={1}
        max={36500}
        step={1}
        data-testid={testId}
        disabled={disabled}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isInteger(n) && n > 0 && n <= 36500) onDays(n);
        }}
      />
    </label>
  );
}

export function DefinitionsCard({
  draft, onDraft, dirty, counts, canWrite, currency, saving, saveError, savedNote, onSave, onDiscard,
}: {
  draft: LifecycleSetting; onDraft: (d: LifecycleSetting) => void; dirty: boolean; counts: StageCountsState; canWrite: boolean; currency: string;
  saving: boolean; saveError: unknown; savedNote: boolean; onSave: () => void; onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<number | null>(null);
  const check = checkDraft(draft);
  const countOf = (stage: string) => counts.counts?.find((c) => c.stage === stage)?.count ?? null;
  const total = counts.counts?.reduce((s, c) => s + c.count, 0) ?? 0;
  const none = countOf('none');
  const custom = draft.preset === 'custom';
  const missing = missingStages(draft);
  return (
    <section className="k-card lc-card" data-testid="lifecycle-definitions">
      <div className="lc-card-head">
        <h2>{t('lifecycle.definitions.title')}</h2>
        <span className="k-muted small" data-testid="lifecycle-total">
          {counts.state === 'counting' ? t('lifecycle.counts.counting') : t('lifecycle.counts.total', { total: formatNumber(total, locale) })}
        </span>
      </div>
      <div className="lc-controls">
        <label className="lc-field">
          <span>{t('lifecycle.definitions.preset')}</span>
          <select className="k-input" data-testid="lifecycle-preset" value={draft.preset} disabled={!canWrite} onChange={(e) => onDraft(choosePreset(draft, e.target.value as LifecyclePreset))}>
            {LIFECYCLE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`lifecycle.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <DaysField label={t('lifecycle.definitions.active')} value={draft.activeDays} disabled={!canWrite || custom} testId="lifecycle-active-days" onDays={(n) => onDraft(setThresholds(draft, { activeDays: n }))} />
        <DaysField label={t('lifecycle.definitions.churn')} value={draft.churnDays} disabled={!canWrite || custom} testId="lifecycle-churn-days" onDays={(n) => onDraft(setThresholds(draft, { churnDays: n }))} />
      </div>
      <p className="k-muted small">{custom ? t('lifecycle.definitions.customHint') : t('lifecycle.definitions.order')}</p>
      {check.thresholdOrder ? <p className="lc-warn small">{t('lifecycle.definitions.thresholdOrder')}</p> : null}
      <ol className="lc-stages">
        {draft.stages.map((s, i) => (
          <StageRow
            key={`${s.stage}-${i}`}
            index={i}
            last={i === draft.stages.length - 1}
            stage={s.stage}
            rule={s.rule}
            count={countOf(s.stage)}
            total={total}
            counting={counts.state === 'counting'}
            issues={check.issues.filter((x) => x.index === i)}
            editing={editing === i}
            canWrite={canWrite}
            currency={currency}
            onEdit={(open) => setEditing(open ? i : null)}
            onRule={(text) => onDraft(setStageRule(draft, i, text))}
            onMove={(by) => {
              onDraft(moveStage(draft, i, by));
              setEditing(null);
            }}
            onRemove={() => {
              onDraft(removeStage(draft, i));
              setEditing(null);
            }}
          />
        ))}
        <li className="lc-stage lc-stage-none" data-testid="stage-row-none">
          <div className="lc-stage-head">
            <span className="lc-stage-order" />
            <strong className="lc-stage-name">{t('lifecycle.counts.none')}</strong>
            <span className="lc-stage-rule k-muted small">{t('lifecycle.flows.noneHelp')}</span>
            <span className={`lc-stage-count${counts.state === 'counting' ? ' stale' : ''}`} data-testid="stage-count-none">{none === null ? '—' : formatNumber(none, locale)}</span>
            <span className="lc-stage-share k-muted small">{none === null || !total ? '' : formatPercent(none / total, locale)}</span>
            <span />
          </div>
        </li>
      </ol>
      {missing.length && canWrite ? (
        <div className="k-row">
          {missing.map((s) => (
            <Button key={s} className="k-btn-sm" data-testid={`stage-add-${s}`} onClick={() => onDraft(addStage(draft, s as never))}>
              + {t(`rules.stage.${s}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {counts.state === 'error' && counts.error ? <ErrorBox error={counts.error} testId="lifecycle-count-error" /> : null}
      {saveError ? <ErrorBox error={saveError} testId="lifecycle-save-error" /> : null}
      <div className="lc-save k-row">
        {!canWrite ? <span className="k-muted small">{t('lifecycle.definitions.readOnly')}</span> : dirty ? <span className="lc-warn small" data-testid="lifecycle-unsaved">{t('lifecycle.definitions.unsaved')}</span> : savedNote ? <span className="k-success small" data-testid="lifecycle-saved">{t('lifecycle.definitions.saved')}</span> : null}
        <span className="lc-spacer" />
        <Button data-testid="lifecycle-discard" disabled={!dirty || saving} onClick={onDiscard}>
          {t('lifecycle.definitions.discard')}
        </Button>
        <Button variant="primary" data-testid="lifecycle-save" disabled={!canWrite || !dirty || !check.ok || saving} onClick={onSave}>
          {saving ? t('lifecycle.definitions.saving') : t('lifecycle.definitions.save')}
        </Button>
      </div>
    </section>
  );
}
