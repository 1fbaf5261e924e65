import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { pwaStore, type PwaState } from './pwaState';
import { applyUpdate, dismissUpdate } from './registerSW';
import './pwa.css';

/** How long "Ready to work offline" stays up: a notice, not a question. */
const OFFLINE_NOTICE_MS = 6000;

const closeOfflineNotice = () => pwaStore.set({ offlineNoticeDone: true });

export function usePwaState(): PwaState {
  return useSyncExternalStore(pwaStore.subscribe, pwaStore.get, pwaStore.get);
}

/**
 * The service worker's two messages: a new version is waiting (Reload / Later), and, once,
 * the app has been cached for offline use. Mount once, anywhere inside the i18n provider.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const { updateAvailable, updateDismissed, offlineReady, offlineNoticeDone } = usePwaState();

  useEffect(() => {
    if (!offlineReady || offlineNoticeDone) return;
    const timer = setTimeout(closeOfflineNotice, OFFLINE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, offlineNoticeDone]);

  if (updateAvailable && !updateDismissed) {
    return (
      <div className="pwa-toast" role="alert" data-testid="update-available">
        <p>{t('pwa.update.message')}</p>
        <button type="button" className="pwa-primary" data-testid="update-reload" onClick={applyUpdate}>
          {t('pwa.update.reload')}
        </button>
        <button type="button" className="pwa-secondary" data-testid="update-later" onClick={() => dismissUpdate()}>
          {t('pwa.update.later')}
        </button>
      </div>
    );
  }
  if (offlineReady && !offlineNoticeDone) {
    return (
      <div className="pwa-toast" role="status" data-testid="offline-ready">
        <p>{t('pwa.offlineReady.message')}</p>
        <button
          type="button"
          className="pwa-secondary"
          data-testid="offline-ready-close"
          aria-label={t('pwa.offlineReady.close')}
          onClick={closeOfflineNotice}
        >
          ×
        </button>
      </div>
    );
  }
  return null;
}
