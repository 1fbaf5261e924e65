import { describe, expect, it } from 'vitest';
import type { Identity, Order } from '../../core/model';
import { babyStage, groupIdentities, newestFirst, summarizeOrders } from './memberSummary';

function order(p: Partial<Order>): Order {
  return {
    v: 1, id: 'o', memberId: 'M1', externalId: 'x', kind: 'sale', platform: 'tmall', storeId: null,
    placedAt: '2026-01-01T10:00:00', gross: 0, discount: 0, storeCredit: 0, paid: 0, refund: 0, couponId: null, lines: [], ...p,
  };
}

describe('summarizeOrders', () => {
  it('nets refunds against payments and counts sales and refunds apart', () => {
    const s = summarizeOrders([
      order({ id: 'a', paid: 10000, placedAt: '2026-02-01T09:00:00', platform: 'jd' }),
      order({ id: 'b', paid: 5000, placedAt: '2025-12-24T20:00:00', platform: 'tmall' }),
      order({ id: 'c', paid: 2500, placedAt: '2026-03-05T12:00:00', platform: 'jd' }),
      order({ id: 'r', kind: 'refund', refund: 3000, gross: -3000, placedAt: '2026-04-01T12:00:00', platform: 'tmall' }),
    ]);
    expect(s.netSpend).toBe(14500);
    expect(s.orderCount).toBe(3);
    expect(s.refundCount).toBe(1);
    expect(s.firstOrderAt).toBe('2025-12-24T20:00:00');
    // the refund is not an order: the last order is the last sale
    expect(s.lastOrderAt).toBe('2026-03-05T12:00:00');
    expect(s.channels).toEqual(['jd', 'tmall']);
  });
  it('is empty for no orders', () => {
    expect(summarizeOrders([])).toEqual({ netSpend: 0, orderCount: 0, refundCount: 0, firstOrderAt: null, lastOrderAt: null, channels: [] });
  });
});

describe('babyStage', () => {
  const asOf = '2026-11-23';
  it('counts whole months from the birthday', () => {
    expect(babyStage({ birthday: '2026-05-23' }, asOf)).toEqual({ kind: 'born', months: 6 });
    expect(babyStage({ birthday: '2026-05-24' }, asOf)).toEqual({ kind: 'born', months: 5 });
    expect(babyStage({ birthday: '2026-11-23' }, asOf)).toEqual({ kind: 'born', months: 0 });
    expect(babyStage({ birthday: '2024-11-23', dueDate: '2024-11-30' }, asOf)).toEqual({ kind: 'born', months: 24 });
  });
  it('counts pregnancy weeks back from the due date (40 weeks)', () => {
    expect(babyStage({ dueDate: '2026-11-23' }, asOf)).toEqual({ kind: 'pregnant', week: 40 });
    expect(babyStage({ dueDate: '2027-02-15' }, asOf)).toEqual({ kind: 'pregnant', week: 28 });
    expect(babyStage({ dueDate: '2027-08-30' }, asOf)).toEqual({ kind: 'pregnant', week: 0 });
  });
  it('flags a due date that has passed without a birthday', () => {
    expect(babyStage({ dueDate: '2026-11-01' }, asOf)).toEqual({ kind: 'overdue' });
    expect(babyStage({ lastCareDate: '2026-01-01' }, asOf)).toEqual({ kind: 'unknown' });
  });
});

describe('groupIdentities', () => {
  it('groups by platform and sorts within a group', () => {
    const id = (p: Partial<Identity>): Identity => ({ v: 2, id: 'i', memberId: 'M1', kind: 'phone', value: 'v', platform: 'tmall', scope: null, firstSeen: '2026-01-01T00:00:00', profileId: 'P1', ...p });
    const groups = groupIdentities([
      id({ id: '1', platform: 'wecom', kind: 'wecom_external' }),
      id({ id: '2', platform: 'tmall', kind: 'taobao_buyer' }),
      id({ id: '3', platform: 'tmall', kind: 'member_card' }),
    ]);
    expect(groups.map(([p, ids]) => [p, ids.map((i) => i.id)])).toEqual([
      ['tmall', ['3', '2']],
      ['wecom', ['1']],
    ]);
  });
});

describe('newestFirst', () => {
  it('sorts by time descending without touching the input', () => {
    const rows = [{ at: '2026-01-01' }, { at: '2026-03-01' }, { at: '2026-02-01' }];
    expect(newestFirst(rows, (r) => r.at).map((r) => r.at)).toEqual(['2026-03-01', '2026-02-01', '2026-01-01']);
    expect(rows[0].at).toBe('2026-01-01');
  });
});
