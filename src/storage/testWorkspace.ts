import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_NAMES, TABLE_RECORDS, type Coupon, type Identity, type Member, type Order, type SubProfile, type TableName, type Touch, type Workspace } from '../core/model';
import { LEDGER_PARTS, ledgerTables, writeLedgers } from './ledgers';
import { bumpStats, OWN_TABLES, writeStats, zeroCounts } from './stats';
import type { WorkspaceDB } from './db';
import { createWorkspace, markComplete, newWorkspaceId } from './workspaces';

/** Test-only: a small, fully known workspace with a row in every table. */
const FIXTURES = join(__dirname, '../core/model/fixtures');
function fixture(table: TableName): Record<string, unknown> {
  // The fixture of the record's current version (identities are v2: they name their profile).
  return JSON.parse(readFileSync(join(FIXTURES, `${table}.v${TABLE_RECORDS[table].version}.json`), 'utf8')) as Record<string, unknown>;
}

export function testWorkspace(id = newWorkspaceId(), name = 'Test brand'): Workspace {
  const ws = JSON.parse(readFileSync(join(FIXTURES, 'workspace.v1.json'), 'utf8')) as Workspace;
  return { ...ws, id, name };
}

export const pad = (n: number): string => String(n).padStart(7, '0');

export function member(i: number, name = i % 3 === 0 ? '王芳' : i % 3 === 1 ? '李娜' : 'Zoe'): Member {
  return { ...(fixture('members') as unknown as Member), id: `M${pad(i)}`, name };
}

export function order(i: number, memberIndex: number | null, kind: 'sale' | 'refund' = 'sale'): Order {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    ...(fixture('orders') as unknown as Order),
    id: `O${pad(i)}`,
    memberId: memberIndex === null ? null : `M${pad(memberIndex)}`,
    externalId: `T${pad(i)}`,
    kind,
    // Several orders share a placedAt so paging must break ties by id.
    placedAt: `2024-05-${day}T10:00:00`,
    paid: kind === 'sale' ? 1000 : 0,
    refund: kind === 'refund' ? 1000 : 0,
  };
}

export function phone(i: number): Identity {
  return { ...(fixture('identities') as unknown as Identity), id: `I${pad(i)}`, memberId: `M${pad(i)}`, kind: 'phone', value: `138${pad(i)}`, scope: null };
}

export interface Seeded {
  db: WorkspaceDB;
  members: number;
  orders: Order[];
}

/**
 * members M0000001..M000000n, a phone each, 3 orders each (every 5th a refund) plus guests,
 * and one fixture row in every other table; written like a real writer (writeLedgers, exact stats).
 */
export async function seedWorkspace(n: number, opts: { guests?: number; complete?: boolean } = {}): Promise<Seeded> {
  const db = await createWorkspace(testWorkspace());
  const members = Array.from({ length: n }, (_, k) => member(k + 1));
  const orders: Order[] = [];
  for (let k = 0; k < n * 3; k++) orders.push(order(k + 1, (k % n) + 1, k % 5 === 4 ? 'refund' : 'sale'));
  for (let g = 0; g < (opts.guests ?? 0); g++) orders.push(order(n * 3 + g + 1, null));
  const own = ['products', 'stores', 'tags', 'tagEvents', 'audiences', 'journeys', 'plans', 'runs', 'outbox'] as const;
  await db.transaction('rw', [...ledgerTables(db), ...own.map((t) => db.table(t))], async () => {
    await writeStats(db, zeroCounts());
    await writeLedgers(db, {
      members,
      identities: members.map((_, k) => phone(k + 1)),
      orders,
      subprofiles: [fixture('subprofiles') as unknown as SubProfile],
      touches: [fixture('touches') as unknown as Touch],
      coupons: [fixture('coupons') as unknown as Coupon],
    });
    for (const t of own) await db.table(t).add(fixture(t));
    await bumpStats(db, Object.fromEntries(own.map((t) => [t, 1])));
  });
  if (opts.complete !== false) await markComplete(db.name.slice('meridian-ws-'.length));
  return { db, members: n, orders };
}

/** Every record per TABLE_RECORDS table, ledgers flattened, each table sorted by key. */
export async function dumpRows(db: WorkspaceDB): Promise<Record<TableName, Record<string, unknown>[]>> {
  const out = {} as Record<TableName, Record<string, unknown>[]>;
  for (const t of TABLE_NAMES) out[t] = [];
  for (const l of await db.ledgers.toArray()) for (const part of LEDGER_PARTS) out[part].push(...(l[part] as unknown as Record<string, unknown>[]));
  for (const t of OWN_TABLES) out[t] = await db.table(t).toArray();
  for (const t of TABLE_NAMES) {
    const key = t === 'products' ? 'sku' : 'id';
    out[t].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
  }
  return out;
}
