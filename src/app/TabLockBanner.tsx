import { useTranslation } from 'react-i18next';
import { Button } from '../ui/kit';
import { useAppStore } from './store';
import { tabLock } from './boot';

/**
 * One tab writes; others read. A tab that opens second, or a writer that lost the lock to a
 * "Take over here" elsewhere, says so and offers to take over.
 */
export function TabLockBanner() {
  const { t } = useTranslation();
  const lock = useAppStore((s) => s.lock);
  const dismissed = useAppStore((s) => s.lockBannerDismissed);
  if (lock !== 'readonly') return null;
  if (dismissed) return null;
  return (
    <div className="banner banner-warn" role="alert" data-testid="tab-readonly">
      <div className="banner-text">
        <strong>{t('shell.lock.readonly')}</strong>
        <span className="k-muted">{t('shell.lock.readonlyHint')}</span>
      </div>
      <div className="k-row">
        <Button variant="primary" data-testid="tab-takeover" onClick={() => tabLock()?.takeOver()}>
          {t('shell.lock.takeOver')}
        </Button>
        <Button data-testid="tab-stay-readonly" onClick={() => useAppStore.setState({ lockBannerDismissed: true })}>
          {t('shell.lock.stayReadonly')}
        </Button>
      </div>
    </div>
  );
}
