import { CancelToken, throttleProgress, yieldToLoop, type ProgressFn } from '../src/core/jobs';
import { generateDemo, type DemoBatch, type DemoOptions } from '../src/core/demo';
import { bumpStats, ordersDelta } from '../src/storage/repositories';
import { writeStats, zeroCounts } from '../src/storage/stats';
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
}

export interface DemoWriteOptions {
  /** Members per batch (one transaction each); defaults to WRITE_BATCH_MEMBERS. */
  batchSize?: number;
}

/**
 * Members per write transaction. Smaller than the generator's streaming batch: a browser
 * writes ~35k rows (1,000 members) in a second or two, so cancel is noticed and progress
 * moves at that pace even on a slow device.
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
  try {
    progress({ phase: 'generate', done: 0, total });
    const db = await createWorkspace({ ...demo.workspace, id: workspaceId, createdAt: new Date().toISOString() });
    await db.transaction('rw', [db.stores, db.products, db.stats], async () => {
      // Exact counts from the start: every later batch adds to them in its own transaction.
      await writeStats(db, zeroCounts());
      await db.stores.bulkAdd(demo.stores);
      await db.products.bulkAdd(demo.products);
      await bumpStats(db, { stores: demo.stores.length, products: demo.products.length });
    });
    const size = Math.max(1, writeOptions.batchSize ?? WRITE_BATCH_MEMBERS);
    // `done` counts members written; `phase` says what is happening to the next batch.
    for (let from = 0; from < total; from += size) {
      await yieldToLoop();
      token.throwIfCancelled();
      progress({ phase: 'generate', done: from, total });
      const batch = demo.range(from, from + size);
      progress({ phase: 'write', done: from, total });
      await writeBatch(db, batch);
      addCounts(counts, batch);
    }
    await yieldToLoop();
    token.throwIfCancelled();
    await markComplete(workspaceId);
    await setActiveWorkspace(workspaceId);
    progress({ phase: 'write', done: total, total });
    return { workspaceId, counts };
  } catch (e) {
    // Whatever got written (even a catalogue entry alone) goes: nothing half-built remains.
    if (await getCatalogue().workspaces.get(workspaceId)) await deleteWorkspace(workspaceId);
    throw e;
  }
}

async function writeBatch(db: Awaited<ReturnType<typeof createWorkspace>>, b: DemoBatch): Promise<void> {
  await db.transaction('rw', [db.members, db.identities, db.orders, db.subprofiles, db.touches, db.coupons, db.stats], async () => {
    await Promise.all([
      db.members.bulkAdd(b.members),
      db.identities.bulkAdd(b.identities),
      db.orders.bulkAdd(b.orders),
      db.subprofiles.bulkAdd(b.subprofiles),
      db.touches.bulkAdd(b.touches),
      db.coupons.bulkAdd(b.coupons),
    ]);
    await bumpStats(db, {
      ...ordersDelta(b.orders),
      members: b.members.length,
      identities: b.identities.length,
      subprofiles: b.subprofiles.length,
      touches: b.touches.length,
      coupons: b.coupons.length,
    });
  });
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
