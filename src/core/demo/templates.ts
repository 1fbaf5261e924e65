import { TEMPLATE_LABELS } from './labels';
import { BEAUTY_PRODUCTS, FOOD_PRODUCTS, MOTHER_BABY_PRODUCTS, type DemoProduct } from './catalogues';

export const DEMO_TEMPLATES = ['mother_baby', 'beauty', 'food'] as const;
export type DemoTemplate = (typeof DEMO_TEMPLATES)[number];

/** What differs between brand templates: catalogue, people, buying rhythm, coupons. */
export interface TemplateSpec {
  template: DemoTemplate;
  /** Brand name as it appears in store names (data, not UI). */
  brand: string;
  /** English label for the workspace name. */
  label: string;
  products: readonly DemoProduct[];
  /** Categories members gravitate to, with weights (a member draws 2-3 favourites). */
  categoryWeights: Readonly<Record<string, number>>;
  femaleShare: number;
  /** Members' own age range in years. */
  ageRange: readonly [number, number];
  lifecycle: { activeDays: number; churnDays: number };
  /**
   * BG/NBD-like buying: each member's purchase rate λ (per day) ~ Gamma(rateShape, mean
   * 1/meanIntervalDays); after each purchase they drop out for good with probability
   * p ~ Beta(dropoutA, dropoutB).
   */
  purchase: { rateShape: number; meanIntervalDays: number; dropoutA: number; dropoutB: number };
  /** Mean extra lines per order (Poisson) and the largest quantity on a line. */
  basket: { extraLines: number; qtyMax: number };
  /** Coupon amounts and thresholds are multiplied by this (a beauty basket costs more). */
  couponScale: number;
  /** Cumulative net spend (fen) to reach levels 1..5. */
  levelThresholds: readonly number[];
  /** Extra promotional days (month, day) besides 618 and Double 11. */
  promoDays: readonly (readonly [number, number])[];
}

export const TEMPLATES: Readonly<Record<DemoTemplate, TemplateSpec>> = {
  mother_baby: {
    template: 'mother_baby',
    brand: '小禾母婴',
    label: TEMPLATE_LABELS.mother_baby,
    products: MOTHER_BABY_PRODUCTS,
    categoryWeights: { 奶粉: 5, 纸尿裤: 5, 湿巾: 2, 辅食: 3, 孕产营养: 2, 洗护: 2, 喂养用品: 1.5 },
    femaleShare: 0.88,
    ageRange: [23, 40],
    lifecycle: { activeDays: 90, churnDays: 180 },
    purchase: { rateShape: 2.2, meanIntervalDays: 30, dropoutA: 1.1, dropoutB: 28 },
    basket: { extraLines: 0.8, qtyMax: 3 },
    couponScale: 1,
    levelThresholds: [1, 100_000, 300_000, 800_000, 2_000_000],
    promoDays: [[9, 15]],
  },
  beauty: {
    template: 'beauty',
    brand: '清颜',
    label: TEMPLATE_LABELS.beauty,
    products: BEAUTY_PRODUCTS,
    categoryWeights: { 水乳: 4, 精华: 4, 面霜: 3, 洁面: 2, 面膜: 3, 防晒: 2, 彩妆: 3, 套装: 1.5, 美容仪: 0.6 },
    femaleShare: 0.85,
    ageRange: [18, 48],
    lifecycle: { activeDays: 180, churnDays: 365 },
    purchase: { rateShape: 1.8, meanIntervalDays: 34, dropoutA: 1.1, dropoutB: 26 },
    basket: { extraLines: 0.9, qtyMax: 2 },
    couponScale: 1.6,
    levelThresholds: [1, 150_000, 500_000, 1_200_000, 3_000_000],
    promoDays: [[3, 8], [5, 20]],
  },
  food: {
    template: 'food',
    brand: '麦香记',
    label: TEMPLATE_LABELS.food,
    products: FOOD_PRODUCTS,
    categoryWeights: { 坚果: 5, 休闲零食: 4, 烘焙: 3, 饮品: 3, 速食: 3, 礼盒: 1.2, 宠物零食: 0 },
    femaleShare: 0.58,
    ageRange: [18, 60],
    lifecycle: { activeDays: 90, churnDays: 180 },
    purchase: { rateShape: 1.6, meanIntervalDays: 26, dropoutA: 1.2, dropoutB: 22 },
    basket: { extraLines: 1.2, qtyMax: 4 },
    couponScale: 0.6,
    levelThresholds: [1, 30_000, 100_000, 250_000, 600_000],
    promoDays: [[1, 10], [9, 1]],
  },
};

/** The demo's fixed "today": never the clock, so the same seed gives the same data. */
export const DEMO_AS_OF = '2026-10-31';
/** Where the history starts (≈ 2.8 years before as-of). */
export const DEMO_HISTORY_FROM = '2024-01-01';
