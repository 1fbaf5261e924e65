import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { TABLE_NAMES, type TableName, type Workspace } from '../core/model';
import {
  checkCounts, describeIssue, headerLine, readHeader, readRecordLine, recordLine, type FileIssue,
} from '../core/model/exportFile';
import { CliError } from './errors';

/**
 * A workspace directory holds the workspace as the browser's export file (same NDJSON
 * layout, src/core/model/exportFile.ts), so a file exported in the browser can be dropped
 * in a directory and used here, and the CLI's file restored in the browser.
 */
export const FILE_NAME = 'workspace.meridian.ndjson';
export const GZ_FILE_NAME = `${FILE_NAME}.gz`;

export type Tables = { [T in TableName]: Record<string, unknown>[] };
export interface WorkspaceData {
  workspace: Workspace;
  tables: Tables;
}

export const emptyTables = (): Tables => Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Tables;

/** The workspace file in `dir` (plain or gzip), or null when there is none. */
export function workspaceFileIn(dir: string): string | null {
  for (const name of [FILE_NAME, GZ_FILE_NAME]) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

const fileError = (path: string, issue: FileIssue) => new CliError(`${path}: ${describeIssue(issue)}`, { file: path, line: issue.line, table: issue.table, path: issue.path });

/** Read and validate a workspace directory, line by line (every record through load()). */
export async function readWorkspaceDir(dir: string): Promise<WorkspaceData> {
  if (!existsSync(dir)) throw new CliError(`workspace directory not found: ${dir}`, { dir });
  if (!statSync(dir).isDirectory()) throw new CliError(`not a directory: ${dir}`, { dir });
  const path = workspaceFileIn(dir);
  if (!path) throw new CliError(`no workspace in ${dir} (expected ${FILE_NAME} or ${GZ_FILE_NAME}; create one with "meridian import")`, { dir });
  return readWorkspaceFile(path);
}

export async function readWorkspaceFile(path: string): Promise<WorkspaceData> {
  const raw = createReadStream(path);
  const text = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const failed = new Promise<never>((_, reject) => {
    const fail = (e: Error) => reject(new CliError(`${path}: cannot read (${e.message})`, { file: path }));
    raw.on('error', fail);
    text.on('error', fail);
  });
  const read = async (): Promise<WorkspaceData> => {
    const lines = createInterface({ input: text, crlfDelay: Infinity });
    const tables = emptyTables();
    const seen: Partial<Record<TableName, number>> = {};
    const ids: Partial<Record<TableName, Set<string>>> = {};
    let header: Awaited<ReturnType<typeof readHeader>> | null = null;
    let n = 0;
    for await (const line of lines) {
      n += 1;
      if (n === 1) {
        header = readHeader(line);
        if (!header.ok) throw fileError(path, header.issue);
        continue;
      }
      if (!header?.ok) break;
      const r = readRecordLine(line, n, header.value.version);
      if (r === null) continue;
      if (!r.ok) throw fileError(path, r.issue);
      const { table, record } = r.value;
      const key = (record.id ?? record.sku) as string | undefined;
      if (key !== undefined) {
        const set = (ids[table] ??= new Set());
        if (set.has(key)) throw fileError(path, { reason: 'duplicate-record', line: n, table, message: `a second ${table} record with id "${key}"` });
        set.add(key);
      }
      tables[table].push(record);
      seen[table] = (seen[table] ?? 0) + 1;
    }
    if (!header) throw fileError(path, { reason: 'empty', message: 'the workspace file is empty' });
    const mismatch = checkCounts(header.value, seen);
    if (mismatch) throw fileError(path, mismatch);
    return { workspace: header.value.workspace, tables };
  };
  return Promise.race([read(), failed]);
}

function localNow(): string {
  const d = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Write the workspace file atomically: a temporary file beside it, renamed over the old one
 * only once complete, so a crash or a full disk never leaves a half-written workspace.
 */
export async function writeWorkspaceDir(dir: string, data: WorkspaceData, opts: { gzip?: boolean } = {}): Promise<string> {
  await mkdir(dir, { recursive: true });
  const existing = workspaceFileIn(dir);
  const gzip = opts.gzip ?? existing?.endsWith('.gz') ?? false;
  const target = join(dir, gzip ? GZ_FILE_NAME : FILE_NAME);
  const tmp = `${target}.tmp-${process.pid}-${Date.now().toString(36)}`;
  const file = createWriteStream(tmp);
  const out = gzip ? createGzip() : null;
  if (out) out.pipe(file);
  const sink = out ?? file;
  const done = once(file, 'close');
  try {
    const counts: Partial<Record<TableName, number>> = {};
    for (const t of TABLE_NAMES) counts[t] = data.tables[t].length;
    let buf = headerLine(data.workspace, counts, localNow()) + '\n';
    const flush = async () => {
      if (!sink.write(buf)) await once(sink, 'drain');
      buf = '';
    };
    for (const t of TABLE_NAMES) {
      for (const r of data.tables[t]) {
        buf += recordLine(t, r) + '\n';
        if (buf.length > 1 << 20) await flush();
      }
    }
    await flush();
    sink.end();
    await done;
    await rename(tmp, target);
    // A plain file replaces a gzip one (or the reverse): keep exactly one workspace file.
    if (existing && existing !== target) await rm(existing, { force: true });
    return target;
  } catch (e) {
    file.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}
