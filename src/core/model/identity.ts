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
  v: z.literal(2),
  id: Id,
  memberId: Id,
  kind: IdentityKind,
  value: z.string().min(1).max(200),
  platform: Platform,
  /** For member cards: which card system (A/B/C); for buyer ids: which store. */
  scope: z.string().max(100).nullable(),
  firstSeen: LocalDateTime,
  /**
   * The source profile that observed this identity: a Tmall store-A buyer record, a WeCom
   * contact, an official-account follower, a POS member, an imported customer row… Identities
   * of one profile were seen together; OneID joins profiles that share evidence (src/core/oneid).
   */
  profileId: Id,
});
export type Identity = z.infer<typeof IdentitySchema>;

/**
 * v1 -> v2: v1 rows did not say which source profile saw them. The default takes a member's
 * identities seen on one platform as one profile (`<memberId>@<platform>`): it never joins
 * two members (the id carries the member) and keeps each platform's evidence together.
 */
export const legacyProfileId = (memberId: string, platform: string): string => `${memberId}@${platform}`;

export const IdentityRecord = defineRecord({
  name: 'identity',
  version: 2,
  schema: IdentitySchema,
  migrations: [
    {
      from: 1,
      to: 2,
      description: 'profileId: the source profile that observed the identity (default: member and platform)',
      up: (d) => ({ ...d, profileId: legacyProfileId(String(d.memberId), String(d.platform)) }),
    },
  ],
});
