import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { persistenceState, requestPersistence, storageEstimate, type PersistenceState } from '../../storage/persist';
import { Button, ProgressBar, formatBytes, useLocale } from '../kit';

/** How much of the origin's quota the data takes, and whether the browser promised to keep it. */
export function StorageSection({ version }: { version: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null | undefined>(undefined);
  const [persist, setPersist] = useState<PersistenceState | null>(null);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    let live = true;
    void storageEstimate().then((e) => live && setEstimate(e));
    void persistenceState().then((p) => live && setPersist(p));
    return () => {
      live = false;
    };
  }, [version]);

  const keep = async () => {
    setAsked(true);
    setPersist(await requestPersistence());
  };

  return (
    <section className="k-card section" data-testid="settings-storage">
      <h2>{t('settings.storage.title')}</h2>
      <p className="k-muted">{t('settings.storage.body')}</p>
      <div data-testid="storage-usage" className="storage-usage">
        {estimate ? (
          <>
            <span>{t('settings.storage.usage', { usage: formatBytes(estimate.usage, locale), quota: formatBytes(estimate.quota, locale) })}</span>
            <ProgressBar done={estimate.usage} total={Math.max(estimate.quota, 1)} />
          </>
        ) : estimate === null ? (
          <span className="k-muted">{t('settings.storage.unknown')}</span>
        ) : null}
      </div>
      <p data-testid="persist-state" data-state={persist ?? ''}>
        {persist === 'granted'
          ? t('settings.storage.persisted')
          : persist === 'unsupported'
            ? t('settings.storage.unsupported')
            : persist === 'denied'
              ? t('settings.storage.notPersisted')
              : ''}
      </p>
      {persist === 'denied' && asked ? <p className="k-muted">{t('settings.storage.denied')}</p> : null}
      <Button
        variant={persist === 'granted' ? 'secondary' : 'primary'}
        data-testid="persist-button"
        disabled={persist === 'granted' || persist === 'unsupported'}
        onClick={() => void keep()}
      >
        {t('settings.storage.keep')}
      </Button>
    </section>
  );
}
