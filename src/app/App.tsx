import { useEffect } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Layout, RequireWorkspace } from './Layout';
import { AudiencesPage, AudienceTabs, DataPage, ImportPage, JourneyEditor, JourneysPage, LifecyclePage, MemberPage, PlaceholderPage, SettingsPage, TagsPage } from './routes';
import { startTagRecompute } from './tagRecompute';
import { EmptyState } from '../ui/kit';

function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('shell.notFound.title')} actions={<Link className="k-btn k-btn-primary" to="/data">{t('shell.notFound.back')}</Link>} />
  );
}

export function App() {
  // Automated tags follow data changes and the day, in the writer tab (tagRecompute.ts).
  useEffect(() => startTagRecompute(), []);
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/data" replace />} />
          <Route path="data" element={<RequireWorkspace><DataPage tab="members" /></RequireWorkspace>} />
          <Route path="data/orders" element={<RequireWorkspace><DataPage tab="orders" /></RequireWorkspace>} />
          <Route path="data/identities" element={<RequireWorkspace><DataPage tab="identities" /></RequireWorkspace>} />
          <Route path="data/members/:id" element={<RequireWorkspace><MemberPage /></RequireWorkspace>} />
          <Route path="data/import" element={<ImportPage />} />
          <Route path="tags" element={<RequireWorkspace><TagsPage /></RequireWorkspace>} />
          <Route path="audiences" element={<RequireWorkspace><AudienceTabs /></RequireWorkspace>}>
            <Route index element={<AudiencesPage />} />
            <Route path="lifecycle" element={<LifecyclePage />} />
          </Route>
          <Route path="journeys" element={<RequireWorkspace><JourneysPage /></RequireWorkspace>} />
          <Route path="journeys/:id" element={<RequireWorkspace><JourneyEditor /></RequireWorkspace>} />
          <Route path="analytics" element={<PlaceholderPage feature="analytics" />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
