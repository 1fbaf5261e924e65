import { CancelToken, throttleProgress, yieldToLoop, type ProgressFn } from '../src/core/jobs';
import { generateDemo, type DemoBatch, type DemoOptions } from '../src/core/demo';
import { seedTagDefinitions } from '../src/core/tags/seeds';
import type { WorkspaceDB } from '../src/storage/db';
import { ledgerTables, writeLedgers } from '../src/storage/ledgers';
import { bumpStats, writeStats, zeroCounts } from '../src/storage/stats';
import { createWorkspace, deleteWorkspace, getCatalogue, markComplete, newWorkspaceId, setActiveWorkspace } from '../src/storage/workspaces';

export type { DemoOptions } from '../src/core/demo';

/** How many rows of each kind a generated demo holds. */
export interface DemoCounts {
  members: number;
  identities: number;
  orders: number;
  refunds: number;
  subprofiles: number;
  touches: number;
  coupons: number;
  stores: number;
  products: number;
}

export interface DemoResult {
  workspaceId: string;
  counts: DemoCounts;
  /**
   * Wall-clock milliseconds for benchmarks: generating rows, waiting for writes (what the
   * pipelining did not hide) and the whole member phase (first batch to last commit).
   */
  timings: { generateMs: number; writeMs: number; totalMs: number };
}

export interface DemoWriteOptions {
  /** Members per batch (one transaction each); defaults to WRITE_BATCH_MEMBERS. */
  batchSize?: number;
}

/**
 * Members per write transaction (one ledger record each, ~35 rows nested). Smaller than the
 * generator's streaming batch so cancel is noticed and progress moves within a second or so
 * even on a slow device.
 */
export const WRITE_BATCH_MEMBERS = 1000;

/**
 * Generate a demo brand into a new workspace, built aside: stores and products first, then
 * one Dexie transaction per batch of members, yielding between batches so a `cancel` gets
 * through. Only a complete workspace is marked complete and made active; on cancel or error
 * the half-built one is deleted and the error (JobCancelled on cancel) rethrown.
 */
export async function generateDemoWorkspace(
  opts: DemoOptions,
  onProgress: ProgressFn,
  token: CancelToken,
  writeOptions: DemoWriteOptions = {},
): Promise<DemoResult> {
  const demo = generateDemo(opts);
  const progress = throttleProgress(onProgress, 100);
  const total = demo.workspace.source.kind === 'demo' ? demo.workspace.source.members : 0;
  const workspaceId = newWorkspaceId();
  const counts: DemoCounts = {
    members: 0, identities: 0, orders: 0, refunds: 0, subprofiles: 0, touches: 0, coupons: 0,
    stores: demo.stores.length, products: demo.products.length,
  };
  const timings = { generateMs: 0, writeMs: 0 };
  let pending: Promise<void> | null = null;
  const settle = async (): Promise<void> => {
    const p = pending;
    pending = null;
    if (p) await p;
  };
  try {
    progress({ phase: 'generate', done: 0, total });
    const db = await createWorkspace({ ...demo.workspace, id: workspaceId, createdAt: new Date().toISOString() });
    // The brand's seed tag catalogue (core/tags/seeds.ts); the app evaluates it once the
    // workspace is open (src/app/tagRecompute.ts: never-evaluated tags are due).
    const seedTags = seedTagDefinitions(opts.template, `${demo.workspace.asOf}T00:00:00`);
    await db.transaction('rw', [db.stores, db.products, db.tags, db.stats], async () => {
      // Exact counts from the start: every later batch adds to them in its own transaction.
      await writeStats(db, zeroCounts());
      await db.stores.bulkAdd(demo.stores);
      await db.products.bulkAdd(demo.products);
      await db.tags.bulkAdd(seedTags);
      await bumpStats(db, { stores: demo.stores.length, products: demo.products.length, tags: seedTags.length });
    });
    const size = Math.max(1, writeOptions.batchSize ?? WRITE_BATCH_MEMBERS);
    // `done` counts members written; `phase` says what is happening to the next batch.
    // Pipelined: batch n+1 is generated while IndexedDB stores batch n (its puts run outside
    // this thread), then batch n's commit is awaited before batch n+1 is written.
    const started = performance.now();
    for (let from = 0; from < total; from += size) {
      await yieldToLoop();
      token.throwIfCancelled();
      progress({ phase: 'generate', done: from, total });
      let t = performance.now();
      const batch = demo.range(from, from + size);
      timings.generateMs += performance.now() - t;
      t = performance.now();
      await settle();
      timings.writeMs += performance.now() - t;
      progress({ phase: 'write', done: from, total });
      pending = writeBatch(db, batch);
      addCounts(counts, batch);
    }
    const t = performance.now();
    await settle();
    timings.writeMs += performance.now() - t;
    const totalMs = performance.now() - started;
    await yieldToLoop();
    token.throwIfCancelled();
    await markComplete(workspaceId);
    await setActiveWorkspace(workspaceId);
    progress({ phase: 'write', done: total, total });
    return {
      workspaceId, counts,
      timings: { generateMs: Math.round(timings.generateMs), writeMs: Math.round(timings.writeMs), totalMs: Math.round(totalMs) },
    };
  } catch (e) {
    // A write still running finishes (or fails) before its database is deleted.
    await pending?.catch(() => undefined);
    // Whatever got written (even a catalogue entry alone) goes: nothing half-built remains.
    if (await getCatalogue().workspaces.get(workspaceId)) await deleteWorkspace(workspaceId);
    throw e;
  }
}

/**
 * One transaction per batch: the batch's members become ledgers (one record each, all of a
 * member's rows nested: 6–10× faster than a record per row, docs/storage.md). merge false:
 * a fresh workspace has nothing to merge with, so no reads.
 */
async function writeBatch(db: WorkspaceDB, b: DemoBatch): Promise<void> {
  await db.transaction('rw', ledgerTables(db), () => writeLedgers(db, b, { merge: false }));
}

function addCounts(c: DemoCounts, b: DemoBatch): void {
  c.members += b.members.length;
  c.identities += b.identities.length;
  c.orders += b.orders.length;
  c.subprofiles += b.subprofiles.length;
  c.touches += b.touches.length;
  c.coupons += b.coupons.length;
  for (const o of b.orders) if (o.kind === 'refund') c.refunds++;
}
