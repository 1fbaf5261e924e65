import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime } from './common';

/**
 * A tag definition. Tags of one group are exclusive by priority (higher wins): the domain's
 * mid-value (> 1000 in 90 days) / high-value (> 2000) pair is one group.
 * `rule` holds the rule AST once the rule language exists (engine issue); kept opaque here.
 */
export const TagDefinitionSchema = z.object({
  v: z.literal(1),
  id: Id,
  name: z.string().min(1).max(100),
  group: z.string().max(100).nullable(),
  priority: z.number().int(),
  kind: z.enum(['manual', 'rule', 'dynamic', 'result']),
  rule: z.unknown().optional(),
  description: z.string().max(2000),
  createdAt: LocalDateTime,
});
export type TagDefinition = z.infer<typeof TagDefinitionSchema>;
export const TagDefinitionRecord = defineRecord({ name: 'tag', version: 1, schema: TagDefinitionSchema, migrations: [] });

/** Every add and remove of a tag on a member, so "held ever" and "held as of" are answerable. */
export const TagEventSchema = z.object({
  v: z.literal(1),
  id: Id,
  memberId: Id,
  tagId: Id,
  op: z.enum(['add', 'remove']),
  at: LocalDateTime,
  reason: z.string().max(500),
});
export type TagEvent = z.infer<typeof TagEventSchema>;
export const TagEventRecord = defineRecord({ name: 'tagEvent', version: 1, schema: TagEventSchema, migrations: [] });
