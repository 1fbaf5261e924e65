import { describe, expect, it } from 'vitest';
import type { Coupon, Identity, Order, Touch } from '../model';
import { memberIdentityGraph, whyOnePerson } from './profiles';
import { rowsOfProfile } from './split';

const idn = (id: string, profileId: string, kind: Identity['kind'], value: string, platform: Identity['platform'], scope: string | null = null): Identity => ({
  v: 2, id, memberId: 'M1', kind, value, platform, scope, firstSeen: '2024-01-01T00:00:00', profileId,
});
const order = (id: string, platform: Order['platform'], storeId: string) => ({ id, platform, storeId, kind: 'sale' }) as Order;
const touch = (id: string, channel: Touch['channel']) => ({ id, channel }) as Touch;

const identities = [
  idn('1', 'tmA', 'taobao_buyer', 'nick', 'tmall', 'S-TMALL-A'),
  idn('2', 'tmA', 'phone', '13800000001', 'tmall'),
  idn('3', 'tmB', 'taobao_buyer', 'nick', 'tmall', 'S-TMALL-B'),
  idn('4', 'wc', 'wecom_external', 'wm1', 'wecom'),
  idn('5', 'wc', 'unionid', 'U1', 'wecom'),
  idn('6', 'wc', 'phone', '+86 138 0000 0001', 'wecom'),
  idn('7', 'mp', 'unionid', 'U1', 'miniprogram'),
  idn('8', 'mp', 'email', 'a@b.cn', 'miniprogram'),
];

describe('rowsOfProfile', () => {
  const rows = {
    identities,
    orders: [order('oA', 'tmall', 'S-TMALL-A'), order('oB', 'tmall', 'S-TMALL-B'), order('oJ', 'jd', 'S-JD')],
    touches: [touch('t1', 'wecom_1v1'), touch('t2', 'sms'), touch('t3', 'email')],
    coupons: [{ id: 'c1', orderId: 'oB' } as Coupon, { id: 'c2', orderId: null } as Coupon],
    subprofiles: [],
  };
  it('a Tmall store profile takes the orders of its store and the coupons they redeemed', () => {
    const r = rowsOfProfile(rows, 'tmB');
    expect(r.identities.map((i) => i.id)).toEqual(['3']);
    expect(r.orders.map((o) => o.id)).toEqual(['oB']);
    expect(r.coupons.map((c) => c.id)).toEqual(['c1']);
    expect(r.touches).toEqual([]);
  });
  it('the WeCom contact takes the WeCom touches; SMS stays, the phone being held by another profile too', () => {
    const r = rowsOfProfile(rows, 'wc');
    expect(r.touches.map((t) => t.id)).toEqual(['t1']);
    expect(r.orders).toEqual([]);
  });
  it('the only profile holding the email takes the email touches', () => {
    expect(rowsOfProfile(rows, 'mp').touches.map((t) => t.id)).toEqual(['t3']);
  });
});

describe('memberIdentityGraph', () => {
  it('draws shared evidence from its first holder, marks hint-only lines, and explains the join', () => {
    const g = memberIdentityGraph(identities);
    expect(g.nodes.map((n) => n.id)).toEqual(['tmA', 'tmB', 'wc', 'mp']);
    expect(g.edges.map((e) => `${e.a}-${e.b}:${e.kind}:${e.trusted}`).sort()).toEqual([
      'mp-wc:unionid:true', 'tmA-tmB:taobao_buyer:true', 'tmA-wc:phone:true',
    ]);
    expect(g.connected).toBe(true);
    expect(whyOnePerson(g, 'tmB', 'mp')?.map((e) => e.evidence)).toEqual(['taobao_buyer:nick', 'phone:13800000001', 'unionid:U1']);
  });
  it('with phone hint-only the member falls apart into what the evidence still joins', () => {
    const g = memberIdentityGraph(identities, { phone: 'hint' });
    expect(g.edges.find((e) => e.kind === 'phone')?.trusted).toBe(false);
    expect(g.connected).toBe(false);
    expect(whyOnePerson(g, 'tmA', 'wc')).toBeNull();
  });
});
