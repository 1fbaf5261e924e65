import { z } from 'zod';
import { defineRecord } from './versioned';
import { Channel, Id, LocalDateTime, Money } from './common';

/** A message or coupon a member received, with what it cost and what came of it. */
export const TouchSchema = z.object({
  v: z.literal(1),
  id: Id,
  memberId: Id,
  channel: Channel,
  kind: z.enum(['message', 'coupon']),
  at: LocalDateTime,
  cost: Money.nonnegative(),
  campaign: z.string().max(200).nullable(),
  journeyId: Id.nullable(),
  outcome: z.enum(['sent', 'delivered', 'opened', 'clicked', 'failed']),
});
export type Touch = z.infer<typeof TouchSchema>;

export const TouchRecord = defineRecord({ name: 'touch', version: 1, schema: TouchSchema, migrations: [] });
