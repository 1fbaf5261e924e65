import { IDENTITY_KINDS, type IdentityKind } from '../model';

/** merge = evidence joins profiles; hint = shown as a possible match only. */
export type Trust = 'merge' | 'hint';

/**
 * Out of the box every id a platform issues merges; email only hints (shared family or work
 * inboxes are common, and an email is typed by hand). A workspace changes this in its OneID
 * settings (src/core/model/oneid.ts).
 */
export const DEFAULT_TRUST: Record<IdentityKind, Trust> = {
  phone: 'merge',
  unionid: 'merge',
  openid_oa: 'merge',
  openid_mp: 'merge',
  openid_channels: 'merge',
  wecom_external: 'merge',
  taobao_buyer: 'merge',
  jd_pin: 'merge',
  douyin_openid: 'merge',
  member_card: 'merge',
  pos_member: 'merge',
  email: 'hint',
  customer_id: 'merge',
};

/** The full trust table: defaults overlaid with a workspace's choices. */
export function trustTable(overrides: Partial<Record<IdentityKind, Trust>> = {}): Record<IdentityKind, Trust> {
  const t = { ...DEFAULT_TRUST };
  for (const k of IDENTITY_KINDS) if (overrides[k]) t[k] = overrides[k];
  return t;
}
