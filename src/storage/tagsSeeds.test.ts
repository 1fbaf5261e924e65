import { describe, expect, it } from 'vitest';
import { parseRule } from '../core/rules';
import { seedTags } from '../core/tags';
import { demoSlice } from '../../workers/engine/testData';
import { WorkspaceEngine } from '../../workers/engine/workspaceEngine';
import { countAll, recount } from './stats';
import { listTags, tagSummaries } from './tags';
import { tagRecomputeState } from './tagsRecompute';

describe('seed tags of a demo workspace', () => {
  it('are written with the demo, evaluate once, and the value group is exclusive', async () => {
    const { db } = await demoSlice(400, 'mother_baby', 3);
    const tags = await listTags(db);
    expect(tags.map((t) => t.name).sort()).toEqual(seedTags('mother_baby').map((t) => t.name).sort());
    expect(await recount(db)).toEqual(await countAll(db));
    expect(await tagRecomputeState(db)).toMatchObject({ due: true, reason: 'never' });

    const engine = new WorkspaceEngine(db);
    const r = await engine.evaluateTags({ write: true });
    expect(await tagRecomputeState(db)).toEqual({ due: false });
    const id = (name: string) => tags.find((t) => t.name === name)!.id;
    const count = async (text: string) => (await engine.count(parseRule(text))).count;
    // high replaces mid: mid holders are those over 1000 but not over 2000.
    expect(r.counts[id('high-value customer')]).toBe(await count('net_spend(last 90 days) > 2000'));
    expect(r.counts[id('mid-value customer')]).toBe(await count('net_spend(last 90 days) > 1000 and not net_spend(last 90 days) > 2000'));
    expect(await count('has tag "mid-value customer" and has tag "high-value customer"')).toBe(0);
    // Ungrouped tags hold exactly what their rule selects; the demo gives most of them members.
    for (const name of ['baby 0-5 months', 'baby 6-12 months', 'never bought', 'loyal (7+ orders)']) {
      const rule = seedTags('mother_baby').find((t) => t.name === name)!.rule!;
      expect(r.counts[id(name)], name).toBe(await count(rule));
    }
    expect(Object.values(r.counts).filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    const summaries = await tagSummaries(db, tags);
    expect(summaries.get(id('high-value customer'))).toMatchObject({ source: 'holders', count: r.counts[id('high-value customer')] });
    expect(summaries.get(id('VIP care'))).toMatchObject({ source: 'events', count: 0 });
  });
});
