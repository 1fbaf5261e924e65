import { describe, expect, it } from 'vitest';
import { ColumnsBuilder, type MemberBundle } from '../columnar/build';
import type { Order } from '../model';
import { compileRule, parseRule, runPlan } from '../rules';
import { dayNumber } from '../time';
import { diffTags, exclusiveMasks } from './assign';

// The domain's worked example: spend in the last 90 days > 1000 -> mid-value; > 2000 ->
// high-value, replacing mid; back to <= 2000 -> mid again; <= 1000 -> no tag.
const RULES = [
  { tagId: 'mid-value', group: 'value', priority: 1, text: 'net_spend(last 90 days) > 1000' },
  { tagId: 'high-value', group: 'value', priority: 2, text: 'net_spend(last 90 days) > 2000' },
];

const sale = (day: string, yuan: number): Order => ({
  v: 1, id: `${day}-${yuan}`, memberId: 'm', externalId: '', kind: 'sale', platform: 'tmall', storeId: null, placedAt: `${day}T12:00:00`,
  gross: yuan * 100, discount: 0, storeCredit: 0, paid: yuan * 100, refund: 0, couponId: null, lines: [{ sku: 'S', qty: 1, unitPrice: yuan * 100 }],
});
const member = (id: string, orders: Order[]): MemberBundle => ({
  member: { v: 1, id, name: id, gender: 'u', birthday: null, region: '', city: '', level: 0, joinedAt: '2025-01-01T00:00:00', firstPlatform: 'tmall', homeStoreId: null, guideId: null, wecomFriend: false, attributes: {} },
  orders, touches: [], coupons: [], subprofiles: [],
});

function tagsAsOf(asOf: string, bundles: MemberBundle[]) {
  const b = new ColumnsBuilder();
  bundles.forEach((x) => b.add(x));
  const cols = b.finish();
  const results = RULES.map((r) => ({ ...r, mask: runPlan(compileRule(parseRule(r.text), cols, dayNumber(asOf)), cols) }));
  return exclusiveMasks(results, cols.memberCount);
}
const held = (masks: Map<string, Uint8Array>, i: number) => [...masks].filter(([, m]) => m[i]).map(([t]) => t);

describe('the mid-value / high-value example', () => {
  // One member: ¥1,500 on 2026-01-10 and ¥800 on 2026-02-01. As time passes, orders leave the window.
  const timeline = [member('m', [sale('2026-01-10', 1500), sale('2026-02-01', 800)])];
  it('moves none -> mid -> high -> none as the 90-day spend rises and falls', () => {
    const steps = [
      { asOf: '2026-01-05', spend: 0, want: [] },
      { asOf: '2026-01-10', spend: 1500, want: ['mid-value'] },
      { asOf: '2026-02-01', spend: 2300, want: ['high-value'] },
      { asOf: '2026-04-09', spend: 800 + 1500, want: ['high-value'] }, // 2026-01-10 is 89 days back: the window's first day
      { asOf: '2026-04-10', spend: 800, want: [] }, // 90 days back: the 1,500 order left the window; 800 <= 1000
    ];
    for (const s of steps) expect(held(tagsAsOf(s.asOf, timeline), 0), s.asOf).toEqual(s.want);
  });
  it('falls back from high to mid when the spend drops to <= 2000 but stays > 1000', () => {
    const m = [member('m', [sale('2026-01-01', 1200), sale('2026-03-01', 1200)])];
    expect(held(tagsAsOf('2026-03-01', m), 0)).toEqual(['high-value']);
    expect(held(tagsAsOf('2026-04-01', m), 0)).toEqual(['mid-value']); // 2026-01-01 left the window
    expect(held(tagsAsOf('2026-05-29', m), 0)).toEqual(['mid-value']); // 2026-03-01 is 89 days back
    expect(held(tagsAsOf('2026-05-30', m), 0)).toEqual([]);
  });
  it('exactly 1000 and exactly 2000 are not over the thresholds', () => {
    expect(held(tagsAsOf('2026-01-02', [member('m', [sale('2026-01-01', 1000)])]), 0)).toEqual([]);
    expect(held(tagsAsOf('2026-01-02', [member('m', [sale('2026-01-01', 2000)])]), 0)).toEqual(['mid-value']);
  });
  it('recomputing yields history events: remove mid before add high, then the way back', () => {
    const m = [member('m', [sale('2026-01-01', 1200), sale('2026-03-01', 1200)])];
    const a = tagsAsOf('2026-01-01', m);
    const b = tagsAsOf('2026-03-01', m);
    const c = tagsAsOf('2026-04-01', m);
    const d = tagsAsOf('2026-05-31', m);
    expect(diffTags(a, b, 1)).toEqual([
      { member: 0, tagId: 'mid-value', op: 'remove' },
      { member: 0, tagId: 'high-value', op: 'add' },
    ]);
    expect(diffTags(b, c, 1)).toEqual([
      { member: 0, tagId: 'high-value', op: 'remove' },
      { member: 0, tagId: 'mid-value', op: 'add' },
    ]);
    expect(diffTags(c, d, 1)).toEqual([{ member: 0, tagId: 'mid-value', op: 'remove' }]);
  });
});
