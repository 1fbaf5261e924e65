import type { Progress } from '../core/jobs';
import type { StageOptions } from '../../workers/import';
import type { ImportTarget } from '../../workers/importCommit';
import type { AnalyzeOutcome, CommitOutcome, ImportWorkerApi, StageOutcome } from '../../workers/importApi';
import { startJob, wrapWorker, type JobHandle } from './job';

export type { AnalyzeOutcome, CommitOutcome, StageOutcome, StageSummary } from '../../workers/importApi';
export type { ImportTarget } from '../../workers/importCommit';
export type { ImportCounts } from '../../workers/importCommit';
export type { StageOptions } from '../../workers/import';

/**
 * The UI's side of CSV import. One worker, kept while the import page is open: it holds the
 * staged file between "check" and "commit" so the person can decide without re-reading it.
 */
let worker: ReturnType<typeof wrapWorker<ImportWorkerApi>> | null = null;
function api() {
  if (!worker) {
    worker = wrapWorker<ImportWorkerApi>(new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' }));
  }
  return worker.api;
}

/** Columns, guessed mapping and preset, the first rows and the encoding of a picked file. */
export function analyzeImportFile(file: Blob): Promise<AnalyzeOutcome> {
  return api().analyze(file) as Promise<AnalyzeOutcome>;
}

/** Read, validate and group the whole file in the worker; writes nothing. */
export function stageImportFile(file: Blob, fileName: string, options: StageOptions, onProgress: (p: Progress) => void): JobHandle<StageOutcome> {
  return startJob<StageOutcome, ImportWorkerApi>(api(), (a, id, progress) => a.stage(id, file, fileName, options, progress) as Promise<StageOutcome>, onProgress, 'import-stage');
}

/** Write the staged file in one transaction, into the active workspace or a new one. */
export function commitImportStage(stageId: string, target: ImportTarget, onProgress: (p: Progress) => void): JobHandle<CommitOutcome> {
  return startJob<CommitOutcome, ImportWorkerApi>(api(), (a, id, progress) => a.commit(id, stageId, target, progress) as Promise<CommitOutcome>, onProgress, 'import-commit');
}

export function discardImportStage(stageId: string): void {
  void api().discard(stageId);
}

/** Free the worker and what it holds (leaving the import page). */
export function closeImportWorker(): void {
  worker?.terminate();
  worker = null;
}
