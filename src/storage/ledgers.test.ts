import { describe, expect, it } from 'vitest';
import type { Coupon, Touch } from '../core/model';
import {
  commitLedgers, forEachLedger, GUEST_CHUNK, guestKey, idKeysOf, ledgerTables, ledgerToBundle, readLedger, writeLedgers,
  type MemberLedger,
} from './ledgers';
import { countAll } from './repositories';
import { recount } from './stats';
import { dumpRows, member, order, phone, seedWorkspace } from './testWorkspace';
import { createWorkspace, markComplete } from './workspaces';
import { testWorkspace } from './testWorkspace';

async function freshWorkspace() {
  const db = await createWorkspace(testWorkspace());
  await markComplete(db.name.slice('meridian-ws-'.length));
  await countAll(db); // saves an exact (zero) stats row: later writes must keep it exact
  return db;
}

const touch = (id: string, memberIndex: number, at: string): Touch => ({
  v: 1, id, memberId: member(memberIndex).id, channel: 'sms', kind: 'message', at, cost: 5, campaign: null, journeyId: null, outcome: 'delivered',
});

describe('writeLedgers', () => {
  it('groups rows into one ledger per member, sorted newest first, with search keys', async () => {
    const db = await freshWorkspace();
    await commitLedgers(db, {
      members: [member(1), member(2)],
      identities: [{ ...phone(1), value: '+86 138 1234 5678' }, { ...phone(2), id: 'E2', kind: 'email', value: 'Ann@X.CN' }],
      orders: [order(1, 1), { ...order(2, 1), placedAt: '2025-01-01T00:00:00' }, { ...order(3, 2), externalId: '' }],
      touches: [touch('T1', 1, '2024-01-01T00:00:00'), touch('T2', 1, '2024-02-01T00:00:00')],
    });
    const l1 = (await readLedger(db, 'M0000001'))!;
    expect(l1.orders.map((o) => o.id)).toEqual(['O0000002', 'O0000001']);
    expect(l1.touches.map((t) => t.id)).toEqual(['T2', 'T1']);
    expect(l1.idKeys).toEqual(['+86 138 1234 5678', '13812345678']);
    expect(l1.orderKeys.sort()).toEqual(['O0000001', 'O0000002', 'T0000001', 'T0000002']);
    const l2 = (await readLedger(db, 'M0000002'))!;
    expect(l2.idKeys).toEqual(['Ann@X.CN', 'ann@x.cn']);
    expect(l2.orderKeys).toEqual(['O0000003']);
    expect(idKeysOf([{ ...phone(3), value: '13812345678' }])).toEqual(['13812345678']);
    const c = await countAll(db);
    expect(c).toMatchObject({ members: 2, orders: 3, identities: 2, touches: 2, refunds: 0, guestOrders: 0 });
    expect(c).toEqual(await recount(db));
  });

  it('merge: an existing id is replaced, never duplicated, and counts stay exact', async () => {
    const db = await freshWorkspace();
    await commitLedgers(db, { members: [member(1), member(2)], identities: [phone(1)], orders: [order(1, 1), order(2, null)], touches: [touch('T1', 1, '2024-01-01T00:00:00')] });
    const r = await commitLedgers(db, {
      members: [member(1, 'Renamed'), member(3)],
      // O1 becomes a refund of member 2; the guest order O2 is claimed by member 1; O9 is new.
      orders: [order(1, 2, 'refund'), order(2, 1), order(9, 3)],
      identities: [{ ...phone(1), memberId: 'M0000002' }],
      touches: [{ ...touch('T1', 1, '2024-01-01T00:00:00'), cost: 9 }],
    }, { merge: true });
    expect(r.replaced.map((x) => `${x.table}:${x.id}`).sort()).toEqual(['identities:I0000001', 'members:M0000001', 'orders:O0000001', 'orders:O0000002', 'touches:T1']);
    const rows = await dumpRows(db);
    expect(rows.orders.map((o) => `${o.id}>${o.memberId}`)).toEqual(['O0000001>M0000002', 'O0000002>M0000001', 'O0000009>M0000003']);
    expect(rows.identities.map((i) => i.memberId)).toEqual(['M0000002']);
    expect(rows.touches.map((t) => t.cost)).toEqual([9]);
    expect((await readLedger(db, 'M0000001'))!.idKeys).toEqual([]);
    expect((await readLedger(db, 'M0000002'))!.idKeys).toEqual(['1380000001']);
    expect((await readLedger(db, guestKey(1)))!.orders).toEqual([]);
    expect((await db.members.get('M0000001'))!.name).toBe('Renamed');
    const c = await countAll(db);
    expect(c).toMatchObject({ members: 3, orders: 3, refunds: 1, guestOrders: 0, identities: 1, touches: 1 });
    expect(c).toEqual(await recount(db));
  });

  it(`puts guest orders in chunks of ${GUEST_CHUNK}, appending to the last one`, async () => {
    const db = await freshWorkspace();
    const guests = (from: number, n: number) => Array.from({ length: n }, (_, k) => order(from + k, null));
    await commitLedgers(db, { orders: guests(1, 1500) });
    await commitLedgers(db, { orders: guests(5000, 700) }, { merge: true });
    const chunks = await db.ledgers.where('memberId').startsWith('~guest:').toArray();
    expect(chunks.map((l) => [l.memberId, l.orders.length])).toEqual([[guestKey(1), 1000], [guestKey(2), 1000], [guestKey(3), 200]]);
    expect(guestKey(2) > 'M9999999').toBe(true);
    expect((await countAll(db)).guestOrders).toBe(2200);
    expect(await recount(db)).toEqual(await countAll(db));
  });

  it('refuses to run outside a rw transaction', async () => {
    const db = await freshWorkspace();
    await expect(writeLedgers(db, { members: [member(1)] })).rejects.toThrow(/inside db.transaction/);
    await expect(db.transaction('r', ledgerTables(db), () => writeLedgers(db, { members: [member(1)] }))).rejects.toThrow(/inside db.transaction/);
  });

  it('a failing transaction writes nothing (ledgers, members and counts commit together)', async () => {
    const db = await freshWorkspace();
    await expect(db.transaction('rw', ledgerTables(db), async () => {
      await writeLedgers(db, { members: [member(1)], orders: [order(1, 1)] });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await db.ledgers.count()).toBe(0);
    expect((await countAll(db)).members).toBe(0);
  });
});

describe('reading ledgers', () => {
  it('forEachLedger visits members in key order then guest chunks, in batches, with their member', async () => {
    const { db } = await seedWorkspace(23, { guests: 2 });
    const seen: [string, string | undefined][] = [];
    await forEachLedger(db, (l, m) => void seen.push([l.memberId, m?.id]), { batch: 5 });
    expect(seen).toHaveLength(24);
    expect(seen.slice(0, 2)).toEqual([['M0000001', 'M0000001'], ['M0000002', 'M0000002']]);
    expect(seen.at(-1)).toEqual([guestKey(1), undefined]);
    const keys = seen.map((s) => s[0]);
    expect(keys).toEqual([...keys].sort());
  });

  it('ledgerToBundle gives the columnar builder a member with its rows', async () => {
    const { db } = await seedWorkspace(2);
    const l = (await readLedger(db, 'M0000001')) as MemberLedger;
    const m = (await db.members.get('M0000001'))!;
    const b = ledgerToBundle(m, l);
    expect(b.member).toBe(m);
    expect(b.orders).toHaveLength(3);
    expect(b.touches).toHaveLength(1);
    expect((b.coupons as Coupon[])[0].id).toBe('CP1');
    expect(ledgerToBundle(m, undefined).orders).toEqual([]);
  });
});
