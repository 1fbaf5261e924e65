import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';

const NAV = ['data', 'tags', 'audiences', 'journeys', 'analytics', 'settings'] as const;

export function App() {
  const { t } = useTranslation();
  return (
    <BrowserRouter>
      <div className="shell">
        <nav className="shell-nav">
          <strong>{t('shell.appName')}</strong>
          {NAV.map((n) => (
            <NavLink key={n} to={`/${n}`}>
              {t(`shell.nav.${n}`)}
            </NavLink>
          ))}
        </nav>
        <main className="shell-main">
          <Routes>
            <Route path="*" element={<p>{t('shell.loading')}</p>} />
          </Routes>
        </main>
      </div>
    </BrowserRouter>
  );
}
