import { CancelToken, type ProgressFn } from '../src/core/jobs';
import type { AssembledImport } from '../src/core/import/assemble';
import { errorReportCsv, type RowIssue } from '../src/core/import/report';
import { stageImport, type StageOptions } from './importStage';
import type { ImportSource } from './importSource';
import { commitAssembled } from './importBuild';
import type { ImportCounts, ImportTarget } from './importCommit';

export { analyzeFile, stageImport, type StageOptions, type StagedFile } from './importStage';
export type { ImportSource } from './importSource';
export type { ImportCounts, ImportTarget } from './importCommit';

export interface RunOptions extends StageOptions {
  source: ImportSource;
  fileName: string;
  target: ImportTarget;
  /** 'skip' (default): import the valid orders, skip the rest; 'abort': write nothing if any row is bad. */
  onErrors?: 'skip' | 'abort';
}

export interface RunResult {
  /** null when nothing was written (no valid order, or aborted on errors). */
  workspaceId: string | null;
  counts: ImportCounts;
  errors: { count: number; issues: RowIssue[]; reportCsv?: string };
}

export function emptyCounts(staged: Pick<AssembledImport, 'rows' | 'skippedRows' | 'skippedOrders'>): ImportCounts {
  return {
    rows: staged.rows, orders: 0, sales: 0, refunds: 0, members: 0, membersNew: 0, guestOrders: 0, lines: 0, products: 0,
    skippedRows: staged.skippedRows, skippedOrders: staged.skippedOrders, duplicates: 0,
  };
}

/** Both steps for Node callers (CLI, bench, tests): stage, then commit atomically. */
export async function runImport(opts: RunOptions, onProgress: ProgressFn = () => {}, token = new CancelToken()): Promise<RunResult> {
  const { assembled: a, preset } = await stageImport(opts.source, opts, onProgress, token);
  const errors = { count: a.errorRows, issues: a.issues, reportCsv: a.issues.length ? errorReportCsv(a.issues) : undefined };
  if (a.orders === 0 || (opts.onErrors === 'abort' && a.errorRows > 0)) {
    return { workspaceId: null, counts: emptyCounts(a), errors };
  }
  const { workspaceId, counts } = await commitAssembled(a, { target: opts.target, fileName: opts.fileName, currency: preset.currency }, onProgress, token);
  return { workspaceId, counts, errors };
}
