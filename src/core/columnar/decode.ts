import type { MemberColumns } from './types';

/**
 * Every member's content with dictionary codes turned back into strings: two column sets are
 * equal under this iff they mean the same (tests compare incremental and full builds with it).
 */
export function decodeColumns(c: MemberColumns) {
  const d = c.dicts;
  return c.memberIds.map((id, i) => {
    const orders = [];
    for (let o = c.orderOffsets[i]; o < c.orderOffsets[i + 1]; o++) {
      const lines = [];
      for (let l = c.lineOffsets[o]; l < c.lineOffsets[o + 1]; l++) lines.push([d.sku[c.lSku[l]], d.category[c.skuCategory[c.lSku[l]]], c.lQty[l]]);
      orders.push([c.oDay[o], c.oKind[o], d.platform[c.oPlatform[o]], c.oStore[o] ? d.store[c.oStore[o] - 1] : null, c.oGross[o], c.oPaid[o], c.oRefund[o], c.oDiscount[o], c.oCredit[o], c.oItems[o], lines]);
    }
    const touches = [];
    for (let t = c.touchOffsets[i]; t < c.touchOffsets[i + 1]; t++) touches.push([c.tDay[t], d.channel[c.tChannel[t]], c.tKind[t], c.tOutcome[t], c.tCost[t]]);
    const coupons = [];
    for (let k = c.couponOffsets[i]; k < c.couponOffsets[i + 1]; k++) coupons.push([c.cGrantDay[k], c.cRedeemDay[k], d.couponTemplate[c.cTemplate[k]]]);
    const subs = [];
    for (let s = c.subOffsets[i]; s < c.subOffsets[i + 1]; s++) subs.push([c.sKind[s], c.sBirthDay[s], c.sDueDay[s]]);
    return { id, level: c.level[i], birth: c.birthDay[i], join: c.joinDay[i], friend: c.wecomFriend[i], region: d.region[c.region[i]], orders, touches, coupons, subs };
  });
}

