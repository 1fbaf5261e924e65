import type { Store } from '../model';
import { CITIES, MALLS } from './geo';
import { Rng } from './prng';

/** The brand's online stores, one per platform (Tmall has two: store A and store B). */
export const ONLINE_STORES = {
  tmallA: 'S-TMALL-A',
  tmallB: 'S-TMALL-B',
  jd: 'S-JD',
  douyin: 'S-DOUYIN',
  miniprogram: 'S-MP',
} as const;

export interface StoreLayout {
  stores: Store[];
  /** POS store ids per city, in CITIES order. */
  posByCity: string[][];
}

/**
 * Physical stores (platform 'pos') in every city of CITIES, named after the mall they sit in,
 * with coordinates scattered around the city centre; then the online stores.
 */
export function buildStores(brand: string, seed: number): StoreLayout {
  const rng = new Rng(seed ^ 0x51ed27);
  const stores: Store[] = [];
  const posByCity: string[][] = [];
  let n = 0;
  for (const c of CITIES) {
    const ids: string[] = [];
    // Each city takes its malls in its own shuffled order, so names differ between cities.
    const malls = [...MALLS];
    for (let i = malls.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [malls[i], malls[j]] = [malls[j], malls[i]];
    }
    for (let k = 0; k < c.stores; k++) {
      n += 1;
      const id = `S${String(n).padStart(4, '0')}`;
      const mall = malls[k % malls.length];
      const nth = Math.floor(k / malls.length);
      const name = `${brand} ${c.city}${mall}${nth > 0 ? `${nth + 1}号` : ''}店`;
      stores.push({
        v: 1,
        id,
        name,
        platform: 'pos',
        region: c.region,
        city: c.city,
        lat: round4(c.lat + (rng.next() - 0.5) * 0.24),
        lng: round4(c.lng + (rng.next() - 0.5) * 0.3),
      });
      ids.push(id);
    }
    posByCity.push(ids);
  }
  const online = (id: string, name: string, platform: Store['platform']): Store => ({
    v: 1, id, name: `${brand} ${name}`, platform, region: '线上', city: '线上', lat: null, lng: null,
  });
  stores.push(
    online(ONLINE_STORES.tmallA, '天猫官方旗舰店', 'tmall'),
    online(ONLINE_STORES.tmallB, '天猫品牌专卖店', 'tmall'),
    online(ONLINE_STORES.jd, '京东自营旗舰店', 'jd'),
    online(ONLINE_STORES.douyin, '抖音官方旗舰店', 'douyin'),
    online(ONLINE_STORES.miniprogram, '微信小程序商城', 'miniprogram'),
  );
  return { stores, posByCity };
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
