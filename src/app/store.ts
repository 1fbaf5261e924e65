import { create } from 'zustand';
import type { Workspace } from '../core/model';
import type { WorkspaceEntry } from '../storage/db';

/** What the tab lock says about this tab (see src/storage/tabLock.ts). */
export type LockState = 'writer' | 'readonly' | 'waiting' | 'unsupported';

/**
 * Where start-up is: 'starting' until the lock and catalogue are read, 'generating' while the
 * first-run demo is built, 'ready' with a workspace, 'empty' with none, 'error' if storage failed.
 */
export type BootState = 'starting' | 'generating' | 'ready' | 'empty' | 'error';

export type JobKind = 'demo' | 'exportWorkspace' | 'importWorkspace';

/** A long job in progress, shown with its phase and a cancel button. */
export interface JobInfo {
  id: string;
  kind: JobKind;
  phase: string;
  done: number;
  total: number;
  cancel: () => void;
  /** Hidden to the header's job indicator so the person can keep working meanwhile. */
  background?: boolean;
}

export interface AppState {
  boot: BootState;
  bootError: string | null;
  /** Why the last first-run demo failed; shown above the "no workspace" choices. */
  demoError: string | null;
  workspaceId: string | null;
  workspace: Workspace | null;
  workspaces: WorkspaceEntry[];
  lock: LockState;
  /** "Stay read-only" hides the banner until the lock changes again or the badge is tapped. */
  lockBannerDismissed: boolean;
  online: boolean;
  jobs: JobInfo[];
  /** Bumped whenever workspace data changes (import, generation), so views re-read. */
  dataVersion: number;

  setBoot(boot: BootState, error?: string | null): void;
  setWorkspace(id: string | null, workspace: Workspace | null): void;
  setWorkspaces(list: WorkspaceEntry[]): void;
  setLock(lock: LockState): void;
  setOnline(online: boolean): void;
  addJob(job: JobInfo): void;
  updateJob(id: string, patch: Partial<Pick<JobInfo, 'phase' | 'done' | 'total'>>): void;
  endJob(id: string): void;
  setJobBackground(id: string, background: boolean): void;
  bumpData(): void;
}

export const useAppStore = create<AppState>()((set) => ({
  boot: 'starting',
  bootError: null,
  demoError: null,
  workspaceId: null,
  workspace: null,
  workspaces: [],
  lock: 'waiting',
  lockBannerDismissed: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  jobs: [],
  dataVersion: 0,

  setBoot: (boot, error = null) => set({ boot, bootError: error }),
  setWorkspace: (workspaceId, workspace) => set((s) => ({ workspaceId, workspace, dataVersion: s.dataVersion + 1 })),
  setWorkspaces: (workspaces) => set({ workspaces }),
  setLock: (lock) => set((s) => (s.lock === lock ? {} : { lock, lockBannerDismissed: false })),
  setOnline: (online) => set({ online }),
  addJob: (job) => set((s) => ({ jobs: [...s.jobs, job] })),
  updateJob: (id, patch) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j)) })),
  endJob: (id) => set((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) })),
  setJobBackground: (id, background) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, background } : j)) })),
  bumpData: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
}));

/** Writing (import, generate, delete) is allowed only in the tab holding the lock. */
export function canWrite(lock: LockState): boolean {
  return lock === 'writer' || lock === 'unsupported';
}

export const useCanWrite = (): boolean => useAppStore((s) => canWrite(s.lock));
