import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemo } from '../demo';
import type { Product } from '../model';
import { ColumnsBuilder, type MemberBundle } from './build';
import { patchColumns, patchMemberColumn } from './patch';
import { decodeColumns as decode } from './decode';
import type { MemberColumns } from './types';

const demo = generateDemo({ template: 'beauty', members: 120, seed: 5 });
const batch = demo.range(0, 120);
const baseProducts = new Map<string, Product>(demo.products.map((p) => [p.sku, p]));

function bundlesOf(): MemberBundle[] {
  const by = new Map<string, MemberBundle>(batch.members.map((m) => [m.id, { member: m, orders: [], touches: [], coupons: [], subprofiles: [] }]));
  for (const o of batch.orders) if (o.memberId) by.get(o.memberId)?.orders.push(o);
  for (const t of batch.touches) by.get(t.memberId)?.touches.push(t);
  for (const c of batch.coupons) by.get(c.memberId)?.coupons.push(c);
  for (const s of batch.subprofiles) by.get(s.memberId)?.subprofiles.push(s);
  return [...by.values()].sort((a, b) => (a.member.id < b.member.id ? -1 : 1));
}

const build = (bundles: MemberBundle[], products: Map<string, Product>): MemberColumns => {
  const b = new ColumnsBuilder(products);
  for (const x of bundles) b.add(x);
  return b.finish();
};

/** One edit of a member: change its data (new strings included), or delete it. */
function edit(b: MemberBundle, how: number, k: number): MemberBundle | null {
  if (how === 0) return null;
  const member = { ...b.member, level: (b.member.level + 1) % 5, region: how === 2 ? `Region-${k}` : b.member.region };
  const orders = how === 3 ? b.orders.slice(1) : b.orders.map((o) => ({ ...o, storeId: how === 2 ? `S-new-${k}` : o.storeId, lines: o.lines.map((l) => ({ ...l, sku: how === 2 ? `SKU-new-${k}` : l.sku })) }));
  const touches = b.touches.map((t) => ({ ...t, channel: how === 2 ? ('sms' as const) : t.channel }));
  return { ...b, member, orders, touches, coupons: how === 3 ? [] : b.coupons };
}

describe('patchColumns: incremental snapshot = full rebuild', () => {
  const base = bundlesOf();
  const baseCols = build(base, baseProducts);

  it('for random sets of changed, deleted and new members (new dictionary values too)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 0, max: 3 })), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: base.length - 1 }), { maxLength: 10 }),
        fc.boolean(),
        (edits, inserted, recategorise) => {
          const now = new Map(base.map((b) => [b.member.id, b]));
          const changed = new Set<string>();
          edits.forEach(([i, how], k) => {
            const b = base[i];
            changed.add(b.member.id);
            const e = edit(now.get(b.member.id) ?? b, how, k);
            if (e) now.set(b.member.id, e);
            else now.delete(b.member.id);
          });
          // New members sort between existing ids ("M…5" + "x"), with orders copied from another.
          inserted.forEach((i, k) => {
            const src = base[i];
            const id = `${src.member.id}x${k}`;
            changed.add(id);
            now.set(id, { ...src, member: { ...src.member, id }, orders: src.orders.map((o) => ({ ...o, memberId: id })) });
          });
          const products = new Map(baseProducts);
          if (recategorise) {
            const [sku, p] = [...products][0];
            products.set(sku, { ...p, category: 'moved-category' });
          }
          const after = [...now.values()].sort((a, b) => (a.member.id < b.member.id ? -1 : 1));
          const fresh = build(after.filter((b) => changed.has(b.member.id)), products);
          const { cols, picks } = patchColumns(baseCols, fresh, changed, products);
          expect(decode(cols)).toEqual(decode(build(after, products)));
          expect(cols.memberCount).toBe(after.length);
          const level = patchMemberColumn(picks, baseCols.level, fresh.level);
          expect(Array.from(level)).toEqual(after.map((b) => b.member.level));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with nothing changed gives the same columns', () => {
    const { cols } = patchColumns(baseCols, build([], baseProducts), new Set(), baseProducts);
    expect(decode(cols)).toEqual(decode(baseCols));
    expect(cols.oDay).toEqual(baseCols.oDay);
  });

  it('refuses a member that is both kept and fresh (a changed id not listed)', () => {
    const fresh = build(base.slice(3, 4), baseProducts);
    expect(() => patchColumns(baseCols, fresh, new Set(), baseProducts)).toThrow(/both unchanged and changed/);
  });
});
