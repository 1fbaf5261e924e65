import { create } from 'zustand';
import type { Progress } from '../core/jobs';
import type { RecomputeReason } from '../core/tags/recompute';
import { openWorkspace } from '../storage/workspaces';
import { isWriter } from '../storage/tabLock';
import { canWrite, useAppStore } from './store';
import { isCancellation } from './workspaceActions';

/**
 * Keeps automated (rule and dynamic) tags current: after a data change (the stats row's
 * data stamp moved since the last evaluation), when a tag definition changed, when the
 * evaluation day moved (daily; core/tags/recompute.ts explains the day of a frozen demo or
 * import) and for tags never evaluated (a new demo's seed tags). Runs in the engine worker
 * as a job with progress and cancel, and only in the writer tab (src/storage/tabLock.ts):
 * a read-only tab sees the writer's results through IndexedDB.
 *
 * The engine and the decision load lazily, so the first page's JavaScript does not grow.
 */
export type RunReason = RecomputeReason | 'manual';

export interface TagRun {
  workspaceId: string;
  asOf: string;
  reason: RunReason;
  progress: Progress | null;
  cancel: () => void;
}
export interface TagRunResult {
  workspaceId: string;
  asOf: string;
  reason: RunReason;
  at: string;
  added: number;
  removed: number;
  ms: number;
  cancelled?: boolean;
}

interface TagRecomputeState {
  running: TagRun | null;
  last: TagRunResult | null;
  error: string | null;
}

export const useTagRecompute = create<TagRecomputeState>()(() => ({ running: null, last: null, error: null }));

/** Automatic checks: after a change is seen, and every few minutes for the day to move. */
const CHECK_DELAY_MS = 1500;
const PERIOD_MS = 10 * 60 * 1000;
/** Automatic runs for one workspace at most this often: a decision that stays due never loops. */
const MIN_AUTO_GAP_MS = 60 * 1000;

let timer: ReturnType<typeof setTimeout> | null = null;
let again = false;
const lastAuto = new Map<string, number>();

function writerWorkspace(): string | null {
  const s = useAppStore.getState();
  return s.workspaceId && s.boot === 'ready' && canWrite(s.lock) && isWriter() ? s.workspaceId : null;
}

/** Ask for a check soon (e.g. after a tag was saved); cheap when nothing is due. */
export function requestTagCheck(delay = CHECK_DELAY_MS): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void checkTagsNow();
  }, delay);
}

/** Check once and run when due (the debounced path is requestTagCheck; exported for tests). */
export async function checkTagsNow(): Promise<void> {
  const id = writerWorkspace();
  if (!id) return;
  if (useTagRecompute.getState().running) {
    again = true;
    return;
  }
  try {
    const { tagRecomputeState } = await import('../storage/tagsRecompute');
    const decision = await tagRecomputeState(openWorkspace(id));
    if (!decision.due) return;
    const prev = lastAuto.get(id) ?? 0;
    if (Date.now() - prev < MIN_AUTO_GAP_MS) {
      requestTagCheck(MIN_AUTO_GAP_MS - (Date.now() - prev));
      return;
    }
    lastAuto.set(id, Date.now());
    await runEvaluation(id, decision.asOf, decision.reason);
  } catch (e) {
    useTagRecompute.setState({ error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Evaluate and write every automated tag of the workspace as of `asOf` (the button on the
 * Tags page and the automatic checks). Resolves when done, cancelled or failed (see state).
 */
export async function runEvaluation(workspaceId: string, asOf: string, reason: RunReason): Promise<TagRunResult | null> {
  if (useTagRecompute.getState().running) return null;
  const { getEngine } = await import('../engine/engineClient');
  let cancel = () => undefined as void;
  useTagRecompute.setState({ running: { workspaceId, asOf, reason, progress: null, cancel: () => cancel() }, error: null });
  const onProgress = (p: Progress) => {
    const r = useTagRecompute.getState().running;
    if (r) useTagRecompute.setState({ running: { ...r, progress: p } });
  };
  try {
    const handle = getEngine(workspaceId).startEvaluateTags({ asOf, write: true }, onProgress);
    cancel = handle.cancel;
    const r = await handle.promise;
    const last: TagRunResult = { workspaceId, asOf, reason, at: new Date().toISOString(), added: r.added, removed: r.removed, ms: r.ms };
    useTagRecompute.setState({ running: null, last });
    // Views showing tags (member page history, audience counts over `has tag`) re-read.
    if (r.added + r.removed > 0 && useAppStore.getState().workspaceId === workspaceId) useAppStore.getState().bumpData();
    return last;
  } catch (e) {
    // A cancel or a failure waits for the next change (or the periodic check), not a minute.
    lastAuto.set(workspaceId, Date.now() + PERIOD_MS);
    if (isCancellation(e)) {
      const last: TagRunResult = { workspaceId, asOf, reason, at: new Date().toISOString(), added: 0, removed: 0, ms: 0, cancelled: true };
      useTagRecompute.setState({ running: null, last });
      return last;
    }
    useTagRecompute.setState({ running: null, error: e instanceof Error ? e.message : String(e) });
    return null;
  } finally {
    if (again) {
      again = false;
      requestTagCheck();
    }
  }
}

/** Start watching (called once by the shell); returns the stop function. */
export function startTagRecompute(): () => void {
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.workspaceId !== prev.workspaceId || s.dataVersion !== prev.dataVersion || s.lock !== prev.lock || s.boot !== prev.boot) requestTagCheck();
  });
  const period = setInterval(() => requestTagCheck(0), PERIOD_MS);
  const onVisible = () => {
    if (document.visibilityState === 'visible') requestTagCheck();
  };
  document.addEventListener('visibilitychange', onVisible);
  requestTagCheck();
  return () => {
    unsubscribe();
    clearInterval(period);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
