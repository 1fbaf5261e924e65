import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime, Money } from './common';

/** A coupon granted to a member from a template (amount, threshold, validity). */
export const CouponSchema = z.object({
  v: z.literal(1),
  id: Id,
  memberId: Id,
  template: z.string().max(100),
  amount: Money.nonnegative(),
  threshold: Money.nonnegative(),
  grantedAt: LocalDateTime,
  expiresAt: LocalDateTime,
  redeemedAt: LocalDateTime.nullable(),
  orderId: Id.nullable(),
});
export type Coupon = z.infer<typeof CouponSchema>;

export const CouponRecord = defineRecord({ name: 'coupon', version: 1, schema: CouponSchema, migrations: [] });
