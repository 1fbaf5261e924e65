import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime, Platform } from './common';

/** The kinds of evidence OneID merges on (domain §1). */
export const IDENTITY_KINDS = [
  'phone',
  'unionid',
  'openid_oa',
  'openid_mp',
  'openid_channels',
  'wecom_external',
  'taobao_buyer',
  'jd_pin',
  'douyin_openid',
  'member_card',
  'pos_member',
  'email',
  'customer_id',
] as const;
export const IdentityKind = z.enum(IDENTITY_KINDS);
export type IdentityKind = z.infer<typeof IdentityKind>;

export const IdentitySchema = z.object({
  v: z.literal(1),
  id: Id,
  memberId: Id,
  kind: IdentityKind,
  value: z.string().min(1).max(200),
  platform: Platform,
  /** For member cards: which card system (A/B/C); for buyer ids: which store. */
  scope: z.string().max(100).nullable(),
  firstSeen: LocalDateTime,
});
export type Identity = z.infer<typeof IdentitySchema>;

export const IdentityRecord = defineRecord({ name: 'identity', version: 1, schema: IdentitySchema, migrations: [] });
