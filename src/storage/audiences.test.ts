import { describe, expect, it } from 'vitest';
import { parseRule } from '../core/rules';
import { audienceRule, deleteAudience, duplicateAudience, getAudience, listAudiences, saveAudience } from './audiences';
import { countAll } from './stats';
import { seedWorkspace } from './testWorkspace';

describe('audience repository', () => {
  it('saves, lists, updates, duplicates and deletes, keeping counts exact', async () => {
    const { db } = await seedWorkspace(3);
    const before = (await countAll(db)).audiences;
    const rule = parseRule('net_spend(last 90 days) > 1000');
    const a = await saveAudience(db, { name: '  Big spenders ', description: 'd', rule, lastCount: 12 }, '2024-06-01T10:00:00');
    expect(a.name).toBe('Big spenders');
    expect(a.createdAt).toBe('2024-06-01T10:00:00');
    // Spans from the text form are not stored.
    expect(JSON.stringify(a.rule)).not.toContain('span');
    expect(audienceRule(a)).toEqual({ k: 'cmp', op: '>', left: { k: 'metric', name: 'net_spend', window: { kind: 'last', days: 90 }, filters: [] }, right: { k: 'num', value: 1000 } });
    expect((await countAll(db)).audiences).toBe(before + 1);

    const b = await saveAudience(db, { id: a.id, name: 'Big spenders', description: 'changed', rule, lastCount: 5 }, '2024-06-02T10:00:00');
    expect(b.createdAt).toBe('2024-06-01T10:00:00');
    expect(b.updatedAt).toBe('2024-06-02T10:00:00');
    expect((await getAudience(db, a.id))?.description).toBe('changed');
    // An update keeps the stats row valid (a dirty row would force a recount and a snapshot rebuild).
    await new Promise((r) => setTimeout(r, 20)); // the storage watcher sees commits asynchronously
    expect((await db.stats.get('counts'))?.dirty).toBe(false);
    expect((await countAll(db)).audiences).toBe(before + 1);

    const c = await duplicateAudience(db, a.id, '(copy)');
    const d = await duplicateAudience(db, a.id, '(copy)');
    expect(c.name).toBe('Big spenders (copy)');
    expect(d.name).toBe('Big spenders (copy) 2');
    expect((await listAudiences(db)).map((x) => x.name)).toContain('Big spenders (copy) 2');

    await deleteAudience(db, c.id);
    expect(await getAudience(db, c.id)).toBeNull();
    expect((await countAll(db)).audiences).toBe(before + 2);
  });

  it('refuses a missing name, a duplicate name and a malformed rule, writing nothing', async () => {
    const { db } = await seedWorkspace(2);
    const rule = parseRule('orders(last 180 days) = 0');
    await expect(saveAudience(db, { name: ' ', description: '', rule, lastCount: null })).rejects.toThrow(/needs a name/);
    await saveAudience(db, { name: 'Lapsed', description: '', rule, lastCount: null });
    await expect(saveAudience(db, { name: 'Lapsed', description: '', rule, lastCount: null })).rejects.toThrow(/already exists/);
    const bad = { k: 'cmp', op: '>' } as unknown as typeof rule;
    await expect(saveAudience(db, { name: 'Broken', description: '', rule: bad, lastCount: null })).rejects.toThrow(/rule is not valid/);
    await expect(saveAudience(db, { name: 'x'.repeat(201), description: '', rule, lastCount: null })).rejects.toThrow(/name/);
    expect((await listAudiences(db)).filter((a) => a.name !== 'Lapsed' && a.name.length > 200)).toHaveLength(0);
    expect((await db.audiences.where('name').equals('Broken').count())).toBe(0);
  });
});
