import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffJourneys } from '../../core/journey/diff';
import type { Journey, JourneyVersion } from '../../core/model';
import { useCanWrite } from '../../app/store';
import type { WorkspaceDB } from '../../storage/db';
import { listVersions, restoreVersion } from '../../storage/journeys';
import { listAudiences } from '../../storage/audiences';
import { Button, Dialog, ErrorBox, formatDateTime, useAsyncAction, useLocale } from '../kit';
import { DiffList } from './DiffList';
import './journeys.css';

/**
 * The published versions of a journey (newest first): each can be compared with the draft
 * (what publishing now would change) and restored into the draft. Opened from the Journeys list
 * and from the editor.
 */
export function VersionsDialog({ db, journey, onClose, onRestored }: { db: WorkspaceDB; journey: Journey; onClose: () => void; onRestored: (j: Journey) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCanWrite();
  const [versions, setVersions] = useState<JourneyVersion[] | null>(null);
  // The draft to compare with: the caller's copy (the editor's may be ahead of storage), then the restored one.
  const [draft, setDraft] = useState<Journey>(journey);
  useEffect(() => setDraft(journey), [journey]);
  const [audiences, setAudiences] = useState<ReadonlyMap<string, string>>(new Map());
  const [comparing, setComparing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [restored, setRestored] = useState<number | null>(null);
  const { pending: busy, error, setError, run } = useAsyncAction();

  const load = useCallback(() => {
    Promise.all([listVersions(db, journey.id), listAudiences(db)]).then(([vs, as]) => {
      setVersions(vs);
      setAudiences(new Map(as.map((a) => [a.id, a.name])));
    }, setError);
  }, [db, journey.id, setError]);
  useEffect(load, [load]);

  const restore = (revision: number) =>
    run(async () => {
      const j = await restoreVersion(db, journey.id, revision);
      setDraft(j);
      setConfirming(null);
      setRestored(revision);
      onRestored(j);
    });

  return (
    <Dialog
      open
      title={t('journeys.versions.title', { name: draft.name })}
      onClose={busy ? undefined : onClose}
      testId="journey-versions-dialog"
      actions={
        <Button onClick={onClose} disabled={busy} data-testid="versions-close">
          {t('journeys.versions.close')}
        </Button>
      }
    >
      {error ? <ErrorBox error={error} testId="versions-error" /> : null}
      {restored !== null ? (
        <p className="k-success" role="status" data-testid="versions-restored">
          {t('journeys.versions.restored', { n: restored })}
        </p>
      ) : null}
      {!versions ? <p className="k-muted">{t('journeys.versions.loading')}</p> : null}
      {versions?.length === 0 ? <p className="k-muted" data-testid="versions-empty">{t('journeys.versions.none')}</p> : null}
      {versions && versions.length > 0 ? (
        <ol className="jr-versions">
          {versions.map((v, i) => (
            <li key={v.id} className="jr-version" data-testid="version-row" data-revision={v.revision}>
              <div className="jr-version-head">
                <strong>{t('journeys.versions.revision', { n: v.revision })}</strong>
                {i === 0 ? <span className="k-chip">{t('journeys.versions.current')}</span> : null}
                <span className="k-muted small">{t('journeys.versions.publishedAt', { at: formatDateTime(v.publishedAt, locale) })}</span>
              </div>
              <p className={v.note ? 'jr-version-note' : 'k-muted small'}>{v.note || t('journeys.versions.noNote')}</p>
              <div className="k-row">
                <Button className="k-btn-sm" data-testid="version-compare" aria-expanded={comparing === v.revision} onClick={() => setComparing(comparing === v.revision ? null : v.revision)}>
                  {comparing === v.revision ? t('journeys.versions.hide') : t('journeys.versions.compare')}
                </Button>
                <Button className="k-btn-sm" disabled={!canWrite || busy} data-testid="version-restore" onClick={() => setConfirming(v.revision)}>
                  {t('journeys.versions.restore')}
                </Button>
              </div>
              {confirming === v.revision ? (
                <div className="jr-confirm" role="alertdialog" data-testid="version-restore-confirm">
                  <p>{t('journeys.versions.restoreConfirm', { n: v.revision })}</p>
                  <div className="k-row">
                    <Button className="k-btn-sm" disabled={busy} onClick={() => setConfirming(null)}>
                      {t('journeys.versions.cancel')}
                    </Button>
                    <Button className="k-btn-sm" variant="primary" disabled={busy} data-testid="version-restore-ok" onClick={() => void restore(v.revision)}>
                      {t('journeys.versions.restoreOk')}
                    </Button>
                  </div>
                </div>
              ) : null}
              {comparing === v.revision ? <DiffList diff={diffJourneys(v.journey, draft)} after={draft} audiences={audiences} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </Dialog>
  );
}
