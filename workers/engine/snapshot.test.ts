import { describe, expect, it } from 'vitest';
import { ColumnsBuilder } from '../../src/core/columnar/build';
import type { Order } from '../../src/core/model';
import { commitLedgers } from '../../src/storage/ledgers';
import { buildSnapshot, dataStamp, ensureSnapshot, loadSnapshot, saveSnapshot } from '../../src/storage/snapshots';
import { seedWorkspace } from '../../src/storage/testWorkspace';
import { demoSlice } from './testData';

describe('columnar snapshot in IndexedDB', () => {
  it('persists in chunks and loads back identical columns', async () => {
    const { db, bundles, products } = await demoSlice(300);
    const built = await buildSnapshot(db);
    // The same columns as building from the generator's records directly.
    const direct = new ColumnsBuilder(products);
    bundles.forEach((b) => direct.add(b));
    expect(built.cols).toEqual(direct.finish());
    expect(built.cols.memberCount).toBe(300);

    // Tiny chunks so every column and the id list span several rows.
    await saveSnapshot(db, built, 0, { chunkBytes: 256, chunkIds: 64 });
    expect(await db.snapshots.count()).toBeGreaterThan(60);
    const loaded = await loadSnapshot(db, built.stamp);
    expect(loaded).not.toBeNull();
    expect(loaded!.cols).toEqual(built.cols);
    expect(loaded!.extras).toEqual(built.extras);
    expect(loaded!.cols.oDay).toBeInstanceOf(Int32Array);
    expect(loaded!.cols.lSku).toBeInstanceOf(Uint32Array);
    expect(loaded!.orders).toBe(built.orders);
    // A different stamp (data changed since) is not loaded.
    expect(await loadSnapshot(db, 'other')).toBeNull();
  });

  it('leaves guest orders out (they belong to no member)', async () => {
    const { db } = await seedWorkspace(5, { guests: 3 });
    const snap = await buildSnapshot(db);
    expect(snap.cols.memberIds).toEqual(['M0000001', 'M0000002', 'M0000003', 'M0000004', 'M0000005']);
    expect(snap.orders).toBe(15);
    expect(snap.cols.oDay.length).toBe(15);
  });

  it('is loaded while the data is unchanged and rebuilt after a write', async () => {
    const { db, bundles } = await demoSlice(120, 'food', 3);
    const first = await ensureSnapshot(db);
    expect(first.built).toBe(true);
    const second = await ensureSnapshot(db);
    expect(second.built).toBe(false);
    expect(second.snapshot.cols).toEqual(first.snapshot.cols);

    const stampBefore = await dataStamp(db);
    const m = bundles[5].member;
    const extra: Order = {
      v: 1, id: 'O-extra-1', memberId: m.id, externalId: 'X-extra-1', kind: 'sale', platform: 'tmall', storeId: null, placedAt: '2025-01-02T10:00:00',
      gross: 12345, discount: 0, storeCredit: 0, paid: 12345, refund: 0, couponId: null, lines: [{ sku: bundles[0].orders[0]?.lines[0].sku ?? 'x', qty: 1, unitPrice: 12345 }],
    };
    await commitLedgers(db, { orders: [extra] }, { merge: true });
    expect(await dataStamp(db)).not.toBe(stampBefore);
    const third = await ensureSnapshot(db);
    expect(third.built).toBe(true);
    const c = third.snapshot.cols;
    expect(c.oDay.length).toBe(first.snapshot.cols.oDay.length + 1);
    const i = c.memberIds.indexOf(m.id);
    const paid = Array.from(c.oPaid.subarray(c.orderOffsets[i], c.orderOffsets[i + 1]));
    expect(paid).toContain(12345);
  });
});
