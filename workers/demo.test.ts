import { describe, expect, it } from 'vitest';
import { CancelToken, JobCancelled, type Progress } from '../src/core/jobs';
import { generateDemo } from '../src/core/demo';
import { readLedger } from '../src/storage/ledgers';
import { countAll } from '../src/storage/repositories';
import { recount } from '../src/storage/stats';
import { dumpRows } from '../src/storage/testWorkspace';
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
    expect(r.timings.totalMs).toBeGreaterThan(0);
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(r.timings.writeMs);
    expect(r.counts.orders).toBe(expected.orders.length);
    expect(await db.members.count()).toBe(500);
    // One ledger per member, holding exactly the generator's rows for that member.
    expect(await db.ledgers.count()).toBe(500);
    const rows = await dumpRows(db);
    const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(rows.orders).toEqual(sorted(expected.orders));
    expect(rows.identities).toEqual(sorted(expected.identities));
    expect(rows.touches).toEqual(sorted(expected.touches));
    expect(rows.coupons).toEqual(sorted(expected.coupons));
    expect(rows.subprofiles).toEqual(sorted(expected.subprofiles));
    expect(await db.stores.count()).toBeGreaterThanOrEqual(300);
    const o = expected.orders[17];
    const ledger = await readLedger(db, o.memberId!);
    expect(ledger?.orders).toContainEqual(o);
    expect(ledger?.orderKeys).toContain(o.externalId);
    const idn = expected.identities[3];
    expect((await db.ledgers.where('idKeys').equals(idn.value).first())?.memberId).toBe(idn.memberId);

    // The stats row followed every batch: counts read without a recount equal the rows.
    const counts = await countAll(db);
    expect(counts.members).toBe(500);
    expect(counts.orders).toBe(expected.orders.length);
    expect(counts.refunds).toBe(r.counts.refunds);
    expect(counts.stores).toBe(r.counts.stores);
    expect(counts.touches).toBe(expected.touches.length);
    expect(counts.coupons).toBe(expected.coupons.length);
    expect(counts.subprofiles).toBe(expected.subprofiles.length);
    expect(counts.identities).toBe(expected.identities.length);
    expect((await db.stats.get('counts'))?.dirty).toBe(false);
    expect(await recount(db)).toEqual(counts);

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
