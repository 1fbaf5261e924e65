import { z } from 'zod';

/** Money is kept in integer minor units (cents / fen) so sums are exact. */
export const Money = z.number().int();
export type Money = z.infer<typeof Money>;

/**
 * Local wall-clock time as written at the source, `YYYY-MM-DDTHH:mm[:ss]`, no time zone:
 * an order placed at 08:26 in the shop's day stays 08:26 whatever the browser's zone.
 */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'expected YYYY-MM-DDTHH:mm[:ss]');
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const Id = z.string().min(1).max(200);

/** Where a record or identity came from: sales platforms and owned channels. */
export const PLATFORMS = ['tmall', 'jd', 'douyin', 'miniprogram', 'pos', 'wecom', 'official_account', 'import'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** Channels a touch (message, coupon) reaches a member through. */
export const CHANNELS = [
  'wecom_1v1',
  'wecom_moments',
  'wecom_group',
  'oa_template',
  'sms',
  'mp_coupon',
  'email',
  'live',
] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Free-form attributes on members and sub-profiles. */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const Attributes = z.record(z.string(), AttributeValue);
