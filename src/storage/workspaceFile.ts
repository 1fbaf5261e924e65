import type { Table } from 'dexie';
import type { CancelToken, ProgressFn } from '../core/jobs';
import { TABLE_NAMES, type TableName } from '../core/model';
import { headerLine, recordLine } from '../core/model/exportFile';
import type { WorkspaceDB } from './db';
import { recount } from './stats';
import { readWorkspace } from './workspaces';

/**
 * Export and restore a whole workspace as one file (format: src/core/model/exportFile.ts).
 * Both stream: export reads each table by primary-key keyset in batches and turns every batch
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
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const compress = options.compress ?? canGzip();
  const workspace = await readWorkspace(db);
  if (!workspace) throw new Error('this workspace has no settings record; it cannot be exported');
  const counts = await recount(db);
  const perTable: Partial<Record<TableName, number>> = {};
  for (const t of TABLE_NAMES) perTable[t] = counts[t];
  const total = TABLE_NAMES.reduce((s, t) => s + counts[t], 0);

  const out = new BlobSink();
  let write: (text: string) => Promise<void> = async (text) => out.push(text);
  let finish = async (): Promise<void> => undefined;
  if (compress) {
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
    write = async (text) => {
      await writer.ready;
      await writer.write(encoder.encode(text));
    };
    finish = async () => {
      await writer.close();
      await drained;
    };
  }

  await write(headerLine(workspace, perTable, localNow()) + '\n');
  let done = 0;
  for (const t of TABLE_NAMES) {
    const table = db.table(t) as Table<Record<string, unknown>, string>;
    const keyPath = table.schema.primKey.keyPath as string;
    let last: string | null = null;
    for (;;) {
      token?.throwIfCancelled();
      const rows = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(batch).toArray();
      if (rows.length === 0) break;
      let text = '';
      for (const r of rows) text += recordLine(t, r) + '\n';
      await write(text);
      last = rows[rows.length - 1][keyPath] as string;
      done += rows.length;
      onProgress?.({ phase: 'export', done, total: Math.max(total, done) });
      if (rows.length < batch) break;
    }
  }
  await finish();
  out.flush();
  onProgress?.({ phase: 'export', done, total: done });
  return new Blob(out.parts, { type: compress ? 'application/gzip' : 'application/x-ndjson' });
}

export { importWorkspaceFile, WorkspaceFileError, type ImportedWorkspace, type ImportOptions } from './workspaceImport';
