import Dexie, { type Table } from 'dexie';
import { watchStats } from './stats';
import type { SnapshotChunk } from './snapshots';
import type { TagHoldersRow } from './tagHolders';
import type {
  Audience, Coupon, Identity, Journey, JourneyVersion, Member, Order, OutboxEntry, Plan, Product, Run, Store,
  OneIdHistoryEntry, OneIdSettings, SubProfile, TagDefinition, TagEvent, Touch, Workspace,
} from '../core/model';

/**
 * One IndexedDB database per workspace (`meridian-ws-<id>`), plus a small catalogue database
 * (`meridian`) listing workspaces and which one is active. Keeping a workspace in its own
 * database lets a new demo or import be built aside and switched to atomically, and lets a
 * workspace be deleted in one call.
 *
 * Schema versions: bump the Dexie version and add an `.upgrade()` for every change; never
 * edit a past version's stores (version 1 is the first; see docs/storage.md).
 */
export interface WorkspaceMeta {
  key: 'workspace';
  value: Workspace;
}

/** The OneID settings row (the record's schema: src/core/model/oneid.ts). */
export interface OneIdSettingsRow {
  key: 'settings';
  value: OneIdSettings;
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
  /** Bumped by every member-data write (writeLedgers): the engine's snapshot stamp reads it. */
  dataVersion?: number;
}

/**
 * Everything one member owns, in ONE record: identities, orders, touches, coupons,
 * sub-profiles. IndexedDB costs about the same per put whatever the record size (measured:
 * ~7–15k puts/s), so a member's ~35 rows in one record write 6–10× faster than 35 records.
 * Guest orders (memberId null) live in chunks keyed `~guest:000001`… of up to 1,000 orders
 * ('~' sorts after every member id, so guests come last). Written only through
 * writeLedgers (ledgers.ts), which keeps the keys below and the stats row exact.
 */
export interface MemberLedger {
  /** The member's id, or `~guest:NNNNNN` for a chunk of guest orders. */
  memberId: string;
  identities: Identity[];
  /** Newest first (placedAt, then id, descending). */
  orders: Order[];
  /** Newest first (at, then id, descending). */
  touches: Touch[];
  coupons: Coupon[];
  subprofiles: SubProfile[];
  /** multiEntry index: identity values (raw, normalised, lower-cased emails) for search. */
  idKeys: string[];
  /** multiEntry index: every order's id and externalId. */
  orderKeys: string[];
}

export class WorkspaceDB extends Dexie {
  meta!: Table<WorkspaceMeta, string>;
  stats!: Table<StatsRow, string>;
  members!: Table<Member, string>;
  ledgers!: Table<MemberLedger, string>;
  products!: Table<Product, string>;
  stores!: Table<Store, string>;
  tags!: Table<TagDefinition, string>;
  tagEvents!: Table<TagEvent, string>;
  audiences!: Table<Audience, string>;
  journeys!: Table<Journey, string>;
  /** Published journey versions, frozen; by journey (src/storage/journeys.ts). */
  journeyVersions!: Table<JourneyVersion, string>;
  plans!: Table<Plan, string>;
  runs!: Table<Run, string>;
  outbox!: Table<OutboxEntry, string>;
  imports!: Table<ImportJournal, string>;
  /** The engine's columnar snapshot in chunks (src/storage/snapshots.ts). */
  snapshots!: Table<SnapshotChunk, string>;
  /** Current holders of each evaluated tag (src/storage/tagHolders.ts). */
  tagHolders!: Table<TagHoldersRow, string>;
  /** OneID settings: one row, key 'settings' (src/storage/oneid.ts). */
  oneid!: Table<OneIdSettingsRow, string>;
  /** OneID history: merges, hints, splits, undos, trust changes; by member (src/storage/oneid.ts). */
  oneidHistory!: Table<OneIdHistoryEntry, string>;

  constructor(workspaceId: string) {
    super(workspaceDbName(workspaceId));
    // Version 1 is a clean first schema: nothing has shipped, so there is no upgrade chain
    // yet. From here on: bump the version and add an `.upgrade()` for every change.
    this.version(1).stores({
      meta: 'key',
      stats: 'key',
      // [name+id]: name search pages by keyset even when thousands share a name.
      members: 'id, name, city, region, joinedAt, [name+id]',
      ledgers: 'memberId, *idKeys, *orderKeys',
      products: 'sku, category',
      stores: 'id, region, city',
      tags: 'id, group',
      tagEvents: 'id, memberId, tagId, at',
      audiences: 'id, name',
      journeys: 'id, name',
      plans: 'id, journeyId',
      runs: 'id, planId',
      outbox: 'id, &idempotencyKey, status',
      imports: 'id, committedAt',
      snapshots: 'key',
      tagHolders: 'tagId',
    });
    // Version 2: OneID settings (trust per kind, splits in force) and its history, listed per member.
    this.version(2).stores({
      oneid: 'key',
      oneidHistory: 'id, at, *members',
    });
    // Version 3: published journey versions (what runs while the draft is edited), by journey.
    this.version(3).stores({
      journeyVersions: 'id, journeyId',
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
