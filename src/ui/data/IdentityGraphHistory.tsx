import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OneIdHistoryEntry, OneIdSplit } from '../../core/model';
import type { WorkspaceDB } from '../../storage/db';
import { undoSplit } from '../../storage/oneid';
import { Button, ConfirmDialog, formatDateTime, useLocale } from '../kit';

/** Operator actions are recorded under this name until Meridian has user accounts. */
export const OPERATOR = 'operator';

function sentence(t: ReturnType<typeof useTranslation>['t'], e: OneIdHistoryEntry): string {
  const v = { into: e.into ?? '', from: e.from ?? '', evidence: e.evidence ?? '', profile: e.profileId ?? '', note: e.note };
  switch (e.action) {
    case 'merge':
      return t('data.oneid.entryMerge', v);
    case 'hint':
      return t('data.oneid.entryHint', v);
    case 'split':
      return t('data.oneid.entrySplit', v);
    case 'undo-split':
      return t('data.oneid.entryUndo', v);
    case 'trust':
      return t('data.oneid.entryTrust', v);
  }
}

/** A member's OneID history, newest first: who did what, when and why; splits in force can be undone. */
export function IdentityGraphHistory({
  db, history, splits, canWrite, onUndone, onError,
}: {
  db: WorkspaceDB;
  history: OneIdHistoryEntry[];
  splits: OneIdSplit[];
  canWrite: boolean;
  onUndone: (into: string) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [undoing, setUndoing] = useState<OneIdSplit | null>(null);
  const [busy, setBusy] = useState(false);
  const inForce = new Map(splits.map((s) => [s.historyId, s]));
  const undo = async (s: OneIdSplit) => {
    setBusy(true);
    try {
      await undoSplit(db, s.historyId, { by: OPERATOR });
      setUndoing(null);
      onUndone(s.fromMemberId);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="idg-history" data-testid="identity-history">
      <h3>{t('data.oneid.history')}</h3>
      {history.length === 0 ? <p className="k-muted">{t('data.oneid.noHistory')}</p> : null}
      <ul>
        {history.map((e) => {
          const split = e.action === 'split' ? inForce.get(e.id) : undefined;
          return (
            <li key={e.id} className="idg-entry" data-testid="identity-history-entry" data-action={e.action}>
              <div>
                <span className="k-chip">{t(`data.oneid.action.${e.action}`)}</span>
                {e.undoneBy ? <span className="k-chip k-muted">{t('data.oneid.undone')}</span> : null}{' '}
                <span>{sentence(t, e)}</span>
              </div>
              <div className="k-muted small">
                {formatDateTime(e.at, locale)} · {t('data.oneid.by', { by: e.by })}
                {e.moved ? ` · ${t('data.oneid.moved', { identities: e.moved.identities, orders: e.moved.orders })}` : ''}
                {e.note && e.action !== 'trust' ? ` · “${e.note}”` : ''}
              </div>
              {split ? (
                <Button disabled={!canWrite || busy} onClick={() => setUndoing(split)} data-testid="identity-undo">
                  {t('data.oneid.undo')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={undoing !== null}
        title={t('data.oneid.undoTitle')}
        confirmLabel={t('data.oneid.undo')}
        onConfirm={() => undoing && void undo(undoing)}
        onCancel={() => setUndoing(null)}
        testId="identity-undo-dialog"
      >
        {undoing ? <p>{t('data.oneid.undoBody', { member: undoing.memberId, into: undoing.fromMemberId })}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
