import type { ProgressFn } from '../src/core/jobs';
import type { SampleAnalysis } from '../src/core/import/analyze';
import { ImportFileError, type FileProblem } from '../src/core/import/errors';
import type { RowIssue } from '../src/core/import/report';
import { analyzeFile, stageImport, type StageOptions, type StagedFile } from './import';
import { commitAssembled } from './importBuild';
import type { ImportCounts, ImportTarget } from './importCommit';
import type { ImportSource } from './importSource';
import { cancelJob, withJob } from './jobs';

/**
 * What the import worker offers the UI, as plain data both ways: a file problem comes back as
 * {ok: false, problem} (structured clone would drop an Error's fields); a cancel still throws
 * JobCancelled, like every other job.
 */
export type AnalyzeOutcome = { ok: true; analysis: SampleAnalysis & { compressed: boolean } } | { ok: false; problem: FileProblem };

/** What staging found, before anything is written: the person decides on this. */
export interface StageSummary {
  rows: number;
  orders: number;
  refunds: number;
  guestOrders: number;
  members: number;
  lines: number;
  errorRows: number;
  skippedRows: number;
  skippedOrders: number;
  issues: RowIssue[];
  currency: string;
}
export type StageOutcome = { ok: true; stageId: string; summary: StageSummary } | { ok: false; problem: FileProblem };
export type CommitOutcome = { ok: true; workspaceId: string; counts: ImportCounts } | { ok: false; problem: FileProblem };

function problemOf(e: unknown): FileProblem {
  if (e instanceof ImportFileError) return { code: e.code, detail: e.detail };
  if (e instanceof Error && e.name === 'JobCancelled') throw e;
  return { code: 'failed', detail: { message: e instanceof Error ? e.message : String(e) } };
}

/** The staged file waiting for the person's decision; one at a time (a new stage drops the old). */
let held: { id: string; fileName: string; file: StagedFile } | null = null;
let seq = 0;

export const importApi = {
  async analyze(source: ImportSource): Promise<AnalyzeOutcome> {
    try {
      return { ok: true, analysis: await analyzeFile(source) };
    } catch (e) {
      return { ok: false, problem: problemOf(e) };
    }
  },

  stage(jobId: string, source: ImportSource, fileName: string, options: StageOptions, onProgress: ProgressFn): Promise<StageOutcome> {
    held = null;
    return withJob(jobId, async (token) => {
      try {
        const file = await stageImport(source, options, onProgress, token);
        const a = file.assembled;
        seq += 1;
        held = { id: `stage-${seq}`, fileName, file };
        const summary: StageSummary = {
          rows: a.rows,
          orders: a.orders,
          refunds: a.refunds,
          guestOrders: a.guestOrders,
          members: a.members,
          lines: a.lines,
          errorRows: a.errorRows,
          skippedRows: a.skippedRows,
          skippedOrders: a.skippedOrders,
          issues: a.issues,
          currency: file.preset.currency,
        };
        return { ok: true, stageId: held.id, summary };
      } catch (e) {
        return { ok: false, problem: problemOf(e) };
      }
    });
  },

  commit(jobId: string, stageId: string, target: ImportTarget, onProgress: ProgressFn): Promise<CommitOutcome> {
    return withJob(jobId, async (token) => {
      if (!held || held.id !== stageId) return { ok: false, problem: { code: 'stage-expired', detail: {} } };
      const { file, fileName } = held;
      if (file.assembled.orders === 0) return { ok: false, problem: { code: 'no-valid-orders', detail: {} } };
      try {
        const r = await commitAssembled(file.assembled, { target, fileName, currency: file.preset.currency }, onProgress, token);
        held = null;
        return { ok: true, ...r };
      } catch (e) {
        return { ok: false, problem: problemOf(e) };
      }
    });
  },

  discard(stageId: string): void {
    if (held?.id === stageId) held = null;
  },

  cancel(jobId: string): boolean {
    return cancelJob(jobId);
  },
};
export type ImportWorkerApi = typeof importApi;
