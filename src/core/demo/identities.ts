import type { Identity, IdentityKind, Platform } from '../model';
import type { DemoContext } from './context';
import { formatDateTime } from './dates';
import { scramble32, type Rng } from './prng';

/**
 * Where one member can be found: which sales channels they buy on (and since when), and
 * which owned channels (phone, official account, WeCom) reach them. Orders and touches are
 * drawn only on channels the member has an identity on, so OneID can tie them together.
 */
export const SALES = ['tmallA', 'tmallB', 'jd', 'douyin', 'mp', 'pos'] as const;
export const SALES_PLATFORM: readonly Platform[] = ['tmall', 'tmall', 'jd', 'douyin', 'miniprogram', 'pos'];
export const NEVER = Number.POSITIVE_INFINITY;

export interface Presence {
  prospect: boolean;
  firstPlatform: Platform;
  /** Index into SALES of the member's main sales channel (-1 for prospects). */
  primary: number;
  /** Day from which each SALES channel is open to this member (NEVER if not). */
  since: number[];
  phone: boolean;
  oa: boolean;
  wecomFriend: boolean;
  cards: { A: boolean; B: boolean; C: boolean };
}

// Main sales channel shares over SALES (Tmall store A leads, then offline stores); prospects have none yet.
const PRIMARY_CUM = [30, 37, 51, 65, 79, 100];
const SECONDARY_P = [0.25, 0, 0.12, 0.14, 0.22, 0.15];

export function drawPresence(ctx: DemoContext, rng: Rng, joinDay: number): Presence {
  const since = [NEVER, NEVER, NEVER, NEVER, NEVER, NEVER];
  const prospect = rng.chance(0.06);
  let primary = -1;
  let firstPlatform: Platform;
  const later = () => joinDay + rng.int(Math.max(1, ctx.asOfDay - joinDay + 1));
  if (prospect) {
    firstPlatform = rng.chance(0.6) ? 'wecom' : 'official_account';
  } else {
    primary = rng.weighted(PRIMARY_CUM);
    since[primary] = joinDay;
    firstPlatform = SALES_PLATFORM[primary];
    for (let s = 0; s < SALES.length; s++) if (s !== primary && rng.chance(SECONDARY_P[s])) since[s] = later();
    // A Tmall buyer of store A is often seen in the brand's store B too (domain §1).
    const tmall = Math.min(since[0], since[1]);
    if (tmall !== NEVER && rng.chance(0.22)) {
      if (since[1] === NEVER) since[1] = Math.max(tmall, later());
      else if (since[0] === NEVER) since[0] = Math.max(tmall, later());
    }
  }
  const mp = since[4] !== NEVER;
  const pos = since[5] !== NEVER;
  const phoneP = pos ? 0.95 : primary === 3 ? 0.6 : prospect ? 0.3 : 0.8;
  const wecomFriend = firstPlatform === 'wecom' || rng.chance(pos ? 0.55 : mp ? 0.4 : 0.16);
  return {
    prospect,
    firstPlatform,
    primary,
    since,
    phone: rng.chance(phoneP),
    oa: firstPlatform === 'official_account' || rng.chance(mp ? 0.55 : 0.3),
    wecomFriend,
    cards: {
      A: since[0] !== NEVER && rng.chance(0.55),
      B: since[2] !== NEVER && rng.chance(0.5),
      C: since[3] !== NEVER && rng.chance(0.45),
    },
  };
}

const PHONE_PREFIXES = [
  '138', '139', '137', '136', '135', '159', '158', '150', '151', '152', '188', '187', '186', '185', '183',
  '182', '177', '176', '173', '199', '198', '189', '181', '180', '133', '153', '131', '132', '155', '156', '130', '166',
];

const hex8 = (x: number) => x.toString(16).padStart(8, '0');
const dec10 = (x: number) => String(x).padStart(10, '0');

/**
 * Identity values derived from the member index by bijective scrambles, so two members never
 * share a phone number or an open id by accident (that would merge them in OneID).
 */
export function identityValue(ctx: DemoContext, kind: IdentityKind, index: number, scope = ''): string {
  const s = (k: number) => scramble32(index, ctx.salt(k));
  switch (kind) {
    case 'phone': {
      // An affine map with a multiplier prime to 10^8 is a bijection on 8-digit suffixes.
      let a = (ctx.salt(1) % 49_999_999) * 2 + 1;
      if (a % 5 === 0) a += 2;
      const suffix = (a * index + (ctx.salt(2) % 100_000_000)) % 100_000_000;
      return PHONE_PREFIXES[s(3) % PHONE_PREFIXES.length] + String(suffix).padStart(8, '0');
    }
    case 'taobao_buyer':
      return `tb${s(4).toString(36)}`;
    case 'jd_pin':
      return `jd_${hex8(s(5))}`;
    case 'douyin_openid':
      return `_000${hex8(s(6))}${hex8(s(106))}`;
    case 'openid_mp':
      return `oMp${hex8(s(7))}${hex8(s(107))}`;
    case 'openid_oa':
      return `oOa${hex8(s(8))}${hex8(s(108))}`;
    case 'unionid':
      return `oUn${hex8(s(9))}${hex8(s(109))}`;
    case 'wecom_external':
      return `wmE${hex8(s(10))}${hex8(s(110))}`;
    case 'pos_member':
      return `VIP${dec10(s(11))}`;
    case 'member_card':
      return `${scope}-${dec10(s(scope === 'A' ? 12 : scope === 'B' ? 13 : 14))}`;
    default:
      return `${kind}-${hex8(s(15))}`;
  }
}

/**
 * Emit the member's identity records grouped into the source profiles that observed them, so
 * OneID over the profiles finds exactly this member. Each platform profile holds its own ids;
 * what joins them is the evidence a real brand sees:
 * - the WeChat unionid, seen by the mini-program, the official account and WeCom alike;
 * - the Taobao buyer nick, seen by the brand's Tmall stores A and B;
 * - the phone, bound on each platform's membership and at the till (when the member gave one);
 * - member cards A (Tmall), B (JD), C (Douyin), each also held by the brand's loyalty account
 *   (profile `crm`, opened where the member joined): bind once, recognised everywhere.
 * A member with no phone who shops on several platforms is joined through the loyalty account:
 * their cards are bound there, and it knows their WeChat unionid and POS member code.
 * `day`s are when each identity was first seen.
 */
export function emitIdentities(
  ctx: DemoContext, rng: Rng, index: number, memberNo: string, pr: Presence, joinDay: number, joinSecond: number, out: Identity[],
): void {
  let seq = 0;
  const add = (profile: string, kind: IdentityKind, platform: Platform, day: number, scope: string | null = null) => {
    seq += 1;
    out.push({
      v: 2,
      id: `I${memberNo}-${seq < 10 ? '0' : ''}${seq}`,
      memberId: `M${memberNo}`,
      kind,
      value: identityValue(ctx, kind, index, scope ?? ''),
      platform,
      scope,
      // Identities seen on the join day are seen at the moment of joining.
      firstSeen: formatDateTime(Math.min(day, ctx.asOfDay), day === joinDay ? joinSecond : 32_400 + rng.int(46_800)),
      profileId: `P${memberNo}.${profile}`,
    });
  };
  const within = (d: number) => Math.min(ctx.asOfDay, d + rng.int(60));
  const { since } = pr;
  const oaDay = pr.oa ? (pr.firstPlatform === 'official_account' ? joinDay : within(joinDay)) : NEVER;
  const wecomDay = pr.wecomFriend ? (pr.firstPlatform === 'wecom' ? joinDay : within(joinDay)) : NEVER;
  const tmall = since[0] !== NEVER ? 'tmA' : since[1] !== NEVER ? 'tmB' : null;
  const wechat = since[4] !== NEVER ? 'mp' : pr.wecomFriend ? 'wc' : pr.oa ? 'oa' : null;
  const groups = [tmall, since[2], since[3], wechat, since[5]].filter((g) => g !== null && g !== NEVER).length;
  // Without a phone, several platforms are tied only through the cards bound to the loyalty account.
  const viaLoyalty = !pr.phone && groups > 1;
  const cards = {
    A: tmall !== null && (pr.cards.A || viaLoyalty),
    B: since[2] !== NEVER && (pr.cards.B || viaLoyalty),
    C: since[3] !== NEVER && (pr.cards.C || viaLoyalty),
  };
  const cardDay = { A: tmall === null ? NEVER : within(Math.min(since[0], since[1])), B: within(since[2]), C: within(since[3]) };
  const phone = (profile: string, platform: Platform, day: number) => {
    if (pr.phone) add(profile, 'phone', platform, day);
  };

  if (since[0] !== NEVER) {
    add('tmA', 'taobao_buyer', 'tmall', since[0], 'S-TMALL-A');
    if (tmall === 'tmA') phone('tmA', 'tmall', since[0]);
  }
  if (since[1] !== NEVER) {
    add('tmB', 'taobao_buyer', 'tmall', since[1], 'S-TMALL-B');
    if (tmall === 'tmB') phone('tmB', 'tmall', since[1]);
  }
  if (tmall && cards.A) add(tmall, 'member_card', 'tmall', cardDay.A, 'A');
  if (since[2] !== NEVER) {
    add('jd', 'jd_pin', 'jd', since[2]);
    phone('jd', 'jd', since[2]);
    if (cards.B) add('jd', 'member_card', 'jd', cardDay.B, 'B');
  }
  if (since[3] !== NEVER) {
    add('dy', 'douyin_openid', 'douyin', since[3]);
    phone('dy', 'douyin', since[3]);
    if (cards.C) add('dy', 'member_card', 'douyin', cardDay.C, 'C');
  }
  // One WeChat user: each WeChat surface sees its own openid and the same unionid.
  if (since[4] !== NEVER) {
    add('mp', 'openid_mp', 'miniprogram', since[4]);
    add('mp', 'unionid', 'miniprogram', since[4]);
    phone('mp', 'miniprogram', since[4]);
  }
  if (pr.oa) {
    add('oa', 'openid_oa', 'official_account', oaDay);
    add('oa', 'unionid', 'official_account', oaDay);
    if (wechat === 'oa') phone('oa', 'official_account', oaDay);
  }
  if (pr.wecomFriend) {
    add('wc', 'wecom_external', 'wecom', wecomDay);
    add('wc', 'unionid', 'wecom', wecomDay);
    if (wechat === 'wc') phone('wc', 'wecom', wecomDay);
  }
  if (since[5] !== NEVER) {
    add('pos', 'pos_member', 'pos', since[5]);
    phone('pos', 'pos', since[5]);
  }
  // The loyalty account: the cards bound to it, and (no phone) what else ties the platforms.
  if (cards.A || cards.B || cards.C || viaLoyalty) {
    const at = pr.firstPlatform;
    if (cards.A) add('crm', 'member_card', at, cardDay.A, 'A');
    if (cards.B) add('crm', 'member_card', at, cardDay.B, 'B');
    if (cards.C) add('crm', 'member_card', at, cardDay.C, 'C');
    if (viaLoyalty && wechat) add('crm', 'unionid', at, Math.min(since[4], oaDay, wecomDay));
    if (viaLoyalty && since[5] !== NEVER) add('crm', 'pos_member', at, since[5]);
  }
}
