import { describe, expect, it } from 'vitest';
import type { Audience, Order, TagDefinition } from '../../src/core/model';
import { parseRule } from '../../src/core/rules';
import { commitLedgers } from '../../src/storage/ledgers';
import { countAll, writeStats, zeroCounts } from '../../src/storage/stats';
import { member, testWorkspace } from '../../src/storage/testWorkspace';
import { assignStages, defaultLifecycle, stageCounts as coreStageCounts } from '../../src/core/metrics/lifecycle';
import { dayNumber } from '../../src/core/time';
import { loadSnapshot } from '../../src/storage/snapshots';
import { createWorkspace, readWorkspace } from '../../src/storage/workspaces';
import { demoSlice } from './testData';
import { WorkspaceEngine } from './workspaceEngine';

let seq = 0;
const sale = (memberId: string, day: string, yuan: number): Order => ({
  v: 1, id: `O${++seq}`, memberId, externalId: `X${seq}`, kind: 'sale', platform: 'tmall', storeId: null, placedAt: `${day}T10:00:00`,
  gross: yuan * 100, discount: 0, storeCredit: 0, paid: yuan * 100, refund: 0, couponId: null, lines: [{ sku: 'SKU1', qty: 1, unitPrice: yuan * 100 }],
});
const tag = (id: string, name: string, text: string, group: string | null, priority: number): TagDefinition => ({
  v: 1, id, name, group, priority, kind: 'rule', rule: parseRule(text), description: '', createdAt: '2024-01-01T00:00:00',
});
const audience = (id: string, name: string, text: string): Audience => ({
  v: 1, id, name, description: '', rule: parseRule(text), lastCount: null, createdAt: '2024-01-01T00:00:00', updatedAt: '2024-01-01T00:00:00',
});

/** a: 1000 on 04-20 and 1500 on 06-01; b: 1200 on 06-10; c: nothing. */
async function valueWorkspace() {
  const db = await createWorkspace({ ...testWorkspace(), asOf: '2024-06-30' });
  await db.transaction('rw', db.stats, () => writeStats(db, zeroCounts()));
  const [a, b, c] = [1, 2, 3].map((i) => member(i));
  await commitLedgers(db, { members: [a, b, c], orders: [sale(a.id, '2024-04-20', 1000), sale(a.id, '2024-06-01', 1500), sale(b.id, '2024-06-10', 1200)] });
  await db.tags.bulkPut([
    tag('t-mid', 'mid-value customer', 'net_spend(last 90 days) > 1000', 'value', 1),
    tag('t-high', 'high-value customer', 'net_spend(last 90 days) > 2000', 'value', 2),
  ]);
  return { db, ids: [a.id, b.id, c.id] };
}

describe('tags: the mid / high value group (domain §2)', () => {
  it('high replaces mid, falls back to mid, then loses the tag; events are written', async () => {
    const { db, ids } = await valueWorkspace();
    const [a, b] = ids;
    const engine = new WorkspaceEngine(db);

    const june = await engine.evaluateTags({ asOf: '2024-06-30', write: true });
    expect(june.counts).toEqual({ 't-high': 1, 't-mid': 1 });
    expect([june.added, june.removed]).toEqual([2, 0]);
    const holders = async (name: string) => (await engine.members(parseRule(`has tag "${name}"`), { limit: 10 })).ids;
    expect(await holders('high-value customer')).toEqual([a]);
    expect(await holders('mid-value customer')).toEqual([b]);

    const july = await engine.evaluateTags({ asOf: '2024-07-25', write: true });
    expect(july.counts).toEqual({ 't-high': 0, 't-mid': 2 });
    expect([july.added, july.removed]).toEqual([1, 1]);
    expect(await holders('mid-value customer')).toEqual([a, b]);

    const sept = await engine.evaluateTags({ asOf: '2024-09-15', write: true });
    expect(sept.counts).toEqual({ 't-high': 0, 't-mid': 0 });
    expect([sept.added, sept.removed]).toEqual([0, 2]);

    const events = (await db.tagEvents.orderBy('id').toArray()).map((e) => [e.memberId, e.tagId, e.op, e.at, e.reason]);
    expect(events).toEqual([
      [a, 't-high', 'add', '2024-06-30T00:00:00', 'rule'],
      [b, 't-mid', 'add', '2024-06-30T00:00:00', 'rule'],
      [a, 't-high', 'remove', '2024-07-25T00:00:00', 'rule'],
      [a, 't-mid', 'add', '2024-07-25T00:00:00', 'rule'],
      [a, 't-mid', 'remove', '2024-09-15T00:00:00', 'rule'],
      [b, 't-mid', 'remove', '2024-09-15T00:00:00', 'rule'],
    ]);
    // Nobody holds a tag now, but a held high-value once ("ever").
    expect(await holders('mid-value customer')).toEqual([]);
    expect((await engine.members(parseRule('has tag "high-value customer" ever'), { limit: 10 })).ids).toEqual([a]);
    // The workspace counts include the events.
    expect((await countAll(db)).tagEvents).toBe(6);

    // Re-evaluating the same day changes nothing and writes nothing.
    const again = await engine.evaluateTags({ asOf: '2024-09-15', write: true });
    expect([again.added, again.removed]).toEqual([0, 0]);
    expect(await db.tagEvents.count()).toBe(6);
  });

  it('without write, nothing is stored; `has tag` of an unevaluated rule tag is computed on demand', async () => {
    const { db, ids } = await valueWorkspace();
    const engine = new WorkspaceEngine(db);
    const r = await engine.evaluateTags({ asOf: '2024-06-30' });
    expect(r.counts).toEqual({ 't-high': 1, 't-mid': 1 });
    expect(await db.tagEvents.count()).toBe(0);
    expect(await db.tagHolders.count()).toBe(0);
    expect((await engine.members(parseRule('has tag "mid-value customer"'), { asOf: '2024-06-30' })).ids).toEqual([ids[1]]);
  });
});

describe('audiences', () => {
  it('resolve by name or id, recursively, and refuse a cycle with a clear error', async () => {
    const { db, ids } = await valueWorkspace();
    await db.audiences.bulkPut([
      audience('aud-a', 'A', 'net_spend(last 90 days) > 1000'),
      audience('aud-b', 'B', 'in audience "A" and not net_spend(last 90 days) > 2000'),
      audience('aud-c', 'C', 'in audience "D" or orders > 0'),
      audience('aud-d', 'D', 'in audience "aud-c"'),
    ]);
    const engine = new WorkspaceEngine(db);
    expect((await engine.members(parseRule('in audience "A"'))).ids).toEqual([ids[0], ids[1]]);
    expect((await engine.members(parseRule('in audience "aud-b"'))).ids).toEqual([ids[1]]);
    await expect(engine.count(parseRule('in audience "C"'))).rejects.toThrow('audience cycle: C → D → C');
    await expect(engine.count(parseRule('in audience "nope"'))).rejects.toThrow(/no saved audience named 'nope'/);
    // An edit is seen at once (definitions are re-read per query).
    await db.audiences.put({ ...audience('aud-a', 'A', 'orders >= 2'), updatedAt: '2024-02-01T00:00:00' });
    expect((await engine.members(parseRule('in audience "A"'))).ids).toEqual([ids[0]]);
  });
});

describe('lifecycle stages and persona', () => {
  it('stage counts sum to the members and match `stage =` rules', async () => {
    const slice = await demoSlice(200, 'food', 5);
    const engine = new WorkspaceEngine(slice.db);
    const stages = await engine.stageCounts();
    expect(stages.reduce((s, x) => s + x.count, 0)).toBe(200);
    // Same as core's assignStages over the stored snapshot.
    const snap = (await loadSnapshot(slice.db))!;
    const ws = (await readWorkspace(slice.db))!;
    const core = coreStageCounts(assignStages(snap.cols, defaultLifecycle(ws.lifecycle.activeDays, ws.lifecycle.churnDays), dayNumber(ws.asOf)));
    expect(stages).toEqual(core);
    expect(stages.filter((s) => s.count > 0).length).toBeGreaterThanOrEqual(3);
    for (const s of stages.filter((x) => x.stage !== 'none')) {
      expect((await engine.count(parseRule(`stage = ${s.stage}`))).count).toBe(s.count);
    }
    const p = await engine.persona(parseRule('true'));
    expect(p.total).toBe(200);
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    for (const dist of [p.recencyDays, p.frequency, p.spend, p.age, p.aov]) expect(sum(dist)).toBe(200);
    for (const rec of [p.gender, p.level, p.region, p.platform, p.lifecycle]) expect(Object.values(rec).reduce((s, n) => s + n, 0)).toBe(200);
    expect(p.wecomFriend.yes + p.wecomFriend.no).toBe(200);
    expect(Object.fromEntries(stages.filter((s) => s.count).map((s) => [s.stage, s.count]))).toEqual(p.lifecycle);
  });
});

describe('bad input', () => {
  it('an ill-typed or malformed rule is refused with a clear error; a negative window cannot be written', async () => {
    const { db } = await valueWorkspace();
    const engine = new WorkspaceEngine(db);
    await expect(engine.count(parseRule('net_spend > level'))).rejects.toThrow(/cannot compare money with number/);
    await expect(engine.count({ k: 'cmp', op: '>' } as never)).rejects.toThrow(/rule is not a valid rule/);
    await expect(engine.count('orders(last 3 days) >' as never)).rejects.toThrow(/rule: /);
    expect(() => parseRule('orders(last -5 days) > 0')).toThrow();
    const negative = { k: 'cmp', op: '>', left: { k: 'metric', name: 'orders', window: { kind: 'last', days: -5 }, filters: [] }, right: { k: 'num', value: 0 } };
    await expect(engine.count(negative as never)).rejects.toThrow(/window\.days/);
    await expect(engine.count(parseRule('true'), { asOf: '2024-13-45x' })).rejects.toThrow(/asOf must be a date/);
    await db.tags.put(tag('t-bad', 'broken', 'true', null, 0));
    await db.tags.update('t-bad', { rule: { k: 'nonsense' } });
    await expect(engine.evaluateTags({ write: true })).rejects.toThrow(/tag 'broken' is not a valid rule/);
    expect(await db.tagEvents.count()).toBe(0);
  });
});
