import Papa from 'papaparse';
import { detectMapping, missingRequired, TARGET_FIELDS, type ColumnMapping, type TargetField } from './fields';
import { detectPreset, type ImportPreset } from './presets';
import { readRow } from './rows';
import type { IssueCode } from './report';
import { guessDateOrder, type DateOrder } from './values';

/** How the file's bytes were turned into text. */
export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** What a first look at a file finds: enough to show the mapping and a preview. */
export interface SampleAnalysis {
  header: string[];
  /** The first data rows as read (at most `previewRows`). */
  sample: string[][];
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  mapping: ColumnMapping;
  missing: TargetField[];
  preset: ImportPreset;
  dateOrder: DateOrder;
  encoding: TextEncodingName;
  /** Set when the file was not UTF-8 and was read as GB18030: the UI says so. */
  encodingNote: 'decoded-as-gb18030' | null;
}

export const PREVIEW_ROWS = 20;

function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) return text[r + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/**
 * A first look at the beginning of a file's text: delimiter, line ending, header, the first
 * rows, the guessed mapping, preset and date order. Pure: the worker and the CLI share it.
 * Returns null when the text holds no header at all.
 */
export function analyzeSample(text: string, encoding: TextEncodingName = 'utf-8', previewRows = PREVIEW_ROWS): SampleAnalysis | null {
  const body = text.replace(/^\uFEFF/, '');
  const newline = guessNewline(body);
  const parsed = Papa.parse<string[]>(body, { preview: previewRows + 1, newline, skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const rows = parsed.data;
  if (rows.length === 0 || rows[0].every((h) => h.trim() === '')) return null;
  const header = rows[0].map((h) => h.trim());
  const sample = rows.slice(1);
  const mapping = detectMapping(header);
  const dates = mapping.placedAt === undefined ? [] : sample.map((r) => r[mapping.placedAt!] ?? '');
  return {
    header,
    sample,
    delimiter: parsed.meta.delimiter || ',',
    newline,
    mapping,
    missing: missingRequired(mapping),
    preset: detectPreset(header),
    dateOrder: guessDateOrder(dates),
    encoding,
    encodingNote: encoding === 'gb18030' ? 'decoded-as-gb18030' : null,
  };
}

/** One previewed cell: the value as it will be stored, or why it cannot be. */
export interface PreviewCell {
  raw: string;
  value: string;
  issue: IssueCode | null;
}
export type PreviewRow = Partial<Record<TargetField, PreviewCell>>;

/**
 * The sample seen through a mapping, as the importer will read it: dates normalised, money in
 * the currency's unit with two decimals, problems flagged per cell. Cheap enough to rerun on
 * every change of a mapping select.
 */
export function previewRows(a: Pick<SampleAnalysis, 'header' | 'sample'>, mapping: ColumnMapping, dateOrder: DateOrder): PreviewRow[] {
  return a.sample.map((fields, i) => {
    const res = readRow(fields, i + 2, a.header, mapping, dateOrder);
    const row: PreviewRow = {};
    for (const f of TARGET_FIELDS) {
      const col = mapping[f];
      if (col === undefined) continue;
      const raw = fields[col] ?? '';
      const issue = res.issues.find((x) => x.column === (a.header[col] ?? `#${col + 1}`))?.code ?? null;
      row[f] = { raw, value: issue ? raw : displayValue(f, raw, res.line), issue };
    }
    return row;
  });
}

function displayValue(f: TargetField, raw: string, line: ReturnType<typeof readRow>['line']): string {
  if (!line) return raw;
  switch (f) {
    case 'placedAt':
      return line.placedAt.replace('T', ' ');
    case 'unitPrice':
      return (line.priceUnits / 10_000).toFixed(2);
    case 'amount':
      return (line.lineUnits / 10_000).toFixed(2);
    case 'quantity':
      return String(line.qty);
    case 'customerId':
      return line.customerId;
    default:
      return raw.trim();
  }
}
