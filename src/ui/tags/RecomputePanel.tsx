import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../core/jobs';
import type { Workspace } from '../../core/model';
import { evaluationDay, localDate } from '../../core/tags/recompute';
import type { JobHandle } from '../../engine/job';
import type { TagsResult } from '../../engine/engineClient';
import { runEvaluation, useTagRecompute } from '../../app/tagRecompute';
import { isCancellation } from '../../app/workspaceActions';
import { Button, ErrorBox, formatDate, formatNumber, ProgressBar, useLocale } from '../kit';

export type Preview = { day: string; counts: Record<string, number> };

function PhaseLine({ p }: { p: Progress | null }) {
  const { t } = useTranslation();
  const phase = p?.phase ?? 'start';
  return (
    <div className="tags-progress">
      <span className="small">{t(`tags.recompute.phase.${phase}`, { defaultValue: phase })}</span>
      <ProgressBar done={p?.done ?? 0} total={p && p.phase !== 'evaluate' && p.phase !== 'write' ? p.total : 0} />
    </div>
  );
}

/**
 * "Recompute now" (written, as of the evaluation day) with progress and cancel, what the last
 * run did, and a time-travel preview: every automated tag as of another day, not written.
 */
export function RecomputePanel({ workspace, canWrite, onPreview }: { workspace: Workspace; canWrite: boolean; onPreview: (p: Preview | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { running, last, error } = useTagRecompute();
  const day = evaluationDay(workspace, localDate(new Date()));
  const [previewDay, setPreviewDay] = useState(workspace.asOf);
  const [previewing, setPreviewing] = useState<{ day: string; progress: Progress | null } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const handle = useRef<JobHandle<TagsResult> | null>(null);
  const mine = running?.workspaceId === workspace.id ? running : null;
  const lastHere = last?.workspaceId === workspace.id ? last : null;

  const preview = async () => {
    if (!previewDay) return;
    setPreviewError(null);
    setPreviewing({ day: previewDay, progress: null });
    const { getEngine } = await import('../../engine/engineClient');
    const h = getEngine(workspace.id).startEvaluateTags({ asOf: previewDay, write: false }, (p) => setPreviewing((s) => (s ? { ...s, progress: p } : s)));
    handle.current = h;
    try {
      const r = await h.promise;
      onPreview({ day: previewDay, counts: r.counts });
    } catch (e) {
      if (!isCancellation(e)) setPreviewError(e);
    } finally {
      handle.current = null;
      setPreviewing(null);
    }
  };

  return (
    <section className="k-card tags-recompute" data-testid="tags-recompute">
      <div className="tags-recompute-row">
        <div className="tags-recompute-main">
          <h2>{t('tags.recompute.title')}</h2>
          <p className="k-muted small">{workspace.source.kind === 'empty' ? t('tags.kindHelp.dynamic') : t('tags.recompute.policy', { day: formatDate(workspace.asOf, locale) })}</p>
          {mine ? (
            <div data-testid="tags-recompute-running">
              <span>{t('tags.recompute.running', { day: formatDate(mine.asOf, locale) })} ({t(`tags.recompute.reason.${mine.reason}`)})</span>
              <PhaseLine p={mine.progress} />
            </div>
          ) : lastHere ? (
            <p className="small" data-testid="tags-recompute-last">
              {lastHere.cancelled
                ? t('tags.recompute.cancelled')
                : t('tags.recompute.done', { day: formatDate(lastHere.asOf, locale), added: formatNumber(lastHere.added, locale), removed: formatNumber(lastHere.removed, locale), ms: formatNumber(lastHere.ms, locale) })}
            </p>
          ) : null}
          {!canWrite ? <p className="k-muted small">{t('tags.recompute.readOnly')}</p> : null}
        </div>
        <div className="k-row">
          {mine ? (
            <Button data-testid="tags-recompute-cancel" onClick={() => mine.cancel()}>{t('tags.recompute.cancel')}</Button>
          ) : (
            <Button variant="primary" data-testid="tags-recompute-now" disabled={!canWrite || running !== null} onClick={() => void runEvaluation(workspace.id, day, 'manual')}>
              {t('tags.recompute.now')}
            </Button>
          )}
        </div>
      </div>
      <div className="tags-preview-row">
        <label className="tags-field tags-preview-field">
          <span>{t('tags.recompute.preview')}</span>
          <input className="k-input" type="date" data-testid="tags-preview-day" value={previewDay} onChange={(e) => setPreviewDay(e.target.value)} />
        </label>
        {previewing ? (
          <>
            <span className="small">{t('tags.recompute.previewing', { day: formatDate(previewing.day, locale) })}</span>
            <Button data-testid="tags-preview-cancel" onClick={() => handle.current?.cancel()}>{t('tags.recompute.cancel')}</Button>
          </>
        ) : (
          <>
            <Button data-testid="tags-preview-go" disabled={!previewDay} onClick={() => void preview()}>{t('tags.recompute.previewGo')}</Button>
            <Button variant="ghost" data-testid="tags-preview-clear" onClick={() => onPreview(null)}>{t('tags.recompute.previewClear')}</Button>
          </>
        )}
        <span className="k-muted small">{t('tags.recompute.previewHelp')}</span>
      </div>
      {previewing?.progress ? <PhaseLine p={previewing.progress} /> : null}
      {error ? <ErrorBox error={new Error(error)} title={t('tags.recompute.error')} testId="tags-recompute-error" /> : null}
      {previewError ? <ErrorBox error={previewError} testId="tags-preview-error" /> : null}
    </section>
  );
}
