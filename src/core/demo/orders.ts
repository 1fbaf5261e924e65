import type { Order, OrderLine } from '../model';
import type { DemoContext } from './context';
import type { CouponGrant } from './engagement';
import { compactDay, formatDateTime } from './dates';
import { SALES_PLATFORM, type Presence } from './identities';
import type { Rng } from './prng';
import { ONLINE_STORES } from './stores';
import { orderSecond, storeSecond } from './timeline';

const SALES_STORE = [ONLINE_STORES.tmallA, ONLINE_STORES.tmallB, ONLINE_STORES.jd, ONLINE_STORES.douyin, ONLINE_STORES.miniprogram];
const EXTERNAL_PREFIX = ['TB', 'TB', 'JD', 'DY', 'WX', 'POS'];
const ROLE_NAMES = ['traffic', 'main', 'profit'] as const;

/** What the order builder needs to know about one member. */
export interface Buyer {
  memberNo: string;
  joinDay: number;
  joinSecond: number;
  presence: Presence;
  homeStoreId: string | null;
  cityStores: readonly string[];
  /** Favourite category names and their cumulative weights. */
  favourites: readonly string[];
  favouriteCum: readonly number[];
  /** Babies' birth (or due) days (mother & baby), for age-appropriate products; empty otherwise. */
  babyDays: readonly number[];
}

export interface OrdersResult {
  /** Net spend (paid − refunds) in fen. */
  net: number;
  /** First day the watched SKU was bought (beauty devices), or null. */
  watchedDay: number | null;
}

/** Pick the sales channel of an order among those open to the member on that day. */
function pickChannel(rng: Rng, pr: Presence, day: number, first: boolean): number {
  if (first) return pr.primary;
  let total = 0;
  for (let s = 0; s < 6; s++) if (pr.since[s] <= day) total += s === pr.primary ? 4 : 1;
  let x = rng.next() * total;
  for (let s = 0; s < 6; s++) {
    if (pr.since[s] > day) continue;
    x -= s === pr.primary ? 4 : 1;
    if (x < 0) return s;
  }
  return pr.primary;
}

/**
 * Product journey A -> B: a first order is mostly a traffic product; later orders move to
 * main products and, after a few purchases, to profit products.
 */
function pickRole(rng: Rng, k: number): number {
  const traffic = k === 0 ? 0.7 : Math.max(0.12, 0.45 - 0.06 * k);
  const profit = Math.min(0.3, 0.035 * k);
  const x = rng.next();
  return x < traffic ? 0 : x < 1 - profit ? 1 : 2;
}

/** Whether some baby of the member is in the product's age window on `day`. */
function fits(ctx: DemoContext, b: Buyer, ix: number, day: number): boolean {
  const age = ctx.catalogue[ix].ageMonths;
  if (!age || b.babyDays.length === 0) return true;
  for (const birth of b.babyDays) {
    const months = (day - birth) / 30.44;
    if (months >= age[0] && months <= age[1]) return true;
  }
  return false;
}

function pickProduct(ctx: DemoContext, rng: Rng, b: Buyer, role: number, day: number): number {
  const roleName = ROLE_NAMES[role];
  for (let attempt = 0; attempt < 6; attempt++) {
    const cat = attempt < 3 && rng.chance(0.8)
      ? b.favourites[rng.weighted(b.favouriteCum)]
      : ctx.categories[rng.weighted(ctx.categoryCum)];
    const inCat = ctx.byCatRole.get(cat)![roleName];
    const pool = inCat.length > 0 ? inCat : ctx.byRole[roleName];
    const ix = pool[rng.int(pool.length)];
    if (fits(ctx, b, ix, day)) return ix;
  }
  // Nothing picked fits the babies' ages: walk the catalogue from a random point instead.
  const n = ctx.catalogue.length;
  const start = rng.int(n);
  for (let k = 0; k < n; k++) {
    const ix = (start + k) % n;
    if (ctx.spec.categoryWeights[ctx.catalogue[ix].category] === 0) continue; // niche (pet treats): favourites only
    if (fits(ctx, b, ix, day)) return ix;
  }
  return ctx.fallbackProduct;
}

interface PendingRefund {
  instant: number;
  order: Omit<Order, 'id'>;
}

export function emitOrders(
  ctx: DemoContext, rng: Rng, b: Buyer, days: readonly number[], grants: CouponGrant[], watchSku: string | null, out: Order[],
): OrdersResult {
  let seq = 0;
  let net = 0;
  let watchedDay: number | null = null;
  let prevDay = -1;
  let prevSecond = -1;
  const owned = new Set<string>();
  const nextId = () => `O${b.memberNo}-${String(++seq).padStart(3, '0')}`;
  // Refunds wait until their own time so order ids run in time order.
  const pending: PendingRefund[] = [];
  const flush = (until: number) => {
    pending.sort((x, y) => x.instant - y.instant);
    while (pending.length > 0 && pending[0].instant <= until) out.push({ id: nextId(), ...pending.shift()!.order });
  };
  for (let k = 0; k < days.length; k++) {
    const day = days[k];
    const ch = pickChannel(rng, b.presence, day, k === 0);
    const pos = ch === 5;
    let second = pos ? storeSecond(rng) : orderSecond(rng);
    if (day === b.joinDay && second < b.joinSecond) second = Math.min(86_399, b.joinSecond + rng.int(1800));
    if (day === prevDay && second <= prevSecond) second = Math.min(86_399, prevSecond + 600 + rng.int(3600));
    prevDay = day;
    prevSecond = second;
    const instant = day * 86_400 + second;
    flush(instant);
    const storeId = pos
      ? (rng.chance(0.85) && b.homeStoreId ? b.homeStoreId : b.cityStores[rng.int(b.cityStores.length)])
      : SALES_STORE[ch];
    const promo = ctx.promoSet.has(day);
    const { lines, gross } = buildLines(ctx, rng, b, k, day, promo, owned);
    if (watchSku && watchedDay === null && owned.has(watchSku)) watchedDay = day;

    let discount = promo ? Math.round(gross * (0.12 + rng.next() * 0.08)) : rng.chance(0.35) ? Math.round(gross * (0.05 + rng.next() * 0.05)) : 0;
    const id = nextId();
    const placedAt = formatDateTime(day, second);
    let couponId: string | null = null;
    let best: CouponGrant | null = null;
    for (const g of grants) {
      if (g.orderId || g.day * 86_400 + g.second > instant || g.expiresDay < day) continue;
      if (g.threshold <= gross - discount && g.amount <= gross - discount && (!best || g.amount > best.amount)) best = g;
    }
    if (best && rng.chance(0.75)) {
      best.orderId = id;
      best.redeemedAt = placedAt;
      couponId = best.id;
      discount += best.amount;
    }
    const storeCredit = (ch === 5 || ch === 4) && rng.chance(0.06) ? Math.round((gross - discount) * (0.2 + rng.next() * 0.8)) : 0;
    const paid = gross - discount - storeCredit;
    const externalId = `${EXTERNAL_PREFIX[ch]}${compactDay(day)}${b.memberNo}${String(seq).padStart(3, '0')}`;
    out.push({
      v: 1, id, memberId: `M${b.memberNo}`, externalId, kind: 'sale', platform: SALES_PLATFORM[ch], storeId, placedAt,
      gross, discount, storeCredit, paid, refund: 0, couponId, lines,
    });
    net += paid;

    // About 4% of orders are refunded within two weeks: fully, or one line of several.
    if (paid > 0 && rng.chance(0.04)) {
      const refundDay = day + 1 + rng.int(14);
      if (refundDay <= ctx.asOfDay) {
        const partial = lines.length > 1 && rng.chance(0.4);
        const back = partial ? [lines[rng.int(lines.length)]] : lines;
        const backGross = back.reduce((s, x) => s + x.qty * x.unitPrice, 0);
        const refund = Math.min(paid, Math.round((paid * backGross) / gross));
        const refundSecond = 36_000 + rng.int(36_000);
        pending.push({
          instant: refundDay * 86_400 + refundSecond,
          order: {
            v: 1, memberId: `M${b.memberNo}`, externalId: `${externalId}R`, kind: 'refund',
            platform: SALES_PLATFORM[ch], storeId, placedAt: formatDateTime(refundDay, refundSecond),
            gross: -backGross, discount: 0, storeCredit: 0, paid: 0, refund, couponId: null,
            lines: back.map((x) => ({ sku: x.sku, qty: -x.qty, unitPrice: x.unitPrice })),
          },
        });
        net -= refund;
      }
    }
  }
  flush(Number.POSITIVE_INFINITY);
  return { net, watchedDay };
}

/** The lines of the k-th order: a journey-led first line, cross-sells after it. */
function buildLines(
  ctx: DemoContext, rng: Rng, b: Buyer, k: number, day: number, promo: boolean, owned: Set<string>,
): { lines: OrderLine[]; gross: number } {
  const { basket } = ctx.spec;
  const lines: OrderLine[] = [];
  const nLines = 1 + Math.min(4, rng.poisson(basket.extraLines) + (promo ? 1 : 0));
  let gross = 0;
  for (let l = 0; l < nLines; l++) {
    let p = ctx.catalogue[pickProduct(ctx, rng, b, l === 0 ? pickRole(rng, k) : pickRole(rng, Math.min(k, 1)), day)];
    // A device is bought once; afterwards its owner buys the refill instead.
    if (p.refill) {
      if (owned.has(p.sku)) p = ctx.catalogue.find((x) => x.sku === p.refill) ?? p;
      else owned.add(p.sku);
    }
    const qty = p.refill ? 1 : rng.chance(0.25) ? 1 + rng.int(basket.qtyMax) : 1;
    const same = lines.find((x) => x.sku === p.sku);
    if (same) same.qty += qty;
    else lines.push({ sku: p.sku, qty, unitPrice: p.price });
    gross += qty * p.price;
  }
  return { lines, gross };
}
