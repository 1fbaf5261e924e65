import type { Coupon, Identity, Member, Order, SubProfile, Touch } from '../model';
import type { DemoContext } from './context';
import { formatDateTime, formatDay, monthDay } from './dates';
import { emitCoupons, emitTouches, planCoupons } from './engagement';
import { CITIES } from './geo';
import { drawPresence, emitIdentities, NEVER } from './identities';
import { personName } from './names';
import { emitOrders } from './orders';
import { cumulative, hash3, Rng } from './prng';
import { drawFamily, emitDevice } from './subprofiles';
import { drawJoinDay, purchaseDays } from './timeline';

/** The records of a run of members, in member order. */
export interface DemoBatch {
  /** Index of the first member of the batch (0-based). */
  from: number;
  members: Member[];
  identities: Identity[];
  orders: Order[];
  subprofiles: SubProfile[];
  touches: Touch[];
  coupons: Coupon[];
}

export function emptyBatch(from: number): DemoBatch {
  return { from, members: [], identities: [], orders: [], subprofiles: [], touches: [], coupons: [] };
}

/** 'M0000001' for index 0: fixed width so ids sort in member order. */
export function memberNumber(index: number): string {
  return String(index + 1).padStart(7, '0');
}

const ACQUISITION = ['ecommerce', 'store_qr', 'live_stream', 'wecom_qr', 'referral', 'ads'] as const;
const FAV_WEIGHTS = [6, 3, 1.5];

/**
 * Generate member `index` and everything that belongs to them into `out`. All randomness
 * comes from a PRNG seeded by hash(seed, index): a member's data depends on nothing else,
 * so batches can be generated in any order, in any size, with identical results.
 */
export function generateMember(ctx: DemoContext, index: number, out: DemoBatch): void {
  const rng = new Rng(hash3(ctx.seed, 1, index));
  const { spec } = ctx;
  const no = memberNumber(index);
  const gender = rng.chance(spec.femaleShare) ? 'f' : rng.chance(0.96) ? 'm' : 'u';
  const name = personName(rng, gender);
  const age = spec.ageRange[0] + (spec.ageRange[1] - spec.ageRange[0]) * (rng.next() + rng.next()) / 2;
  const birthdayDay = rng.chance(0.85) ? ctx.asOfDay - Math.floor(age * 365.25) - rng.int(365) : null;
  const birthday = birthdayDay === null ? null : monthDay(birthdayDay);
  const cityIx = rng.weighted(ctx.cityCum);
  const city = CITIES[cityIx];
  const cityStores = ctx.layout.posByCity[cityIx];
  const joinDay = drawJoinDay(ctx, rng);
  const joinSecond = 32_400 + rng.int(43_200);

  const presence = drawPresence(ctx, rng, joinDay);
  emitIdentities(ctx, rng, index, no, presence, joinDay, joinSecond, out.identities);
  const pos = presence.since[5] !== NEVER;
  // Members who shop in a store or are a guide's WeCom friend belong to a home store and its guide.
  const homeStoreId = pos || presence.wecomFriend ? cityStores[rng.int(cityStores.length)] : null;
  const guideId = homeStoreId && presence.wecomFriend ? `G${homeStoreId.slice(1)}-${1 + rng.int(4)}` : null;

  const family = drawFamily(ctx, rng, no, joinDay, out.subprofiles);
  const favourites: string[] = [];
  for (let i = 0; i < 3 && favourites.length < 2 + rng.int(2); i++) {
    const c = ctx.categories[rng.weighted(ctx.categoryCum)];
    if (!favourites.includes(c)) favourites.push(c);
  }
  if (family.extraCategory && !favourites.includes(family.extraCategory)) favourites.unshift(family.extraCategory);

  // Most buyers order on the day they join; some join first and buy later (or not yet).
  const firstDay = presence.prospect ? NEVER : rng.chance(0.9) ? joinDay : joinDay + Math.round(rng.exponential(1 / 25));
  const days = firstDay === NEVER ? [] : purchaseDays(ctx, rng, firstDay, family.extraDropout);

  const reach = { phone: presence.phone, oa: presence.oa, mp: presence.since[4] !== NEVER, wecom: presence.wecomFriend };
  const grants = planCoupons(ctx, rng, no, reach, joinDay, joinSecond, birthday, days);
  const buyer = {
    memberNo: no, joinDay, joinSecond, presence, homeStoreId, cityStores, favourites,
    favouriteCum: cumulative(FAV_WEIGHTS.slice(0, favourites.length).concat(favourites.length > 3 ? [1] : [])),
    babyDays: family.babyDays,
  };
  const watch = spec.template === 'beauty' ? 'BT-DEVICE-RF' : null;
  const result = emitOrders(ctx, rng, buyer, days, grants, watch, out.orders);
  if (result.watchedDay !== null) emitDevice(ctx, rng, no, index, result.watchedDay, out.subprofiles);
  emitCoupons(no, grants, out.coupons);
  emitTouches(ctx, rng, no, reach, joinDay, joinSecond, birthday, days, grants, out.touches);

  let level = 0;
  for (const t of spec.levelThresholds) if (result.net >= t) level++;
  const preferred = reach.wecom ? 'wecom' : reach.oa ? 'official_account' : reach.phone ? 'sms' : 'none';
  out.members.push({
    v: 1,
    id: `M${no}`,
    name,
    gender,
    birthday: birthdayDay === null ? null : formatDay(birthdayDay),
    region: city.region,
    city: city.city,
    level,
    joinedAt: formatDateTime(joinDay, joinSecond),
    firstPlatform: presence.firstPlatform,
    homeStoreId,
    guideId,
    wecomFriend: presence.wecomFriend,
    attributes: {
      acquisition: presence.prospect ? (presence.firstPlatform === 'wecom' ? 'wecom_qr' : 'ads') : pos ? 'store_qr' : ACQUISITION[rng.int(ACQUISITION.length)],
      preferredChannel: preferred,
    },
  });
}
