import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../core/journey/text';
import type { PublishOutcome } from '../../storage/journeys';
import { Button, Dialog, ErrorBox, useAsyncAction, useLang } from '../kit';

/** Publishing: a note, then the outcome (the new revision and the result tags it created) or its issues. */
export function PublishDialog({ onPublish, onClose }: { onPublish: (note: string) => Promise<PublishOutcome>; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [note, setNote] = useState('');
  const { pending: busy, error, run } = useAsyncAction();
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  const go = () => run(async () => setOutcome(await onPublish(note.trim())));
  return (
    <Dialog
      open
      title={t('canvas.publish.title')}
      onClose={busy ? undefined : onClose}
      testId="publish-dialog"
      actions={
        outcome?.ok ? (
          <Button variant="primary" onClick={onClose} data-testid="publish-done">
            {t('canvas.publish.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('canvas.publish.cancel')}
            </Button>
            <Button variant="primary" onClick={() => void go()} disabled={busy} data-testid="publish-confirm">
              {busy ? t('canvas.publish.publishing') : t('canvas.publish.button')}
            </Button>
          </>
        )
      }
    >
      {outcome?.ok ? (
        <div data-testid="publish-ok">
          <p className="k-success">{t('canvas.publish.ok', { revision: outcome.version.revision })}</p>
          {outcome.createdTags.length ? <p>{t('canvas.publish.createdTags', { tags: outcome.createdTags.join(', ') })}</p> : null}
        </div>
      ) : (
        <>
          <p className="k-muted">{t('canvas.publish.help')}</p>
          <label className="cv-field">
            <span>{t('canvas.publish.note')}</span>
            <input className="k-input" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="publish-note" />
          </label>
          {outcome && !outcome.ok ? (
            <div className="k-error" role="alert" data-testid="publish-issues">
              <strong>{t('canvas.publish.refused')}</strong>
              <ul>
                {outcome.issues.map((i, k) => (
                  <li key={k}>{pick(i.message, lang)}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
      {error ? <ErrorBox error={error} testId="publish-error" /> : null}
    </Dialog>
  );
}
