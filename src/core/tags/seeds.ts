import type { BrandTemplate, TagDefinition } from '../model';
import { parseRule, stripSpans } from '../rules';

/**
 * The tag catalogue a demo workspace starts with, per brand template (domain §2): data, not
 * code paths. Names are what rules mention (`has tag "mid-value customer"`), so they are one
 * spelling in every language; the description says what the tag means.
 *
 * Groups are exclusive by priority (higher wins): value (high replaces mid), age band,
 * pregnancy stage, recency. Baby month-age tags have no group on purpose: a family with a
 * 3-month-old and a 20-month-old needs both formula stages.
 */
export interface SeedTag {
  key: string;
  name: string;
  group: string | null;
  priority: number;
  kind: TagDefinition['kind'];
  /** Rule text for rule and dynamic tags (docs/rules.md). */
  rule?: string;
  description: string;
}

const COMMON: readonly SeedTag[] = [
  { key: 'mid-value', name: 'mid-value customer', group: 'value', priority: 1, kind: 'rule', rule: 'net_spend(last 90 days) > 1000', description: 'Net spend in the last 90 days above 1,000.' },
  { key: 'high-value', name: 'high-value customer', group: 'value', priority: 2, kind: 'rule', rule: 'net_spend(last 90 days) > 2000', description: 'Net spend in the last 90 days above 2,000; replaces mid-value.' },
  { key: 'age-18-24', name: 'age 18-24', group: 'age band', priority: 1, kind: 'dynamic', rule: 'age between 18 and 24', description: "From the member's own birthday, recomputed daily." },
  { key: 'age-25-34', name: 'age 25-34', group: 'age band', priority: 2, kind: 'dynamic', rule: 'age between 25 and 34', description: "From the member's own birthday, recomputed daily." },
  { key: 'age-35-44', name: 'age 35-44', group: 'age band', priority: 3, kind: 'dynamic', rule: 'age between 35 and 44', description: "From the member's own birthday, recomputed daily." },
  { key: 'age-45', name: 'age 45+', group: 'age band', priority: 4, kind: 'dynamic', rule: 'age >= 45', description: "From the member's own birthday, recomputed daily." },
  { key: 'new-30', name: 'new in 30 days', group: 'recency', priority: 3, kind: 'rule', rule: 'days_since_first_order <= 30', description: 'First order within the last 30 days.' },
  { key: 'dormant-soon', name: 'about to go dormant', group: 'recency', priority: 2, kind: 'rule', rule: 'days_since_last_order between 60 and 89', description: 'Last order 60 to 89 days ago.' },
  { key: 'silent-180', name: 'silent 180 days', group: 'recency', priority: 1, kind: 'rule', rule: 'days_since_last_order >= 180 and orders >= 1', description: 'Bought before, but nothing for 180 days or more.' },
  { key: 'never-bought', name: 'never bought', group: null, priority: 0, kind: 'rule', rule: 'orders = 0', description: 'A member without any order.' },
  { key: 'loyal', name: 'loyal (7+ orders)', group: null, priority: 0, kind: 'rule', rule: 'orders >= 7', description: 'Seven orders or more, all time.' },
  { key: 'coupon-redeemer', name: 'coupon redeemer', group: null, priority: 0, kind: 'rule', rule: 'coupons_redeemed(last 180 days) >= 1', description: 'Redeemed a coupon in the last 180 days.' },
  { key: 'sms-fatigue', name: 'SMS fatigue', group: null, priority: 0, kind: 'rule', rule: 'touches(channel = sms, last 90 days) >= 2 and touches(channel = sms, outcome = opened, last 90 days) = 0', description: 'Two SMS or more in 90 days, none opened.' },
  { key: 'vip-care', name: 'VIP care', group: null, priority: 0, kind: 'manual', description: 'Set by hand by the service team.' },
  { key: 'anniversary-redeemed', name: 'redeemed the anniversary coupon', group: null, priority: 0, kind: 'result', description: 'Written back by the anniversary journey.' },
];

const BY_TEMPLATE: Readonly<Record<Exclude<BrandTemplate, 'imported'>, readonly SeedTag[]>> = {
  mother_baby: [
    { key: 'baby-0-5', name: 'baby 0-5 months', group: null, priority: 0, kind: 'dynamic', rule: 'any baby(age_months between 0 and 5)', description: "A baby aged 0-5 months (stage 1 formula), from the baby's birthday." },
    { key: 'baby-6-12', name: 'baby 6-12 months', group: null, priority: 0, kind: 'dynamic', rule: 'any baby(age_months between 6 and 12)', description: 'A baby aged 6-12 months (stage 2 formula, first solids).' },
    { key: 'baby-13-24', name: 'baby 13-24 months', group: null, priority: 0, kind: 'dynamic', rule: 'any baby(age_months between 13 and 24)', description: 'A toddler aged 13-24 months (stage 3 formula).' },
    { key: 'pregnancy-early', name: 'early pregnancy', group: 'pregnancy', priority: 1, kind: 'dynamic', rule: 'any baby(pregnancy_week between 0 and 13)', description: 'Weeks 0-13 from the due date: folic acid.' },
    { key: 'pregnancy-mid', name: 'mid pregnancy', group: 'pregnancy', priority: 2, kind: 'dynamic', rule: 'any baby(pregnancy_week between 14 and 27)', description: 'Weeks 14-27: calcium and iron.' },
    { key: 'pregnancy-late', name: 'late pregnancy', group: 'pregnancy', priority: 3, kind: 'dynamic', rule: 'any baby(pregnancy_week between 28 and 45)', description: 'Week 28 on: the birth kit.' },
    { key: 'formula-repeat', name: 'formula twice in 90 days', group: null, priority: 0, kind: 'rule', rule: 'orders(category = "奶粉", last 90 days) >= 2', description: 'Two formula orders or more in 90 days.' },
  ],
  beauty: [
    { key: 'device-owner', name: 'beauty device owner', group: null, priority: 0, kind: 'rule', rule: 'count(device) >= 1', description: 'Owns a registered beauty device.' },
    { key: 'serum-repeat', name: 'serum repurchaser', group: null, priority: 0, kind: 'rule', rule: 'orders(category = "精华", last 180 days) >= 2', description: 'Two serum orders or more in 180 days.' },
  ],
  food: [
    { key: 'pet-family', name: 'pet family', group: null, priority: 0, kind: 'rule', rule: 'count(pet) >= 1', description: 'Has a pet sub-profile.' },
    { key: 'nut-lover', name: 'nut lover', group: null, priority: 0, kind: 'rule', rule: 'orders(category = "坚果", last 180 days) >= 3', description: 'Three nut orders or more in 180 days.' },
  ],
};

/** The seed tags of a template (common ones first); an imported workspace gets the common set. */
export function seedTags(template: BrandTemplate): SeedTag[] {
  return [...COMMON, ...(template === 'imported' ? [] : BY_TEMPLATE[template])];
}

export const seedTagId = (key: string): string => `tag-seed-${key}`;

/** Tag definition records for a template, rules parsed into their stored (span-free) AST. */
export function seedTagDefinitions(template: BrandTemplate, createdAt: string): TagDefinition[] {
  return seedTags(template).map((s) => ({
    v: 1,
    id: seedTagId(s.key),
    name: s.name,
    group: s.group,
    priority: s.priority,
    kind: s.kind,
    ...(s.rule ? { rule: stripSpans(parseRule(s.rule)) } : {}),
    description: s.description,
    createdAt,
  }));
}
