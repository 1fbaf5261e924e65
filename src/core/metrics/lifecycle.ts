import type { MemberColumns } from '../columnar/types';
import { compileRule, parseRule, runPlan, LIFECYCLE_STAGES, type MaskProvider, type Rule } from '../rules';

/**
 * Lifecycle stages are the business's own definition (domain §3): an ordered list of
 * (stage, rule); a member is in the first stage whose rule holds. The defaults follow the
 * domain's food-brand example (active within 90 days, churned after 180) and take the
 * workspace's thresholds, so a 3C brand's two-year cycle is a setting, not a code change.
 */
export type Stage = (typeof LIFECYCLE_STAGES)[number];
export interface StageDefinition {
  stage: Stage;
  rule: Rule;
}

export function defaultLifecycle(activeDays: number, churnDays: number): StageDefinition[] {
  const def = (stage: Stage, text: string) => ({ stage, rule: parseRule(text) });
  return [
    def('introduction', 'orders = 0'),
    def('churned', `days_since_last_order >= ${churnDays}`),
    def('dormant', `days_since_last_order >= ${activeDays}`),
    def('maturity', 'orders >= 3'),
    def('growth', 'true'),
  ];
}

export const NO_STAGE = 255;

/** Stage index (into LIFECYCLE_STAGES) per member; NO_STAGE where no definition matched. */
export function assignStages(cols: MemberColumns, defs: StageDefinition[], asOfDay: number, masks: MaskProvider = {}): Uint8Array {
  const out = new Uint8Array(cols.memberCount).fill(NO_STAGE);
  for (const d of defs) {
    const mask = runPlan(compileRule(d.rule, cols, asOfDay), cols, masks);
    const code = LIFECYCLE_STAGES.indexOf(d.stage);
    for (let i = 0; i < cols.memberCount; i++) if (out[i] === NO_STAGE && mask[i]) out[i] = code;
  }
  return out;
}

/** Members per stage, in LIFECYCLE_STAGES order, plus those in none. */
export function stageCounts(stages: Uint8Array): { stage: Stage | 'none'; count: number }[] {
  const counts = new Array(LIFECYCLE_STAGES.length + 1).fill(0);
  for (const s of stages) counts[s === NO_STAGE ? LIFECYCLE_STAGES.length : s]++;
  return [...LIFECYCLE_STAGES.map((stage, i) => ({ stage, count: counts[i] })), { stage: 'none' as const, count: counts[LIFECYCLE_STAGES.length] }];
}
