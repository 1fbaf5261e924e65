import { describe, expect, it } from 'vitest';
import type { Order } from '../core/model';
import { parseRule, printRule, type Rule } from '../core/rules';
import { journeyReason, parseReason } from '../core/tags';
import { WorkspaceEngine } from '../../workers/engine/workspaceEngine';
import { commitLedgers } from './ledgers';
import { countAll, recount } from './stats';
import { deleteTag, listTags, saveTag, tagSummaries } from './tags';
import { applyManualTag, applyResultTag, memberTagIds, tagHistory } from './tagsManual';
import { tagRecomputeState } from './tagsRecompute';
import { seedWorkspace } from './testWorkspace';

const draft = (name: string, over: object = {}) => ({ name, group: '', priority: 0, kind: 'manual' as const, description: '', ...over });

describe('tag definitions', () => {
  it('create, edit and delete keep the stats exact (no recount) and validate with clear messages', async () => {
    const { db } = await seedWorkspace(3);
    const vip = await saveTag(db, draft('VIP care'));
    expect((await db.stats.get('counts'))?.dirty).toBe(false);
    expect((await countAll(db)).tags).toBe(2); // the fixture tag + VIP
    await expect(saveTag(db, draft(' vip CARE '))).rejects.toThrow("name: a tag named 'VIP care' already exists");
    await expect(saveTag(db, draft('spenders', { kind: 'rule' }))).rejects.toThrow('rule: rule and dynamic tags need a rule');
    await expect(saveTag(db, draft('spenders', { kind: 'rule', rule: 'net_spend > level' }))).rejects.toThrow(/rule: cannot compare money with number/);
    await expect(saveTag(db, draft('spenders', { kind: 'rule', rule: 'orders >' }))).rejects.toThrow(/^rule: /);
    await expect(saveTag(db, draft('loop', { kind: 'rule', rule: 'has tag "loop"' }))).rejects.toThrow('rule: a tag cannot depend on itself');
    const spenders = await saveTag(db, draft('spenders', { kind: 'rule', group: ' value ', priority: 3, rule: parseRule('orders >= 2') }));
    expect([spenders.group, spenders.priority, printRule(spenders.rule as Rule)]).toEqual(['value', 3, 'orders >= 2']);
    expect(JSON.stringify(spenders.rule)).not.toMatch(/span/); // stored without the editor's text positions
    // A rule that names a tag blocks that tag's rename and delete.
    await saveTag(db, draft('VIP spenders', { kind: 'rule', rule: 'has tag "VIP care" and orders >= 1' }));
    await expect(saveTag(db, { ...draft('VIP service'), id: vip.id })).rejects.toThrow("name: 'VIP care' is used by tag 'VIP spenders'; change them first");
    await expect(deleteTag(db, vip.id)).rejects.toThrow("'VIP care' is used by tag 'VIP spenders'");
    expect((await listTags(db)).map((t) => t.name)).toEqual(['mid-value customer', 'spenders', 'VIP care', 'VIP spenders']);
    expect(await recount(db)).toEqual(await countAll(db));
  });
});

describe('manual and result tags', () => {
  it('add/remove write only real changes, with reasons, holders and stats in one transaction', async () => {
    const { db } = await seedWorkspace(4);
    const vip = await saveTag(db, draft('VIP care'));
    const [m1, m2, m3] = ['M0000001', 'M0000002', 'M0000003'];
    expect(await applyManualTag(db, { tagId: vip.id, memberIds: [m1, m2, m2], op: 'add', who: 'Li Na', note: 'called: wants samples', at: '2026-11-01T09:00:00' }))
      .toEqual({ changed: 2, unchanged: 0, count: 2 });
    expect(await applyManualTag(db, { tagId: vip.id, memberIds: [m2, m3], op: 'add', who: 'Li Na', at: '2026-11-02T09:00:00' })).toEqual({ changed: 1, unchanged: 1, count: 3 });
    expect(await applyManualTag(db, { tagId: vip.id, memberIds: [m1], op: 'remove', who: 'Zoe', at: '2026-11-03T09:00:00' })).toEqual({ changed: 1, unchanged: 0, count: 2 });
    expect((await tagSummaries(db, [vip])).get(vip.id)).toMatchObject({ count: 2, source: 'holders' });
    // The engine reads the same holders (`has tag`) and the history ("ever").
    const engine = new WorkspaceEngine(db);
    expect((await engine.members(parseRule('has tag "VIP care"'))).ids).toEqual([m2, m3]);
    expect((await engine.count(parseRule('has tag "VIP care" ever'))).count).toBe(3);
    // History: newest written first, paged, with the reason readable.
    const page1 = await tagHistory(db, vip.id, { limit: 2 });
    expect(page1.total).toBe(4);
    expect(page1.events.map((e) => [e.memberId, e.op])).toEqual([[m1, 'remove'], [m3, 'add']]);
    const page2 = await tagHistory(db, vip.id, { offset: 2, limit: 2 });
    expect(page2.events.map((e) => e.memberId)).toEqual([m2, m1]);
    expect(parseReason(page2.events[1].reason)).toEqual({ kind: 'manual', who: 'Li Na', note: 'called: wants samples' });
    expect(await memberTagIds(db, m1)).toEqual(new Set(['tag-mid'])); // the fixture's rule event stays; VIP removed
    const stats = await countAll(db);
    expect(stats.tagEvents).toBe(1 + 4);
    expect(await recount(db)).toEqual(stats);
  });

  it('refuses unknown members, wrong kinds and bad reasons, writing nothing', async () => {
    const { db } = await seedWorkspace(2);
    const vip = await saveTag(db, draft('VIP care'));
    const won = await saveTag(db, draft('won back', { kind: 'result' }));
    const before = await db.tagEvents.count();
    await expect(applyManualTag(db, { tagId: vip.id, memberIds: ['M0000001', 'M9'], op: 'add', who: 'me' })).rejects.toThrow("no member with id 'M9'");
    await expect(applyManualTag(db, { tagId: 'tag-mid', memberIds: ['M0000001'], op: 'add', who: 'me' })).rejects.toThrow("'mid-value customer' is a rule tag: only manual tags can be set this way");
    await expect(applyManualTag(db, { tagId: won.id, memberIds: ['M0000001'], op: 'add', who: 'me' })).rejects.toThrow(/is a result tag/);
    await expect(applyResultTag(db, { tagId: won.id, memberIds: ['M0000001'], op: 'add', reason: '' })).rejects.toThrow(/needs a reason/);
    await expect(applyResultTag(db, { tagId: 'nope', memberIds: ['M0000001'], op: 'add', reason: 'journey:j:n' })).rejects.toThrow("no tag with id 'nope'");
    await expect(applyManualTag(db, { tagId: vip.id, memberIds: ['M0000001'], op: 'toggle' as never, who: 'me' })).rejects.toThrow(/op must be/);
    expect(await db.tagEvents.count()).toBe(before);
    expect(await db.tagHolders.count()).toBe(0);
  });

  it('applyResultTag is the journeys’ path: same events and holders, the journey named in the reason', async () => {
    const { db } = await seedWorkspace(3);
    await deleteTag(db, 'tag-mid'); // the fixture's rule is a placeholder the engine cannot evaluate
    const won = await saveTag(db, draft('redeemed the anniversary coupon', { kind: 'result' }));
    const reason = journeyReason('j-anniv', 'node-7');
    expect(await applyResultTag(db, { tagId: won.id, memberIds: ['M0000002', 'M0000003'], op: 'add', reason })).toEqual({ changed: 2, unchanged: 0, count: 2 });
    expect(await applyResultTag(db, { tagId: won.id, memberIds: ['M0000003'], op: 'remove', reason })).toMatchObject({ changed: 1, count: 1 });
    const { events } = await tagHistory(db, won.id);
    expect(events.map((e) => [e.memberId, e.op, e.reason])).toEqual([['M0000003', 'remove', reason], ['M0000003', 'add', reason], ['M0000002', 'add', reason]]);
    // Holders survive an evaluation of the rule tags (which drops rows of non-rule tags): replayed from the events.
    await new WorkspaceEngine(db).evaluateTags({ write: true });
    expect((await tagSummaries(db, [won])).get(won.id)).toMatchObject({ count: 1 });
    expect((await new WorkspaceEngine(db).members(parseRule('has tag "redeemed the anniversary coupon"'))).ids).toEqual(['M0000002']);
  });

  it('deleting a tag removes its holders and history and keeps the counts exact', async () => {
    const { db } = await seedWorkspace(2);
    const vip = await saveTag(db, draft('VIP care'));
    await applyManualTag(db, { tagId: vip.id, memberIds: ['M0000001', 'M0000002'], op: 'add', who: 'me' });
    expect(await deleteTag(db, vip.id)).toEqual({ events: 2 });
    expect(await db.tagHolders.get(vip.id)).toBeUndefined();
    expect(await recount(db)).toEqual(await countAll(db));
  });
});

describe('recompute decision from storage', () => {
  const sale = (id: string, memberId: string, day: string, yuan: number): Order => ({
    v: 1, id, memberId, externalId: id, kind: 'sale', platform: 'tmall', storeId: null, placedAt: `${day}T10:00:00`,
    gross: yuan * 100, discount: 0, storeCredit: 0, paid: yuan * 100, refund: 0, couponId: null, lines: [{ sku: 'SKU1', qty: 1, unitPrice: yuan * 100 }],
  });
  it('due when never evaluated, after a data change and after a rule edit; not due right after an evaluation', async () => {
    const { db } = await seedWorkspace(3);
    await db.tags.clear();
    await db.stats.update('counts', { dirty: true }); // the clear above bypassed the counts
    const big = await saveTag(db, draft('big', { kind: 'rule', rule: 'net_spend > 100' }));
    const engine = new WorkspaceEngine(db);
    const now = new Date('2026-12-01T12:00:00');
    const first = await tagRecomputeState(db, now);
    expect(first).toMatchObject({ due: true, reason: 'never' });
    const r1 = await engine.evaluateTags({ asOf: first.due ? first.asOf : undefined, write: true });
    expect(await tagRecomputeState(db, now)).toEqual({ due: false });
    // New member data: the stamp moves; the engine evaluates on the new data (no stale snapshot).
    await commitLedgers(db, { orders: [sale('Onew', 'M0000003', '2024-05-20', 500)] });
    expect(await tagRecomputeState(db, now)).toMatchObject({ due: true, reason: 'data' });
    const r2 = await engine.evaluateTags({ write: true });
    expect(r2.counts[big.id]).toBe(r1.counts[big.id] + 1);
    expect(await tagRecomputeState(db, now)).toEqual({ due: false });
    await saveTag(db, { ...draft('big', { kind: 'rule', rule: 'net_spend > 1000000' }), id: big.id });
    expect(await tagRecomputeState(db, now)).toMatchObject({ due: true, reason: 'definitions' });
    await engine.evaluateTags({ write: true });
    expect(await tagRecomputeState(db, now)).toEqual({ due: false });
    // The workspace's data is as of a fixed day: the clock moving on is not a reason.
    expect(await tagRecomputeState(db, new Date('2027-03-01T12:00:00'))).toEqual({ due: false });
  });
});
