import type { Product } from '../model';
import type { DemoProduct, ProductRoleName } from './catalogues';
import { dayOf, dayOfYmd, yearOf } from './dates';
import { CITIES } from './geo';
import { cumulative, fmix32 } from './prng';
import { buildStores, type StoreLayout } from './stores';
import { DEMO_AS_OF, DEMO_HISTORY_FROM, TEMPLATES, type DemoTemplate, type TemplateSpec } from './templates';

const ROLES: readonly ProductRoleName[] = ['traffic', 'main', 'profit'];

/**
 * Everything shared by all members of one demo: template, stores, catalogue indexes,
 * promotional calendar and the salts that make identity values depend on the seed.
 * Built once; read-only afterwards (members are generated independently from it).
 */
export interface DemoContext {
  spec: TemplateSpec;
  seed: number;
  asOfDay: number;
  fromDay: number;
  layout: StoreLayout;
  cityCum: number[];
  catalogue: readonly DemoProduct[];
  products: Product[];
  categories: string[];
  categoryCum: number[];
  /** Product indexes by category then role. */
  byCatRole: Map<string, Record<ProductRoleName, number[]>>;
  byRole: Record<ProductRoleName, number[]>;
  /** A product anyone can buy at any time (fallback when age rules exclude a pick). */
  fallbackProduct: number;
  /** Promotional days (sorted) and the set of them, as day numbers within the history. */
  promoDays: number[];
  promoSet: Set<number>;
  /** 618 and Double 11 of each year, for campaigns and coupons. */
  bigPromos: { day: number; name: string }[];
  salt: (kind: number) => number;
}

export function buildContext(template: DemoTemplate, seed: number): DemoContext {
  const spec = TEMPLATES[template];
  const asOfDay = dayOf(DEMO_AS_OF);
  const fromDay = dayOf(DEMO_HISTORY_FROM);
  const catalogue = spec.products;
  const products: Product[] = catalogue.map((p) => ({ v: 1, sku: p.sku, name: p.name, category: p.category, role: p.role, price: p.price }));
  const categories = [...new Set(catalogue.map((p) => p.category))];
  const byCatRole = new Map<string, Record<ProductRoleName, number[]>>();
  const byRole: Record<ProductRoleName, number[]> = { traffic: [], main: [], profit: [] };
  for (const c of categories) byCatRole.set(c, { traffic: [], main: [], profit: [] });
  catalogue.forEach((p, i) => {
    byCatRole.get(p.category)![p.role].push(i);
    byRole[p.role].push(i);
  });
  for (const r of ROLES) if (byRole[r].length === 0) throw new Error(`template ${template}: no ${r} product`);
  const fallbackProduct = catalogue.findIndex((p) => p.role === 'traffic' && !p.ageMonths);

  const promoDays: number[] = [];
  const bigPromos: { day: number; name: string }[] = [];
  for (let y = yearOf(fromDay); y <= yearOf(asOfDay); y++) {
    const big = [
      { day: dayOfYmd(y, 6, 18), name: `618_${y}` },
      { day: dayOfYmd(y, 11, 11), name: `double11_${y}` },
    ];
    for (const b of big) if (b.day >= fromDay && b.day <= asOfDay) bigPromos.push(b);
    const all = [...big.map((b) => b.day), dayOfYmd(y, 12, 12), ...spec.promoDays.map(([m, d]) => dayOfYmd(y, m, d))];
    for (const d of all) if (d >= fromDay && d <= asOfDay) promoDays.push(d);
  }
  promoDays.sort((a, b) => a - b);

  return {
    spec,
    seed,
    asOfDay,
    fromDay,
    layout: buildStores(spec.brand, seed),
    cityCum: cumulative(CITIES.map((c) => c.stores)),
    catalogue,
    products,
    categories,
    categoryCum: cumulative(categories.map((c) => spec.categoryWeights[c] ?? 1)),
    byCatRole,
    byRole,
    fallbackProduct: fallbackProduct < 0 ? byRole.traffic[0] : fallbackProduct,
    promoDays,
    promoSet: new Set(promoDays),
    bigPromos,
    salt: (kind: number) => fmix32(seed ^ Math.imul(kind + 7, 0x27d4eb2d)),
  };
}
