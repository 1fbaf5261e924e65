import type { DemoContext } from './context';
import type { Rng } from './prng';

/** A member never has more orders than this (keeps ids fixed-width and outliers sane). */
export const MAX_ORDERS_PER_MEMBER = 400;

/**
 * The days a member buys on, BG/NBD-style: a personal purchase rate λ ~ Gamma, exponential
 * gaps between purchases, and after each purchase a personal chance p ~ Beta of dropping out
 * for good. Shoppers wait for promotions: a purchase due shortly before 618 / Double 11 (and
 * the template's other promo days) often moves onto the promo day.
 *
 * `extraDropout(day)` adds life-stage churn (a mother-and-baby customer whose child has
 * outgrown the range leaves).
 */
export function purchaseDays(
  ctx: DemoContext,
  rng: Rng,
  firstDay: number,
  extraDropout: ((day: number) => number) | null,
): number[] {
  const days: number[] = [];
  if (firstDay > ctx.asOfDay) return days;
  const { rateShape, meanIntervalDays, dropoutA, dropoutB } = ctx.spec.purchase;
  const rate = rng.gamma(rateShape, 1 / (meanIntervalDays * rateShape));
  const dropout = rng.beta(dropoutA, dropoutB);
  let day = firstDay;
  let promoIx = 0;
  for (;;) {
    days.push(day);
    if (days.length >= MAX_ORDERS_PER_MEMBER) break;
    const p = dropout + (extraDropout ? extraDropout(day) : 0);
    if (rng.chance(p)) break;
    day += Math.max(1, Math.round(rng.exponential(rate)));
    while (promoIx < ctx.promoDays.length && ctx.promoDays[promoIx] < day) promoIx++;
    if (promoIx < ctx.promoDays.length) {
      const promo = ctx.promoDays[promoIx];
      if (promo - day <= 12 && rng.chance(0.45)) day = promo;
    }
    if (day > ctx.asOfDay) break;
  }
  return days;
}

/** Join day: members arrive over the history, a little more of them recently (growth). */
export function drawJoinDay(ctx: DemoContext, rng: Rng): number {
  const span = ctx.asOfDay - ctx.fromDay;
  return ctx.fromDay + Math.floor(span * Math.pow(rng.next(), 0.8));
}

/** Hour-of-day profile of orders: a lunch bump and the evening peak (20-23h). */
const HOUR_CUM = (() => {
  const w = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.5, 3.5, 4.5, 5, 5.5, 4.5, 4, 4, 4, 4.5, 5, 6, 7.5, 8, 6.5, 3];
  const out: number[] = [];
  let s = 0;
  for (const x of w) out.push((s += x));
  return out;
})();

export function orderSecond(rng: Rng): number {
  return rng.weighted(HOUR_CUM) * 3600 + rng.int(3600);
}

/** Shop hours for physical stores: 10:00-22:00. */
export function storeSecond(rng: Rng): number {
  return 36_000 + rng.int(43_200);
}
