import Dexie, { type Table } from 'dexie';
import { watchStats } from './stats';
import type {
  Audience, Coupon, Identity, Journey, Member, Order, OutboxEntry, Plan, Product, Run, Store,
  SubProfile, TagDefinition, TagEvent, Touch, Workspace,
} from '../core/model';

/**
 * One IndexedDB database per workspace (`meridian-ws-<id>`), plus a small catalogue database
 * (`meridian`) listing workspaces and which one is active. Keeping a workspace in its own
 * database lets a new demo or import be built aside and switched to atomically, and lets a
 * workspace be deleted in one call.
 *
 * Schema versions: bump the Dexie version and add an `.upgrade()` for every change; never
 * edit a past version's stores.
 */
export interface WorkspaceMeta {
  key: 'workspace';
  value: Workspace;
}

/** Journal of imports: a row is written in the same transaction as the data it committed. */
export interface ImportJournal {
  id: string;
  fileName: string;
  committedAt: string;
  counts: Record<string, number>;
}

/**
 * Row counts of a workspace, kept so the Data page can show "10,000,000 orders" without
 * counting 10M rows. See stats.ts for how it is maintained (bumpStats in the writer's own
 * transaction; any write that does not bump marks it dirty; dirty means recount).
 */
export interface StatsRow {
  key: 'counts';
  counts: Record<string, number>;
  /** Date.now() when the counts were last exact. */
  countedAt: number;
  /** true when rows changed without the counts following: the next countAll recounts. */
  dirty: boolean;
}

export class WorkspaceDB extends Dexie {
  meta!: Table<WorkspaceMeta, string>;
  stats!: Table<StatsRow, string>;
  members!: Table<Member, string>;
  identities!: Table<Identity, string>;
  orders!: Table<Order, string>;
  products!: Table<Product, string>;
  stores!: Table<Store, string>;
  subprofiles!: Table<SubProfile, string>;
  touches!: Table<Touch, string>;
  coupons!: Table<Coupon, string>;
  tags!: Table<TagDefinition, string>;
  tagEvents!: Table<TagEvent, string>;
  audiences!: Table<Audience, string>;
  journeys!: Table<Journey, string>;
  plans!: Table<Plan, string>;
  runs!: Table<Run, string>;
  outbox!: Table<OutboxEntry, string>;
  imports!: Table<ImportJournal, string>;

  constructor(workspaceId: string) {
    super(workspaceDbName(workspaceId));
    this.version(1).stores({
      meta: 'key',
      members: 'id, name, city, region, joinedAt',
      identities: 'id, memberId, value, [kind+value]',
      orders: 'id, memberId, placedAt, externalId, [memberId+placedAt]',
      products: 'sku, category',
      stores: 'id, region, city',
      subprofiles: 'id, memberId, kind',
      touches: 'id, memberId, at, [memberId+at]',
      coupons: 'id, memberId, template',
      tags: 'id, group',
      tagEvents: 'id, memberId, tagId, at',
      audiences: 'id, name',
      journeys: 'id, name',
      plans: 'id, journeyId',
      runs: 'id, planId',
      outbox: 'id, &idempotencyKey, status',
      imports: 'id, committedAt',
    });
    // v2 (storage layer): a `stats` row of counts; orders.kind so refunds are counted on an
    // index (IDBIndex.count, no row decoding); members [name+id] so name search pages by
    // keyset even when thousands share a name. Guest orders (memberId null) are not in the
    // memberId index, so guests = all orders − entries of that index; no extra field needed.
    // No upgrade body: a missing stats row is recounted on first read (stats.ts).
    this.version(2).stores({
      stats: 'key',
      members: 'id, name, city, region, joinedAt, [name+id]',
      orders: 'id, memberId, placedAt, externalId, kind, [memberId+placedAt]',
    });
    watchStats(this);
  }
}

export function workspaceDbName(workspaceId: string): string {
  return `meridian-ws-${workspaceId}`;
}

export interface WorkspaceEntry {
  id: string;
  name: string;
  createdAt: string;
  /** false while a demo is being generated or a workspace file restored into it. */
  complete: boolean;
}

export interface CatalogueSetting {
  key: string;
  value: unknown;
}

/** The catalogue: which workspaces exist and which is active. */
export class CatalogueDB extends Dexie {
  workspaces!: Table<WorkspaceEntry, string>;
  settings!: Table<CatalogueSetting, string>;
  constructor() {
    super('meridian');
    this.version(1).stores({ workspaces: 'id, createdAt', settings: 'key' });
  }
}
