import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JobCancelled } from '../core/jobs';

// The decision and the engine are replaced: this tests who runs what, not the evaluation.
const decision = vi.fn();
const startEvaluateTags = vi.fn();
vi.mock('../storage/tagsRecompute', () => ({ tagRecomputeState: () => decision() }));
vi.mock('../engine/engineClient', () => ({ getEngine: () => ({ startEvaluateTags }) }));

const { useAppStore } = await import('./store');
const { checkTagsNow, runEvaluation, useTagRecompute } = await import('./tagRecompute');

const ws = { v: 1, id: 'w1', name: 'w', brandTemplate: 'food', currency: 'CNY', createdAt: '', asOf: '2026-10-31', source: { kind: 'demo', template: 'food', members: 1, seed: 1 }, lifecycle: { activeDays: 90, churnDays: 180 } };

function job(result: Promise<unknown>) {
  const cancel = vi.fn();
  startEvaluateTags.mockReturnValueOnce({ id: 'j', promise: result, cancel });
  return cancel;
}

describe('tag recompute scheduler', () => {
  beforeEach(() => {
    decision.mockReset();
    startEvaluateTags.mockReset();
    useTagRecompute.setState({ running: null, last: null, error: null });
    useAppStore.setState({ workspaceId: `w${Math.random()}`, workspace: ws as never, boot: 'ready', lock: 'writer' });
  });

  it('in the writer tab, a due decision runs the engine job as of its day and records the result', async () => {
    decision.mockResolvedValue({ due: true, reason: 'data', asOf: '2026-10-31' });
    job(Promise.resolve({ counts: {}, added: 3, removed: 1, ms: 12 }));
    const before = useAppStore.getState().dataVersion;
    await checkTagsNow();
    expect(startEvaluateTags).toHaveBeenCalledTimes(1);
    expect(startEvaluateTags.mock.calls[0][0]).toEqual({ asOf: '2026-10-31', write: true });
    expect(useTagRecompute.getState().last).toMatchObject({ reason: 'data', added: 3, removed: 1, asOf: '2026-10-31' });
    expect(useAppStore.getState().dataVersion).toBe(before + 1); // views re-read the changed tags
    // Due again right away (e.g. the stamp keeps moving): not a second automatic run within the minute.
    await checkTagsNow();
    expect(startEvaluateTags).toHaveBeenCalledTimes(1);
  });

  it('a read-only tab never recomputes; nothing due means no job', async () => {
    decision.mockResolvedValue({ due: true, reason: 'never', asOf: '2026-10-31' });
    useAppStore.setState({ lock: 'readonly' });
    await checkTagsNow();
    expect(decision).not.toHaveBeenCalled();
    useAppStore.setState({ lock: 'writer' });
    decision.mockResolvedValue({ due: false });
    await checkTagsNow();
    expect(startEvaluateTags).not.toHaveBeenCalled();
  });

  it('a cancelled run is recorded as cancelled; a failure keeps its message', async () => {
    job(Promise.reject(new JobCancelled()));
    expect(await runEvaluation('w1', '2026-10-31', 'manual')).toMatchObject({ cancelled: true });
    expect(useTagRecompute.getState().running).toBeNull();
    job(Promise.reject(new Error("tag 'broken': unknown measure")));
    expect(await runEvaluation('w1', '2026-10-31', 'manual')).toBeNull();
    expect(useTagRecompute.getState().error).toBe("tag 'broken': unknown measure");
  });
});
