/**
 * The catalogue of what a rule can measure about a member: one entry per aggregate, its unit
 * (which drives type-checking and how literals are read: money in the workspace currency,
 * stored in minor units), what it reads, and which filters it accepts. Parser, type-checker,
 * printer, editors and (later) the compiler all read this list.
 */
export type Unit = 'money' | 'count' | 'days' | 'number';
export type Source = 'orders' | 'touches' | 'coupons' | 'member';

/** Filters narrow the rows an aggregate reads. */
export const ORDER_FILTERS = ['platform', 'store', 'sku', 'category', 'kind'] as const;
export const TOUCH_FILTERS = ['channel', 'kind', 'outcome'] as const;
export const COUPON_FILTERS = ['template'] as const;
export type FilterField = (typeof ORDER_FILTERS)[number] | (typeof TOUCH_FILTERS)[number] | (typeof COUPON_FILTERS)[number];

export interface MetricDef {
  name: string;
  unit: Unit;
  source: Source;
  /** Whether the metric takes a time window (member attributes don't). */
  windowed: boolean;
  /** A one-line meaning, for docs and the visual editor's tooltip (en; UI translates by key). */
  doc: string;
}

const o = (name: string, unit: Unit, doc: string): MetricDef => ({ name, unit, source: 'orders', windowed: true, doc });

export const METRICS: readonly MetricDef[] = [
  o('orders', 'count', 'number of sale orders'),
  o('refunds', 'count', 'number of refund orders'),
  o('paid', 'money', 'sum paid on sale orders'),
  o('refund_amount', 'money', 'sum refunded'),
  o('discount', 'money', 'sum of discounts'),
  o('store_credit', 'money', 'sum paid with store credit'),
  o('gross', 'money', 'sum of order gross amounts (refunds negative)'),
  o('net_spend', 'money', 'paid minus refunded'),
  o('aov', 'money', 'average paid per sale order'),
  o('min_order', 'money', 'smallest paid sale order'),
  o('max_order', 'money', 'largest paid sale order'),
  o('items', 'count', 'units bought on sale orders'),
  o('distinct_products', 'count', 'different SKUs bought'),
  o('distinct_categories', 'count', 'different categories bought'),
  o('distinct_platforms', 'count', 'different platforms bought on'),
  o('days_since_first_order', 'days', 'days from the first sale order to the as-of date'),
  o('days_since_last_order', 'days', 'days from the last sale order to the as-of date'),
  o('avg_interval', 'days', 'average days between consecutive sale orders'),
  o('max_interval', 'days', 'longest gap in days between consecutive sale orders'),
  { name: 'touches', unit: 'count', source: 'touches', windowed: true, doc: 'messages and coupons received' },
  { name: 'touch_cost', unit: 'money', source: 'touches', windowed: true, doc: 'cost of touches received' },
  { name: 'coupons_granted', unit: 'count', source: 'coupons', windowed: true, doc: 'coupons granted' },
  { name: 'coupons_redeemed', unit: 'count', source: 'coupons', windowed: true, doc: 'coupons redeemed' },
  { name: 'level', unit: 'number', source: 'member', windowed: false, doc: 'member level' },
  { name: 'age', unit: 'number', source: 'member', windowed: false, doc: "member's age in years from their own birthday" },
  { name: 'days_since_joined', unit: 'days', source: 'member', windowed: false, doc: 'days since the member joined' },
] as const;

const BY_NAME = new Map(METRICS.map((m) => [m.name, m]));
export function metric(name: string): MetricDef | undefined {
  return BY_NAME.get(name);
}

export function filtersFor(source: Source): readonly string[] {
  switch (source) {
    case 'orders':
      return ORDER_FILTERS;
    case 'touches':
      return TOUCH_FILTERS;
    case 'coupons':
      return COUPON_FILTERS;
    case 'member':
      return [];
  }
}

/** Sub-profile kinds and what a predicate may ask of each. */
export const SUBPROFILE_FIELDS: Record<string, Record<string, Unit>> = {
  baby: { age_months: 'number', age_days: 'number', pregnancy_week: 'number' },
  pet: { age_months: 'number' },
  device: { age_months: 'number' },
  other: {},
};
