import Dexie, { type Table } from 'dexie';
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

export class WorkspaceDB extends Dexie {
  meta!: Table<WorkspaceMeta, string>;
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
