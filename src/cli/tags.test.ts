import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseRule, stripSpans } from '../core/rules';
import { readWorkspaceDir, writeWorkspaceDir } from './workspaceDir';
import { independentCounts, REPO_ROOT, run, SAMPLE_CSV, sampleText, tempDir } from './testHelpers';

const expected = independentCounts(sampleText());
const spendAbove = (lo: number, hi = Infinity) => [...expected.net.values()].filter((p) => p > lo * 100 && p <= hi * 100).length;

/** The domain's worked example (domain.md §2): one group, high-value replaces mid-value. */
const VALUE_TAGS = [
  { id: 'mid', name: 'mid-value customer', group: 'value', priority: 1, rule: 'net_spend(last 90 days) > 1000' },
  { id: 'high', name: 'high-value customer', group: 'value', priority: 2, rule: 'net_spend(last 90 days) > 2000' },
  { id: 'refunded', name: 'refunded', rule: 'refunds > 0' },
];

let dir: string;
let work: string;
beforeAll(async () => {
  work = await tempDir();
  dir = join(work, 'ws');
  expect((await run('import', SAMPLE_CSV, '--out', dir)).code).toBe(0);
});

describe('meridian tags', () => {
  it('evaluates the mid/high-value group exclusively by priority', async () => {
    const file = join(work, 'tags.json');
    await writeFile(file, JSON.stringify(VALUE_TAGS));
    const r = await run('tags', dir, file);
    expect(r.stderr).toBe('');
    const json = r.json as { total: number; tags: { id: string; count: number; matched: number }[] };
    const by = Object.fromEntries(json.tags.map((t) => [t.id, t]));
    expect(spendAbove(2000)).toBeGreaterThan(0);
    expect(by.high).toMatchObject({ count: spendAbove(2000), matched: spendAbove(2000) });
    // Mid-value holders are those above 1000 but not above 2000: the high-value tag replaced it.
    expect(by.mid).toMatchObject({ count: spendAbove(1000, 2000), matched: spendAbove(1000) });
    expect(by.refunded).toMatchObject({ count: expected.refunders.size });
  });

  it('a bad rules file or rule says which tag and where', async () => {
    const bad = join(work, 'bad.json');
    await writeFile(bad, JSON.stringify([{ id: 'x', name: 'broken', rule: 'orders(last 90 days) >' }]));
    const r = await run('tags', dir, bad);
    expect(r.code).toBe(1);
    expect(r.error?.message).toMatch(/^tag "broken": /);
    expect(r.error?.where).toMatchObject({ start: expect.any(Number) });
    await writeFile(bad, JSON.stringify([{ id: 'x', rule: 'true' }]));
    expect((await run('tags', dir, bad)).error?.message).toMatch(/0\.name/);
    await writeFile(bad, '[{');
    expect((await run('tags', dir, bad)).error?.message).toMatch(/not valid JSON/);
  });
});

describe('saved audiences and tags in the workspace', () => {
  it('resolve by name or id, recursively; a cycle is a clear error', async () => {
    const data = await readWorkspaceDir(dir);
    const at = '2010-12-01T00:00:00';
    const audience = (id: string, name: string, text: string) => ({
      v: 1, id, name, description: '', rule: stripSpans(parseRule(text)), lastCount: null, createdAt: at, updatedAt: at,
    });
    data.tables.audiences.push(
      audience('a-big', 'Big spenders', 'net_spend > 1000'),
      audience('a-big-ref', 'Big spenders who refunded', 'in audience "a-big" and refunds > 0'),
      audience('a-loop1', 'Loop one', 'in audience "Loop two"'),
      audience('a-loop2', 'Loop two', 'in audience "Loop one"'),
    );
    data.tables.tags.push({ v: 1, id: 't-high', name: 'high-value customer', group: 'value', priority: 2, kind: 'rule', rule: stripSpans(parseRule('net_spend(last 90 days) > 2000')), description: '', createdAt: at });
    // A manual tag: two members added, one removed later.
    data.tables.tags.push({ v: 1, id: 't-vip', name: 'vip', group: null, priority: 0, kind: 'manual', description: '', createdAt: at });
    const [m1, m2] = data.tables.members.map((m) => m.id as string).sort();
    const event = (id: string, memberId: string, op: 'add' | 'remove', when: string) => ({ v: 1, id, memberId, tagId: 't-vip', op, at: when, reason: 'manual' });
    data.tables.tagEvents.push(event('e1', m1, 'add', at), event('e2', m2, 'add', at), event('e3', m2, 'remove', '2010-12-01T09:00:00'));
    const ws = join(work, 'saved');
    await writeWorkspaceDir(ws, data);

    expect((await run('count', ws, 'in audience "Big spenders"')).json).toMatchObject({ count: spendAbove(1000) });
    const both = [...expected.refunders].filter((c) => (expected.net.get(c) ?? 0) > 100_000).length;
    expect((await run('count', ws, 'in audience "Big spenders who refunded"')).json).toMatchObject({ count: both });
    expect((await run('count', ws, 'has tag "high-value customer"')).json).toMatchObject({ count: spendAbove(2000) });
    const vip = (await run('members', ws, 'has tag "vip"')).json as { members: { id: string }[] };
    expect(vip.members.map((m) => m.id)).toEqual([m1]);
    expect((await run('count', ws, 'has tag "vip" ever')).json).toMatchObject({ count: 2 });
    const cycle = await run('count', ws, 'in audience "Loop one"');
    expect(cycle.code).toBe(1);
    expect(cycle.error?.message).toBe('audience cycle: Loop one → Loop two → Loop one');
    const unknown = await run('count', ws, 'in audience "Nobody"');
    expect(unknown.code).toBe(1);
    expect(unknown.error?.message).toMatch(/Nobody/);
  });
});

describe('the bin as a real subprocess', () => {
  it('node bin/meridian.js count prints JSON and exits 0; a bad rule exits 1 with JSON on stderr', async () => {
    const exec = promisify(execFile);
    const bin = join(REPO_ROOT, 'bin/meridian.js');
    const ok = await exec(process.execPath, [bin, 'count', dir, 'refunds > 0'], { cwd: REPO_ROOT });
    expect(JSON.parse(ok.stdout)).toMatchObject({ count: expected.refunders.size, total: expected.members });
    const bad = await exec(process.execPath, [bin, 'count', dir, 'refunds >'], { cwd: REPO_ROOT }).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stdout).toBe('');
    expect(JSON.parse(bad!.stderr).error.where).toMatchObject({ rule: 'refunds >', start: expect.any(Number) });
  }, 30_000);
});
