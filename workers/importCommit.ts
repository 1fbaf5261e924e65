import type { CancelToken, ProgressFn } from '../src/core/jobs';
import type { Workspace } from '../src/core/model';
import { defaultLifecycleSetting } from '../src/core/metrics/presets';
import { normalizeIdentity, trustTable } from '../src/core/oneid';
import type { StagedImport } from '../src/core/import/assemble';
import { evidenceKey, planCommit, type ImportCounts } from '../src/core/import/commitPlan';
import type { WorkspaceDB } from '../src/storage/db';
import { ledgerTables, writeLedgers } from '../src/storage/ledgers';
import { heldEvidence, mergeOnNewEvidence, oneIdTables, readOneIdSettings } from '../src/storage/oneid';
import { bumpStats, writeStats, zeroCounts } from '../src/storage/stats';
import {
  createWorkspace, deleteWorkspace, getActiveWorkspaceId, markComplete, newWorkspaceId, openWorkspace, setActiveWorkspace,
} from '../src/storage/workspaces';

/** 'active': add to the workspace in use; 'new': build a new workspace from the file and switch to it. */
export type ImportTarget = 'active' | 'new';

export type { ImportCounts } from '../src/core/import/commitPlan';

/** Test seam: throw from here to prove a failure inside the transaction leaves nothing behind. */
export interface CommitHooks {
  beforeJournal?: () => void;
}

export function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

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
  return db.transaction('rw', [...ledgerTables(db), db.products, db.stores, db.imports, ...oneIdTables(db)], async () => {
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
    // OneID: a customer id or phone already known in this workspace is that member, not a new one.
    const known = new Map<string, string>();
    if (!isNew && staged.members.length) {
      // Only evidence the workspace trusts to merge (Settings › OneID) ties a row to a stored member.
      const trust = trustTable((await readOneIdSettings(db)).trust);
      const wanted = new Set(staged.members.flatMap((m) => m.identities.filter((i) => trust[i.kind] !== 'hint').map((i) => evidenceKey(i.kind, i.value))));
      const values = new Set(staged.members.flatMap((m) => m.identities.flatMap((i) => [i.value, normalizeIdentity(i.kind, i.value) ?? i.value])));
      for (const l of await db.ledgers.where('idKeys').anyOf([...values]).toArray()) {
        for (const i of l.identities) {
          const key = evidenceKey(i.kind, i.value);
          if (wanted.has(key) && !known.has(key)) known.set(key, i.memberId);
        }
      }
    }
    // What else the workspace holds already; the plan itself is pure (shared with the CLI).
    const present = async <K extends string>(table: { bulkGet(keys: K[]): Promise<unknown[]> }, keys: K[]): Promise<Set<K>> => {
      if (isNew || !keys.length) return new Set();
      const rows = await table.bulkGet(keys);
      return new Set(keys.filter((_, i) => rows[i] !== undefined));
    };
    const takenIds = await present(db.members, staged.members.map((m) => m.id));
    const haveSkus = await present(db.products, staged.products.map((p) => p.sku));
    const haveStores = await present(db.stores, staged.stores.map((x) => x.id));
    const plan = planCommit(staged, {
      orderIds: stored,
      memberByEvidence: known,
      memberIdTaken: (id) => takenIds.has(id),
      hasProduct: (sku) => haveSkus.has(sku),
      hasStore: (id) => haveStores.has(id),
    });
    const { orders, newMembers, identities, newProducts, newStores } = plan;
    const counts: ImportCounts = { ...plan.counts, rows: meta.rows, skippedRows: meta.skippedRows, skippedOrders: meta.skippedOrders };
    token.throwIfCancelled();
    // Ledgers hold each member's identities and orders in one record. Rows of members created
    // here (and guest orders, appended to the last guest chunk) need no merge reads; only rows
    // of members already stored are merged into their ledgers.
    const created = new Set(newMembers.map((m) => m.id));
    const mine = <T extends { memberId: string | null }>(r: T) => r.memberId === null || created.has(r.memberId);
    // OneID's look-up of other members' evidence happens before the new ledgers exist (oneid.ts).
    const held = isNew ? [] : await heldEvidence(db, identities);
    await writeLedgers(db, { members: newMembers, identities: identities.filter(mine), orders: orders.filter(mine) });
    const toMerge = { identities: identities.filter((r) => !mine(r)), orders: orders.filter((r) => !mine(r)) };
    if (toMerge.identities.length || toMerge.orders.length) await writeLedgers(db, toMerge, { merge: true });
    // OneID: new identities that hit another member's evidence merge (trusted) or hint (docs/oneid.md).
    if (!isNew) await mergeOnNewEvidence(db, identities, { by: `import: ${meta.fileName}`.slice(0, 200), note: meta.fileName, held });
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

export const newImportId = (): string => `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The workspace an import into a new workspace creates (named after the file, as of its last order). */
export function importWorkspace(fileName: string, currency: string, lastAt: string | null): Workspace {
  return {
    v: 2,
    id: newWorkspaceId(),
    name: fileName.replace(/\.(csv)(\.gz)?$/i, '').replace(/\.gz$/i, '').slice(0, 200) || 'Import',
    brandTemplate: 'imported',
    currency,
    createdAt: new Date().toISOString(),
    asOf: (lastAt ?? localNow()).slice(0, 10),
    source: { kind: 'import', fileName: fileName.slice(0, 500) },
    lifecycle: defaultLifecycleSetting('imported'),
  };
}

/** Commit into the active workspace, or into a new one built aside and switched to only when complete. */
export async function commitImport(staged: StagedImport, opts: CommitOptions, onProgress: ProgressFn, token: CancelToken): Promise<{ workspaceId: string; counts: ImportCounts }> {
  const importId = newImportId();
  const meta = { importId, fileName: opts.fileName, skippedRows: staged.skippedRows, skippedOrders: staged.skippedOrders, rows: staged.rows };
  const active = opts.target === 'active' ? await getActiveWorkspaceId() : null;
  if (active) {
    const counts = await commitStaged(openWorkspace(active), staged, meta, onProgress, token, opts.hooks);
    return { workspaceId: active, counts };
  }
  // No active workspace, or asked for a new one: build it aside (complete=false until written).
  const ws = importWorkspace(opts.fileName, opts.currency, staged.lastAt);
  const id = ws.id;
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
