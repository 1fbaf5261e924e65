import { describe, expect, it } from 'vitest';
import { decodeColumns } from '../core/columnar/decode';
import type { Member, Order } from '../core/model';
import { demoSlice } from '../../workers/engine/testData';
import { commitLedgers } from './ledgers';
import { buildSnapshot, ensureSnapshot } from './snapshots';
import { changesBetween, logKey, logMemberChanges, MAX_LOGGED_IDS } from './snapshotLog';
import { bumpDataVersion } from './stats';
import { ledgerTables } from './ledgers';

const order = (id: string, memberId: string, placedAt: string, sku: string): Order => ({
  v: 1, id, memberId, externalId: id, kind: 'sale', platform: 'jd', storeId: null, placedAt,
  gross: 12_300, discount: 0, storeCredit: 0, paid: 12_300, refund: 0, couponId: null,
  lines: [{ sku, qty: 2, unitPrice: 6_150 }],
});

describe('incremental snapshot after imports and syncs', () => {
  it('re-reads only the members a write touched and equals a full rebuild', async () => {
    const s = await demoSlice(150, 'food', 3);
    const first = await ensureSnapshot(s.db);
    expect(first.built).toBe(true);
    expect(first.patched).toBeUndefined();
    const cols = first.snapshot.cols;
    const [a, b] = [cols.memberIds[10], cols.memberIds[20]];
    const ledgerB = await s.db.ledgers.get(b);
    const moved = ledgerB!.orders[0];
    const newcomer: Member = { ...(await s.db.members.get(a))!, id: `${a}-new`, name: 'New Person', region: 'Nowhere-land' };
    await commitLedgers(s.db, {
      members: [newcomer],
      // a new order with a sku no one bought, an order moved from b to a, a new member's order
      orders: [order('O-new-1', a, '2024-01-05T10:00:00', 'SKU-NEVER-SEEN'), { ...moved, memberId: a }, order('O-new-2', newcomer.id, '2024-02-01T09:00:00', 'SKU-NEVER-SEEN')],
    }, { merge: true });

    const second = await ensureSnapshot(s.db);
    expect(second.built).toBe(true);
    expect(second.patched).toBe(3); // a, b and the newcomer
    const full = await buildSnapshot(s.db);
    expect(decodeColumns(second.snapshot.cols)).toEqual(decodeColumns(full.cols));
    expect(second.snapshot.stamp).toBe(full.stamp);
    expect(Array.from(second.snapshot.extras.gender)).toEqual(Array.from(full.extras.gender));
    expect(second.snapshot.cols.memberCount).toBe(151);

    // The patched snapshot was saved: the next call loads it as current.
    const third = await ensureSnapshot(s.db);
    expect(third.built).toBe(false);
    expect(decodeColumns(third.snapshot.cols)).toEqual(decodeColumns(full.cols));
  }, 60_000);

  it('falls back to a full rebuild when the log has a gap or a bulk write', async () => {
    const s = await demoSlice(60, 'beauty', 4);
    await ensureSnapshot(s.db);
    const id = (await s.db.members.orderBy(':id').first())!.id;
    await commitLedgers(s.db, { orders: [order('O-x', id, '2024-03-01T10:00:00', 'SKU-1')] }, { merge: true });
    const version = (await s.db.stats.get('counts'))!.dataVersion!;
    await s.db.snapshots.delete(logKey(version)); // as if the write had raced a snapshot save
    const r = await ensureSnapshot(s.db);
    expect(r.built).toBe(true);
    expect(r.patched).toBeUndefined();
    expect(decodeColumns(r.snapshot.cols)).toEqual(decodeColumns((await buildSnapshot(s.db)).cols));

    // a write without merge (new members, as an import creates them) is logged all the same
    const member: Member = { ...(await s.db.members.get(id))!, id: 'M-bulk-1' };
    await commitLedgers(s.db, { members: [member], orders: [order('O-y', member.id, '2024-03-02T10:00:00', 'SKU-1')] }, { merge: false });
    const added = await ensureSnapshot(s.db);
    expect(added.patched).toBe(1);
    expect(added.snapshot.orders).toBe(r.snapshot.orders + 1);
    expect(decodeColumns(added.snapshot.cols)).toEqual(decodeColumns((await buildSnapshot(s.db)).cols));

    // a write of more members than the log keeps is logged as "everything": a full rebuild
    const many = Array.from({ length: MAX_LOGGED_IDS + 1 }, (_, k) => `M-many-${k}`);
    await s.db.transaction('rw', ledgerTables(s.db), async () => {
      const version = await bumpDataVersion(s.db);
      await logMemberChanges(s.db, version, new Set(many));
    });
    expect(await changesBetween(s.db, version + 1, version + 2)).toBeNull();
  }, 60_000);
});
