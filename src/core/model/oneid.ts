import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime } from './common';
import { IdentityKind } from './identity';

/**
 * A workspace's OneID settings and the history of what OneID did to its members. Two records:
 * the settings (one per workspace: trust per kind, operator splits in force) and history
 * entries (one per merge, hint, split, undo or trust change), so a member's page can list its
 * own history without reading everyone's. Stored in the `oneid` and `oneidHistory` tables.
 */
export const TrustChoice = z.enum(['merge', 'hint']);

/** An operator's split in force: `profileId` was taken out of `fromMemberId` into `memberId`. */
export const OneIdSplitSchema = z.object({
  profileId: Id,
  fromMemberId: Id,
  memberId: Id,
  by: z.string().max(200),
  at: LocalDateTime,
  note: z.string().max(1000),
  /** the history entry that recorded it (undo marks that entry) */
  historyId: Id,
});
export type OneIdSplit = z.infer<typeof OneIdSplitSchema>;

export const OneIdSettingsSchema = z.object({
  v: z.literal(1),
  /** Kinds whose trust differs from the defaults (src/core/oneid/trust.ts). */
  trust: z.partialRecord(IdentityKind, TrustChoice),
  splits: z.array(OneIdSplitSchema),
});
export type OneIdSettings = z.infer<typeof OneIdSettingsSchema>;

export const OneIdSettingsRecord = defineRecord({ name: 'oneidSettings', version: 1, schema: OneIdSettingsSchema, migrations: [] });

export const EMPTY_ONEID_SETTINGS: OneIdSettings = { v: 1, trust: {}, splits: [] };

export const ONEID_ACTIONS = ['merge', 'hint', 'split', 'undo-split', 'trust'] as const;
export const OneIdAction = z.enum(ONEID_ACTIONS);
export type OneIdAction = z.infer<typeof OneIdAction>;

const Moved = z.object({
  identities: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  touches: z.number().int().nonnegative(),
  coupons: z.number().int().nonnegative(),
  subprofiles: z.number().int().nonnegative(),
});
export type MovedCounts = z.infer<typeof Moved>;

export const OneIdHistorySchema = z.object({
  v: z.literal(1),
  id: Id,
  at: LocalDateTime,
  /** who: an operator's name, or the source ('import: file.csv', 'sync') */
  by: z.string().max(200),
  action: OneIdAction,
  /** every member the entry concerns (indexed: a member page lists its history) */
  members: z.array(Id),
  /** merge / undo: the member that kept its id; split: the member split from */
  into: Id.nullable(),
  /** merge: the member folded in; split: the new member; undo: the member folded back */
  from: Id.nullable(),
  profileId: Id.nullable(),
  /** the evidence key (kind:value) that merged or hinted */
  evidence: z.string().max(300).nullable(),
  note: z.string().max(1000),
  moved: Moved.nullable(),
  /** split entries: the undo entry that reversed it */
  undoneBy: Id.nullable(),
  /** trust entries: the table after the change */
  trust: z.partialRecord(IdentityKind, TrustChoice).nullable(),
});
export type OneIdHistoryEntry = z.infer<typeof OneIdHistorySchema>;

export const OneIdHistoryRecord = defineRecord({ name: 'oneidHistory', version: 1, schema: OneIdHistorySchema, migrations: [] });
