import type { Identity, Order, Platform, SubProfile } from '../../core/model';
import { dayNumber, monthsBetween } from '../../core/time';

/** The figures at the top of a member page, from all of the member's orders and refunds. */
export interface MemberSummary {
  /** Σ (paid − refund), minor units. */
  netSpend: number;
  orderCount: number;
  refundCount: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  /** Platforms the member bought on, most orders first. */
  channels: Platform[];
}

export function summarizeOrders(orders: readonly Order[]): MemberSummary {
  let netSpend = 0;
  let orderCount = 0;
  let refundCount = 0;
  let first: string | null = null;
  let last: string | null = null;
  const perPlatform = new Map<Platform, number>();
  for (const o of orders) {
    netSpend += o.paid - o.refund;
    if (o.kind === 'refund') {
      refundCount += 1;
      continue;
    }
    orderCount += 1;
    if (first === null || o.placedAt < first) first = o.placedAt;
    if (last === null || o.placedAt > last) last = o.placedAt;
    perPlatform.set(o.platform, (perPlatform.get(o.platform) ?? 0) + 1);
  }
  const channels = [...perPlatform.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
  return { netSpend, orderCount, refundCount, firstOrderAt: first, lastOrderAt: last, channels };
}

/** Identities of one person grouped by platform, in a stable order (platform, kind, first seen). */
export function groupIdentities(identities: readonly Identity[]): [Platform, Identity[]][] {
  const groups = new Map<Platform, Identity[]>();
  for (const i of identities) {
    const g = groups.get(i.platform);
    if (g) g.push(i);
    else groups.set(i.platform, [i]);
  }
  for (const g of groups.values()) g.sort((a, b) => a.kind.localeCompare(b.kind) || a.firstSeen.localeCompare(b.firstSeen));
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Where a baby (or any sub-profile with a birthday or due date) stands on the workspace's
 * as-of day: born -> whole months of age; expected -> completed pregnancy weeks, counting
 * 40 weeks (280 days) up to the due date.
 */
export type BabyStage =
  | { kind: 'born'; months: number }
  | { kind: 'pregnant'; week: number }
  | { kind: 'overdue' }
  | { kind: 'unknown' };

export const PREGNANCY_DAYS = 280;

export function babyStage(dates: SubProfile['dates'], asOf: string): BabyStage {
  const today = dayNumber(asOf);
  const birthday = dates.birthday;
  if (birthday && dayNumber(birthday) <= today) return { kind: 'born', months: monthsBetween(dayNumber(birthday), today) };
  const due = dates.dueDate ?? birthday; // a birthday in the future is an expected date
  if (!due) return { kind: 'unknown' };
  const daysToDue = dayNumber(due) - today;
  if (daysToDue < 0) return { kind: 'overdue' };
  const gestationDays = PREGNANCY_DAYS - daysToDue;
  return { kind: 'pregnant', week: Math.max(0, Math.floor(gestationDays / 7)) };
}

/** Newest first, for lists of a member's touches, coupons and tag events. */
export function newestFirst<T>(rows: readonly T[], at: (r: T) => string): T[] {
  return [...rows].sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));
}
