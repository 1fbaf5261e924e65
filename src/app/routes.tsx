import { lazy } from 'react';

/**
 * Route pages load on demand so the first page's JavaScript stays small; heavy libraries
 * (@xyflow/react, echarts) must only ever be imported from inside these chunks.
 */
export const DataPage = lazy(() => import('../ui/data/DataPage').then((m) => ({ default: m.DataPage })));
export const MemberPage = lazy(() => import('../ui/data/MemberPage').then((m) => ({ default: m.MemberPage })));
export const ImportPage = lazy(() => import('../ui/import/ImportPage').then((m) => ({ default: m.ImportPage })));
export const SettingsPage = lazy(() => import('../ui/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
export const AudiencesPage = lazy(() => import('../ui/audiences/AudiencesPage').then((m) => ({ default: m.AudiencesPage })));
export const TagsPage = lazy(() => import('../ui/tags/TagsPage').then((m) => ({ default: m.TagsPage })));
export const LifecyclePage = lazy(() => import('../ui/lifecycle/LifecyclePage').then((m) => ({ default: m.LifecyclePage })));
export const AudienceTabs = lazy(() => import('../ui/lifecycle/AudienceTabs').then((m) => ({ default: m.AudienceTabs })));
export const JourneysPage = lazy(() => import('../ui/journeys/JourneysPage').then((m) => ({ default: m.JourneysPage })));
export const JourneyEditor = lazy(() => import('../ui/canvas/JourneyEditor').then((m) => ({ default: m.JourneyEditor })));
export const PlaceholderPage = lazy(() =>
  import('../ui/placeholders/PlaceholderPage').then((m) => ({ default: m.PlaceholderPage })),
);

/** The main navigation, in order. */
export const NAV = ['data', 'tags', 'audiences', 'journeys', 'analytics', 'settings'] as const;
export type NavKey = (typeof NAV)[number];
