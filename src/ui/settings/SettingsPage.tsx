import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../app/Header';
import { useAppStore } from '../../app/store';
import { LifecycleSection } from './LifecycleSection';
import { OneIdSection } from './OneIdSection';
import { StorageSection } from './StorageSection';
import { WorkspaceFileSection } from './WorkspaceFileSection';
import { WorkspacesSection } from './WorkspacesSection';
import './settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  const version = useAppStore((s) => s.dataVersion);
  return (
    <div className="page settings" data-testid="settings-page">
      <h1 className="page-title">{t('settings.title')}</h1>
      <section className="k-card section" data-testid="settings-language">
        <div className="section-head">
          <div>
            <h2>{t('settings.language.title')}</h2>
            <p className="k-muted">{t('settings.language.body')}</p>
          </div>
          <LanguageSwitcher />
        </div>
      </section>
      <WorkspacesSection />
      <WorkspaceFileSection />
      <LifecycleSection />
      <OneIdSection />
      <StorageSection version={version} />
    </div>
  );
}
