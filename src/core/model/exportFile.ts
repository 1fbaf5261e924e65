import { z } from 'zod';
import { TABLE_RECORDS, TABLE_NAMES, WorkspaceRecord, type TableName } from './records';
import { load, type RecordType } from './versioned';
import type { Workspace } from './workspace';
import { EMPTY_ONEID_SETTINGS, OneIdSettingsRecord, type OneIdSettings } from './oneid';

/**
 * The workspace file: a whole workspace as one NDJSON document (gzip-compressed by the
 * storage layer when the browser can). Line 1 is the header
 *   {"format":"meridian-workspace","version":1,"exportedAt":…,"workspace":{…},"counts":{…}}
 * then one line per record: {"t":"<table>","r":{…record with its own v…}}.
 *
 * Two versions meet here: the FILE version (layout of header and lines, migrated by
 * FILE_MIGRATIONS) and each RECORD's `v` (migrated by its RecordType on load). Reading is
 * restore → migrate → validate (Excalidraw's import boundary): small repairs first (BOM, CR,
 * blank lines, a record without `v` in a v1 file), then migrations, then the strict schema.
 * Every failure names the line, the table and the field path.
 */
export const WORKSPACE_FILE_FORMAT = 'meridian-workspace';
export const WORKSPACE_FILE_VERSION = 1;

export interface FileHeader {
  format: typeof WORKSPACE_FILE_FORMAT;
  version: number;
  exportedAt: string;
  workspace: Workspace;
  /** OneID settings (trust per kind, splits in force); absent in files from before they travelled. */
  oneid: OneIdSettings;
  /** Records per table in this file: a truncated file is caught by comparing. */
  counts: Partial<Record<TableName, number>>;
}

/** A change of the file layout. `line` rewrites one record line of the older layout. */
export interface FileMigration {
  from: number;
  to: number;
  description: string;
  header: (h: Record<string, unknown>) => Record<string, unknown>;
  line?: (l: { t: string; r: unknown }) => { t: string; r: unknown };
}
/** From version 1 to the current one, without gaps (none yet: version 1 is the first). */
export const FILE_MIGRATIONS: readonly FileMigration[] = [];
FILE_MIGRATIONS.forEach((m, i) => {
  if (m.from !== i + 1 || m.to !== i + 2) throw new Error(`workspace file migration #${i} goes ${m.from}->${m.to}`);
});
if (FILE_MIGRATIONS.length !== WORKSPACE_FILE_VERSION - 1) throw new Error('workspace file migrations do not reach the current version');

export type FileIssueReason =
  | 'empty'
  | 'unreadable'
  | 'not-json'
  | 'wrong-format'
  | 'from-the-future'
  | 'bad-header'
  | 'unknown-table'
  | 'invalid-record'
  | 'duplicate-record'
  | 'count-mismatch';

export interface FileIssue {
  reason: FileIssueReason;
  /** 1-based line of the (decompressed) file; absent for whole-file problems. */
  line?: number;
  table?: string;
  /** Field path inside the record, e.g. "lines.0.qty". */
  path?: string;
  message: string;
}

export function describeIssue(i: FileIssue): string {
  const where = [i.line !== undefined ? `line ${i.line}` : null, i.table ? `table ${i.table}` : null, i.path ? `field ${i.path}` : null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${i.message}` : i.message;
}

export type Read<T> = { ok: true; value: T } | { ok: false; issue: FileIssue };

export function headerLine(workspace: Workspace, counts: Partial<Record<TableName, number>>, exportedAt: string, oneid: OneIdSettings = EMPTY_ONEID_SETTINGS): string {
  const h: FileHeader = { format: WORKSPACE_FILE_FORMAT, version: WORKSPACE_FILE_VERSION, exportedAt, workspace, oneid, counts };
  return JSON.stringify(h);
}

export function recordLine(t: TableName, r: unknown): string {
  return JSON.stringify({ t, r });
}

function parse(text: string, line: number): Read<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, issue: { reason: 'not-json', line, message: `not valid JSON (${(e as Error).message})` } };
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const HeaderShape = z.object({
  exportedAt: z.string(),
  workspace: z.unknown(),
  oneid: z.unknown().optional(),
  counts: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** Read line 1: format, version (migrating older layouts), workspace settings. */
export function readHeader(text: string): Read<FileHeader> {
  const p = parse(text.replace(/^\uFEFF/, '').trim(), 1);
  if (!p.ok) return { ok: false, issue: { ...p.issue, reason: 'wrong-format', message: `not a Meridian workspace file: the first line is ${p.issue.message}` } };
  if (!isObject(p.value) || p.value.format !== WORKSPACE_FILE_FORMAT) {
    return { ok: false, issue: { reason: 'wrong-format', line: 1, message: `not a Meridian workspace file (format must be "${WORKSPACE_FILE_FORMAT}")` } };
  }
  let h: Record<string, unknown> = p.value;
  const version = h.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issue: { reason: 'bad-header', line: 1, path: 'version', message: 'missing or bad file version' } };
  }
  if (version > WORKSPACE_FILE_VERSION) {
    return {
      ok: false,
      issue: {
        reason: 'from-the-future',
        line: 1,
        message: `this file is version ${version}, newer than this app reads (${WORKSPACE_FILE_VERSION}); update Meridian to open it`,
      },
    };
  }
  for (const m of FILE_MIGRATIONS.slice(version - 1)) h = { ...m.header(h), version: m.to };
  const shape = HeaderShape.safeParse(h);
  if (!shape.success) {
    const i = shape.error.issues[0];
    return { ok: false, issue: { reason: 'bad-header', line: 1, path: i.path.map(String).join('.'), message: i.message } };
  }
  const ws = load(WorkspaceRecord, shape.data.workspace);
  if (!ws.ok) {
    const first = ws.error.issues?.[0];
    return {
      ok: false,
      issue: { reason: ws.error.reason === 'from-the-future' ? 'from-the-future' : 'bad-header', line: 1, table: 'workspace', path: first ? `workspace.${first.path}` : 'workspace', message: first?.message ?? ws.error.message },
    };
  }
  let oneid = EMPTY_ONEID_SETTINGS;
  if (shape.data.oneid !== undefined) {
    const o = load(OneIdSettingsRecord, shape.data.oneid);
    if (!o.ok) {
      const first = o.error.issues?.[0];
      return { ok: false, issue: { reason: 'bad-header', line: 1, table: 'oneid', path: first ? `oneid.${first.path}` : 'oneid', message: first?.message ?? o.error.message } };
    }
    oneid = o.value;
  }
  return {
    ok: true,
    value: { format: WORKSPACE_FILE_FORMAT, version, exportedAt: shape.data.exportedAt, workspace: ws.value, oneid, counts: (shape.data.counts ?? {}) as FileHeader['counts'] },
  };
}

export interface RecordLine {
  table: TableName;
  record: { v: number } & Record<string, unknown>;
}

/**
 * Read one record line of a file of `fileVersion`. Returns null for a blank line (tolerated).
 */
export function readRecordLine(text: string, line: number, fileVersion: number): Read<RecordLine> | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const p = parse(trimmed, line);
  if (!p.ok) return p;
  let l = p.value;
  if (!isObject(l) || typeof l.t !== 'string' || !('r' in l)) {
    return { ok: false, issue: { reason: 'not-json', line, message: 'expected {"t": table, "r": record}' } };
  }
  for (const m of FILE_MIGRATIONS.slice(fileVersion - 1)) if (m.line) l = m.line(l as { t: string; r: unknown });
  const { t, r } = l as { t: string; r: unknown };
  if (!(TABLE_NAMES as string[]).includes(t)) {
    return { ok: false, issue: { reason: 'unknown-table', line, table: t, message: `unknown table "${t}"` } };
  }
  const table = t as TableName;
  // Restore: a version-1 file only ever held version-1 records, so a missing v means 1.
  const restored = isObject(r) && r.v === undefined && fileVersion === 1 ? { ...r, v: 1 } : r;
  const loaded = load(TABLE_RECORDS[table] as RecordType<z.ZodType>, restored);
  if (!loaded.ok) {
    const first = loaded.error.issues?.[0];
    return { ok: false, issue: { reason: 'invalid-record', line, table, path: first?.path, message: first?.message ?? loaded.error.message } };
  }
  return { ok: true, value: { table, record: loaded.value as RecordLine['record'] } };
}

/** Compare what was read with the header's counts (a cut-off file reads fewer). */
export function checkCounts(header: FileHeader, seen: Partial<Record<TableName, number>>): FileIssue | null {
  for (const t of TABLE_NAMES) {
    const want = header.counts[t];
    const got = seen[t] ?? 0;
    if (want !== undefined && want !== got) {
      return { reason: 'count-mismatch', table: t, message: `the header promises ${want} ${t} but the file holds ${got}; it may be cut off` };
    }
  }
  return null;
}
