import type { CancelToken, ProgressFn } from '../src/core/jobs';
import type { Identity, IdentityKind, Member, Order, Workspace } from '../src/core/model';
import { normalizeIdentity } from '../src/core/oneid';
import type { StagedImport } from '../src/core/import/assemble';
import type { WorkspaceDB } from '../src/storage/db';
import { ledgerTables, writeLedgers } from '../src/storage/ledgers';
import { bumpStats, writeStats, zeroCounts } from '../src/storage/stats';
import {
  createWorkspace, deleteWorkspace, getActiveWorkspaceId, markComplete, newWorkspaceId, openWorkspace, setActiveWorkspace,
} from '../src/storage/workspaces';

/** 'active': add to the workspace in use; 'new': build a new workspace from the file and switch to it. */
export type ImportTarget = 'active' | 'new';

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

/** Test seam: throw from here to prove a failure inside the transaction leaves nothing behind. */
export interface CommitHooks {
  beforeJournal?: () => void;
}

function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** How two identities of one kind are compared: by their normalised form when there is one. */
const evidence = (kind: IdentityKind, value: string): string => `${kind}:${normalizeIdentity(kind, value) ?? value}`;

/**
 * Write a staged import into `db` in ONE transaction over every table it touches (ledgers,
 * members, stats, products, stores and the import journal). Any throw (a cancel, a constraint,
 * a closed tab) aborts it and IndexedDB rolls everything back, so the workspace is exactly as
 * before. `fresh`: the workspace was created empty for this import (no reads needed).
 */
export async function commitStaged(
  db: WorkspaceDB, staged: StagedImport, meta: { importId: string; fileName: string; skippedRows: number; skippedOrders: number; rows: number; fresh?: boolean },
  onProgress: ProgressFn, token: CancelToken, hooks: CommitHooks = {},
): Promise<ImportCounts> {
  const total = staged.orders.length;
  const isNew = meta.fresh === true;
  return db.transaction('rw', [...ledgerTables(db), db.products, db.stores, db.imports], async () => {
    onProgress({ phase: 'commit', done: 0, total });
    if (isNew) await writeStats(db, zeroCounts());

    // Re-importing a file: orders whose id is already stored are duplicates, skipped.
    const stored = new Set<string>();
    if (!isNew && total) {
      const ids = new Set(staged.orders.map((o) => o.id));
      let lo = staged.orders[0].id;
      let hi = lo;
      for (const id of ids) {
        if (id < lo) lo = id;
        if (id > hi) hi = id;
      }
      // One key probe first: on a first import nothing lies in the range, and the big lookup is skipped.
      if (await db.ledgers.where('orderKeys').between(lo, hi, true, true).first()) {
        for (const l of await db.ledgers.where('orderKeys').anyOf([...ids]).toArray()) for (const o of l.orders) if (ids.has(o.id)) stored.add(o.id);
      }
    }
    const fresh = staged.orders.filter((o) => !stored.has(o.id));

    // OneID: a customer id or phone already known in this workspace is that member, not a new one.
    const known = new Map<string, string>();
    if (!isNew && staged.members.length) {
      const wanted = new Set(staged.members.flatMap((m) => m.identities.map((i) => evidence(i.kind, i.value))));
      const values = new Set(staged.members.flatMap((m) => m.identities.flatMap((i) => [i.value, normalizeIdentity(i.kind, i.value) ?? i.value])));
      for (const l of await db.ledgers.where('idKeys').anyOf([...values]).toArray()) {
        for (const i of l.identities) {
          const key = evidence(i.kind, i.value);
          if (wanted.has(key) && !known.has(key)) known.set(key, i.memberId);
        }
      }
    }
    const used = new Set(fresh.map((o) => o.memberKey).filter((k): k is string => k !== null));
    const memberIdByKey = new Map<string, string>();
    const newMembers: Member[] = [];
    const identities: Identity[] = [];
    const candidates = staged.members.filter((m) => used.has(m.key));
    const taken = isNew ? [] : await db.members.bulkGet(candidates.map((m) => m.id));
    candidates.forEach((m, i) => {
      const match = m.identities.map((x) => known.get(evidence(x.kind, x.value))).find(Boolean);
      const id = match ?? (taken[i] ? `imp:${m.id}` : m.id);
      memberIdByKey.set(m.key, id);
      if (!match) {
        newMembers.push({
          v: 1, id, name: '', gender: 'u', birthday: null, region: m.region, city: m.city, level: 0, joinedAt: m.joinedAt,
          firstPlatform: m.firstPlatform, homeStoreId: m.homeStoreId, guideId: null, wecomFriend: false, attributes: { source: 'import' },
        });
      }
      for (const x of m.identities) {
        if (known.has(evidence(x.kind, x.value))) continue;
        identities.push({ v: 1, id: `imp:${x.kind}:${x.value}`, memberId: id, kind: x.kind, value: x.value, platform: 'import', scope: null, firstSeen: m.joinedAt });
      }
    });

    const sold = new Set<string>();
    for (const o of fresh) for (const l of o.lines) sold.add(l.sku);
    const products = staged.products.filter((p) => sold.has(p.sku));
    const haveProducts = isNew ? [] : await db.products.bulkGet(products.map((p) => p.sku));
    const newProducts = products.filter((_, i) => !haveProducts[i]);
    const storeIds = new Set(fresh.map((o) => o.storeId));
    const stores = staged.stores.filter((s) => storeIds.has(s.id));
    const haveStores = isNew || !stores.length ? [] : await db.stores.bulkGet(stores.map((s) => s.id));
    const newStores = stores.filter((_, i) => !haveStores[i]);

    const orders: Order[] = fresh.map(({ memberKey, ...o }) => ({ ...o, memberId: memberKey === null ? null : memberIdByKey.get(memberKey)! }));
    const counts: ImportCounts = {
      rows: meta.rows, orders: orders.length, sales: 0, refunds: 0, members: used.size, membersNew: newMembers.length, guestOrders: 0,
      lines: 0, products: newProducts.length, skippedRows: meta.skippedRows, skippedOrders: meta.skippedOrders, duplicates: total - fresh.length,
    };
    for (const o of orders) {
      if (o.kind === 'refund') counts.refunds += 1;
      else counts.sales += 1;
      if (o.memberId === null) counts.guestOrders += 1;
      counts.lines += o.lines.length;
    }
    token.throwIfCancelled();
    // Ledgers hold each member's identities and orders in one record. Rows of members created
    // here (and guest orders, appended to the last guest chunk) need no merge reads; only rows
    // of members already stored are merged into their ledgers.
    const created = new Set(newMembers.map((m) => m.id));
    const mine = <T extends { memberId: string | null }>(r: T) => r.memberId === null || created.has(r.memberId);
    await writeLedgers(db, { members: newMembers, identities: identities.filter(mine), orders: orders.filter(mine) });
    const toMerge = { identities: identities.filter((r) => !mine(r)), orders: orders.filter((r) => !mine(r)) };
    if (toMerge.identities.length || toMerge.orders.length) await writeLedgers(db, toMerge, { merge: true });
    onProgress({ phase: 'commit', done: Math.round(total * 0.9), total });
    await db.products.bulkAdd(newProducts);
    await db.stores.bulkAdd(newStores);
    await bumpStats(db, { products: newProducts.length, stores: newStores.length });
    token.throwIfCancelled();
    hooks.beforeJournal?.();
    await db.imports.add({ id: meta.importId, fileName: meta.fileName, committedAt: localNow(), counts: { ...counts } });
    onProgress({ phase: 'commit', done: total, total });
    return counts;
  });
}

export interface CommitOptions {
  target: ImportTarget;
  fileName: string;
  currency: string;
  hooks?: CommitHooks;
}

/** Commit into the active workspace, or into a new one built aside and switched to only when complete. */
export async function commitImport(staged: StagedImport, opts: CommitOptions, onProgress: ProgressFn, token: CancelToken): Promise<{ workspaceId: string; counts: ImportCounts }> {
  const importId = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const meta = { importId, fileName: opts.fileName, skippedRows: staged.skippedRows, skippedOrders: staged.skippedOrders, rows: staged.rows };
  const active = opts.target === 'active' ? await getActiveWorkspaceId() : null;
  if (active) {
    const counts = await commitStaged(openWorkspace(active), staged, meta, onProgress, token, opts.hooks);
    return { workspaceId: active, counts };
  }
  // No active workspace, or asked for a new one: build it aside (complete=false until written).
  const id = newWorkspaceId();
  const ws: Workspace = {
    v: 1,
    id,
    name: opts.fileName.replace(/\.(csv)(\.gz)?$/i, '').replace(/\.gz$/i, '').slice(0, 200) || 'Import',
    brandTemplate: 'imported',
    currency: opts.currency,
    createdAt: new Date().toISOString(),
    asOf: (staged.lastAt ?? localNow()).slice(0, 10),
    source: { kind: 'import', fileName: opts.fileName.slice(0, 500) },
    lifecycle: { activeDays: 90, churnDays: 180 },
  };
  try {
    const db = await createWorkspace(ws);
    const counts = await commitStaged(db, staged, { ...meta, fresh: true }, onProgress, token, opts.hooks);
    await markComplete(id);
    await setActiveWorkspace(id);
    return { workspaceId: id, counts };
  } catch (e) {
    await deleteWorkspace(id).catch(() => {});
    throw e;
  }
}
