import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime, Money, Platform } from './common';

export const OrderLineSchema = z.object({
  sku: z.string().min(1).max(64),
  qty: z.number().int(),
  /** Unit price in minor units. */
  unitPrice: Money,
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

/**
 * An order or a refund. Amounts in minor units:
 *  gross       = Σ qty × unitPrice (negative for a refund/cancellation)
 *  discount    = promotions and coupons taken off
 *  storeCredit = part paid with stored value / gift card
 *  paid        = money the member paid for a sale (0 for a refund)
 *  refund      = money returned (0 for a sale)
 * Net spend of an order is paid − refund.
 */
export const OrderSchema = z.object({
  v: z.literal(1),
  id: Id,
  /** null = a guest order that no member could be tied to (kept, never dropped). */
  memberId: Id.nullable(),
  externalId: z.string().max(100),
  kind: z.enum(['sale', 'refund']),
  platform: Platform,
  storeId: Id.nullable(),
  placedAt: LocalDateTime,
  gross: Money,
  discount: Money.nonnegative(),
  storeCredit: Money.nonnegative(),
  paid: Money.nonnegative(),
  refund: Money.nonnegative(),
  couponId: Id.nullable(),
  lines: z.array(OrderLineSchema),
});
export type Order = z.infer<typeof OrderSchema>;

export const OrderRecord = defineRecord({ name: 'order', version: 1, schema: OrderSchema, migrations: [] });
