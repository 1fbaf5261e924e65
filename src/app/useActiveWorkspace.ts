import { useMemo } from 'react';
import { openWorkspace } from '../storage/workspaces';
import type { WorkspaceDB } from '../storage/db';
import type { Workspace } from '../core/model';
import { useAppStore } from './store';

/** The active workspace's database (opened once per id) and its settings, or nulls. */
export function useActiveWorkspace(): { db: WorkspaceDB | null; workspace: Workspace | null; dataVersion: number } {
  const id = useAppStore((s) => s.workspaceId);
  const workspace = useAppStore((s) => s.workspace);
  const dataVersion = useAppStore((s) => s.dataVersion);
  const db = useMemo(() => (id ? openWorkspace(id) : null), [id]);
  return { db, workspace, dataVersion };
}
