import Papa from 'papaparse';
import { CancelToken, yieldToLoop, type ProgressFn } from '../src/core/jobs';
import { analyzeSample, type SampleAnalysis } from '../src/core/import/analyze';
import { OrderAssembler, type AssembledImport, type StagedImport } from '../src/core/import/assemble';
import { ImportFileError } from '../src/core/import/errors';
import { missingRequired, sanitiseMapping, type ColumnMapping } from '../src/core/import/fields';
import { PRESETS, type ImportPreset } from '../src/core/import/presets';
import { MAX_LINE_CHARS, readRow } from '../src/core/import/rows';
import type { DateOrder } from '../src/core/import/values';
import { openText, type ImportSource } from './importSource';

/**
 * The first two steps of an import (a first look, then read + validate + group in memory),
 * apart from the commit so that they load no storage code: the worker, the bench and the
 * CLI (src/cli) share them.
 */
/** How much decoded text is gathered before a first look and before each parse call. */
const SAMPLE_CHARS = 64 * 1024;
/** Bigger slices mean fewer yields and copies; 4 MB still parses in ~0.1 s, so cancel stays prompt. */
const PARSE_CHARS = 4 << 20;

/** Step 1: a first look at the file (columns, guessed mapping and preset, preview, encoding). */
export async function analyzeFile(source: ImportSource): Promise<SampleAnalysis & { compressed: boolean }> {
  const reader = await openText(source);
  try {
    let text = '';
    while (text.length < SAMPLE_CHARS) {
      const c = await reader.next();
      if (c === null) break;
      text += c;
    }
    const a = analyzeSample(text, reader.encoding);
    if (!a) throw new ImportFileError('no-header');
    if (a.sample.length === 0) throw new ImportFileError('no-data-rows');
    return { ...a, compressed: reader.compressed };
  } finally {
    await reader.close();
  }
}

export interface StageOptions {
  /** Defaults to the detected mapping. */
  mapping?: ColumnMapping;
  /** Defaults to the detected preset. */
  preset?: ImportPreset['id'];
  dateOrder?: DateOrder;
}

export interface StagedFile {
  /** The file read and checked, as columns: counts for the review, batches for the writer. */
  assembled: AssembledImport;
  /** Every order as an object, built on first use (small files, the CLI, tests): ~0.5 KB a line. */
  readonly staged: StagedImport;
  preset: ImportPreset;
  analysis: SampleAnalysis;
}

/**
 * Step 2: read, validate and group the whole file in memory, as columns (a 10M-line file in
 * well under 1 GB). Writes nothing: what it returns is committed, or dropped.
 */
export async function stageImport(source: ImportSource, options: StageOptions, onProgress: ProgressFn, token: CancelToken): Promise<StagedFile> {
  const reader = await openText(source);
  try {
    let buf = '';
    let ended = false;
    const pull = async () => {
      const c = await reader.next();
      if (c === null) ended = true;
      else buf += c;
    };
    while (!ended && buf.length < SAMPLE_CHARS) await pull();
    const analysis = analyzeSample(buf, reader.encoding);
    if (!analysis) throw new ImportFileError('no-header');
    const mapping = sanitiseMapping(options.mapping ?? analysis.mapping, analysis.header.length);
    const missing = missingRequired(mapping);
    if (missing.length) throw new ImportFileError('missing-columns', { columns: missing.join(', ') });
    const preset = options.preset ? PRESETS[options.preset] : analysis.preset;
    const dateOrder = options.dateOrder ?? analysis.dateOrder;
    const header = analysis.header;
    const col = (i: number | undefined) => (i === undefined ? '' : header[i]);
    const assembler = new OrderAssembler(preset, col(mapping.orderId), col(mapping.customerId));

    let rowNo = 0;
    const onRow = (fields: string[], error: Papa.ParseError | undefined) => {
      if (fields.length === 1 && fields[0].trim() === '') return; // blank line
      rowNo += 1;
      if (rowNo === 1) return; // the header, already read
      if (error) {
        const code = error.code === 'MissingQuotes' || error.code === 'InvalidQuotes' ? 'unclosed-quote' : 'bad-row';
        assembler.addBad(null, rowNo, [{ row: rowNo, column: '', value: fields.join(analysis.delimiter).slice(0, 200), code }]);
        return;
      }
      const r = readRow(fields, rowNo, header, mapping, dateOrder);
      if (r.line) assembler.add(r.line, rowNo);
      else assembler.addBad(r.orderKey, rowNo, r.issues);
    };
    // Row by row (step) rather than a chunk's rows at once: each row's arrays die young, which
    // keeps the garbage collector's work small on a half-million-row file.
    const parser = new Papa.Parser({
      delimiter: analysis.delimiter,
      newline: analysis.newline,
      step: (r: Papa.ParseStepResult<string[]>) => onRow((r.data as unknown as string[][])[0], r.errors[0]),
    });
    let partial = '';
    let base = 0;
    const total = reader.totalBytes ?? 0;
    for (;;) {
      while (!ended && buf.length < PARSE_CHARS) await pull();
      const text = partial + buf;
      buf = '';
      const res = parser.parse(text, base, !ended) as Papa.ParseResult<string[]>;
      partial = ended ? '' : text.substring(res.meta.cursor - base);
      base = res.meta.cursor;
      // A row that never ends (an unclosed quote, a binary file) would grow without bound.
      if (partial.length > MAX_LINE_CHARS) throw new ImportFileError('line-too-long', { row: rowNo + 1 });
      onProgress({ phase: 'parse', done: reader.bytesRead(), total: Math.max(total, reader.bytesRead()) });
      token.throwIfCancelled();
      await yieldToLoop();
      token.throwIfCancelled();
      if (ended) break;
    }
    if (rowNo <= 1) throw new ImportFileError(rowNo === 0 ? 'no-header' : 'no-data-rows');
    onProgress({ phase: 'validate', done: 0, total: 1 });
    const assembled = assembler.assemble();
    onProgress({ phase: 'validate', done: 1, total: 1 });
    let staged: StagedImport | null = null;
    return {
      assembled,
      get staged() {
        return (staged ??= assembled.toStaged());
      },
      preset,
      analysis,
    };
  } finally {
    await reader.close();
  }
}
