import { describe, expect, it } from 'vitest';
import { lifecycleFromPreset } from '../../core/metrics/presets';
import { addStage, checkDraft, choosePreset, missingStages, moveStage, removeStage, sameSetting, setStageRule, setThresholds } from './lifecycleDraft';

const food = lifecycleFromPreset('food');

describe('lifecycle draft edits', () => {
  it('a threshold change on a preset regenerates its rules', () => {
    const d = setThresholds(food, { activeDays: 120 });
    expect(d.preset).toBe('food');
    expect(d.stages.find((s) => s.stage === 'dormant')!.rule).toBe('days_since_last_order >= 120');
    expect(d.stages.find((s) => s.stage === 'churned')!.rule).toBe('days_since_last_order >= 180');
    expect(setThresholds(food, { activeDays: 0 })).toBe(food);
    expect(setThresholds(food, { churnDays: 1.5 })).toBe(food);
  });
  it('editing, moving or removing a rule makes the draft custom; thresholds then leave the rules alone', () => {
    const d = setStageRule(food, 3, 'orders >= 4');
    expect(d.preset).toBe('custom');
    expect(d.stages[3].rule).toBe('orders >= 4');
    expect(setStageRule(food, 3, food.stages[3].rule)).toBe(food);
    expect(setThresholds(d, { activeDays: 30 }).stages).toEqual(d.stages);
    const moved = moveStage(food, 1, -1);
    expect(moved.stages.map((s) => s.stage).slice(0, 2)).toEqual(['churned', 'introduction']);
    expect(moveStage(food, 0, -1)).toBe(food);
    const removed = removeStage(food, 4);
    expect(missingStages(removed)).toEqual(['growth']);
    expect(addStage(removed, 'growth').stages.at(-1)).toEqual({ stage: 'growth', rule: 'orders = 0' });
  });
  it('choosing a preset replaces the rules; custom keeps them', () => {
    const d = setStageRule(food, 3, 'orders >= 4');
    expect(choosePreset(d, 'appliances')).toEqual(lifecycleFromPreset('appliances'));
    expect(choosePreset(food, 'custom')).toEqual({ ...food, preset: 'custom' });
    expect(sameSetting(choosePreset(d, 'food'), food)).toBe(true);
  });
  it('checks the draft: invalid rules block saving; churn before active warns', () => {
    expect(checkDraft(food)).toEqual({ issues: [], ok: true, thresholdOrder: false });
    const bad = checkDraft(setStageRule(food, 2, 'stage = dormant'));
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]).toMatchObject({ index: 2, stage: 'dormant' });
    expect(checkDraft(setThresholds(food, { activeDays: 200 })).thresholdOrder).toBe(true);
  });
});

describe('which tags follow the stages', () => {
  it('a tag rule that reads stages, as text or AST, directly or through an audience', async () => {
    const { readsStages } = await import('./afterSave');
    expect(readsStages('stage = dormant and orders > 2')).toBe(true);
    expect(readsStages({ k: 'and', args: [{ k: 'stage', stage: 'growth' }] })).toBe(true);
    expect(readsStages({ k: 'audience', id: 'A' })).toBe(true);
    expect(readsStages('net_spend(last 90 days) > 1000')).toBe(false);
    expect(readsStages({ k: 'cmp', op: '>', left: { k: 'metric', name: 'orders', window: { kind: 'all' }, filters: [] }, right: { k: 'num', value: 1 } })).toBe(false);
  });
});
