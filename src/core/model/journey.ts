import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime } from './common';

/**
 * A journey as drawn: nodes and edges are records with ids (edges are never child ids inside
 * nodes). Node configs are validated by the node catalogue (canvas issue); here they are
 * opaque objects so the stored graph survives catalogue changes through migrations.
 */
export const JourneyNodeSchema = z.object({
  id: Id,
  type: z.string().min(1).max(64),
  position: z.object({ x: z.number(), y: z.number() }),
  config: z.record(z.string(), z.unknown()),
});
export const JourneyEdgeSchema = z.object({
  id: Id,
  source: Id,
  sourcePort: z.string().max(64),
  target: Id,
});

export const JourneySchema = z.object({
  v: z.literal(1),
  id: Id,
  name: z.string().min(1).max(200),
  description: z.string().max(5000),
  owner: z.string().max(200),
  status: z.enum(['draft', 'published', 'paused', 'stopped']),
  /** Increments on each publish; the published version is frozen while a draft is edited. */
  revision: z.number().int().nonnegative(),
  nodes: z.array(JourneyNodeSchema),
  edges: z.array(JourneyEdgeSchema),
  settings: z.record(z.string(), z.unknown()),
  createdAt: LocalDateTime,
  updatedAt: LocalDateTime,
});
export type Journey = z.infer<typeof JourneySchema>;
export const JourneyRecord = defineRecord({ name: 'journey', version: 1, schema: JourneySchema, migrations: [] });
