import { useTranslation } from 'react-i18next';
import { useAppStore } from './store';
import { switchWorkspace } from './workspaceActions';
import { JobIndicator } from './JobDialog';
import { displayWorkspaceName } from './workspaceName';

function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const workspace = useAppStore((s) => s.workspace);
  const workspaces = useAppStore((s) => s.workspaces);
  const busy = useAppStore((s) => s.jobs.length > 0);
  if (!workspace) return <span className="hdr-ws-name k-muted">{t('shell.header.noWorkspace')}</span>;
  return (
    <label className="hdr-ws">
      <span className="sr-only">{t('shell.header.workspace')}</span>
      <span className="hdr-ws-name" data-testid="workspace-name" title={workspace.name}>
        {displayWorkspaceName(workspace.name, t)}
      </span>
      {workspaces.length > 1 ? <span className="hdr-ws-chevron" aria-hidden="true">▾</span> : null}
      {workspaces.length > 1 ? (
        <select
          className="hdr-ws-select"
          data-testid="workspace-switcher"
          aria-label={t('shell.header.workspace')}
          value={workspace.id}
          disabled={busy}
          onChange={(e) => void switchWorkspace(e.target.value)}
        >
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {displayWorkspaceName(w.name, t)}
            </option>
          ))}
        </select>
      ) : null}
    </label>
  );
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const zh = i18n.resolvedLanguage?.startsWith('zh') ?? false;
  return (
    <div className="seg" role="group" aria-label={t('shell.header.language')} data-testid="language-switcher">
      <button type="button" className={zh ? '' : 'on'} aria-pressed={!zh} data-testid="lang-en" onClick={() => void i18n.changeLanguage('en')}>
        EN
      </button>
      <button type="button" className={zh ? 'on' : ''} aria-pressed={zh} data-testid="lang-zh" lang="zh-CN" onClick={() => void i18n.changeLanguage('zh-CN')}>
        {t('shell.languages.zh')}
      </button>
    </div>
  );
}

function OnlineIndicator() {
  const { t } = useTranslation();
  const online = useAppStore((s) => s.online);
  return (
    <span
      className={`hdr-online ${online ? 'is-online' : 'is-offline'}`}
      data-testid="online-indicator"
      data-online={online}
      title={online ? t('shell.header.onlineHint') : t('shell.header.offlineHint')}
    >
      <span className="dot" aria-hidden="true" />
      <span className="hdr-online-text">{online ? t('shell.header.online') : t('shell.header.offline')}</span>
    </span>
  );
}

function ReadonlyBadge() {
  const { t } = useTranslation();
  const lock = useAppStore((s) => s.lock);
  if (lock !== 'readonly') return null;
  return (
    <button
      type="button"
      className="hdr-badge"
      title={t('shell.lock.readonlyHint')}
      data-testid="readonly-badge"
      onClick={() => useAppStore.setState({ lockBannerDismissed: false })}
    >
      {t('shell.lock.readonlyBadge')}
    </button>
  );
}

export function Header() {
  const { t } = useTranslation();
  return (
    <header className="hdr">
      <div className="hdr-brand">
        <span className="hdr-logo" aria-hidden="true" />
        <span className="hdr-app">{t('shell.appName')}</span>
      </div>
      <WorkspaceSwitcher />
      <div className="hdr-spacer" />
      <JobIndicator />
      <ReadonlyBadge />
      <OnlineIndicator />
      <LanguageSwitcher />
    </header>
  );
}
