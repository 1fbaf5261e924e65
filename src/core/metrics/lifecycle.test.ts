import { describe, expect, it } from 'vitest';
import { dayNumber } from '../time';
import { LIFECYCLE_STAGES, parseRule } from '../rules';
import { load, WorkspaceRecord, type LifecycleSetting } from '../model';
import { assignStages, checkLifecycle, defaultLifecycle, LifecycleError, stageCounts, stageDefinitions } from './lifecycle';
import { LIFECYCLE_PRESET_DEFS, lifecycleFromPreset } from './presets';
import { columns, member, sale } from './testMembers';

const m = (id: string, days: string[], joinedAt?: string) => member(id, days.map((d) => sale(id, d)), joinedAt);
const names = (s: Uint8Array) => [...s].map((x) => LIFECYCLE_STAGES[x] ?? 'none');
const AS_OF = dayNumber('2026-10-31');

describe('lifecycle stages (food brand: active 90 days, churned after 180)', () => {
  const members = [
    m('prospect', []),
    m('new', ['2026-10-01']),
    m('loyal', ['2026-06-01', '2026-08-01', '2026-10-20']),
    m('silent', ['2026-06-15']), // 138 days before asOf
    m('lost', ['2026-01-01', '2026-02-01']), // > 180 days
  ];
  const cols = columns(members);
  const stages = assignStages(cols, stageDefinitions(lifecycleFromPreset('food')), AS_OF);
  it('puts each member in the first stage whose rule holds', () => {
    expect(names(stages)).toEqual(['introduction', 'growth', 'maturity', 'dormant', 'churned']);
  });
  it('counts sum to the members', () => {
    const counts = stageCounts(stages);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(members.length);
    expect(counts.find((c) => c.stage === 'none')!.count).toBe(0);
  });
  it('a 3C brand with a two-year cycle keeps the same member active (two purchases of durables: mature)', () => {
    const s = assignStages(cols, stageDefinitions(lifecycleFromPreset('appliances')), AS_OF);
    expect(names(s)[4]).toBe('maturity');
  });
  it('changing a threshold moves members: active 150 days makes the silent member active again', () => {
    const s = assignStages(cols, stageDefinitions(lifecycleFromPreset('food', { activeDays: 150, churnDays: 180 })), AS_OF);
    expect(names(s)[3]).toBe('growth');
  });
  it('as of a past day, members who had not joined yet have no stage', () => {
    const late = columns([m('a', ['2026-01-10']), m('b', ['2026-09-01'], '2026-09-01T00:00:00')]);
    expect(names(assignStages(late, defaultLifecycle(90, 180), dayNumber('2026-03-01')))).toEqual(['growth', 'none']);
    expect(names(assignStages(late, defaultLifecycle(90, 180), AS_OF))).toEqual(['churned', 'growth']);
  });
});

describe('the v1 -> v2 migration keeps every v1 workspace in the same stages', () => {
  const v1 = (activeDays: number, churnDays: number) => ({
    v: 1, id: 'w', name: 'W', brandTemplate: 'food', currency: 'CNY', createdAt: '2026-01-01T00:00:00', asOf: '2026-10-31', source: { kind: 'empty' }, lifecycle: { activeDays, churnDays },
  });
  const cols = columns([m('p', []), m('n', ['2026-10-01']), m('l', ['2026-06-01', '2026-08-01', '2026-10-20']), m('s', ['2026-06-15']), m('x', ['2025-01-01']), m('y', ['2024-06-01', '2024-07-01', '2024-08-01'])]);
  for (const [a, c] of [[90, 180], [180, 365], [730, 1095], [30, 60], [120, 121]]) {
    it(`${a} / ${c} days`, () => {
      const r = load(WorkspaceRecord, v1(a, c));
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.lifecycle.preset).toBe(a === 90 && c === 180 ? 'food' : 'custom');
      for (const day of [AS_OF, dayNumber('2025-06-30'), dayNumber('2024-09-15')]) {
        // Today's behaviour before v2: the five rules derived from the two thresholds.
        const before = assignStages(cols, [
          { stage: 'introduction', rule: parseRule('orders = 0') },
          { stage: 'churned', rule: parseRule(`days_since_last_order >= ${c}`) },
          { stage: 'dormant', rule: parseRule(`days_since_last_order >= ${a}`) },
          { stage: 'maturity', rule: parseRule('orders >= 3') },
          { stage: 'growth', rule: parseRule('true') },
        ], day);
        expect(assignStages(cols, stageDefinitions(r.value.lifecycle), day)).toEqual(before);
      }
    });
  }
});

describe('presets', () => {
  it('every preset gives valid rules for all five stages, churn after active', () => {
    for (const p of LIFECYCLE_PRESET_DEFS) {
      const s = lifecycleFromPreset(p.id);
      expect(checkLifecycle(s).issues, p.id).toEqual([]);
      expect(s.stages.map((x) => x.stage).sort()).toEqual([...LIFECYCLE_STAGES].sort());
      expect(p.churnDays).toBeGreaterThan(p.activeDays);
      expect(s.stages.map((x) => x.rule).join(' ')).not.toMatch(/\{/);
    }
  });
  it('the domain numbers: food 90 / 180, appliances two years active', () => {
    expect(lifecycleFromPreset('food')).toMatchObject({ activeDays: 90, churnDays: 180 });
    expect(lifecycleFromPreset('appliances').activeDays).toBe(730);
    expect(lifecycleFromPreset('food', { activeDays: 60, churnDays: 200 }).stages[1].rule).toBe('days_since_last_order >= 200');
  });
  it('mother & baby: a family whose youngest is past three has left the category; one expecting has not', () => {
    const baby = (id: string, memberId: string, dates: Record<string, string>) => ({ v: 1 as const, id, memberId, kind: 'baby' as const, name: '', attributes: {}, dates });
    const cols = columns([
      member('a', [sale('a', '2026-10-01')], undefined, [baby('b1', 'a', { birthday: '2022-01-01' })]),
      member('b', [sale('b', '2026-10-01')], undefined, [baby('b2', 'b', { birthday: '2022-01-01' }), baby('b3', 'b', { dueDate: '2027-01-15' })]),
      member('c', [sale('c', '2026-10-01')], undefined, [baby('b4', 'c', { birthday: '2025-05-01' })]),
      member('d', [sale('d', '2026-10-01')]),
    ]);
    expect(names(assignStages(cols, stageDefinitions(lifecycleFromPreset('mother_baby')), AS_OF))).toEqual(['churned', 'growth', 'growth', 'growth']);
  });
});

describe('invalid definitions are refused with what and where', () => {
  const base = lifecycleFromPreset('food');
  const withRule = (i: number, rule: string): LifecycleSetting => ({ ...base, preset: 'custom', stages: base.stages.map((s, k) => (k === i ? { ...s, rule } : s)) });
  it('a rule that does not parse names the stage and the position', () => {
    const { issues } = checkLifecycle(withRule(2, 'days_since_last_order >='));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ index: 2, stage: 'dormant' });
    expect(issues[0].message).toMatch(/at 25: expected/);
    expect(() => stageDefinitions(withRule(2, 'days_since_last_order >='))).toThrow(LifecycleError);
  });
  it('a rule that does not type-check', () => {
    expect(checkLifecycle(withRule(3, 'net_spend > days_since_last_order')).issues[0].message).toMatch(/cannot compare money with days/);
    expect(checkLifecycle(withRule(3, 'ordres >= 3')).issues[0].message).toMatch(/unknown measure 'ordres'/);
  });
  it('a stage rule that asks for a stage, a tag or an audience', () => {
    expect(checkLifecycle(withRule(4, 'stage = growth')).issues[0].message).toMatch(/cannot ask for a lifecycle stage/);
    expect(checkLifecycle(withRule(4, 'has tag "vip"')).issues[0].message).toMatch(/cannot use tag 'vip'/);
    expect(checkLifecycle(withRule(4, 'not in audience "A"')).issues[0].message).toMatch(/cannot use audience 'A'/);
  });
  it('a stage defined twice', () => {
    const twice = { ...base, stages: [...base.stages.slice(0, 4), { stage: 'maturity' as const, rule: 'true' }] };
    expect(checkLifecycle(twice).issues[0].message).toMatch(/defined twice/);
    expect(WorkspaceRecord.schema.shape.lifecycle.safeParse(twice).success).toBe(false);
  });
});
