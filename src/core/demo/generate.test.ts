import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { load, TABLE_RECORDS, type RecordType, type TableName } from '../model';
import { DEMO_AS_OF, generateDemo, type DemoBatch, type DemoTemplate } from '.';
import { checkDemoOptions, demoWorkspaceName } from './generate';

const TABLES = ['members', 'identities', 'orders', 'subprofiles', 'touches', 'coupons'] as const;

function all(template: DemoTemplate, members: number, seed = 7): DemoBatch {
  const out: DemoBatch = { from: 0, members: [], identities: [], orders: [], subprofiles: [], touches: [], coupons: [] };
  for (const b of generateDemo({ template, members, seed }).batches()) for (const t of TABLES) (out[t] as unknown[]).push(...b[t]);
  return out;
}

const cache = new Map<DemoTemplate, DemoBatch>();
const tenK = (t: DemoTemplate) => {
  if (!cache.has(t)) cache.set(t, all(t, 10_000));
  return cache.get(t)!;
};

describe('determinism', () => {
  it('the same options give the same records, byte for byte; another seed gives others', () => {
    for (const template of ['mother_baby', 'beauty', 'food'] as const) {
      const a = generateDemo({ template, members: 300, seed: 11 });
      const b = generateDemo({ template, members: 300, seed: 11 });
      expect(JSON.stringify([...a.batches(100)])).toBe(JSON.stringify([...b.batches(100)]));
      expect(JSON.stringify([a.stores, a.products, a.workspace])).toBe(JSON.stringify([b.stores, b.products, b.workspace]));
      const c = generateDemo({ template, members: 300, seed: 12 });
      expect(JSON.stringify(c.range(0, 300).orders)).not.toBe(JSON.stringify(a.range(0, 300).orders));
    }
  });

  it('a member depends only on (seed, index): batch size and position do not matter', () => {
    const d = generateDemo({ template: 'beauty', members: 1000, seed: 5 });
    const whole = d.range(0, 1000);
    const alone = d.range(637, 638);
    expect(alone.members).toEqual(whole.members.filter((m) => m.id === 'M0000638'));
    expect(alone.orders).toEqual(whole.orders.filter((o) => o.memberId === 'M0000638'));
    const inSevens = [...d.batches(7)];
    expect(inSevens.flatMap((b) => b.touches)).toEqual(whole.touches);
  });
});

describe('every record passes its schema', () => {
  for (const template of ['mother_baby', 'beauty', 'food'] as const) {
    it(template, () => {
      const d = generateDemo({ template, members: 800, seed: 3 });
      const check = (table: TableName, rows: readonly unknown[]) => {
        for (const row of rows) {
          const r = load(TABLE_RECORDS[table] as RecordType<z.ZodType>, row);
          if (!r.ok) throw new Error(`${table}: ${r.error.message} in ${JSON.stringify(row)}`);
        }
      };
      check('stores', d.stores);
      check('products', d.products);
      const b = d.range(0, 800);
      for (const t of TABLES) check(t, b[t]);
      expect(load(TABLE_RECORDS.members, b.members[0]).ok).toBe(true);
    });
  }
});

describe('shape of 10k members', () => {
  it('about ten orders per member, 3-5% refunds, 300+ stores', () => {
    for (const template of ['mother_baby', 'beauty', 'food'] as const) {
      const b = tenK(template);
      expect(b.members).toHaveLength(10_000);
      expect(b.orders.length).toBeGreaterThan(80_000);
      expect(b.orders.length).toBeLessThan(130_000);
      const refunds = b.orders.filter((o) => o.kind === 'refund').length / b.orders.length;
      expect(refunds).toBeGreaterThan(0.03);
      expect(refunds).toBeLessThan(0.05);
      const d = generateDemo({ template, members: 10, seed: 7 });
      expect(d.stores.filter((s) => s.platform === 'pos').length).toBeGreaterThanOrEqual(300);
      expect(new Set(d.stores.map((s) => s.city)).size).toBeGreaterThanOrEqual(30);
      expect(d.stores.map((s) => s.platform)).toEqual(expect.arrayContaining(['tmall', 'jd', 'douyin', 'miniprogram', 'pos']));
    }
  }, 180_000); // generates 3 × 10k members (cached for the tests below)

  it('identities spread over every platform and kind; some members lack a phone, some hold several cards', () => {
    const b = tenK('mother_baby');
    const platforms = new Set(b.identities.map((i) => i.platform));
    for (const p of ['tmall', 'jd', 'douyin', 'miniprogram', 'official_account', 'wecom', 'pos']) expect(platforms).toContain(p);
    const kinds = new Set(b.identities.map((i) => i.kind));
    for (const k of ['phone', 'taobao_buyer', 'jd_pin', 'douyin_openid', 'openid_mp', 'openid_oa', 'unionid', 'wecom_external', 'member_card', 'pos_member']) {
      expect(kinds).toContain(k);
    }
    const byMember = new Map<string, typeof b.identities>();
    for (const i of b.identities) byMember.set(i.memberId, [...(byMember.get(i.memberId) ?? []), i]);
    const noPhone = b.members.filter((m) => !byMember.get(m.id)?.some((i) => i.kind === 'phone'));
    expect(noPhone.length).toBeGreaterThan(500);
    const manyCards = [...byMember.values()].filter((ids) => new Set(ids.filter((i) => i.kind === 'member_card').map((i) => i.scope)).size >= 2);
    expect(manyCards.length).toBeGreaterThan(50);
    expect(new Set(b.identities.filter((i) => i.kind === 'member_card').map((i) => i.scope))).toEqual(new Set(['A', 'B', 'C']));
    const twoStores = [...byMember.values()].filter((ids) => ids.filter((i) => i.kind === 'taobao_buyer').length === 2);
    expect(twoStores.length).toBeGreaterThan(100);
    for (const ids of twoStores) {
      const tb = ids.filter((i) => i.kind === 'taobao_buyer');
      expect(tb[0].value).toBe(tb[1].value);
      expect(tb.map((i) => i.scope)).toEqual(['S-TMALL-A', 'S-TMALL-B']);
    }
    // Mini-program and official-account openids of one person are tied by one unionid.
    const both = [...byMember.values()].filter((ids) => ids.some((i) => i.kind === 'openid_mp') && ids.some((i) => i.kind === 'openid_oa'));
    expect(both.length).toBeGreaterThan(100);
    for (const ids of both) expect(new Set(ids.filter((i) => i.kind === 'unionid').map((i) => i.value)).size).toBe(1);
    for (const m of b.members) if (m.wecomFriend) expect(byMember.get(m.id)?.some((i) => i.kind === 'wecom_external')).toBe(true);
    // Everyone is findable by some evidence, and first seen no earlier than they joined.
    for (const m of b.members) {
      const ids = byMember.get(m.id) ?? [];
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((i) => i.firstSeen >= m.joinedAt)).toBe(true);
    }
    for (const i of b.identities) if (i.kind === 'phone') expect(i.value).toMatch(/^1[3-9]\d{9}$/);
  });

  it('ids are unique and identity values never collide between members', () => {
    const b = tenK('food');
    for (const t of TABLES) {
      const ids = (b[t] as { id: string }[]).map((r) => r.id);
      expect(new Set(ids).size, t).toBe(ids.length);
    }
    const owner = new Map<string, string>();
    for (const i of b.identities) {
      const key = `${i.kind}:${i.value}`;
      expect(owner.get(key) ?? i.memberId).toBe(i.memberId);
      owner.set(key, i.memberId);
    }
  });

  it('orders are consistent: platform identities, stores, SKUs, money, coupons', () => {
    const d = generateDemo({ template: 'beauty', members: 10, seed: 7 });
    const stores = new Map(d.stores.map((s) => [s.id, s]));
    const skus = new Set(d.products.map((p) => p.sku));
    const b = tenK('beauty');
    const kindOf: Record<string, string> = { tmall: 'taobao_buyer', jd: 'jd_pin', douyin: 'douyin_openid', miniprogram: 'openid_mp', pos: 'pos_member' };
    const seen = new Map<string, string>();
    for (const i of b.identities) seen.set(`${i.memberId}:${i.kind}:${i.kind === 'taobao_buyer' ? i.scope : ''}`, i.firstSeen);
    const coupons = new Map(b.coupons.map((c) => [c.id, c]));
    // Collect problems instead of asserting per row (100k orders): one readable failure.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, o: { id: string }) => {
      if (!ok && problems.length < 10) problems.push(`${o.id}: ${what}`);
    };
    for (const o of b.orders) {
      check(stores.get(o.storeId!)?.platform === o.platform, 'store on another platform', o);
      const first = seen.get(`${o.memberId}:${kindOf[o.platform]}:${o.platform === 'tmall' ? o.storeId : ''}`);
      check(first !== undefined, `no ${o.platform} identity`, o);
      check(first !== undefined && first.slice(0, 10) <= o.placedAt.slice(0, 10), 'before the identity was first seen', o);
      check(o.placedAt <= `${DEMO_AS_OF}T23:59:59`, 'after as-of', o);
      check(o.lines.every((l) => skus.has(l.sku)), 'unknown SKU', o);
      check(o.gross === o.lines.reduce((s, l) => s + l.qty * l.unitPrice, 0), 'gross is not the sum of lines', o);
      if (o.kind === 'sale') check(o.paid === o.gross - o.discount - o.storeCredit && o.paid >= 0, 'paid', o);
      else check(o.gross < 0 && o.paid === 0 && o.refund > 0, 'refund amounts', o);
      if (o.couponId) {
        const c = coupons.get(o.couponId);
        check(c?.orderId === o.id && c.redeemedAt === o.placedAt, 'coupon not tied back', o);
        check(!!c && c.grantedAt <= o.placedAt && o.placedAt <= c.expiresAt, 'coupon not valid then', o);
      }
    }
    expect(problems).toEqual([]);
    expect(b.orders.some((o) => o.storeCredit > 0)).toBe(true);
    expect(b.orders.filter((o) => o.couponId).length).toBeGreaterThan(1000);
    expect(b.coupons.filter((c) => c.redeemedAt === null).length).toBeGreaterThan(1000);
  });

  it('touches carry channel costs and outcomes; members are reached only on channels they have', () => {
    const b = tenK('mother_baby');
    const cost = { sms: 5, wecom_1v1: 0, oa_template: 1, mp_coupon: 0 } as Record<string, number>;
    const channels = new Set(b.touches.map((t) => t.channel));
    expect(channels).toEqual(new Set(['sms', 'wecom_1v1', 'oa_template', 'mp_coupon']));
    for (const t of b.touches) expect(t.cost).toBe(cost[t.channel]);
    expect(new Set(b.touches.map((t) => t.outcome)).size).toBeGreaterThanOrEqual(4);
    const friends = new Set(b.members.filter((m) => m.wecomFriend).map((m) => m.id));
    for (const t of b.touches) if (t.channel === 'wecom_1v1') expect(friends.has(t.memberId)).toBe(true);
  });

  it('some members drop out: orders earlier, none in the last year', () => {
    const b = tenK('food');
    const last = new Map<string, string>();
    for (const o of b.orders) if (o.kind === 'sale' && (last.get(o.memberId!) ?? '') < o.placedAt) last.set(o.memberId!, o.placedAt);
    const lapsed = [...last.values()].filter((t) => t < '2025-10-31').length;
    expect(lapsed / b.members.length).toBeGreaterThan(0.08);
    expect(b.members.length - last.size).toBeGreaterThan(100); // prospects with no order yet
  });

  it('product journey A -> B: traffic products lead first orders, profit products come later', () => {
    const b = tenK('beauty');
    const d = generateDemo({ template: 'beauty', members: 1, seed: 7 });
    const role = new Map(d.products.map((p) => [p.sku, p.role]));
    const nth = new Map<string, number>();
    // [orders, traffic-led, profit-led] for first orders and for 6th+ orders.
    const share = { first: [0, 0, 0], later: [0, 0, 0] };
    for (const o of b.orders) {
      if (o.kind !== 'sale') continue;
      const k = nth.get(o.memberId!) ?? 0;
      nth.set(o.memberId!, k + 1);
      const bucket = k === 0 ? share.first : k >= 5 ? share.later : null;
      if (!bucket) continue;
      bucket[0]++;
      bucket[1] += role.get(o.lines[0].sku) === 'traffic' ? 1 : 0;
      bucket[2] += role.get(o.lines[0].sku) === 'profit' ? 1 : 0;
    }
    expect(share.first[1] / share.first[0]).toBeGreaterThan(0.5);
    expect(share.later[1] / share.later[0]).toBeLessThan(0.3);
    expect(share.later[2] / share.later[0]).toBeGreaterThan((share.first[2] / share.first[0]) * 2);
  });
});

describe('sub-profiles', () => {
  it('mother & baby: babies with birthdays and due dates, some still expected', () => {
    const b = tenK('mother_baby');
    const babies = b.subprofiles.filter((s) => s.kind === 'baby');
    expect(babies.length).toBeGreaterThan(8000);
    for (const s of babies) expect(s.dates.birthday ?? s.dates.dueDate).toBeDefined();
    const expected = babies.filter((s) => !s.dates.birthday);
    expect(expected.length).toBeGreaterThan(100);
    for (const s of expected) expect(s.dates.dueDate > DEMO_AS_OF).toBe(true);
    expect(babies.filter((s) => s.dates.birthday && s.dates.dueDate).length).toBeGreaterThan(500);
    const members = new Map(b.members.map((m) => [m.id, m]));
    for (const s of babies.slice(0, 500)) expect(s.dates.birthday).not.toBe(members.get(s.memberId)!.birthday);
  });

  it('mother & baby: formula stage 1 is bought for babies under about six months', () => {
    const b = tenK('mother_baby');
    const birth = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const s of b.subprofiles) counts.set(s.memberId, (counts.get(s.memberId) ?? 0) + 1);
    for (const s of b.subprofiles) if (counts.get(s.memberId) === 1 && s.dates.birthday) birth.set(s.memberId, s.dates.birthday);
    let checked = 0;
    for (const o of b.orders) {
      const bd = birth.get(o.memberId!);
      if (!bd || o.kind !== 'sale' || !o.lines.some((l) => l.sku === 'MB-FORMULA-1')) continue;
      const months = (Date.parse(o.placedAt.slice(0, 10)) - Date.parse(bd)) / 86_400_000 / 30.44;
      expect(months).toBeGreaterThanOrEqual(0);
      expect(months).toBeLessThanOrEqual(6);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('beauty: skin surveys and devices; food: pets', () => {
    const beauty = tenK('beauty').subprofiles;
    expect(beauty.filter((s) => s.attributes.survey === 'skin_type').length).toBeGreaterThan(3000);
    const devices = beauty.filter((s) => s.kind === 'device');
    expect(devices.length).toBeGreaterThan(50);
    for (const d of devices) expect(d.dates.purchasedAt <= d.dates.lastCareDate).toBe(true);
    const pets = tenK('food').subprofiles.filter((s) => s.kind === 'pet');
    expect(pets.length).toBeGreaterThan(800);
  });
});

describe('options', () => {
  it('rejects bad options with a message naming the field', () => {
    expect(() => checkDemoOptions({ template: 'toys', members: 10, seed: 1 })).toThrow(/template/);
    expect(() => checkDemoOptions({ template: 'food', members: 0, seed: 1 })).toThrow(/members/);
    expect(() => checkDemoOptions({ template: 'food', members: 10, seed: 1.5 })).toThrow(/seed/);
  });

  it('names the workspace by template and size', () => {
    expect(demoWorkspaceName('mother_baby', 10_000)).toBe('Demo · Mother & Baby · 10k');
    expect(demoWorkspaceName('food', 1_000_000)).toBe('Demo · Food · 1M');
    expect(demoWorkspaceName('beauty', 512)).toBe('Demo · Beauty · 512');
    const d = generateDemo({ template: 'food', members: 5, seed: 1 });
    expect(d.workspace.asOf).toBe(DEMO_AS_OF);
    expect(d.workspace.lifecycle).toMatchObject({ preset: 'food', activeDays: 90, churnDays: 180 });
  });
});
