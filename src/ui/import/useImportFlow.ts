import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '../../core/jobs';
import type { ColumnMapping, DateOrder, FileProblem, ImportPreset, SampleAnalysis } from '../../core/import';
import type { JobHandle } from '../../engine/job';
import type { ImportCounts, ImportTarget, StageSummary } from '../../engine/importClient';
import { activateImportedWorkspace, dataChanged, isCancellation } from '../../app/workspaceActions';

type Analysis = SampleAnalysis & { compressed: boolean };

/** Where the import wizard is. Each step carries what its screen shows. */
export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'analyzing'; file: File }
  | { kind: 'ready'; file: File; analysis: Analysis }
  | { kind: 'running'; file: File; analysis: Analysis; progress: Progress }
  | { kind: 'review'; file: File; analysis: Analysis; stageId: string; summary: StageSummary }
  | { kind: 'done'; counts: ImportCounts; summary: StageSummary; workspaceId: string }
  | { kind: 'problem'; problem: FileProblem; file: File | null; analysis: Analysis | null; summary: StageSummary | null }
  | { kind: 'cancelled' };

export interface ImportSettings {
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  preset: ImportPreset['id'];
  target: ImportTarget;
}

const client = () => import('../../engine/importClient');

/**
 * The import wizard's state machine: pick → analyze → (adjust mapping) → stage in the worker →
 * commit at once when every row is valid, or let the person choose on a review step.
 */
export function useImportFlow(hasWorkspace: boolean) {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  const [settings, setSettings] = useState<ImportSettings>({ mapping: {}, dateOrder: 'mdy', preset: 'generic', target: 'active' });
  const job = useRef<JobHandle<unknown> | null>(null);
  // Progress messages travel on their own port and can land after the job's result: only the
  // job still running may move the bar, so a late one never turns a result back into a bar.
  const live = useRef(0);

  useEffect(() => {
    return () => {
      job.current?.cancel();
      void client().then((c) => c.closeImportWorker());
    };
  }, []);

  const pick = useCallback(
    async (file: File) => {
      setStep({ kind: 'analyzing', file });
      const res = await (await client()).analyzeImportFile(file);
      if (!res.ok) {
        setStep({ kind: 'problem', problem: res.problem, file, analysis: null, summary: null });
        return;
      }
      const a = res.analysis;
      setSettings({ mapping: a.mapping, dateOrder: a.dateOrder, preset: a.preset.id, target: hasWorkspace ? 'active' : 'new' });
      setStep({ kind: 'ready', file, analysis: a });
    },
    [hasWorkspace],
  );

  const track = (file: File, analysis: Analysis) => {
    const mine = ++live.current;
    return (p: Progress) => {
      if (live.current === mine) setStep({ kind: 'running', file, analysis, progress: p });
    };
  };
  const settle = () => {
    live.current += 1;
    job.current = null;
  };

  const commit = useCallback(
    async (file: File, analysis: Analysis, stageId: string, summary: StageSummary, target: ImportTarget) => {
      const c = await client();
      const handle = c.commitImportStage(stageId, target, track(file, analysis));
      job.current = handle;
      setStep({ kind: 'running', file, analysis, progress: { phase: 'commit', done: 0, total: summary.orders } });
      try {
        const res = await handle.promise;
        settle();
        if (!res.ok) {
          setStep({ kind: 'problem', problem: res.problem, file, analysis, summary });
          return;
        }
        if (target === 'new' || !hasWorkspace) await activateImportedWorkspace(res.workspaceId);
        else dataChanged();
        setStep({ kind: 'done', counts: res.counts, summary, workspaceId: res.workspaceId });
      } catch (e) {
        settle();
        if (isCancellation(e)) setStep({ kind: 'cancelled' });
        else setStep({ kind: 'problem', problem: { code: 'failed', detail: { message: String((e as Error)?.message ?? e) } }, file, analysis, summary });
      }
    },
    [hasWorkspace],
  );

  const start = useCallback(async () => {
    if (step.kind !== 'ready') return;
    const { file, analysis } = step;
    const c = await client();
    const handle = c.stageImportFile(file, file.name, { mapping: settings.mapping, dateOrder: settings.dateOrder, preset: settings.preset }, track(file, analysis));
    job.current = handle;
    setStep({ kind: 'running', file, analysis, progress: { phase: 'parse', done: 0, total: file.size } });
    try {
      const res = await handle.promise;
      settle();
      if (!res.ok) {
        setStep({ kind: 'problem', problem: res.problem, file, analysis, summary: null });
        return;
      }
      // Every row valid: nothing to decide, write at once. Otherwise the person chooses.
      if (res.summary.errorRows === 0) await commit(file, analysis, res.stageId, res.summary, settings.target);
      else setStep({ kind: 'review', file, analysis, stageId: res.stageId, summary: res.summary });
    } catch (e) {
      settle();
      if (isCancellation(e)) setStep({ kind: 'cancelled' });
      else setStep({ kind: 'problem', problem: { code: 'failed', detail: { message: String((e as Error)?.message ?? e) } }, file, analysis, summary: null });
    }
  }, [step, settings, commit]);

  const importValid = useCallback(() => {
    if (step.kind === 'review') void commit(step.file, step.analysis, step.stageId, step.summary, settings.target);
  }, [step, settings.target, commit]);

  const cancel = useCallback(() => {
    if (job.current) {
      job.current.cancel();
      return;
    }
    if (step.kind === 'review') void client().then((c) => c.discardImportStage(step.stageId));
    setStep({ kind: 'cancelled' });
  }, [step]);

  const reset = useCallback(() => setStep({ kind: 'idle' }), []);

  return { step, settings, setSettings, pick, start, importValid, cancel, reset };
}
