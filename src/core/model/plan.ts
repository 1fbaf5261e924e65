import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDateTime } from './common';

/** A compiled journey (Plan IR). `ir` is defined by the journey compiler; `planVersion` lets executors branch. */
export const PlanSchema = z.object({
  v: z.literal(1),
  id: Id,
  journeyId: Id,
  journeyRevision: z.number().int().nonnegative(),
  planVersion: z.number().int().positive(),
  ir: z.unknown(),
  createdAt: LocalDateTime,
});
export type Plan = z.infer<typeof PlanSchema>;
export const PlanRecord = defineRecord({ name: 'plan', version: 1, schema: PlanSchema, migrations: [] });

/** One execution of a plan: a simulation, a backtest or a live run. */
export const RunSchema = z.object({
  v: z.literal(1),
  id: Id,
  planId: Id,
  kind: z.enum(['simulation', 'backtest', 'live']),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  params: z.record(z.string(), z.unknown()),
  result: z.unknown().nullable(),
  startedAt: LocalDateTime,
  finishedAt: LocalDateTime.nullable(),
  error: z.string().nullable(),
});
export type Run = z.infer<typeof RunSchema>;
export const RunRecord = defineRecord({ name: 'run', version: 1, schema: RunSchema, migrations: [] });
