import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importApi } from './importApi';
import { getActiveWorkspaceId, openWorkspace } from '../src/storage/workspaces';

const fixture = (name: string) => new Blob([readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url))]);
const noProgress = () => {};

describe('the import worker API (what the page calls)', () => {
  it('analyzes, stages with the chosen mapping, then commits the valid orders on request', async () => {
    const a = await importApi.analyze(fixture('online-retail-text-in-numbers.csv'));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const staged = await importApi.stage('j1', fixture('online-retail-text-in-numbers.csv'), 'x.csv', { mapping: a.analysis.mapping }, noProgress);
    expect(staged.ok).toBe(true);
    if (!staged.ok) return;
    expect(staged.summary).toMatchObject({ errorRows: 4, orders: 2, refunds: 1, skippedRows: 5, currency: 'GBP' });
    const done = await importApi.commit('j2', staged.stageId, 'new', noProgress);
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.counts.orders).toBe(2);
    expect((await openWorkspace(done.workspaceId).ledgers.toArray()).flatMap((l) => l.orders)).toHaveLength(2);
    expect(await getActiveWorkspaceId()).toBe(done.workspaceId);
    // The staged file is let go once written: committing it again cannot happen.
    expect(await importApi.commit('j3', staged.stageId, 'new', noProgress)).toEqual({ ok: false, problem: { code: 'stage-expired', detail: {} } });
  });

  it('returns whole-file problems as data, and drops a discarded stage', async () => {
    expect(await importApi.analyze(fixture('online-retail-zero.csv'))).toEqual({ ok: false, problem: { code: 'empty-file', detail: {} } });
    const missing = await importApi.stage('j4', fixture('online-retail-missing-column.csv'), 'm.csv', {}, noProgress);
    expect(missing).toEqual({ ok: false, problem: { code: 'missing-columns', detail: { columns: 'placedAt' } } });
    const s = await importApi.stage('j5', fixture('online-retail-sample.csv'), 's.csv', {}, noProgress);
    if (!s.ok) throw new Error('expected a stage');
    importApi.discard(s.stageId);
    expect((await importApi.commit('j6', s.stageId, 'new', noProgress)).ok).toBe(false);
  });

  it('refuses to commit a file in which no order is valid', async () => {
    const s = await importApi.stage('j7', 'InvoiceNo,InvoiceDate,UnitPrice\n1,nope,1\n', 'b.csv', {}, noProgress);
    if (!s.ok) throw new Error('expected a stage');
    expect(s.summary.orders).toBe(0);
    expect(await importApi.commit('j8', s.stageId, 'active', noProgress)).toEqual({ ok: false, problem: { code: 'no-valid-orders', detail: {} } });
  });
});
