import { ColumnsBuilder, type MemberBundle } from '../columnar/build';
import type { MemberColumns } from '../columnar/types';
import type { Order, SubProfile } from '../model';

/** Test-only: tiny members with sale / refund orders on given days, built into columns. */
export function sale(memberId: string, day: string, paid = 5000, refund = 0): Order {
  return {
    v: 1, id: `${memberId}-${day}-${paid}`, memberId, externalId: '', kind: refund ? 'refund' : 'sale', platform: 'miniprogram', storeId: null, placedAt: `${day}T12:00:00`,
    gross: paid, discount: 0, storeCredit: 0, paid: refund ? 0 : paid, refund, couponId: null, lines: [{ sku: 'S', qty: 1, unitPrice: paid }],
  };
}

export function member(id: string, orders: Order[], joinedAt = '2024-01-01T00:00:00', subprofiles: SubProfile[] = []): MemberBundle {
  return {
    member: { v: 1, id, name: id, gender: 'u', birthday: null, region: '', city: '', level: 0, joinedAt, firstPlatform: 'miniprogram', homeStoreId: null, guideId: null, wecomFriend: false, attributes: {} },
    orders, touches: [], coupons: [], subprofiles,
  };
}

export function columns(members: MemberBundle[]): MemberColumns {
  const b = new ColumnsBuilder();
  members.forEach((x) => b.add(x));
  return b.finish();
}
