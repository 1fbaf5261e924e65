import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRule, printRule, type Rule } from '../../core/rules';
import type { LifecycleIssue } from '../../core/metrics/lifecycle';
import { Button, formatNumber, formatPercent, useLocale } from '../kit';
import { RuleEditor } from '../rules/RuleEditor';

function parsed(text: string): Rule {
  try {
    return parseRule(text);
  } catch {
    return { k: 'true' };
  }
}

/** One stage: its name, live count and share, its rule (edited with the shared rule editor) and its place in the order. */
export function StageRow({
  index, last, stage, rule, count, total, counting, issues, editing, canWrite, currency, onEdit, onRule, onMove, onRemove,
}: {
  index: number; last: boolean; stage: string; rule: string; count: number | null; total: number; counting: boolean; issues: LifecycleIssue[]; editing: boolean; canWrite: boolean; currency: string;
  onEdit: (open: boolean) => void; onRule: (text: string) => void; onMove: (by: -1 | 1) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const value = useMemo(() => parsed(rule), [rule]);
  const share = count !== null && total ? count / total : 0;
  return (
    <li className={`lc-stage${issues.length ? ' invalid' : ''}`} data-testid={`stage-row-${stage}`}>
      <div className="lc-stage-head">
        <span className="lc-stage-order">{index + 1}</span>
        <strong className="lc-stage-name">{t(`rules.stage.${stage}`)}</strong>
        <code className="lc-stage-rule" title={rule} data-testid={`stage-rule-${stage}`}>{rule}</code>
        <span className={`lc-stage-count${counting ? ' stale' : ''}`} data-testid={`stage-count-${stage}`}>
          {count === null ? '—' : formatNumber(count, locale)}
        </span>
        <span className="lc-stage-share k-muted small">{count === null ? '' : formatPercent(share, locale)}</span>
        <div className="lc-stage-actions">
          <Button className="k-btn-sm" data-testid={`stage-edit-${stage}`} disabled={!canWrite} onClick={() => onEdit(!editing)}>
            {editing ? t('lifecycle.definitions.done') : t('lifecycle.definitions.edit')}
          </Button>
          <Button className="k-btn-sm" variant="ghost" aria-label={t('lifecycle.definitions.up')} title={t('lifecycle.definitions.up')} disabled={!canWrite || index === 0} onClick={() => onMove(-1)}>
            ↑
          </Button>
          <Button className="k-btn-sm" variant="ghost" aria-label={t('lifecycle.definitions.down')} title={t('lifecycle.definitions.down')} disabled={!canWrite || last} onClick={() => onMove(1)}>
            ↓
          </Button>
          <Button className="k-btn-sm" variant="ghost" aria-label={t('lifecycle.definitions.remove')} title={t('lifecycle.definitions.remove')} disabled={!canWrite || (index === 0 && last)} onClick={onRemove}>
            ✕
          </Button>
        </div>
      </div>
      <div className="lc-stage-bar" aria-hidden="true">
        <div style={{ width: `${Math.round(share * 1000) / 10}%` }} />
      </div>
      {editing ? (
        <div className="lc-stage-editor">
          <RuleEditor value={value} onChange={(r) => onRule(printRule(r))} context={{ audiences: [], tags: [], currency }} extraIssues={issues.map((i) => i.message)} />
        </div>
      ) : issues.length ? (
        <ul className="lc-issues" role="alert">
          {issues.map((i, k) => (
            <li key={k}>{i.message}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
