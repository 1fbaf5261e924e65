import { describe, expect, it } from 'vitest';
import { CancelToken, JobCancelled } from '../../src/core/jobs';
import { assignStages, stageCounts, stageDefinitions } from '../../src/core/metrics/lifecycle';
import { lifecycleFromPreset } from '../../src/core/metrics/presets';
import { DEFAULT_RFM, rfmScores, rfmValues } from '../../src/core/metrics/rfm';
import { parseRule } from '../../src/core/rules';
import { dayNumber } from '../../src/core/time';
import { loadSnapshot } from '../../src/storage/snapshots';
import { readWorkspace, saveLifecycle } from '../../src/storage/workspaces';
import { demoSlice } from './testData';
import { WorkspaceEngine } from './workspaceEngine';

describe('lifecycle calls of the engine (food demo, 300 members)', async () => {
  const slice = await demoSlice(300, 'food', 11);
  const engine = new WorkspaceEngine(slice.db);
  const ws = (await readWorkspace(slice.db))!;

  it('new demo workspaces start on their brand preset; counts follow the stored rules', async () => {
    expect(ws.lifecycle).toEqual(lifecycleFromPreset('food'));
    const counts = await engine.stageCounts();
    const snap = (await loadSnapshot(slice.db))!;
    expect(counts).toEqual(stageCounts(assignStages(snap.cols, stageDefinitions(ws.lifecycle), dayNumber(ws.asOf))));
  });

  it('a draft with another threshold counts differently without being saved; saving makes it the definition', async () => {
    const saved = await engine.stageCounts();
    const draft = lifecycleFromPreset('food', { activeDays: 30, churnDays: 60 });
    const counted = await engine.stageCounts({ lifecycle: draft });
    const dormantOrChurned = (c: { stage: string; count: number }[]) => c.filter((x) => x.stage === 'dormant' || x.stage === 'churned').reduce((s, x) => s + x.count, 0);
    expect(dormantOrChurned(counted)).toBeGreaterThan(dormantOrChurned(saved));
    expect(await engine.stageCounts()).toEqual(saved);
    await saveLifecycle(slice.workspaceId, draft);
    expect(await engine.stageCounts()).toEqual(counted);
    expect((await engine.count(parseRule('stage = churned'))).count).toBe(counted.find((c) => c.stage === 'churned')!.count);
    await saveLifecycle(slice.workspaceId, lifecycleFromPreset('food'));
    expect(await engine.stageCounts()).toEqual(saved);
  });

  it('an invalid definition is refused and nothing is written', async () => {
    const bad = { ...lifecycleFromPreset('food'), preset: 'custom' as const, stages: [{ stage: 'growth' as const, rule: 'stage = growth' }] };
    await expect(saveLifecycle(slice.workspaceId, bad)).rejects.toThrow(/growth rule: a stage rule cannot ask for a lifecycle stage/);
    expect((await readWorkspace(slice.db))!.lifecycle).toEqual(lifecycleFromPreset('food'));
    await expect(engine.stageCounts({ lifecycle: bad })).rejects.toThrow(/cannot ask for a lifecycle stage/);
    await expect(engine.stageCounts({ lifecycle: { preset: 'food' } })).rejects.toThrow(/lifecycle draft at activeDays/);
  });

  it('flows conserve members: margins are the stage counts of the two days', async () => {
    const f = await engine.stageFlows({ from: '2026-04-30', to: ws.asOf });
    const rows = f.matrix.map((r) => r.reduce((s, x) => s + x, 0));
    const cols = f.states.map((_, j) => f.matrix.reduce((s, r) => s + r[j], 0));
    expect(rows).toEqual((await engine.stageCounts({ asOf: '2026-04-30' })).map((c) => c.count));
    expect(cols).toEqual((await engine.stageCounts()).map((c) => c.count));
    expect(rows.reduce((s, x) => s + x, 0)).toBe(300);
    await expect(engine.stageFlows({ from: '2026-02-30x', to: ws.asOf })).rejects.toThrow(/from must be a date/);
  });

  it('the trend gives each date its stage counts, reports progress and can be cancelled', async () => {
    const dates = ['2025-12-31', '2026-06-30', ws.asOf];
    const seen: number[] = [];
    const t = await engine.stageTrend(dates, {}, new CancelToken(), (p) => seen.push(p.done));
    expect(t.map((p) => p.date)).toEqual(dates);
    for (const p of t) expect(p.counts).toEqual(await engine.stageCounts({ asOf: p.date }));
    expect(seen.at(-1)).toBe(3);
    const token = new CancelToken();
    token.cancel();
    await expect(engine.stageTrend(dates, {}, token)).rejects.toThrow(JobCancelled);
    await expect(engine.stageTrend([], {})).rejects.toThrow(/list of dates/);
  });

  it('RFM: every member is scored or not, cells add up, same as core on the snapshot', async () => {
    const r = await engine.rfm(DEFAULT_RFM);
    expect(r.scored + r.unscored).toBe(300);
    expect(r.cells.flat(2).reduce((s, x) => s + x, 0)).toBe(r.scored);
    const snap = (await loadSnapshot(slice.db))!;
    const s = rfmScores(rfmValues(snap.cols, dayNumber(ws.asOf), 365), DEFAULT_RFM);
    expect(r.perAxis.frequency).toEqual([1, 2, 3, 4, 5].map((k) => [...s.f].filter((x) => x === k).length));
    await expect(engine.rfm({ ...DEFAULT_RFM, recency: { kind: 'fixed', thresholds: [90, 30] } })).rejects.toThrow(/RFM: recency: thresholds must increase/);
  });
});
