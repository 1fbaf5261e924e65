import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime } from './common';

/** An action leaving the device: sent at most once, keyed by (plan version, member, node, step). */
export const OutboxEntrySchema = z.object({
  v: z.literal(1),
  id: Id,
  idempotencyKey: z.string().min(1).max(300),
  kind: z.enum(['message', 'coupon', 'points', 'tag', 'attribute', 'webhook', 'guide_task']),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  createdAt: LocalDateTime,
  lastError: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
export const OutboxEntryRecord = defineRecord({ name: 'outbox', version: 1, schema: OutboxEntrySchema, migrations: [] });
