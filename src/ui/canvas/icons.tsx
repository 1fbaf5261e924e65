import { memo } from 'react';
import type { IconName } from '../../core/journey/catalogue/types';

/** One small stroke icon per node type family (24×24, currentColor). */
const PATHS: Record<IconName, string> = {
  audience: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 5.5a3 3 0 0 1 0 5.5M18 14.5c1.8.8 3 2.8 3 5.5',
  event: 'M13 2 4 14h7l-1 8 9-12h-7z',
  schedule: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4M8 14h3v3H8z',
  wait: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  waitEvent: 'M12 21a9 9 0 1 1 9-9M12 7v5l3 2M17 15l-2 4h3l-2 4',
  split: 'M4 12h6M10 12l6-6h4M10 12l6 6h4',
  multiSplit: 'M4 12h5M9 12l7-7h4M9 12h11M9 12l7 7h4',
  random: 'M4 7h3l10 10h3M4 17h3l10-10h3M18 5l2 2-2 2M18 15l2 2-2 2',
  ab: 'M4 19 8 5l4 14M5.5 14h5M14 5h4a3 3 0 0 1 0 6h-4zM14 11h5a3 3 0 0 1 0 6h-5z',
  goal: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 12h.01',
  jump: 'M4 17c0-6 4-10 10-10h6M16 3l4 4-4 4',
  exit: 'M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  wecom: 'M4 5h16v11H9l-5 4zM8 10h.01M12 10h.01M16 10h.01',
  moments: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 3v9l7 5M12 12l-8 3',
  group: 'M8 10a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM16 10a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 18c0-2.8 2.2-5 5-5s5 2.2 5 5M11 18c0-2.8 2.2-5 5-5s5 2.2 5 5',
  oa: 'M4 4h16v12H4zM8 20h8M12 16v4M8 9l2 2 5-4',
  sms: 'M5 3h14v18H5zM9 7h6M9 11h6M9 15h3',
  coupon: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zM10 7v10',
  points: 'M12 3l2.6 5.4 5.9.8-4.3 4.1 1 5.9L12 16.4 6.8 19.2l1-5.9L3.5 9.2l5.9-.8z',
  draw: 'M4 10h16v10H4zM3 7h18v3H3zM12 7v13M12 7c-2-4-6-4-6-1s6 1 6 1 6 2 6-1-4-3-6 1',
  live: 'M3 6h13v12H3zM16 10l5-3v10l-5-3M8 10v4l3-2z',
  tag: 'M3 12V4h8l10 10-8 8zM7.5 8.5h.01',
  attribute: 'M4 6h10M4 12h16M4 18h7M17 4v4M14 16v4M17 10v4',
  guide: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4.4 3.6-8 8-8s8 3.6 8 8M12 13l-1 4 1 2 1-2z',
  webhook: 'M9 8a3 3 0 1 1 4 2.8L16 16M6 17a3 3 0 1 0 3-3h6M18 17a3 3 0 1 0-2.8-4',
  task: 'M6 3h12v18H6zM9 8l1.5 1.5L13 7M9 14h6M9 17h4',
};

export const NodeIcon = memo(function NodeIcon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" data-icon={name}>
      <path d={PATHS[name]} />
    </svg>
  );
});

export const ICON_NAMES = Object.keys(PATHS) as IconName[];

/** Toolbar glyphs (not node types). */
const TOOL_PATHS = {
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  delete: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  copy: 'M8 8h12v12H8zM4 16V4h12',
  paste: 'M8 4h8v3H8zM6 5H4v16h16V5h-2M8 12h8M8 16h5',
  duplicate: 'M8 8h12v12H8zM4 16V4h12M14 11v6M11 14h6',
  layout: 'M3 4h6v5H3zM15 4h6v5h-6zM9 15h6v5H9zM6 9v3h12V9M12 12v3',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  minimap: 'M3 5h18v14H3zM13 12h6v5h-6z',
  note: 'M5 4h14v10l-6 6H5zM13 20v-6h6',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .3-1.3-1.3L17 5l-3-1-1 2h-2l-1-2-3 1 .3 2L6 8.3 4 8l-1 3 2 1v0l-2 1 1 3 2-.3L7.3 17 7 19l3 1 1-2h2l1 2 3-1-.3-2 1.3-1.3 2 .3 1-3z',
  versions: 'M12 21a9 9 0 1 0-9-9M3 12l-1-3M3 12l3-1M12 7v5l3 2',
  present: 'M3 4h18v12H3zM12 16v4M8 20h8M10 8l5 2.5-5 2.5z',
  select: 'M4 4h4M12 4h4M20 4v4M20 12v4M16 20h4M8 20h4M4 16v4M4 8v4',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5',
  selectAll: 'M4 4h16v16H4zM8 12l3 3 5-6',
  controls: 'M12 5v14M5 12h14',
  export: 'M12 4v11M8 11l4 4 4-4M4 20h16',
  panel: 'M4 4h16v16H4zM9 4v16',
  close: 'M6 6l12 12M18 6 6 18',
  menu: 'M12 6h.01M12 12h.01M12 18h.01',
} as const;
export type ToolIconName = keyof typeof TOOL_PATHS;

export function ToolIcon({ name, size = 18 }: { name: ToolIconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={TOOL_PATHS[name]} />
    </svg>
  );
}
