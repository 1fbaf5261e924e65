import { createTabLock } from '../storage/tabLock';
import { requestPersistence } from '../storage/persist';
import { canWrite, useAppStore, type LockState } from './store';
import {
  CANCELLED, FIRST_RUN_DEMO, cleanupLeftovers, generateDemo, listenForOtherTabs, loadActiveWorkspace, withLoadError,
} from './workspaceActions';

type TabLock = ReturnType<typeof createTabLock>;
let lock: TabLock | null = null;
let booted = false;

/** The tab lock of this tab, for the read-only banner's "Take over here". */
export function tabLock(): TabLock | null {
  return lock;
}

/**
 * Start-up, once per page: watch the network, ask for the writer lock, and once the lock has
 * answered open the workspace. Only the writer cleans up interrupted builds (in a read-only
 * tab they may be the writer's work in progress) and generates the first-run demo.
 */
export function startApp(): void {
  if (lock) return;
  const store = useAppStore.getState();
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => useAppStore.getState().setOnline(true));
    window.addEventListener('offline', () => useAppStore.getState().setOnline(false));
  }
  listenForOtherTabs();
  lock = createTabLock({ onChange: (s: LockState) => onLock(s) });
  store.setLock(lock.state);
  onLock(lock.state);
}

function onLock(state: LockState): void {
  useAppStore.getState().setLock(state);
  if (state === 'waiting' || booted) return;
  booted = true;
  void withLoadError(() => firstOpen(canWrite(state)));
}

async function firstOpen(writer: boolean): Promise<void> {
  if (writer) await cleanupLeftovers();
  const loaded = await loadActiveWorkspace();
  if (!loaded && !writer) return; // 'empty' with writing actions disabled until this tab takes over
  if (!loaded) await createFirstRunDemo();
  // Member data lives only here: ask the browser not to evict it under storage pressure.
  // Chromium answers without a prompt; Settings shows the answer and can ask again.
  if (writer) void requestPersistence().catch(() => undefined);
}

/** The embedded demo, with the full-screen progress view; cancelling leaves the empty state. */
export async function createFirstRunDemo(): Promise<void> {
  useAppStore.setState({ demoError: null });
  useAppStore.getState().setBoot('generating');
  try {
    const r = await generateDemo(FIRST_RUN_DEMO);
    if (r === CANCELLED) useAppStore.getState().setBoot('empty');
  } catch (e) {
    // The app still works without the demo: offer to try again or to import a CSV.
    useAppStore.setState({ demoError: e instanceof Error ? e.message : String(e) });
    useAppStore.getState().setBoot('empty');
  }
}
