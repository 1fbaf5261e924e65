import type { CancelToken, ProgressFn } from '../src/core/jobs';
import type { AssembledImport, StagedImport } from '../src/core/import/assemble';
import { planCommit, type ImportCounts } from '../src/core/import/commitPlan';
import { ImportFileError } from '../src/core/import/errors';
import { ledgerTables, writeLedgers } from '../src/storage/ledgers';
import { bumpStats, writeStats, zeroCounts } from '../src/storage/stats';
import { createWorkspace, deleteWorkspace, getActiveWorkspaceId, markComplete, setActiveWorkspace } from '../src/storage/workspaces';
import { commitImport, importWorkspace, localNow, newImportId, type CommitOptions } from './importCommit';

/**
 * Committing an assembled import. Into a NEW workspace (the scale path): the workspace is
 * built aside (catalogue entry complete=false) in batches of members, each batch one
 * transaction through writeLedgers, then products, stores and the journal; only then is it
 * marked complete and made active. A failure or cancel deletes it, so nothing half-written
 * is ever visible and the active workspace is never touched. Into the ACTIVE workspace: the
 * one-transaction merge of importCommit.ts, which needs every order as an object, hence the
 * size limit below.
 */

/** Members per write batch (and at most 5× as many orders): big enough to amortise a transaction, small enough to cancel promptly. */
export const MEMBER_BATCH = 2000;
/** Above this many rows an import goes into a new workspace: the one-transaction merge holds ~0.5 KB per row. */
export const ACTIVE_MAX_ROWS = 2_000_000;

const nothingStaged = (): StagedImport => ({
  orders: [], members: [], products: [], stores: [], rows: 0, skippedRows: 0, skippedOrders: 0, errorRows: 0, issues: [], firstAt: null, lastAt: null,
});

export interface BuildLimits {
  memberBatch?: number;
  activeMaxRows?: number;
}

export async function commitAssembled(
  a: AssembledImport, opts: CommitOptions, onProgress: ProgressFn, token: CancelToken, limits: BuildLimits = {},
): Promise<{ workspaceId: string; counts: ImportCounts }> {
  const active = opts.target === 'active' ? await getActiveWorkspaceId() : null;
  if (active) {
    const max = limits.activeMaxRows ?? ACTIVE_MAX_ROWS;
    if (a.rows > max) throw new ImportFileError('too-big-for-active', { rows: a.rows, max });
    return commitImport(a.toStaged(), opts, onProgress, token);
  }
  return buildWorkspace(a, opts, onProgress, token, limits.memberBatch ?? MEMBER_BATCH);
}

async function buildWorkspace(
  a: AssembledImport, opts: CommitOptions, onProgress: ProgressFn, token: CancelToken, memberBatch: number,
): Promise<{ workspaceId: string; counts: ImportCounts }> {
  const ws = importWorkspace(opts.fileName, opts.currency, a.lastAt);
  const counts: ImportCounts = {
    rows: a.rows, orders: 0, sales: 0, refunds: 0, members: 0, membersNew: 0, guestOrders: 0, lines: 0, products: 0,
    skippedRows: a.skippedRows, skippedOrders: a.skippedOrders, duplicates: 0,
  };
  const total = a.orders;
  let written = 0;
  let inFlight: Promise<number> | null = null;
  const landed = async () => {
    if (!inFlight) return;
    written += await inFlight;
    inFlight = null;
    onProgress({ phase: 'commit', done: written, total });
  };
  try {
    const db = await createWorkspace(ws);
    await db.transaction('rw', db.stats, () => writeStats(db, zeroCounts()));
    onProgress({ phase: 'commit', done: 0, total });
    for (const batch of a.batches(memberBatch)) {
      // A new workspace knows nothing yet: every customer is a new member, every order new.
      const plan = planCommit({ ...nothingStaged(), orders: batch.orders, members: batch.members });
      for (const k of ['orders', 'sales', 'refunds', 'members', 'membersNew', 'guestOrders', 'lines'] as const) counts[k] += plan.counts[k];
      // This batch was built while the last one was being written (IndexedDB writes in the browser's process).
      await landed();
      token.throwIfCancelled();
      const rows = { members: plan.newMembers, identities: plan.identities, orders: plan.orders };
      inFlight = db.transaction('rw', ledgerTables(db), () => writeLedgers(db, rows)).then(() => rows.orders.length);
    }
    await landed();
    token.throwIfCancelled();
    const products = a.products;
    counts.products = products.length;
    await db.transaction('rw', [db.products, db.stores, db.stats, db.imports], async () => {
      await db.products.bulkAdd(products);
      await db.stores.bulkAdd(a.stores);
      await bumpStats(db, { products: products.length, stores: a.stores.length });
      opts.hooks?.beforeJournal?.();
      await db.imports.add({ id: newImportId(), fileName: opts.fileName, committedAt: localNow(), counts: { ...counts } });
    });
    token.throwIfCancelled();
    await markComplete(ws.id);
    await setActiveWorkspace(ws.id);
    return { workspaceId: ws.id, counts };
  } catch (e) {
    await (inFlight as Promise<number> | null)?.catch(() => 0);
    await deleteWorkspace(ws.id).catch(() => {});
    throw e;
  }
}
