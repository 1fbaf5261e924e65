import Dexie, { type Collection } from 'dexie';
import type { Coupon, Identity, Member, Order, SubProfile, TagEvent, Touch } from '../core/model';
import type { WorkspaceDB } from './db';
import { MAX_CHAR, runPhases, type Hit, type Page, type Phase } from './keyset';

/**
 * Read APIs for the Data pages over up to 1M members / 10M orders: every list is a keyset
 * page read through an index with a limit, so nothing loads a table whole.
 */
export { countAll, recountStats, bumpStats, ordersDelta, invalidateStats, type WorkspaceCounts, type CountsDelta } from './stats';
export type { Page } from './keyset';

export interface PageQuery {
  /** Free text; trimmed; empty means "everything". */
  query?: string;
  /** `next` of the previous page. */
  after?: string;
  limit: number;
}

const norm = (q: string | undefined): string => (q ?? '').trim();

/** Members by id; with a query: id prefix, then name prefix, then identity value prefix. */
export async function pageMembers(db: WorkspaceDB, p: PageQuery): Promise<Page<Member>> {
  const q = norm(p.query);
  if (!q) {
    return runPhases([{ name: 'all', scan: (a, n) => hits((a ? db.members.where('id').above(a[0]) : db.members.orderBy('id')).limit(n), (m) => [m.id]) }], p.after, p.limit);
  }
  const byId: Phase<Member> = {
    name: 'id',
    scan: (a, n) => hits(db.members.where('id').between(a ? a[0] : q, q + MAX_CHAR, !a, false).limit(n), (m) => [m.id]),
  };
  const byName: Phase<Member> = {
    name: 'name',
    scan: (a, n) =>
      hits(db.members.where('[name+id]').between(a ?? [q, Dexie.minKey], [q + MAX_CHAR, Dexie.minKey], !a, false).limit(n), (m) => [m.name, m.id]),
    keep: (h) => !h.row.id.startsWith(q),
  };
  const byIdentity: Phase<Member> = {
    name: 'identity',
    scan: async (a, n) => {
      const ids = await valuePrefix(db, q, a, n);
      const members = await db.members.bulkGet(ids.map((i) => i.memberId));
      const out: Hit<Member>[] = [];
      ids.forEach((i, k) => {
        const m = members[k];
        // An identity whose member row is missing still moves the cursor; it shows nothing.
        out.push({ key: [i.value, i.id], row: m ?? (null as unknown as Member) });
      });
      return out;
    },
    keep: async (h) => {
      const m = h.row;
      if (!m || m.id.startsWith(q) || m.name.startsWith(q)) return false;
      // Show the member once: at its first matching identity in (value, id) order.
      const [value, id] = h.key;
      const own = await db.identities.where('memberId').equals(m.id).toArray();
      return !own.some((o) => o.value.startsWith(q) && (o.value < value || (o.value === value && o.id < id)));
    },
  };
  return runPhases([byId, byName, byIdentity], p.after, p.limit);
}

/** Identities whose value starts with q, in (value, id) order, strictly after `a`. */
function valuePrefix(db: WorkspaceDB, q: string, a: string[] | null, n: number): Promise<Identity[]> {
  if (!a) return db.identities.where('value').between(q, q + MAX_CHAR, true, false).limit(n).toArray();
  const [v0, id0] = a;
  return db.identities
    .where('value')
    .between(v0, q + MAX_CHAR, true, false)
    .filter((i) => i.value !== v0 || i.id > id0)
    .limit(n)
    .toArray();
}

async function hits<T>(c: Collection<T, unknown>, key: (row: T) => string[]): Promise<Hit<T>[]> {
  return (await c.toArray()).map((row) => ({ key: key(row), row }));
}

export interface OrderPageQuery extends PageQuery {
  /** Only this member's orders. */
  memberId?: string;
}

/** Orders newest first; a query matches the member id exactly, then external id prefix, then order id prefix. */
export async function pageOrders(db: WorkspaceDB, p: OrderPageQuery): Promise<Page<Order>> {
  const q = norm(p.query);
  const newest = (memberId: string | null, keep?: (o: Order) => boolean): Phase<Order>['scan'] => (a, n) => {
    let c: Collection<Order, string>;
    if (memberId === null) {
      c = a ? db.orders.where('placedAt').belowOrEqual(a[0]) : db.orders.orderBy('placedAt');
    } else {
      const hi = a ? [memberId, a[0]] : [memberId, Dexie.maxKey];
      c = db.orders.where('[memberId+placedAt]').between([memberId, Dexie.minKey], hi, true, true);
    }
    c = c.reverse();
    // Equal placedAt: the index orders by primary key, so "after" means a smaller id.
    if (a) c = c.filter((o) => o.placedAt !== a[0] || o.id < a[1]);
    if (keep) c = c.filter(keep);
    return hits(c.limit(n), (o) => [o.placedAt, o.id]);
  };
  if (!q) return runPhases([{ name: 'all', scan: newest(p.memberId ?? null) }], p.after, p.limit);
  if (p.memberId) {
    const matches = (o: Order) => o.externalId.startsWith(q) || o.id.startsWith(q);
    return runPhases([{ name: 'member', scan: newest(p.memberId, matches) }], p.after, p.limit);
  }
  const byMember: Phase<Order> = { name: 'member', scan: newest(q) };
  const byExternal: Phase<Order> = {
    name: 'external',
    scan: (a, n) => {
      let c = db.orders.where('externalId').between(a ? a[0] : q, q + MAX_CHAR, true, false);
      if (a) c = c.filter((o) => o.externalId !== a[0] || o.id > a[1]);
      return hits(c.limit(n), (o) => [o.externalId, o.id]);
    },
    keep: (h) => h.row.memberId !== q,
  };
  const byId: Phase<Order> = {
    name: 'id',
    scan: (a, n) => hits(db.orders.where('id').between(a ? a[0] : q, q + MAX_CHAR, !a, false).limit(n), (o) => [o.id]),
    keep: (h) => h.row.memberId !== q && !h.row.externalId.startsWith(q),
  };
  return runPhases([byMember, byExternal, byId], p.after, p.limit);
}

/** Identities by id; with a query: all of member q, then value prefix. */
export async function pageIdentities(db: WorkspaceDB, p: PageQuery): Promise<Page<Identity>> {
  const q = norm(p.query);
  if (!q) {
    return runPhases([{ name: 'all', scan: (a, n) => hits((a ? db.identities.where('id').above(a[0]) : db.identities.orderBy('id')).limit(n), (i) => [i.id]) }], p.after, p.limit);
  }
  const byMember: Phase<Identity> = {
    name: 'member',
    // A member has a handful of identities: the memberId index then the id filter is enough.
    scan: (a, n) => hits(db.identities.where('memberId').equals(q).filter((i) => !a || i.id > a[0]).limit(n), (i) => [i.id]),
  };
  const byValue: Phase<Identity> = {
    name: 'value',
    scan: async (a, n) => (await valuePrefix(db, q, a, n)).map((i) => ({ key: [i.value, i.id], row: i })),
    keep: (h) => h.row.memberId !== q,
  };
  return runPhases([byMember, byValue], p.after, p.limit);
}

export interface MemberPicture {
  member: Member;
  identities: Identity[];
  /** Newest first. */
  orders: Order[];
  subprofiles: SubProfile[];
  /** Newest first. */
  touches: Touch[];
  coupons: Coupon[];
  /** Oldest first: the history of adds and removes. */
  tagEvents: TagEvent[];
}

/** One person whole (domain §1: "the merged profile shows the whole picture"). */
export async function memberPicture(db: WorkspaceDB, memberId: string, maxRows = 2000): Promise<MemberPicture | null> {
  const tables = [db.members, db.identities, db.orders, db.subprofiles, db.touches, db.coupons, db.tagEvents];
  return db.transaction('r', tables, async () => {
    const member = await db.members.get(memberId);
    if (!member) return null;
    const [identities, orders, subprofiles, touches, coupons, tagEvents] = await Promise.all([
      db.identities.where('memberId').equals(memberId).toArray(),
      db.orders.where('[memberId+placedAt]').between([memberId, Dexie.minKey], [memberId, Dexie.maxKey]).reverse().limit(maxRows).toArray(),
      db.subprofiles.where('memberId').equals(memberId).toArray(),
      db.touches.where('[memberId+at]').between([memberId, Dexie.minKey], [memberId, Dexie.maxKey]).reverse().limit(maxRows).toArray(),
      db.coupons.where('memberId').equals(memberId).limit(maxRows).toArray(),
      db.tagEvents.where('memberId').equals(memberId).limit(maxRows).toArray(),
    ]);
    tagEvents.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1));
    coupons.sort((x, y) => (x.grantedAt > y.grantedAt ? -1 : x.grantedAt < y.grantedAt ? 1 : 0));
    return { member, identities, orders, subprofiles, touches, coupons, tagEvents };
  });
}
