import { z } from 'zod';
import { defineRecord } from './versioned';
import { Id, LocalDate } from './common';

export const BRAND_TEMPLATES = ['mother_baby', 'beauty', 'food', 'imported'] as const;
export const BrandTemplate = z.enum(BRAND_TEMPLATES);
export type BrandTemplate = z.infer<typeof BrandTemplate>;

/** A workspace is one brand's member base: its settings and where its data came from. */
export const WorkspaceSchema = z.object({
  v: z.literal(1),
  id: Id,
  name: z.string().min(1).max(200),
  brandTemplate: BrandTemplate,
  currency: z.string().length(3),
  createdAt: z.string(),
  /** The day the data is "as of" (for a demo: the generator's today). */
  asOf: LocalDate,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('demo'), template: BrandTemplate, members: z.number().int().positive(), seed: z.number().int() }),
    z.object({ kind: z.literal('import'), fileName: z.string() }),
    z.object({ kind: z.literal('empty') }),
  ]),
  /** Lifecycle thresholds are the business's own (domain §3): food 90/180 days, 3C two years. */
  lifecycle: z.object({ activeDays: z.number().int().positive(), churnDays: z.number().int().positive() }),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceRecord = defineRecord({ name: 'workspace', version: 1, schema: WorkspaceSchema, migrations: [] });
