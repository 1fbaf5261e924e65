import { describe, expect, it } from 'vitest';
import { ColumnsBuilder, type MemberBundle } from '../columnar/build';
import type { Order } from '../model';
import { dayNumber } from '../time';
import { assignStages, defaultLifecycle, stageCounts } from './lifecycle';
import { LIFECYCLE_STAGES } from '../rules';

const sale = (memberId: string, day: string): Order => ({
  v: 1, id: `${memberId}-${day}`, memberId, externalId: '', kind: 'sale', platform: 'miniprogram', storeId: null, placedAt: `${day}T12:00:00`,
  gross: 5000, discount: 0, storeCredit: 0, paid: 5000, refund: 0, couponId: null, lines: [{ sku: 'S', qty: 1, unitPrice: 5000 }],
});
const m = (id: string, days: string[]): MemberBundle => ({
  member: { v: 1, id, name: id, gender: 'u', birthday: null, region: '', city: '', level: 0, joinedAt: '2024-01-01T00:00:00', firstPlatform: 'miniprogram', homeStoreId: null, guideId: null, wecomFriend: false, attributes: {} },
  orders: days.map((d) => sale(id, d)), touches: [], coupons: [], subprofiles: [],
});

describe('lifecycle stages (food brand: active 90 days, churned after 180)', () => {
  const members = [
    m('prospect', []),
    m('new', ['2026-10-01']),
    m('loyal', ['2026-06-01', '2026-08-01', '2026-10-20']),
    m('silent', ['2026-06-15']), // 138 days before asOf
    m('lost', ['2026-01-01', '2026-02-01']), // > 180 days
  ];
  const b = new ColumnsBuilder();
  members.forEach((x) => b.add(x));
  const cols = b.finish();
  const stages = assignStages(cols, defaultLifecycle(90, 180), dayNumber('2026-10-31'));
  it('puts each member in the first stage whose rule holds', () => {
    expect([...stages].map((s) => LIFECYCLE_STAGES[s])).toEqual(['introduction', 'growth', 'maturity', 'dormant', 'churned']);
  });
  it('counts sum to the members', () => {
    const counts = stageCounts(stages);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(members.length);
    expect(counts.find((c) => c.stage === 'none')!.count).toBe(0);
  });
  it('a 3C brand with a two-year cycle keeps the same member active', () => {
    const s = assignStages(cols, defaultLifecycle(730, 1095), dayNumber('2026-10-31'));
    expect(LIFECYCLE_STAGES[s[4]]).toBe('growth');
  });
});
