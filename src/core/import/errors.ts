/**
 * Problems with a whole file (as opposed to a row): the import stops before writing anything
 * and says what is wrong. Crosses the worker boundary as plain data (`FileProblem`), since
 * structured clone keeps only an Error's message.
 */
export type FileProblemCode =
  | 'empty-file'
  | 'no-header'
  | 'no-data-rows'
  | 'missing-columns'
  | 'line-too-long'
  | 'bad-encoding'
  | 'bad-gzip'
  | 'not-text'
  | 'no-valid-orders'
  | 'stage-expired'
  | 'too-big-for-active'
  | 'failed';

export interface FileProblem {
  code: FileProblemCode;
  /** e.g. {columns: 'orderId, placedAt'} or {row: 12}. */
  detail: Record<string, string | number>;
}

export class ImportFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(describeFileProblem({ code, detail }));
    this.name = 'ImportFileError';
  }
}

/** English text for logs, the CLI and Node callers; the UI translates the code itself. */
export function describeFileProblem(p: FileProblem): string {
  const d = p.detail;
  switch (p.code) {
    case 'empty-file':
      return 'The file is empty (0 bytes).';
    case 'no-header':
      return 'The file has no header row.';
    case 'no-data-rows':
      return 'The file has a header but no data rows.';
    case 'missing-columns':
      return `Required columns are missing: ${d.columns}.`;
    case 'line-too-long':
      return `Row ${d.row} is longer than 1 MB: probably an unclosed quote, or not a CSV file.`;
    case 'bad-encoding':
      return `The file is not valid UTF-8 near byte ${d.byte}. Save it as UTF-8 and try again.`;
    case 'bad-gzip':
      return 'The file looks compressed (gzip) but could not be decompressed: it may be damaged.';
    case 'not-text':
      return 'The file is not a text (CSV) file.';
    case 'no-valid-orders':
      return 'No row of the file could be imported: see the error report.';
    case 'stage-expired':
      return 'The checked file is no longer held; choose it again.';
    case 'too-big-for-active':
      return `This file has ${d.rows} rows: more than ${d.max} can only be imported into a new workspace.`;
    case 'failed':
      return `The import failed: ${d.message ?? 'unknown error'}`;
  }
}
