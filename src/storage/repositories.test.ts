import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Member, Order } from '../core/model';
import { countAll, memberPicture, pageIdentities, pageMembers, pageOrders, type Page } from './repositories';
import { commitLedgers, emptyLedger } from './ledgers';
import { invalidateStats, recount } from './stats';
import { member, order, pad, phone, seedWorkspace } from './testWorkspace';
import { createWorkspace } from './workspaces';
import { testWorkspace } from './testWorkspace';

/** Follow `next` to the end, checking every page is at most `limit` rows. */
async function all<T>(fetch: (after?: string) => Promise<Page<T>>, limit: number): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await fetch(after);
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    out.push(...page.rows);
    if (!page.next) return out;
    expect(page.rows.length).toBe(limit);
    after = page.next;
  }
  throw new Error('paging did not end');
}

const byNewest = (a: Order, b: Order) => (a.placedAt > b.placedAt ? -1 : a.placedAt < b.placedAt ? 1 : a.id > b.id ? -1 : 1);

describe('countAll', () => {
  it('counts every table, refunds and guest orders (memberId null is left out of the index)', async () => {
    const { db, orders } = await seedWorkspace(40, { guests: 7 });
    const c = await countAll(db);
    expect(c.members).toBe(40);
    expect(c.orders).toBe(127);
    expect(c.refunds).toBe(orders.filter((o) => o.kind === 'refund').length);
    expect(c.refunds).toBe(24);
    expect(c.guestOrders).toBe(7);
    expect(c.identities).toBe(40);
    expect(c.products).toBe(1);
    expect(c.outbox).toBe(1);
  });

  it('keeps counts in step with bumpStats inside the writing transaction, without recounting', async () => {
    const { db } = await seedWorkspace(5);
    await countAll(db); // saves the stats row
    const more = [order(900, 1, 'refund'), order(901, null)];
    await commitLedgers(db, { orders: more }, { merge: true });
    const row = await db.stats.get('counts');
    expect(row?.dirty).toBe(false);
    expect(row?.counts.orders).toBe(17);
    const c = await countAll(db);
    expect(c).toEqual(await recount(db));
    expect(c.refunds).toBe(4);
    expect(c.guestOrders).toBe(1);
  });

  it('recounts after a write that did not bump the stats (no stale number)', async () => {
    const { db } = await seedWorkspace(5);
    expect((await countAll(db)).members).toBe(5);
    // Raw writes that bypass writeLedgers (and so the stats row).
    await db.members.bulkPut([member(6), member(7)]);
    await db.ledgers.put({ ...emptyLedger('~guest:000009'), orders: [order(950, null)] });
    await new Promise((r) => setTimeout(r, 5));
    const c = await countAll(db);
    expect(c.members).toBe(7);
    expect(c.guestOrders).toBe(1);
    expect((await db.stats.get('counts'))?.counts.members).toBe(7);
  });

  it('marks the stored counts dirty before the writer continues, so another connection (tab, worker) never reads them stale', async () => {
    const { db } = await seedWorkspace(5);
    await countAll(db);
    const other = new Dexie(db.name);
    await other.open();
    await db.members.bulkPut([member(6)]);
    expect((await other.table('stats').get('counts'))?.dirty).toBe(true);
    other.close();
  });

  it('does not cache counts of a workspace still being built', async () => {
    const { db } = await seedWorkspace(3, { complete: false });
    await invalidateStats(db);
    expect((await countAll(db)).members).toBe(3);
    expect((await db.stats.get('counts'))?.dirty).toBe(true);
  });
});

describe('pageMembers', () => {
  it('pages all members by id with a keyset token, no row twice, none lost', async () => {
    const { db } = await seedWorkspace(53);
    const rows = await all((after) => pageMembers(db, { after, limit: 10 }), 10);
    expect(rows.map((m) => m.id)).toEqual(Array.from({ length: 53 }, (_, k) => `M${pad(k + 1)}`));
    const first = await pageMembers(db, { limit: 10 });
    const second = await pageMembers(db, { after: first.next!, limit: 10 });
    expect(second.rows[0].id).toBe('M0000011');
  });

  it('finds by member id prefix, then name prefix, then identity value, each member once', async () => {
    const { db } = await seedWorkspace(30);
    expect((await pageMembers(db, { query: 'M0000012', limit: 10 })).rows.map((m) => m.id)).toEqual(['M0000012']);
    expect((await pageMembers(db, { query: 'M000001', limit: 50 })).rows).toHaveLength(10);
    // 10 of 30 are 王芳; paged 3 at a time across many equal names.
    const wang = await all((after) => pageMembers(db, { query: '王', after, limit: 3 }), 3);
    expect(wang.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, k) => `M${pad(3 * (k + 1))}`));
    expect((await pageMembers(db, { query: '138000000', limit: 50 })).rows.map((m) => m.id)).toHaveLength(9);
    expect((await pageMembers(db, { query: '1380000007', limit: 5 })).rows.map((m) => m.id)).toEqual(['M0000007']);
    expect((await pageMembers(db, { query: 'nobody', limit: 5 })).rows).toEqual([]);
  });

  it('finds a member by the normalised phone and a lower-cased email (idKeys)', async () => {
    const db = await createWorkspace(testWorkspace());
    await commitLedgers(db, {
      members: [member(1, 'Ann'), member(2, 'Bo')],
      identities: [
        { ...phone(1), value: '+86 138-1234-5678' },
        { ...phone(2), kind: 'email', value: 'Bo.Li@Example.COM' },
      ],
    });
    expect((await pageMembers(db, { query: '13812345678', limit: 5 })).rows.map((m) => m.id)).toEqual(['M0000001']);
    expect((await pageMembers(db, { query: '1381234', limit: 5 })).rows.map((m) => m.id)).toEqual(['M0000001']);
    expect((await pageMembers(db, { query: '+86 138', limit: 5 })).rows.map((m) => m.id)).toEqual(['M0000001']);
    expect((await pageMembers(db, { query: 'bo.li@example', limit: 5 })).rows.map((m) => m.id)).toEqual(['M0000002']);
    expect((await pageIdentities(db, { query: 'bo.li', limit: 5 })).rows.map((i) => i.value)).toEqual(['Bo.Li@Example.COM']);
  });

  it('pages identity matches one member at a time without repeats', async () => {
    const db = await createWorkspace(testWorkspace());
    const members = Array.from({ length: 12 }, (_, k) => member(k + 1, 'Q'));
    // Two identities per member, both matching "77": the member shows once.
    const identities = members.flatMap((_, k) => [
      { ...phone(k + 1), id: `IA${k}`, value: `77-${pad(k)}` },
      { ...phone(k + 1), id: `IB${k}`, value: `77+${pad(k)}` },
    ]);
    await commitLedgers(db, { members, identities });
    const rows = await all((after) => pageMembers(db, { query: '77', after, limit: 5 }), 5);
    expect(rows.map((m) => m.id).sort()).toEqual(members.map((m) => m.id));
    const ids = await all((after) => pageIdentities(db, { query: '77', after, limit: 5 }), 5);
    expect(ids).toHaveLength(24);
    expect(new Set(ids.map((i) => i.id)).size).toBe(24);
  });

  it('a member matching by name and by two identities shows once', async () => {
    const db = await createWorkspace(testWorkspace());
    await commitLedgers(db, {
      members: [member(1, 'Mia'), member(2, 'Mo')],
      identities: [{ ...phone(1), value: 'Mx1' }, { ...phone(2), id: 'I9', value: 'Mx2' }, { ...phone(2), id: 'I8', value: 'Mx3' }],
    });
    const rows = await all<Member>((after) => pageMembers(db, { query: 'M', after, limit: 1 }), 1);
    expect(rows.map((m) => m.id)).toEqual(['M0000001', 'M0000002']);
    const viaIdentity = await all<Member>((after) => pageMembers(db, { query: 'Mx', after, limit: 1 }), 1);
    expect(viaIdentity.map((m) => m.id)).toEqual(['M0000001', 'M0000002']);
  });

  it('rejects a forged page token clearly', async () => {
    const { db } = await seedWorkspace(2);
    await expect(pageMembers(db, { after: 'garbage', limit: 5 })).rejects.toThrow(/bad page token/);
  });
});

describe('pageOrders', () => {
  it('pages all orders grouped by member (member-id order, guests last), each newest first, ties by id', async () => {
    const { db, orders } = await seedWorkspace(20, { guests: 4 });
    const rows = await all((after) => pageOrders(db, { after, limit: 7 }), 7);
    const expected: string[] = [];
    for (let k = 1; k <= 20; k++) expected.push(...orders.filter((o) => o.memberId === `M${pad(k)}`).sort(byNewest).map((o) => o.id));
    expected.push(...orders.filter((o) => o.memberId === null).sort(byNewest).map((o) => o.id));
    expect(rows.map((o) => o.id)).toEqual(expected);
  });

  it('pages past members without orders (a page never ends early)', async () => {
    const { db } = await seedWorkspace(3);
    await commitLedgers(db, { members: Array.from({ length: 40 }, (_, k) => member(100 + k)) });
    await commitLedgers(db, { orders: [order(7000, 139)] }, { merge: true });
    const rows = await all((after) => pageOrders(db, { after, limit: 4 }), 4);
    expect(rows.map((o) => o.id)).toHaveLength(10);
    expect(rows.at(-1)?.id).toBe('O0007000');
  });

  it("pages one member's orders newest first", async () => {
    const { db, orders } = await seedWorkspace(10);
    const rows = await all((after) => pageOrders(db, { memberId: 'M0000003', after, limit: 1 }), 1);
    expect(rows.map((o) => o.id)).toEqual(orders.filter((o) => o.memberId === 'M0000003').sort(byNewest).map((o) => o.id));
  });

  it('a query matches a member id prefix, then an order id / external id prefix (orderKeys)', async () => {
    const { db } = await seedWorkspace(10);
    expect((await pageOrders(db, { query: 'M0000004', limit: 10 })).rows).toHaveLength(3);
    expect((await pageOrders(db, { query: 'T0000012', limit: 10 })).rows.map((o) => o.id)).toEqual(['O0000012']);
    const t1 = await all((after) => pageOrders(db, { query: 'T000001', after, limit: 4 }), 4);
    expect(t1.map((o) => o.id)).toEqual(Array.from({ length: 10 }, (_, k) => `O${pad(10 + k)}`));
    expect((await pageOrders(db, { query: 'O0000005', limit: 10 })).rows.map((o) => o.id)).toEqual(['O0000005']);
    // Member id prefix: M000001 is M0000010 only among 10 members.
    expect((await pageOrders(db, { query: 'M000001', limit: 10 })).rows.map((o) => o.memberId)).toEqual(['M0000010', 'M0000010', 'M0000010']);
    // Within one member: its orders whose id or external id starts with the query.
    expect((await pageOrders(db, { memberId: 'M0000002', query: 'T0000012', limit: 10 })).rows.map((o) => o.id)).toEqual(['O0000012']);
    expect((await pageOrders(db, { memberId: 'M0000003', query: 'T0000012', limit: 10 })).rows).toEqual([]);
  });

  it('an order whose id and external id both match shows once; paging a search loses nothing', async () => {
    const { db } = await seedWorkspace(4);
    const same = [{ ...order(500, 1), externalId: 'O0000500-x' }, { ...order(501, 2), externalId: 'X1' }];
    await commitLedgers(db, { orders: same }, { merge: true });
    const rows = await all((after) => pageOrders(db, { query: 'O00005', after, limit: 1 }), 1);
    expect(rows.map((o) => o.id)).toEqual(['O0000500', 'O0000501']);
    const every = await all((after) => pageOrders(db, { query: 'O', after, limit: 5 }), 5);
    expect(every).toHaveLength(14);
    expect(new Set(every.map((o) => o.id)).size).toBe(14);
  });
});

describe('pageIdentities and memberPicture', () => {
  it('pages identities and finds them by value prefix or member id', async () => {
    const { db } = await seedWorkspace(12);
    expect(await all((after) => pageIdentities(db, { after, limit: 5 }), 5)).toHaveLength(12);
    expect((await pageIdentities(db, { query: '138000001', limit: 50 })).rows.map((i) => i.memberId)).toEqual(
      ['M0000010', 'M0000011', 'M0000012'],
    );
    expect((await pageIdentities(db, { query: 'M0000002', limit: 5 })).rows.map((i) => i.value)).toEqual(['1380000002']);
  });

  it('shows one member whole, orders newest first; null for an unknown id', async () => {
    const { db } = await seedWorkspace(4);
    const p = await memberPicture(db, 'M0000001');
    expect(p?.member.id).toBe('M0000001');
    expect(p?.identities.map((i) => i.value)).toContain('1380000001');
    expect(p?.orders).toHaveLength(3);
    expect(p?.orders.map((o) => o.placedAt)).toEqual([...p!.orders.map((o) => o.placedAt)].sort().reverse());
    expect(p?.subprofiles.length).toBe(1);
    expect(p?.touches.length).toBe(1);
    expect(p?.coupons.length).toBe(1);
    expect(p?.tagEvents.length).toBe(1);
    expect(await memberPicture(db, 'M9999999')).toBeNull();
  });
});
