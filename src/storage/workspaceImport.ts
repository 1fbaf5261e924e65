import type { Table } from 'dexie';
import { JobCancelled, type CancelToken, type ProgressFn } from '../core/jobs';
import { TABLE_NAMES, type TableName } from '../core/model';
import { checkCounts, describeIssue, readHeader, readRecordLine, type FileHeader, type FileIssue } from '../core/model/exportFile';
import type { WorkspaceDB } from './db';
import { LEDGER_PARTS, ledgerTables, writeLedgers, type LedgerRows } from './ledgers';
import { bumpStats, zeroCounts, writeStats, type WorkspaceCounts } from './stats';
import { assertWriter } from './tabLock';
import { createWorkspace, dropWorkspace, markComplete, newWorkspaceId } from './workspaces';

/**
 * Restore a workspace file into a NEW workspace built aside: createWorkspace (incomplete) →
 * batches written with the counts bumped in the same transactions (members and their rows
 * through writeLedgers, other tables by bulkAdd) → markComplete. Any error
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

/** Rows bound for ledgers, with the line each came from (the last line per table+id). */
interface LedgerBuffer {
  rows: Required<LedgerRows>;
  n: number;
  lineOf: Map<string, number>;
}
const IN_LEDGER = new Set<string>(['members', ...LEDGER_PARTS]);
const emptyRows = (): LedgerBuffer => ({
  rows: { members: [], identities: [], orders: [], touches: [], coupons: [], subprofiles: [] },
  n: 0,
  lineOf: new Map(),
});

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
    let ledgerBuf = emptyRows();

    const before = (): WorkspaceDB => {
      token?.throwIfCancelled();
      assertWriter(); // another tab may have taken over mid-restore
      return db!;
    };

    // Members and their rows go through writeLedgers with merge: a member whose rows straddle
    // two batches is merged, and any id stored before is reported (a duplicate in the file).
    const flushLedgers = async (): Promise<void> => {
      if (ledgerBuf.n === 0 || !db) return;
      const target = before();
      const buf = ledgerBuf;
      ledgerBuf = emptyRows();
      const { replaced } = await target.transaction('rw', ledgerTables(target), () => writeLedgers(target, buf.rows, { merge: true }));
      if (replaced.length) {
        const { table, id } = replaced[0];
        fail({ reason: 'duplicate-record', line: buf.lineOf.get(`${table}\u0000${id}`), table, path: 'id', message: `a second record with id "${id}"` });
      }
      onProgress?.({ phase: 'import', done: bytesRead, total: file.size });
    };

    const flush = async (t: TableName): Promise<void> => {
      const buf = buffers.get(t);
      if (!buf || buf.rows.length === 0 || !db) return;
      const target = before();
      buffers.set(t, { rows: [], lines: [] });
      const table = target.table(t) as Table<Record<string, unknown>, string>;
      try {
        await target.transaction('rw', table, target.stats, async () => {
          await table.bulkAdd(buf.rows);
          await bumpStats(target, { [t]: buf.rows.length });
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
        if (header.oneid.splits.length || Object.keys(header.oneid.trust).length) await db.oneid.put({ key: 'settings', value: header.oneid });
        continue;
      }
      const r = readRecordLine(raw, line, header!.version);
      if (r === null) continue;
      if (!r.ok) fail(r.issue);
      const { table, record } = (r as { value: { table: TableName; record: Record<string, unknown> } }).value;
      seen[table] = (seen[table] ?? 0) + 1;
      if (IN_LEDGER.has(table)) {
        (ledgerBuf.rows[table as keyof LedgerRows] as unknown[]).push(record);
        ledgerBuf.lineOf.set(`${table}\u0000${String(record.id)}`, line);
        if (++ledgerBuf.n >= batch) await flushLedgers();
        continue;
      }
      let buf = buffers.get(table);
      if (!buf) buffers.set(table, (buf = { rows: [], lines: [] }));
      buf.rows.push(record);
      buf.lines.push(line);
      if (buf.rows.length >= batch) await flush(table);
    }
    if (!header || !db || !workspaceId) fail({ reason: 'empty', message: 'the file has no header line' });
    await flushLedgers();
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
