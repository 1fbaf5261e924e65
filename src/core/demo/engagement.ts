import type { Channel, Coupon, Touch } from '../model';
import type { DemoContext } from './context';
import { dayOfYmd, formatDateTime, yearOf } from './dates';
import { cumulative, type Rng } from './prng';

/**
 * What the brand did to each member: coupons granted (welcome, birthday, 618 / Double 11,
 * win-back after a silent spell) and messages sent (promotion preheats, anniversary week,
 * birthday care, a WeCom follow-up after purchases), each touch with its cost and outcome.
 */
export interface Reach {
  phone: boolean;
  oa: boolean;
  mp: boolean;
  wecom: boolean;
}

export interface CouponGrant {
  id: string;
  template: string;
  campaign: string;
  amount: number;
  threshold: number;
  /** Granted at day * 86400 + second (a sortable instant). */
  day: number;
  second: number;
  expiresDay: number;
  channel: Channel;
  redeemedAt: string | null;
  orderId: string | null;
}

/** Cost per touch in fen: SMS 5 fen, template message 1 fen, WeCom and coupons free. */
export const TOUCH_COST: Readonly<Record<Channel, number>> = {
  sms: 5, oa_template: 1, wecom_1v1: 0, wecom_moments: 0, wecom_group: 0, mp_coupon: 0, email: 1, live: 0,
};

type Outcome = Touch['outcome'];
const OUTCOMES: Partial<Record<Channel, { names: Outcome[]; cum: number[] }>> = {
  sms: { names: ['delivered', 'clicked', 'sent', 'failed'], cum: cumulative([88, 3, 4, 5]) },
  oa_template: { names: ['delivered', 'opened', 'clicked', 'failed'], cum: cumulative([55, 28, 10, 7]) },
  wecom_1v1: { names: ['delivered', 'opened', 'clicked', 'failed'], cum: cumulative([40, 45, 13, 2]) },
  mp_coupon: { names: ['delivered', 'opened', 'clicked'], cum: cumulative([60, 30, 10]) },
};

function couponChannel(reach: Reach): Channel | null {
  return reach.mp ? 'mp_coupon' : reach.wecom ? 'wecom_1v1' : reach.phone ? 'sms' : null;
}

export function planCoupons(
  ctx: DemoContext, rng: Rng, memberNo: string, reach: Reach, joinDay: number, joinSecond: number,
  birthday: { month: number; dom: number } | null, orderDays: readonly number[],
): CouponGrant[] {
  const channel = couponChannel(reach);
  if (!channel) return [];
  const k = ctx.spec.couponScale;
  const grants: Omit<CouponGrant, 'id'>[] = [];
  const grant = (template: string, campaign: string, amount: number, threshold: number, day: number, validDays: number, second?: number) => {
    if (day < joinDay || day > ctx.asOfDay) return;
    grants.push({
      template, campaign, amount: Math.round(amount * k), threshold: Math.round(threshold * k), day,
      second: second ?? 32_400 + rng.int(36_000), expiresDay: day + validDays, channel, redeemedAt: null, orderId: null,
    });
  };
  // New members get a 7-day first-order coupon (domain §8: shortened from a year to force the first order).
  if (rng.chance(0.7)) grant('welcome_7d', 'welcome', 1000, 9900, joinDay, 7, joinSecond);
  for (const p of ctx.bigPromos) {
    const big = p.name.startsWith('double11');
    if (rng.chance(0.45)) grant(big ? 'double11' : '618', p.name, big ? 5000 : 3000, big ? 39900 : 29900, p.day - 7, 8);
  }
  if (birthday) {
    for (let y = yearOf(joinDay); y <= yearOf(ctx.asOfDay); y++) {
      if (rng.chance(0.5)) grant('birthday', `birthday_${y}`, 2000, 15900, dayOfYmd(y, birthday.month, birthday.dom) - 7, 30);
    }
  }
  // Win-back: the brand's rule sends a no-threshold coupon after one active period of silence.
  const active = ctx.spec.lifecycle.activeDays;
  for (let i = 0; i < orderDays.length; i++) {
    const next = i + 1 < orderDays.length ? orderDays[i + 1] : Number.POSITIVE_INFINITY;
    if (next - orderDays[i] > active && rng.chance(0.6)) grant('winback_nothreshold', 'winback', 1500, 0, orderDays[i] + active, 14);
  }
  grants.sort((a, b) => a.day - b.day || a.second - b.second);
  return grants.map((g, i) => ({ ...g, id: `C${memberNo}-${String(i + 1).padStart(2, '0')}` }));
}

export function emitCoupons(memberNo: string, grants: readonly CouponGrant[], out: Coupon[]): void {
  for (const g of grants) {
    out.push({
      v: 1, id: g.id, memberId: `M${memberNo}`, template: g.template, amount: g.amount, threshold: g.threshold,
      grantedAt: formatDateTime(g.day, g.second), expiresAt: formatDateTime(g.expiresDay, 86_399),
      redeemedAt: g.redeemedAt, orderId: g.orderId,
    });
  }
}

export function emitTouches(
  ctx: DemoContext, rng: Rng, memberNo: string, reach: Reach, joinDay: number, joinSecond: number,
  birthday: { month: number; dom: number } | null, orderDays: readonly number[], grants: readonly CouponGrant[], out: Touch[],
): void {
  let seq = 0;
  const touch = (channel: Channel, kind: Touch['kind'], day: number, second: number, campaign: string, outcome?: Outcome) => {
    if (day < joinDay || day > ctx.asOfDay) return;
    seq += 1;
    const o = OUTCOMES[channel]!;
    out.push({
      v: 1, id: `T${memberNo}-${String(seq).padStart(3, '0')}`, memberId: `M${memberNo}`, channel, kind,
      at: formatDateTime(day, second), cost: TOUCH_COST[channel], campaign, journeyId: null,
      outcome: outcome ?? o.names[rng.weighted(o.cum)],
    });
  };
  const daytime = () => 36_000 + rng.int(36_000);
  for (const g of grants) touch(g.channel, 'coupon', g.day, g.second, g.campaign, g.orderId ? 'clicked' : undefined);
  if (reach.wecom && rng.chance(0.9)) touch('wecom_1v1', 'message', joinDay, Math.min(86_399, joinSecond + 60 + rng.int(600)), 'welcome');
  const mass: Channel[] = [];
  if (reach.wecom) mass.push('wecom_1v1');
  if (reach.oa) mass.push('oa_template');
  if (reach.phone) mass.push('sms');
  for (const p of ctx.bigPromos) {
    if (p.day - 3 < joinDay + 7) continue;
    for (const ch of mass) if (rng.chance(0.45)) touch(ch, 'message', p.day - 3, daytime(), `${p.name}_preheat`);
  }
  for (let y = yearOf(joinDay); y <= yearOf(ctx.asOfDay); y++) {
    if (reach.phone && rng.chance(0.3)) touch('sms', 'message', dayOfYmd(y, 9, 15) - 2, daytime(), `anniversary_${y}`);
    if (birthday && mass.length > 0 && mass[0] !== 'sms' && rng.chance(0.5)) {
      touch(mass[0], 'message', dayOfYmd(y, birthday.month, birthday.dom), 32_400 + rng.int(3600), 'birthday_care');
    }
  }
  if (reach.wecom) {
    for (const d of orderDays) if (rng.chance(0.25)) touch('wecom_1v1', 'message', d + 3, daytime(), 'post_purchase_care');
  }
}
