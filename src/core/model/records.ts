import { WorkspaceRecord } from './workspace';
import { MemberRecord } from './member';
import { IdentityRecord } from './identity';
import { OrderRecord } from './order';
import { ProductRecord } from './product';
import { StoreRecord } from './store';
import { SubProfileRecord } from './subprofile';
import { TouchRecord } from './touch';
import { CouponRecord } from './coupon';
import { TagDefinitionRecord, TagEventRecord } from './tag';
import { AudienceRecord } from './audience';
import { JourneyRecord, JourneyVersionRecord } from './journey';
import { PlanRecord, RunRecord } from './plan';
import { OutboxEntryRecord } from './outbox';
import { OneIdHistoryRecord } from './oneid';

/**
 * The tables of a workspace and the record type each holds: the one list that storage,
 * export/import and the migration tests read.
 */
export const TABLE_RECORDS = {
  members: MemberRecord,
  identities: IdentityRecord,
  orders: OrderRecord,
  products: ProductRecord,
  stores: StoreRecord,
  subprofiles: SubProfileRecord,
  touches: TouchRecord,
  coupons: CouponRecord,
  tags: TagDefinitionRecord,
  tagEvents: TagEventRecord,
  audiences: AudienceRecord,
  journeys: JourneyRecord,
  /** Published versions of journeys, frozen (`${journeyId}:${revision}`). */
  journeyVersions: JourneyVersionRecord,
  plans: PlanRecord,
  runs: RunRecord,
  outbox: OutboxEntryRecord,
  /** OneID's merges, hints, splits, undos and trust changes (the settings travel in a file's header). */
  oneidHistory: OneIdHistoryRecord,
} as const;
export type TableName = keyof typeof TABLE_RECORDS;
export const TABLE_NAMES = Object.keys(TABLE_RECORDS) as TableName[];

export { WorkspaceRecord };
