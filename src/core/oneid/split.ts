import type { Channel, Coupon, IdentityKind, Identity, Order, Platform, SubProfile, Touch } from '../model';
import { identityEvidence } from './profiles';

/**
 * What an operator's split takes out of a member: the profile's identities, and the orders and
 * touches that came through that profile (so the member's figures stop counting them).
 *
 * Orders move when the profile holds the platform's buyer id (Tmall nick, JD pin, Douyin open id,
 * mini-program openid, POS member code) and no other profile of the member does on the same
 * platform; Tmall orders are told apart by store (the nick's scope names the store that saw it).
 * Touches move when their channel reaches the member only through this profile (WeCom through the
 * WeCom contact, template messages through the official account…). Coupons follow the orders
 * that redeemed them. Sub-profiles (babies, pets, devices) belong to the person and stay.
 */
export interface MemberRows {
  identities: Identity[];
  orders: Order[];
  touches: Touch[];
  coupons: Coupon[];
  subprofiles: SubProfile[];
}

const BUYER_KIND: Partial<Record<Platform, IdentityKind>> = {
  tmall: 'taobao_buyer',
  jd: 'jd_pin',
  douyin: 'douyin_openid',
  miniprogram: 'openid_mp',
  pos: 'pos_member',
};

const CHANNEL_KIND: Partial<Record<Channel, IdentityKind>> = {
  wecom_1v1: 'wecom_external',
  wecom_moments: 'wecom_external',
  wecom_group: 'wecom_external',
  oa_template: 'openid_oa',
  mp_coupon: 'openid_mp',
  sms: 'phone',
  email: 'email',
};

/** The rows to take out of `rows` (one member's) when `profileId` is split out. */
export function rowsOfProfile(rows: MemberRows, profileId: string): MemberRows {
  const mine = rows.identities.filter((i) => i.profileId === profileId);
  const others = rows.identities.filter((i) => i.profileId !== profileId);
  const elsewhere = new Set(others.map(identityEvidence));
  const heldElsewhere = (i: Identity) => elsewhere.has(identityEvidence(i));
  const orders = rows.orders.filter((o) => {
    const kind = BUYER_KIND[o.platform];
    if (!kind) return false;
    const buyer = mine.filter((i) => i.kind === kind && i.platform === o.platform);
    if (buyer.length === 0) return false;
    if (kind === 'taobao_buyer') {
      // stores: this profile's store(s) only, unless another profile saw the same store
      const stores = new Set(buyer.map((i) => i.scope));
      return stores.has(o.storeId) && !others.some((i) => i.kind === kind && i.scope === o.storeId);
    }
    return !others.some((i) => i.kind === kind && i.platform === o.platform);
  });
  const touches = rows.touches.filter((t) => {
    const kind = CHANNEL_KIND[t.channel];
    if (!kind) return false;
    return mine.some((i) => i.kind === kind && !heldElsewhere(i));
  });
  const moved = new Set(orders.map((o) => o.id));
  const coupons = rows.coupons.filter((c) => c.orderId !== null && moved.has(c.orderId));
  return { identities: mine, orders, touches, coupons, subprofiles: [] };
}

export const rowCounts = (r: MemberRows) => ({
  identities: r.identities.length,
  orders: r.orders.length,
  touches: r.touches.length,
  coupons: r.coupons.length,
  subprofiles: r.subprofiles.length,
});
