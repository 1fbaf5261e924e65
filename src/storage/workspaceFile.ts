import type { Table } from 'dexie';
import type { CancelToken, ProgressFn } from '../core/jobs';
import { TABLE_NAMES, type Member, type TableName, type Workspace } from '../core/model';
import { checkCounts, headerLine, recordLine, type FileHeader } from '../core/model/exportFile';
import type { MemberLedger, WorkspaceDB } from './db';
import { LEDGER_PARTS } from './ledgers';
import { countAll, OWN_TABLES, recountStats, type WorkspaceCounts } from './stats';
import { readWorkspace } from './workspaces';
import { readOneIdSettings } from './oneid';

/**
 * Export and restore a whole workspace as one file (format: src/core/model/exportFile.ts).
 * The file stays row-level ({t: table, r: record} per line, tables as in TABLE_RECORDS) even
 * though members' rows are stored as ledgers. Both stream: export reads ledgers (member by
 * member) and then each other table by primary-key keyset in batches and turns every batch
 * into a Blob at once (a browser keeps big Blobs off the JS heap), so 10M orders never sit in
 * memory as objects or one giant string; restore reads the file line by line.
 */
export interface WorkspaceFileOptions {
  /** gzip through CompressionStream (default: when the runtime has it). */
  compress?: boolean;
  /** Rows per read or write batch. */
  batchSize?: number;
}

const DEFAULT_BATCH = 5000;
const canGzip = (): boolean => typeof CompressionStream !== 'undefined';

/** A file name like `demo-mother-baby-2026-11-23.meridian.ndjson.gz`. */
export function workspaceFileName(name: string, exportedAt: string, compressed = canGzip()): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
  return `${slug}-${exportedAt.slice(0, 10)}.meridian.ndjson${compressed ? '.gz' : ''}`;
}

function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Collects bytes into Blob parts of a few MB so the heap holds at most one part. */
class BlobSink {
  parts: Blob[] = [];
  private buf: (string | Uint8Array)[] = [];
  private size = 0;
  push(chunk: string | Uint8Array): void {
    this.buf.push(chunk);
    this.size += chunk.length;
    if (this.size >= 4 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) this.parts.push(new Blob(this.buf as BlobPart[]));
    this.buf = [];
    this.size = 0;
  }
}

export async function exportWorkspace(
  db: WorkspaceDB, onProgress?: ProgressFn, token?: CancelToken, options: WorkspaceFileOptions = {},
): Promise<Blob> {
  const workspace = await readWorkspace(db);
  if (!workspace) throw new Error('this workspace has no settings record; it cannot be exported');
  // The header promises counts before the rows are read: take the stats row (exact by design);
  // should the rows read disagree, recount once and export again rather than write a file
  // that restore would refuse.
  const first = await exportWith(db, workspace, await countAll(db), onProgress, token, options);
  if (first.blob) return first.blob;
  const second = await exportWith(db, workspace, await recountStats(db), onProgress, token, options);
  if (second.blob) return second.blob;
  throw new Error(`the workspace changed during the export (${second.mismatch}); export again when nothing is writing`);
}

type Sink = (table: TableName, rows: readonly unknown[]) => Promise<void>;

async function exportWith(
  db: WorkspaceDB, workspace: Workspace, counts: WorkspaceCounts, onProgress: ProgressFn | undefined,
  token: CancelToken | undefined, options: WorkspaceFileOptions,
): Promise<{ blob: Blob | null; mismatch?: string }> {
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const compress = options.compress ?? canGzip();
  const perTable: Partial<Record<TableName, number>> = {};
  for (const t of TABLE_NAMES) perTable[t] = counts[t];
  const total = TABLE_NAMES.reduce((s, t) => s + counts[t], 0);
  const { out, write, finish } = openSink(compress);

  await write(headerLine(workspace, perTable, localNow(), await readOneIdSettings(db)) + '\n');
  const seen: Partial<Record<TableName, number>> = {};
  let done = 0;
  let text = '';
  const emit: Sink = async (t, rows) => {
    for (const r of rows) text += recordLine(t, r) + '\n';
    seen[t] = (seen[t] ?? 0) + rows.length;
    done += rows.length;
  };
  const flush = async (): Promise<void> => {
    token?.throwIfCancelled();
    await write(text);
    text = '';
    onProgress?.({ phase: 'export', done, total: Math.max(total, done) });
  };
  await exportLedgers(db, emit, flush, Math.max(1, Math.ceil(batch / 20)));
  for (const t of OWN_TABLES) {
    if (t === 'members') continue;
    const table = db.table(t) as Table<Record<string, unknown>, string>;
    const keyPath = table.schema.primKey.keyPath as string;
    let last: string | null = null;
    for (;;) {
      token?.throwIfCancelled();
      const rows = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(batch).toArray();
      if (rows.length === 0) break;
      await emit(t, rows);
      await flush();
      last = rows[rows.length - 1][keyPath] as string;
      if (rows.length < batch) break;
    }
  }
  await finish();
  out.flush();
  const mismatch = checkCounts({ counts: perTable } as FileHeader, seen);
  if (mismatch) return { blob: null, mismatch: mismatch.message };
  onProgress?.({ phase: 'export', done, total: done });
  return { blob: new Blob(out.parts, { type: compress ? 'application/gzip' : 'application/x-ndjson' }) };
}

/**
 * Member by member, so a member's rows are contiguous in the file: its member line, then its
 * identities, orders, touches, coupons, sub-profiles; guest-order chunks last. Members that
 * have no ledger (not written through writeLedgers) follow in a second pass.
 */
async function exportLedgers(db: WorkspaceDB, emit: Sink, flush: () => Promise<void>, batch: number): Promise<void> {
  let withLedger = 0;
  let last: string | null = null;
  for (;;) {
    const ledgers: MemberLedger[] = await (last === null ? db.ledgers.orderBy(':id') : db.ledgers.where(':id').above(last)).limit(batch).toArray();
    if (ledgers.length === 0) break;
    const members = await db.members.bulkGet(ledgers.map((l) => l.memberId));
    for (let k = 0; k < ledgers.length; k++) {
      const m = members[k];
      if (m) {
        await emit('members', [m]);
        withLedger++;
      }
      for (const part of LEDGER_PARTS) await emit(part, ledgers[k][part]);
    }
    await flush();
    last = ledgers[ledgers.length - 1].memberId;
    if (ledgers.length < batch) break;
  }
  if (withLedger === (await db.members.count())) return;
  last = null;
  for (;;) {
    const members: Member[] = await (last === null ? db.members.orderBy(':id') : db.members.where(':id').above(last)).limit(batch * 20).toArray();
    if (members.length === 0) break;
    const has = new Set(await db.ledgers.where(':id').anyOf(members.map((m) => m.id)).primaryKeys());
    await emit('members', members.filter((m) => !has.has(m.id)));
    await flush();
    last = members[members.length - 1].id;
    if (members.length < batch * 20) break;
  }
}

function openSink(compress: boolean): { out: BlobSink; write: (text: string) => Promise<void>; finish: () => Promise<void> } {
  const out = new BlobSink();
  if (!compress) return { out, write: async (text) => out.push(text), finish: async () => undefined };
  const gzip = new CompressionStream('gzip');
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  const drained = (async () => {
    const reader = gzip.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      out.push(value);
    }
  })();
  return {
    out,
    write: async (text) => {
      if (!text) return;
      await writer.ready;
      await writer.write(encoder.encode(text));
    },
    finish: async () => {
      await writer.close();
      await drained;
    },
  };
}

export { importWorkspaceFile, WorkspaceFileError, type ImportedWorkspace, type ImportOptions } from './workspaceImport';
