import { Suspense, useEffect, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Header } from './Header';
import { NavIcon } from './NavIcon';
import { NAV } from './routes';
import { useAppStore } from './store';
import { TabLockBanner } from './TabLockBanner';
import { BootError, DemoProgressScreen, NoWorkspace } from './FirstRun';
import { JobDialog } from './JobDialog';
import { UpdatePrompt } from './pwa/UpdatePrompt';

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status">
      {t('shell.loading')}
    </div>
  );
}

function MainNav() {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('shell.nav.label')}>
      {NAV.map((n) => (
        <NavLink key={n} to={`/${n}`} className="nav-link" data-testid={`nav-${n}`} title={t(`shell.nav.${n}`)}>
          <NavIcon name={n} />
          <span className="nav-text">{t(`shell.nav.${n}`)}</span>
        </NavLink>
      ))}
    </nav>
  );
}

/** The window title names the section, so several Meridian tabs can be told apart. */
function useDocumentTitle(): void {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const key = NAV.find((n) => pathname === `/${n}` || pathname.startsWith(`/${n}/`));
  useEffect(() => {
    document.title = key ? `${t(`shell.nav.${key}`)} · ${t('shell.appName')}` : t('shell.appName');
  }, [key, t]);
}

/**
 * The frame of every page: header with workspace, language and network state; the main
 * navigation (a left column on wide screens, a row of icons on narrow ones); the read-only
 * banner; and the page.
 */
export function Layout() {
  const boot = useAppStore((s) => s.boot);
  useDocumentTitle();
  // The journey canvas wants the width: the navigation shrinks to its icons there.
  const onCanvas = useMatch('/journeys/:id') !== null;
  if (boot === 'generating') return <DemoProgressScreen />;
  return (
    <div className={onCanvas ? 'shell shell-compact' : 'shell'}>
      <Header />
      <MainNav />
      <main className="main">
        <TabLockBanner />
        {boot === 'starting' ? <Loading /> : boot === 'error' ? <BootError /> : (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        )}
      </main>
      <JobDialog />
      <UpdatePrompt />
    </div>
  );
}

/** Pages about a workspace's data need one; without it they show how to get one. */
export function RequireWorkspace({ children }: { children: ReactNode }) {
  const hasWorkspace = useAppStore((s) => s.workspace !== null);
  return hasWorkspace ? children : <NoWorkspace />;
}
