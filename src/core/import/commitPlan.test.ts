import { describe, expect, it } from 'vitest';
import { evidenceKey, planCommit } from './commitPlan';
import type { StagedImport, StagedMember, StagedOrder } from './assemble';

const member = (cust: string): StagedMember => ({
  key: `customer_id:${cust}`, id: `C${cust}`, identities: [{ kind: 'customer_id', value: cust }], region: 'UK', city: '', joinedAt: '2024-01-01T10:00:00', firstPlatform: 'import', homeStoreId: null,
});
const order = (id: string, cust: string | null, kind: 'sale' | 'refund' = 'sale'): StagedOrder => ({
  v: 1, id: `imp:${id}`, memberKey: cust ? `customer_id:${cust}` : null, externalId: id, kind, platform: 'import', storeId: null, placedAt: '2024-01-01T10:00:00',
  gross: 100, discount: 0, storeCredit: 0, paid: kind === 'sale' ? 100 : 0, refund: kind === 'refund' ? 100 : 0, couponId: null, lines: [{ sku: 'A', qty: 1, unitPrice: 100 }],
});
const staged = (orders: StagedOrder[], members: StagedMember[]): StagedImport => ({
  orders, members, products: [{ v: 1, sku: 'A', name: 'a', category: '', role: 'unknown', price: 100 }], stores: [], rows: orders.length, skippedRows: 0, skippedOrders: 0, errorRows: 0, issues: [], firstAt: null, lastAt: null,
});

describe('planCommit', () => {
  it('creates members, identities and products for a new workspace and counts guests and refunds', () => {
    const p = planCommit(staged([order('1', '7'), order('C2', '7', 'refund'), order('3', null)], [member('7')]));
    expect(p.newMembers.map((m) => m.id)).toEqual(['C7']);
    expect(p.identities).toHaveLength(1);
    expect(p.orders.map((o) => o.memberId)).toEqual(['C7', 'C7', null]);
    expect(p.counts).toMatchObject({ orders: 3, sales: 2, refunds: 1, guestOrders: 1, members: 1, membersNew: 1, products: 1, duplicates: 0 });
  });

  it('against a workspace: known identities are the same member, stored orders are duplicates, taken ids are prefixed', () => {
    const p = planCommit(staged([order('1', '7'), order('2', '8'), order('4', '9')], [member('7'), member('8'), member('9')]), {
      orderIds: new Set(['imp:1']),
      memberByEvidence: new Map([[evidenceKey('customer_id', '8'), 'M-existing']]),
      memberIdTaken: (id) => id === 'C9',
      hasProduct: () => true,
      hasStore: () => false,
    });
    expect(p.counts).toMatchObject({ orders: 2, duplicates: 1, members: 2, membersNew: 1, products: 0 });
    expect(p.orders.map((o) => o.memberId)).toEqual(['M-existing', 'imp:C9']);
    expect(p.newMembers.map((m) => m.id)).toEqual(['imp:C9']);
    expect(p.identities.map((i) => i.memberId)).toEqual(['imp:C9']);
  });
});
