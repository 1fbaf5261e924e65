import type { BrandTemplate, LifecyclePreset, LifecycleSetting, StageRuleText } from '../model/workspace';

/**
 * Lifecycle presets as data (domain §3: "the lifecycle is defined by the business"). Each
 * gives default thresholds and stage rules in priority order (first match wins); `{active}`
 * and `{churn}` in a rule stand for the thresholds, so one preset serves a brand whose cycle
 * is a little longer or shorter. Why these numbers: docs/lifecycle.md.
 */
export interface LifecyclePresetDef {
  id: Exclude<LifecyclePreset, 'custom'>;
  activeDays: number;
  churnDays: number;
  stages: readonly StageRuleText[];
}

const churned = 'days_since_last_order >= {churn}';
const dormant = 'days_since_last_order >= {active}';

/** The five stages in their usual order; presets differ in what maturity and churn mean. */
const stagesWith = (maturity: string, churnedRule = churned): LifecyclePresetDef['stages'] => [
  { stage: 'introduction', rule: 'orders = 0' },
  { stage: 'churned', rule: churnedRule },
  { stage: 'dormant', rule: dormant },
  { stage: 'maturity', rule: maturity },
  { stage: 'growth', rule: 'true' },
];

export const LIFECYCLE_PRESET_DEFS: readonly LifecyclePresetDef[] = [
  {
    // The domain's worked example: 90 days active, churned after 180 without a valid order.
    id: 'food',
    activeDays: 90,
    churnDays: 180,
    stages: stagesWith('orders >= 3'),
  },
  {
    // 3C / appliances count two years as active; a second purchase of a durable is already loyalty.
    id: 'appliances',
    activeDays: 730,
    churnDays: 1095,
    stages: stagesWith('orders >= 2'),
  },
  {
    // Apparel buys by season: a skipped season pair (180 days) is dormant, a whole year of
    // seasons without an order is churned; mature members buy in most seasons of the year.
    id: 'apparel',
    activeDays: 180,
    churnDays: 365,
    stages: stagesWith('orders(last 365 days) >= 3'),
  },
  {
    // Skincare runs out in 2-3 months: two missed refills (180 days) is dormant, a year churned.
    id: 'beauty',
    activeDays: 180,
    churnDays: 365,
    stages: stagesWith('orders >= 3'),
  },
  {
    // Formula and diapers are monthly: the food brand's 90 / 180 days. A family also leaves the
    // category when its youngest child passes three and no baby is on the way.
    id: 'mother_baby',
    activeDays: 90,
    churnDays: 180,
    stages: stagesWith('orders >= 3', `${churned} or (count(baby) > 0 and no baby(age_months < 36) and no baby(pregnancy_week >= 0))`),
  },
];

export function presetDef(id: LifecyclePreset): LifecyclePresetDef | undefined {
  return LIFECYCLE_PRESET_DEFS.find((p) => p.id === id);
}

/** The setting a preset gives, with its own thresholds or the ones given. */
export function lifecycleFromPreset(id: Exclude<LifecyclePreset, 'custom'>, thresholds?: { activeDays: number; churnDays: number }): LifecycleSetting {
  const p = presetDef(id);
  if (!p) throw new Error(`unknown lifecycle preset '${id}'`);
  const activeDays = thresholds?.activeDays ?? p.activeDays;
  const churnDays = thresholds?.churnDays ?? p.churnDays;
  const fill = (rule: string) => rule.replaceAll('{active}', String(activeDays)).replaceAll('{churn}', String(churnDays));
  return { preset: id, activeDays, churnDays, stages: p.stages.map((s) => ({ stage: s.stage, rule: fill(s.rule) })) };
}

/** The preset a new workspace of a brand template starts on (imports: the domain's food example). */
export function presetForTemplate(t: BrandTemplate): Exclude<LifecyclePreset, 'custom'> {
  return t === 'mother_baby' ? 'mother_baby' : t === 'beauty' ? 'beauty' : 'food';
}

/** A new workspace's lifecycle. */
export function defaultLifecycleSetting(t: BrandTemplate = 'imported'): LifecycleSetting {
  return lifecycleFromPreset(presetForTemplate(t));
}
