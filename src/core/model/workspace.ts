import { z } from 'zod';
import { defineRecord, type Migration } from './versioned';
import { Id, LocalDate } from './common';
import { LIFECYCLE_STAGES } from '../rules/typecheck';

export const BRAND_TEMPLATES = ['mother_baby', 'beauty', 'food', 'imported'] as const;
export const BrandTemplate = z.enum(BRAND_TEMPLATES);
export type BrandTemplate = z.infer<typeof BrandTemplate>;

/** Where a workspace's stage rules came from: a preset (src/core/metrics/presets.ts) or the business's own. */
export const LIFECYCLE_PRESETS = ['food', 'appliances', 'apparel', 'beauty', 'mother_baby', 'custom'] as const;
export const LifecyclePreset = z.enum(LIFECYCLE_PRESETS);
export type LifecyclePreset = z.infer<typeof LifecyclePreset>;

export const StageRuleText = z.object({
  stage: z.enum(LIFECYCLE_STAGES),
  /** The rule in its text form (docs/rules.md); checked by checkLifecycle before it is saved. */
  rule: z.string().trim().min(1).max(2000),
});
export type StageRuleText = z.infer<typeof StageRuleText>;

/**
 * The business's own lifecycle (domain §3). `stages` is the definition: ordered, the first
 * rule that holds gives the member's stage. `preset` and the two thresholds say where the rules
 * came from (a preset filled with these numbers), so the editor can regenerate them when a
 * threshold changes; with preset 'custom' the rules were written by hand and the thresholds are
 * only the numbers the editor started from. The engine reads `stages` alone.
 */
export const LifecycleSetting = z
  .object({
    preset: LifecyclePreset,
    activeDays: z.number().int().positive().max(36500),
    churnDays: z.number().int().positive().max(36500),
    stages: z.array(StageRuleText).min(1).max(LIFECYCLE_STAGES.length),
  })
  .superRefine((l, ctx) => {
    const seen = new Set<string>();
    l.stages.forEach((s, i) => {
      if (seen.has(s.stage)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'stage'], message: `stage '${s.stage}' is defined twice` });
      seen.add(s.stage);
    });
  });
export type LifecycleSetting = z.infer<typeof LifecycleSetting>;

/** A workspace is one brand's member base: its settings and where its data came from. */
export const WorkspaceSchema = z.object({
  v: z.literal(2),
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
  lifecycle: LifecycleSetting,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/**
 * v1 kept only {activeDays, churnDays}; the engine derived five rules from them. v2 stores
 * those same rules, written out here (not taken from the presets, which may change later) so a
 * v1 workspace keeps exactly the stages it had. 90/180 was the food preset's numbers.
 */
const v1ToV2: Migration = {
  from: 1,
  to: 2,
  description: 'lifecycle thresholds -> stored stage rules (same rules as v1 derived)',
  up: (doc) => {
    const l = (doc.lifecycle ?? {}) as { activeDays?: unknown; churnDays?: unknown };
    const { activeDays, churnDays } = l;
    return {
      ...doc,
      lifecycle: {
        preset: activeDays === 90 && churnDays === 180 ? 'food' : 'custom',
        activeDays,
        churnDays,
        stages: [
          { stage: 'introduction', rule: 'orders = 0' },
          { stage: 'churned', rule: `days_since_last_order >= ${churnDays}` },
          { stage: 'dormant', rule: `days_since_last_order >= ${activeDays}` },
          { stage: 'maturity', rule: 'orders >= 3' },
          { stage: 'growth', rule: 'true' },
        ],
      },
    };
  },
};

export const WorkspaceRecord = defineRecord({ name: 'workspace', version: 2, schema: WorkspaceSchema, migrations: [v1ToV2] });
