import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CancelToken, JobCancelled } from '../src/core/jobs';
import { ImportFileError } from '../src/core/import/errors';
import { countAll, recount } from '../src/storage/stats';
import { dumpRows } from '../src/storage/testWorkspace';
import { getActiveWorkspaceId, getCatalogue, openWorkspace, setActiveWorkspace } from '../src/storage/workspaces';
import { stageImport } from './importStage';
import { commitAssembled } from './importBuild';
import { commitImport } from './importCommit';

const fixture = (name: string) => new Blob([readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url))]);
const FILES = ['online-retail-sample.csv', 'online-retail-gbk.csv', 'online-retail-text-in-numbers.csv', 'online-retail-bad-dates.csv'];
const workspaceIds = async () => (await getCatalogue().workspaces.toArray()).map((w) => w.id).sort();

async function stage(name: string) {
  return stageImport(fixture(name), {}, () => {}, new CancelToken());
}

describe('building a new workspace in batches', () => {
  it.each(FILES)('%s: writes exactly what the one-transaction commit writes', async (name) => {
    const file = await stage(name);
    const opts = { target: 'new' as const, fileName: name, currency: file.preset.currency };
    // Batches of 3 members: many transactions, members split from their neighbours, guests apart.
    const built = await commitAssembled(file.assembled, opts, () => {}, new CancelToken(), { memberBatch: 3 });
    const whole = await commitImport(file.staged, opts, () => {}, new CancelToken());
    expect(built.workspaceId).not.toBe(whole.workspaceId);
    expect(built.counts).toEqual(whole.counts);
    const a = openWorkspace(built.workspaceId);
    const b = openWorkspace(whole.workspaceId);
    expect(await dumpRows(a)).toEqual(await dumpRows(b));
    expect(await countAll(a)).toEqual(await countAll(b));
    expect(await countAll(a)).toEqual(await recount(a));
    expect(await a.imports.count()).toBe(1);
    expect(built.counts.orders).toBeGreaterThan(0);
  });

  it('cancelled after some batches were written: the workspace is gone and the active one unchanged', async () => {
    const file = await stage('online-retail-sample.csv');
    const before = await workspaceIds();
    const active = await getActiveWorkspaceId();
    const token = new CancelToken();
    const seen: number[] = [];
    const run = commitAssembled(file.assembled, { target: 'new', fileName: 's.csv', currency: 'GBP' }, (p) => {
      seen.push(p.done);
      if (p.done > 0) token.cancel();
    }, token, { memberBatch: 2 });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(seen.some((d) => d > 0)).toBe(true);
    expect(await workspaceIds()).toEqual(before);
    expect(await getActiveWorkspaceId()).toBe(active);
  });

  it('a failure at the end (the journal) leaves no workspace behind', async () => {
    const file = await stage('online-retail-sample.csv');
    const before = await workspaceIds();
    const hooks = { beforeJournal: () => { throw new Error('disk full'); } };
    await expect(commitAssembled(file.assembled, { target: 'new', fileName: 's.csv', currency: 'GBP', hooks }, () => {}, new CancelToken(), { memberBatch: 5 })).rejects.toThrow('disk full');
    expect(await workspaceIds()).toEqual(before);
  });

  it('refuses a file too big for the one-transaction merge into the active workspace, before writing', async () => {
    const file = await stage('online-retail-sample.csv');
    const first = await commitAssembled(file.assembled, { target: 'new', fileName: 's.csv', currency: 'GBP' }, () => {}, new CancelToken());
    await setActiveWorkspace(first.workspaceId);
    const rowsBefore = await dumpRows(openWorkspace(first.workspaceId));
    const e = await commitAssembled(file.assembled, { target: 'active', fileName: 's.csv', currency: 'GBP' }, () => {}, new CancelToken(), { activeMaxRows: 10 }).catch((x) => x);
    expect(e).toBeInstanceOf(ImportFileError);
    expect((e as ImportFileError).code).toBe('too-big-for-active');
    expect((e as ImportFileError).detail).toEqual({ rows: file.assembled.rows, max: 10 });
    expect(await dumpRows(openWorkspace(first.workspaceId))).toEqual(rowsBefore);
  });
});
