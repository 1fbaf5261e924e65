import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_KINDS, type IdentityKind, type OneIdSettings } from '../../core/model';
import { DEFAULT_TRUST, trustTable, type Trust } from '../../core/oneid';
import { hintsOfKind, mergeHintsOfKind, readOneIdSettings, setTrust } from '../../storage/oneid';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { useAppStore, useCanWrite } from '../../app/store';
import { Button, ErrorBox } from '../kit';
import { enumLabel } from '../data/labels';
import './OneIdSection.css';

const CHOICES: Trust[] = ['merge', 'hint'];

/** Trust per kind of evidence (merge, or hint only) for the active workspace's OneID. */
export function OneIdSection() {
  const { t } = useTranslation();
  const { db } = useActiveWorkspace();
  const canWrite = useCanWrite();
  const [settings, setSettings] = useState<{ db: string; value: OneIdSettings } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** A kind just raised to merge, with the earlier hinted pairs it could merge now. */
  const [hinted, setHinted] = useState<{ kind: IdentityKind; count: number } | null>(null);

  useEffect(() => {
    if (!db) return;
    let live = true;
    readOneIdSettings(db)
      .then((value) => live && setSettings({ db: db.name, value }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [db]);

  if (!db) {
    return (
      <section className="k-card section" data-testid="settings-oneid">
        <h2>{t('settings.oneid.title')}</h2>
        <p className="k-muted">{t('settings.oneid.none')}</p>
      </section>
    );
  }
  const table = trustTable(settings?.db === db.name ? settings.value.trust : {});
  const choose = async (kind: IdentityKind, choice: Trust) => {
    try {
      const value = await setTrust(db, kind, choice, 'operator');
      setSettings({ db: db.name, value });
      setSaved(t('settings.oneid.saved', { kind: enumLabel(t, 'identityKind', kind), choice: t(`settings.oneid.${choice}`) }));
      const count = choice === 'merge' ? (await hintsOfKind(db, kind)).length : 0;
      setHinted(count > 0 ? { kind, count } : null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="k-card section" data-testid="settings-oneid">
      <h2>{t('settings.oneid.title')}</h2>
      <p className="k-muted">{t('settings.oneid.body')}</p>
      {error ? <ErrorBox error={error} /> : null}
      <table className="oneid-trust">
        <thead>
          <tr>
            <th>{t('settings.oneid.kind')}</th>
            <th>{t('settings.oneid.trust')}</th>
          </tr>
        </thead>
        <tbody>
          {IDENTITY_KINDS.map((kind) => (
            <tr key={kind} data-testid={`oneid-trust-${kind}`}>
              <td>{enumLabel(t, 'identityKind', kind)}</td>
              <td>
                <div className="k-row oneid-choices" role="radiogroup" aria-label={enumLabel(t, 'identityKind', kind)}>
                  {CHOICES.map((c) => (
                    <Button
                      key={c}
                      role="radio"
                      aria-checked={table[kind] === c}
                      variant={table[kind] === c ? 'primary' : 'secondary'}
                      disabled={!canWrite || table[kind] === c}
                      onClick={() => void choose(kind, c)}
                      data-testid={`oneid-trust-${kind}-${c}`}
                    >
                      {t(`settings.oneid.${c}`)}
                      {DEFAULT_TRUST[kind] === c ? <span className="k-muted small"> ({t('settings.oneid.defaultMark')})</span> : null}
                    </Button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {saved ? <p className="k-muted" role="status" data-testid="oneid-trust-saved">{saved}</p> : null}
      {hinted ? (
        <p className="k-row" data-testid="oneid-hinted">
          <span>{t('settings.oneid.hinted', { count: hinted.count, kind: enumLabel(t, 'identityKind', hinted.kind) })}</span>
          <Button
            variant="primary"
            disabled={!canWrite}
            data-testid="oneid-merge-hinted"
            onClick={() =>
              void mergeHintsOfKind(db, hinted.kind, 'operator').then(
                (r) => {
                  setSaved(t('settings.oneid.mergedHinted', { count: r.merged.length, kind: enumLabel(t, 'identityKind', hinted.kind) }));
                  setHinted(null);
                  useAppStore.getState().bumpData();
                },
                (e: unknown) => setError(e),
              )
            }
          >
            {t('settings.oneid.mergeHinted')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
