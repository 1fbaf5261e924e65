import { describe, expect, it } from 'vitest';
import { CancelToken, JobCancelled, type Progress } from '../src/core/jobs';
import { generateDemo } from '../src/core/demo';
import { countAll } from '../src/storage/repositories';
import { getActiveWorkspaceId, getCatalogue, listWorkspaces, openWorkspace, readWorkspace } from '../src/storage/workspaces';
import { generateDemoWorkspace } from './demo';

describe('generateDemoWorkspace (fake-indexeddb)', () => {
  it('writes a complete, active workspace whose rows equal the generator output', async () => {
    const progress: Progress[] = [];
    const opts = { template: 'mother_baby' as const, members: 500, seed: 99 };
    const r = await generateDemoWorkspace(opts, (p) => progress.push(p), new CancelToken(), { batchSize: 120 });

    expect(await getActiveWorkspaceId()).toBe(r.workspaceId);
    expect((await listWorkspaces()).map((w) => w.id)).toContain(r.workspaceId);
    const db = openWorkspace(r.workspaceId);
    const ws = await readWorkspace(db);
    expect(ws?.name).toBe('Demo · Mother & Baby · 500');
    expect(ws?.source).toEqual({ kind: 'demo', template: 'mother_baby', members: 500, seed: 99 });

    const expected = generateDemo(opts).range(0, 500);
    expect(r.counts.members).toBe(500);
    expect(r.counts.orders).toBe(expected.orders.length);
    expect(await db.members.count()).toBe(500);
    expect(await db.orders.count()).toBe(expected.orders.length);
    expect(await db.identities.count()).toBe(expected.identities.length);
    expect(await db.touches.count()).toBe(expected.touches.length);
    expect(await db.coupons.count()).toBe(expected.coupons.length);
    expect(await db.subprofiles.count()).toBe(expected.subprofiles.length);
    expect(await db.stores.count()).toBeGreaterThanOrEqual(300);
    expect(await db.orders.get(expected.orders[17].id)).toEqual(expected.orders[17]);

    // The stats row followed every batch: counts read without a recount equal the rows.
    const counts = await countAll(db);
    expect(counts.members).toBe(500);
    expect(counts.orders).toBe(expected.orders.length);
    expect(counts.refunds).toBe(r.counts.refunds);
    expect(counts.stores).toBe(r.counts.stores);

    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ phase: 'write', done: 500, total: 500 });
    for (const p of progress) expect(['generate', 'write']).toContain(p.phase);
  });

  it('cancel between batches leaves no workspace behind and rejects with JobCancelled', async () => {
    const before = await getCatalogue().workspaces.count();
    const activeBefore = await getActiveWorkspaceId();
    // Cancel as the third batch boundary is reached: two batches are already committed.
    class CancelAtThirdCheck extends CancelToken {
      checks = 0;
      override throwIfCancelled(): void {
        if (++this.checks === 3) this.cancel();
        super.throwIfCancelled();
      }
    }
    const token = new CancelAtThirdCheck();
    const run = generateDemoWorkspace({ template: 'food', members: 500, seed: 1 }, () => {}, token, { batchSize: 50 });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(token.checks).toBe(3);
    expect(await getCatalogue().workspaces.count()).toBe(before);
    expect(await getActiveWorkspaceId()).toBe(activeBefore);
    const names = await indexedDB.databases();
    const wsDbs = names.map((d) => d.name).filter((n) => n?.startsWith('meridian-ws-'));
    const listed = (await getCatalogue().workspaces.toArray()).map((w) => `meridian-ws-${w.id}`);
    expect(wsDbs.sort()).toEqual(listed.sort());
  });

  it('rejects bad options before writing anything', async () => {
    const before = await getCatalogue().workspaces.count();
    await expect(generateDemoWorkspace({ template: 'toys' as never, members: 5, seed: 1 }, () => {}, new CancelToken())).rejects.toThrow(/template/);
    expect(await getCatalogue().workspaces.count()).toBe(before);
  });
});
