import type { Identity, IdentityKind, Member, Order, Product, Store } from '../model';
import { normalizeIdentity } from '../oneid';
import type { StagedImport } from './assemble';

/**
 * What a staged import becomes once it meets a workspace: which orders are new, which
 * customers are members already known (OneID by identity), which members, identities,
 * products and stores must be created. Pure: the browser's Dexie commit and the CLI's
 * workspace-file writer share it, so an import means the same in both.
 */
export interface ImportCounts {
  rows: number;
  /** Orders written (sales + refunds). */
  orders: number;
  sales: number;
  refunds: number;
  /** Members the written orders belong to; membersNew of them were created by this import. */
  members: number;
  membersNew: number;
  guestOrders: number;
  lines: number;
  products: number;
  skippedRows: number;
  skippedOrders: number;
  /** Orders already in the workspace (same order id, e.g. the same file imported twice): skipped. */
  duplicates: number;
}

/** What the target workspace already holds (all empty for a new workspace). */
export interface KnownRecords {
  /** Order ids already stored. */
  orderIds: ReadonlySet<string>;
  /** evidenceKey(kind, value) → member id, for identities already stored. */
  memberByEvidence: ReadonlyMap<string, string>;
  memberIdTaken(id: string): boolean;
  hasProduct(sku: string): boolean;
  hasStore(id: string): boolean;
}

export const NOTHING_KNOWN: KnownRecords = {
  orderIds: new Set(),
  memberByEvidence: new Map(),
  memberIdTaken: () => false,
  hasProduct: () => false,
  hasStore: () => false,
};

/** How two identities of one kind are compared: by their normalised form when there is one. */
export const evidenceKey = (kind: IdentityKind, value: string): string => `${kind}:${normalizeIdentity(kind, value) ?? value}`;

export interface CommitPlan {
  orders: Order[];
  newMembers: Member[];
  identities: Identity[];
  newProducts: Product[];
  newStores: Store[];
  counts: ImportCounts;
}

export function planCommit(staged: StagedImport, known: KnownRecords = NOTHING_KNOWN): CommitPlan {
  const fresh = staged.orders.filter((o) => !known.orderIds.has(o.id));
  const used = new Set(fresh.map((o) => o.memberKey).filter((k): k is string => k !== null));
  const memberIdByKey = new Map<string, string>();
  const newMembers: Member[] = [];
  const identities: Identity[] = [];
  for (const m of staged.members) {
    if (!used.has(m.key)) continue;
    const match = m.identities.map((x) => known.memberByEvidence.get(evidenceKey(x.kind, x.value))).find(Boolean);
    const id = match ?? (known.memberIdTaken(m.id) ? `imp:${m.id}` : m.id);
    memberIdByKey.set(m.key, id);
    if (!match) {
      newMembers.push({
        v: 1, id, name: '', gender: 'u', birthday: null, region: m.region, city: m.city, level: 0, joinedAt: m.joinedAt,
        firstPlatform: m.firstPlatform, homeStoreId: m.homeStoreId, guideId: null, wecomFriend: false, attributes: { source: 'import' },
      });
    }
    for (const x of m.identities) {
      if (known.memberByEvidence.has(evidenceKey(x.kind, x.value))) continue;
      // One source profile per imported customer: its ids were seen together on one row.
      identities.push({ v: 2, id: `imp:${x.kind}:${x.value}`, memberId: id, kind: x.kind, value: x.value, platform: 'import', scope: null, firstSeen: m.joinedAt, profileId: `imp:${m.key}` });
    }
  }
  const sold = new Set<string>();
  for (const o of fresh) for (const l of o.lines) sold.add(l.sku);
  const newProducts = staged.products.filter((p) => sold.has(p.sku) && !known.hasProduct(p.sku));
  const storeIds = new Set(fresh.map((o) => o.storeId));
  const newStores = staged.stores.filter((s) => storeIds.has(s.id) && !known.hasStore(s.id));

  const orders: Order[] = fresh.map(({ memberKey, ...o }) => ({ ...o, memberId: memberKey === null ? null : memberIdByKey.get(memberKey)! }));
  const counts: ImportCounts = {
    rows: staged.rows, orders: orders.length, sales: 0, refunds: 0, members: used.size, membersNew: newMembers.length, guestOrders: 0,
    lines: 0, products: newProducts.length, skippedRows: staged.skippedRows, skippedOrders: staged.skippedOrders, duplicates: staged.orders.length - fresh.length,
  };
  for (const o of orders) {
    if (o.kind === 'refund') counts.refunds += 1;
    else counts.sales += 1;
    if (o.memberId === null) counts.guestOrders += 1;
    counts.lines += o.lines.length;
  }
  return { orders, newMembers, identities, newProducts, newStores, counts };
}
