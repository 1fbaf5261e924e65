import type { Coupon, Member, Order, Product, SubProfile, Touch } from '../model';
import { dayNumber, NO_DAY } from '../time';
import { COLUMNS_VERSION, SUB_KINDS, TOUCH_OUTCOMES, type Dictionaries, type MemberColumns } from './types';

/** A growable typed array (doubling), so the builder streams members without knowing totals. */
class Grow<T extends Int32Array | Uint32Array | Uint8Array> {
  arr: T;
  n = 0;
  constructor(private readonly make: (n: number) => T) {
    this.arr = make(1024);
  }
  push(v: number): void {
    if (this.n === this.arr.length) {
      const next = this.make(this.arr.length * 2);
      next.set(this.arr);
      this.arr = next;
    }
    this.arr[this.n++] = v;
  }
  done(): T {
    return this.arr.slice(0, this.n) as T;
  }
}
const i32 = () => new Grow((n) => new Int32Array(n));
const u32 = () => new Grow((n) => new Uint32Array(n));
const u8 = () => new Grow((n) => new Uint8Array(n));

class Dict {
  values: string[] = [];
  private index = new Map<string, number>();
  code(s: string): number {
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(s);
      this.index.set(s, c);
    }
    return c;
  }
}

export interface MemberBundle {
  member: Member;
  orders: Order[];
  touches: Touch[];
  coupons: Coupon[];
  subprofiles: SubProfile[];
}

const optDay = (s: string | null | undefined) => (s ? dayNumber(s) : NO_DAY);
/** Time, then id: a total order, so the columns do not depend on the order rows arrive in. */
const byTime = <T extends { id: string }>(time: (r: T) => string) => (x: T, y: T): number => {
  const a = time(x);
  const b = time(y);
  return a < b ? -1 : a > b ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
};
const orderTime = byTime<Order>((o) => o.placedAt);
const touchTime = byTime<Touch>((t) => t.at);

/**
 * Builds MemberColumns one member at a time (streaming from IndexedDB or a generator).
 * Orders and touches are sorted by time (then id) per member here, whatever order they arrive in.
 */
export class ColumnsBuilder {
  private ids: string[] = [];
  private d = { platform: new Dict(), store: new Dict(), sku: new Dict(), category: new Dict(), channel: new Dict(), couponTemplate: new Dict(), region: new Dict() };
  private skuCat: number[] = [];
  private m = { level: u8(), birth: i32(), join: i32(), friend: u8(), region: u32() };
  private o = { off: u32(), day: i32(), kind: u8(), platform: u8(), store: u32(), gross: i32(), paid: i32(), refund: i32(), discount: i32(), credit: i32(), items: i32(), lineOff: u32(), sku: u32(), qty: i32() };
  private t = { off: u32(), day: i32(), channel: u8(), kind: u8(), outcome: u8(), cost: i32() };
  private c = { off: u32(), grant: i32(), redeem: i32(), template: u32() };
  private s = { off: u32(), kind: u8(), birth: i32(), due: i32() };

  constructor(private readonly products: Map<string, Product> = new Map()) {
    this.o.off.push(0);
    this.o.lineOff.push(0);
    this.t.off.push(0);
    this.c.off.push(0);
    this.s.off.push(0);
  }

  private skuCode(sku: string): number {
    const code = this.d.sku.code(sku);
    if (code === this.skuCat.length) this.skuCat.push(this.d.category.code(this.products.get(sku)?.category ?? ''));
    return code;
  }

  add(b: MemberBundle): void {
    const { member } = b;
    this.ids.push(member.id);
    this.m.level.push(member.level);
    this.m.birth.push(optDay(member.birthday));
    this.m.join.push(dayNumber(member.joinedAt));
    this.m.friend.push(member.wecomFriend ? 1 : 0);
    this.m.region.push(this.d.region.code(member.region));

    const orders = [...b.orders].sort(orderTime);
    for (const o of orders) {
      const O = this.o;
      O.day.push(dayNumber(o.placedAt));
      O.kind.push(o.kind === 'refund' ? 1 : 0);
      O.platform.push(this.d.platform.code(o.platform));
      O.store.push(o.storeId ? this.d.store.code(o.storeId) + 1 : 0);
      O.gross.push(o.gross);
      O.paid.push(o.paid);
      O.refund.push(o.refund);
      O.discount.push(o.discount);
      O.credit.push(o.storeCredit);
      let items = 0;
      for (const l of o.lines) {
        O.sku.push(this.skuCode(l.sku));
        O.qty.push(l.qty);
        items += Math.abs(l.qty);
      }
      O.items.push(items);
      O.lineOff.push(O.sku.n);
    }
    this.o.off.push(this.o.day.n);

    const touches = [...b.touches].sort(touchTime);
    for (const t of touches) {
      this.t.day.push(dayNumber(t.at));
      this.t.channel.push(this.d.channel.code(t.channel));
      this.t.kind.push(t.kind === 'coupon' ? 1 : 0);
      this.t.outcome.push(TOUCH_OUTCOMES.indexOf(t.outcome));
      this.t.cost.push(t.cost);
    }
    this.t.off.push(this.t.day.n);

    for (const c of b.coupons) {
      this.c.grant.push(dayNumber(c.grantedAt));
      this.c.redeem.push(optDay(c.redeemedAt));
      this.c.template.push(this.d.couponTemplate.code(c.template));
    }
    this.c.off.push(this.c.grant.n);

    for (const s of b.subprofiles) {
      this.s.kind.push(Math.max(0, SUB_KINDS.indexOf(s.kind)));
      this.s.birth.push(optDay(s.dates.birthday));
      this.s.due.push(optDay(s.dates.dueDate));
    }
    this.s.off.push(this.s.kind.n);
  }

  finish(): MemberColumns {
    const dicts = Object.fromEntries(Object.entries(this.d).map(([k, v]) => [k, v.values])) as unknown as Dictionaries;
    return {
      version: COLUMNS_VERSION,
      memberCount: this.ids.length,
      memberIds: this.ids,
      dicts,
      level: this.m.level.done(),
      birthDay: this.m.birth.done(),
      joinDay: this.m.join.done(),
      wecomFriend: this.m.friend.done(),
      region: this.m.region.done(),
      orderOffsets: this.o.off.done(),
      oDay: this.o.day.done(),
      oKind: this.o.kind.done(),
      oPlatform: this.o.platform.done(),
      oStore: this.o.store.done(),
      oGross: this.o.gross.done(),
      oPaid: this.o.paid.done(),
      oRefund: this.o.refund.done(),
      oDiscount: this.o.discount.done(),
      oCredit: this.o.credit.done(),
      oItems: this.o.items.done(),
      lineOffsets: this.o.lineOff.done(),
      lSku: this.o.sku.done(),
      lQty: this.o.qty.done(),
      skuCategory: Uint32Array.from(this.skuCat),
      touchOffsets: this.t.off.done(),
      tDay: this.t.day.done(),
      tChannel: this.t.channel.done(),
      tKind: this.t.kind.done(),
      tOutcome: this.t.outcome.done(),
      tCost: this.t.cost.done(),
      couponOffsets: this.c.off.done(),
      cGrantDay: this.c.grant.done(),
      cRedeemDay: this.c.redeem.done(),
      cTemplate: this.c.template.done(),
      subOffsets: this.s.off.done(),
      sKind: this.s.kind.done(),
      sBirthDay: this.s.birth.done(),
      sDueDay: this.s.due.done(),
    };
  }
}
