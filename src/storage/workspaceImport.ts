import type { Table } from 'dexie';
import { JobCancelled, type CancelToken, type ProgressFn } from '../core/jobs';
import { TABLE_NAMES, type Order, type TableName } from '../core/model';
import { checkCounts, describeIssue, readHeader, readRecordLine, type FileHeader, type FileIssue } from '../core/model/exportFile';
import type { WorkspaceDB } from './db';
import { bumpStats, ordersDelta, zeroCounts, writeStats, type CountsDelta, type WorkspaceCounts } from './stats';
import { assertWriter } from './tabLock';
import { createWorkspace, dropWorkspace, markComplete, newWorkspaceId } from './workspaces';

/**
 * Restore a workspace file into a NEW workspace built aside: createWorkspace (incomplete) →
 * batched bulkAdd with the counts bumped in the same transactions → markComplete. Any error
 * or a cancel deletes that workspace, so nothing half-written remains; the active workspace
 * is never touched (the caller switches to the new one).
 */
export class WorkspaceFileError extends Error {
  constructor(readonly issue: FileIssue) {
    super(describeIssue(issue));
    this.name = 'WorkspaceFileError';
  }
}

export interface ImportedWorkspace {
  workspaceId: string;
  counts: WorkspaceCounts;
  header: FileHeader;
}

export interface ImportOptions {
  batchSize?: number;
}

const fail = (issue: FileIssue): never => {
  throw new WorkspaceFileError(issue);
};

/** Split a text stream into lines, numbered from 1; a final line without '\n' counts too. */
async function* lines(stream: ReadableStream<string>): AsyncGenerator<{ line: number; text: string }> {
  const reader = stream.getReader();
  let rest = '';
  let line = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (e) {
        return fail({ reason: 'unreadable', line: line + 1, message: `the file cannot be read (${(e as Error).message}); it may be damaged or cut off` });
      }
      if (chunk.done) break;
      rest += chunk.value;
      let from = 0;
      let nl: number;
      while ((nl = rest.indexOf('\n', from)) >= 0) {
        yield { line: ++line, text: rest.slice(from, nl) };
        from = nl + 1;
      }
      rest = rest.slice(from);
    }
    if (rest !== '') yield { line: ++line, text: rest };
  } finally {
    // Stop reading (and unpacking) when the caller stops early: error or cancel.
    reader.cancel().catch(() => undefined);
  }
}

async function openText(file: Blob, onBytes: (n: number) => void): Promise<ReadableStream<string>> {
  if (file.size === 0) fail({ reason: 'empty', message: 'the file is empty (0 bytes)' });
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
  let bytes: ReadableStream<Uint8Array> = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctrl) {
        onBytes(chunk.byteLength);
        ctrl.enqueue(chunk);
      },
    }),
  );
  if (gzipped) {
    if (typeof DecompressionStream === 'undefined') {
      fail({ reason: 'unreadable', message: 'this browser cannot unpack a gzip file; export again without compression' });
    }
    bytes = bytes.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  }
  return bytes.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as unknown as TransformStream<Uint8Array, string>);
}

interface Buffer {
  rows: Record<string, unknown>[];
  lines: number[];
}

export async function importWorkspaceFile(
  file: Blob, onProgress?: ProgressFn, token?: CancelToken, options: ImportOptions = {},
): Promise<ImportedWorkspace> {
  assertWriter();
  const batch = options.batchSize ?? 5000;
  let bytesRead = 0;
  const text = await openText(file, (n) => (bytesRead += n));
  let db: WorkspaceDB | null = null;
  let workspaceId: string | null = null;
  try {
    let header: FileHeader | null = null;
    const seen: Partial<Record<TableName, number>> = {};
    const buffers = new Map<TableName, Buffer>();

    const flush = async (t: TableName): Promise<void> => {
      const buf = buffers.get(t);
      if (!buf || buf.rows.length === 0 || !db) return;
      token?.throwIfCancelled();
      assertWriter(); // another tab may have taken over mid-restore
      buffers.set(t, { rows: [], lines: [] });
      const delta: CountsDelta = t === 'orders' ? ordersDelta(buf.rows as unknown as Order[]) : { [t]: buf.rows.length };
      const target = db;
      const table = target.table(t) as Table<Record<string, unknown>, string>;
      try {
        await target.transaction('rw', table, target.stats, async () => {
          await table.bulkAdd(buf.rows);
          await bumpStats(target, delta);
        });
      } catch (e) {
        const byPos = (e as { failuresByPos?: Record<number, Error> }).failuresByPos;
        const pos = byPos ? Number(Object.keys(byPos)[0]) : NaN;
        if (Number.isInteger(pos)) {
          const key = table.schema.primKey.keyPath as string;
          fail({ reason: 'duplicate-record', line: buf.lines[pos], table: t, path: key, message: `a second record with ${key} "${String(buf.rows[pos][key])}"` });
        }
        throw e;
      }
      onProgress?.({ phase: 'import', done: bytesRead, total: file.size });
    };

    for await (const { line, text: raw } of lines(text)) {
      if (line === 1) {
        const h = readHeader(raw);
        if (!h.ok) fail(h.issue);
        header = (h as { value: FileHeader }).value;
        workspaceId = newWorkspaceId();
        db = await createWorkspace({ ...header.workspace, id: workspaceId });
        await writeStats(db, zeroCounts());
        continue;
      }
      const r = readRecordLine(raw, line, header!.version);
      if (r === null) continue;
      if (!r.ok) fail(r.issue);
      const { table, record } = (r as { value: { table: TableName; record: Record<string, unknown> } }).value;
      seen[table] = (seen[table] ?? 0) + 1;
      let buf = buffers.get(table);
      if (!buf) buffers.set(table, (buf = { rows: [], lines: [] }));
      buf.rows.push(record);
      buf.lines.push(line);
      if (buf.rows.length >= batch) await flush(table);
    }
    if (!header || !db || !workspaceId) fail({ reason: 'empty', message: 'the file has no header line' });
    for (const t of TABLE_NAMES) await flush(t);
    const mismatch = checkCounts(header!, seen);
    if (mismatch) fail(mismatch);
    token?.throwIfCancelled();
    const counts = { ...zeroCounts(), ...(await db!.stats.get('counts'))!.counts } as WorkspaceCounts;
    await markComplete(workspaceId!);
    onProgress?.({ phase: 'import', done: file.size, total: file.size });
    return { workspaceId: workspaceId!, counts, header: header! };
  } catch (e) {
    if (workspaceId) await dropWorkspace(workspaceId);
    if (e instanceof WorkspaceFileError || e instanceof JobCancelled) throw e;
    throw new WorkspaceFileError({ reason: 'unreadable', message: `the restore failed: ${(e as Error).message}` });
  }
}
