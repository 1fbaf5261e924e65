import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime } from './common';

/** A saved audience: a rule (AST from the rule language, opaque until it exists) and its last count. */
export const AudienceSchema = z.object({
  v: z.literal(1),
  id: Id,
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  rule: z.unknown(),
  lastCount: z.number().int().nonnegative().nullable(),
  createdAt: LocalDateTime,
  updatedAt: LocalDateTime,
});
export type Audience = z.infer<typeof AudienceSchema>;
export const AudienceRecord = defineRecord({ name: 'audience', version: 1, schema: AudienceSchema, migrations: [] });
