import Dexie, { type Collection } from 'dexie';
import type { Coupon, Identity, Member, Order, SubProfile, TagEvent, Touch } from '../core/model';
import type { MemberLedger, WorkspaceDB } from './db';
import { MAX_CHAR, runPhases, type Hit, type Page, type Phase } from './keyset';
import { indexEntries, indexSearchPhase, ledgerRowsPhase } from './ledgerScan';
import { emptyLedger, idKeysOf, isGuestKey } from './ledgers';

/**
 * Read APIs for the Data pages over up to 1M members / 10M orders: every list is a keyset
 * page read through an index with a limit, so nothing loads a table whole. Per-member rows
 * live in ledgers (one record per member, ledgers.ts); orders and identities lists are those
 * ledgers flattened, member by member.
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
  // Identity values (raw, normalised phone, lower-cased email) through the idKeys index.
  const byIdentity: Phase<Member | null> = {
    name: 'identity',
    scan: async (a, n) => {
      // The cursor's own entry comes back first (inclusive start): ask for one more.
      const entries = await indexEntries(db, 'idKeys', q, q + MAX_CHAR, a ? [a[0], a[1]] : null, a ? n + 1 : n);
      const fresh = a ? entries.filter((e) => e.key !== a[0] || e.ledger.memberId > a[1]) : entries;
      const members = await db.members.bulkGet(fresh.map((e) => e.ledger.memberId));
      // A ledger whose member row is missing still moves the cursor; it shows nothing.
      return fresh.map((e, k) => ({ key: [e.key, e.ledger.memberId], row: members[k] ?? null, ledger: e.ledger }));
    },
    keep: (h) => {
      const m = h.row;
      if (!m || m.id.startsWith(q) || m.name.startsWith(q)) return false;
      // Show the member once: at its smallest matching key.
      const { ledger } = h as Hit<Member | null> & { ledger: MemberLedger };
      return ledger.idKeys.every((k) => !k.startsWith(q) || k >= h.key[0]);
    },
  };
  return runPhases([byId, byName, byIdentity], p.after, p.limit) as Promise<Page<Member>>;
}

async function hits<T>(c: Collection<T, unknown>, key: (row: T) => string[]): Promise<Hit<T>[]> {
  return (await c.toArray()).map((row) => ({ key: key(row), row }));
}

export interface OrderPageQuery extends PageQuery {
  /** Only this member's orders. */
  memberId?: string;
}

const ordersOf = (l: MemberLedger): Order[] => l.orders;
const membersOnly = (l: MemberLedger): Order[] => (isGuestKey(l.memberId) ? [] : l.orders);
const orderKeys = (o: Order): string[] => (o.externalId ? [o.id, o.externalId] : [o.id]);

/**
 * Orders GROUPED BY MEMBER: ledger by ledger in member-id order (guest orders last), each
 * member's orders newest first. A query matches a member id prefix, then an order id or
 * external id prefix (orderKeys index); with `memberId`, only that member's orders whose id
 * or external id starts with the query.
 */
export async function pageOrders(db: WorkspaceDB, p: OrderPageQuery): Promise<Page<Order>> {
  const q = norm(p.query);
  if (p.memberId) {
    const m = p.memberId;
    const rows = (l: MemberLedger) => (q ? l.orders.filter((o) => o.externalId.startsWith(q) || o.id.startsWith(q)) : l.orders);
    return runPhases([ledgerRowsPhase(db, 'member', m, m + '\u0000', rows)], p.after, p.limit);
  }
  if (!q) return runPhases([ledgerRowsPhase(db, 'all', '', Dexie.maxKey, ordersOf)], p.after, p.limit);
  const byMember = ledgerRowsPhase(db, 'member', q, q + MAX_CHAR, membersOnly);
  const byKey: Phase<Order | null> = {
    ...indexSearchPhase(db, 'order', 'orderKeys', q, q + MAX_CHAR, ordersOf, orderKeys),
    keep: (h) => h.row !== null && !(h.row.memberId !== null && h.row.memberId.startsWith(q)),
  };
  return runPhases<Order | null>([byMember, byKey], p.after, p.limit) as Promise<Page<Order>>;
}

/** Identities ledger by ledger (member-id order); with a query: all of member q, then value prefix (idKeys). */
export async function pageIdentities(db: WorkspaceDB, p: PageQuery): Promise<Page<Identity>> {
  const q = norm(p.query);
  const identitiesOf = (l: MemberLedger) => l.identities;
  if (!q) return runPhases([ledgerRowsPhase(db, 'all', '', Dexie.maxKey, identitiesOf)], p.after, p.limit);
  const byMember = ledgerRowsPhase(db, 'member', q, q + '\u0000', identitiesOf);
  const byValue: Phase<Identity | null> = {
    ...indexSearchPhase(db, 'value', 'idKeys', q, q + MAX_CHAR, identitiesOf, (i) => idKeysOf([i])),
    keep: (h) => h.row !== null && h.row.memberId !== q,
  };
  return runPhases<Identity | null>([byMember, byValue], p.after, p.limit) as Promise<Page<Identity>>;
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

/** One person whole (domain §1: "the merged profile shows the whole picture"): one ledger read. */
export async function memberPicture(db: WorkspaceDB, memberId: string, maxRows = 2000): Promise<MemberPicture | null> {
  return db.transaction('r', [db.members, db.ledgers, db.tagEvents], async () => {
    const [member, ledger, tagEvents] = await Promise.all([
      db.members.get(memberId),
      db.ledgers.get(memberId),
      db.tagEvents.where('memberId').equals(memberId).limit(maxRows).toArray(),
    ]);
    if (!member) return null;
    const l = ledger ?? emptyLedger(memberId);
    tagEvents.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1));
    const coupons = l.coupons.slice(0, maxRows).sort((x, y) => (x.grantedAt > y.grantedAt ? -1 : x.grantedAt < y.grantedAt ? 1 : 0));
    return {
      member,
      identities: l.identities,
      // Stored newest first (writeLedgers sorts them).
      orders: l.orders.slice(0, maxRows),
      subprofiles: l.subprofiles,
      touches: l.touches.slice(0, maxRows),
      coupons,
      tagEvents,
    };
  });
}
