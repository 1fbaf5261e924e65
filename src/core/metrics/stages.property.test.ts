import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MemberBundle } from '../columnar/build';
import { compileRule, LIFECYCLE_STAGES, referenceEvaluate, runPlans } from '../rules';
import { dateOfDay, dayNumber } from '../time';
import { NO_STAGE, stageDefinitions, stagesFromMasks } from './lifecycle';
import { flows } from './flows';
import { LIFECYCLE_PRESET_DEFS, lifecycleFromPreset } from './presets';
import { columns, member, sale } from './testMembers';

/**
 * The engine's way (every stage rule in one fused pass, then first match wins, not-yet-joined
 * members without a stage) against a naive one: per member, the first definition whose rule the
 * reference evaluator says holds, for every preset, random members and random days.
 */
const D0 = dayNumber('2023-01-01');
const D1 = dayNumber('2026-12-31');
const dayArb = fc.integer({ min: D0, max: D1 });
const bundleArb = (i: number) =>
  fc.record({
    join: dayArb,
    orders: fc.array(fc.record({ day: dayArb, paid: fc.integer({ min: 100, max: 90000 }), refund: fc.boolean() }), { maxLength: 7 }),
    babies: fc.array(fc.record({ birth: fc.option(dayArb), due: fc.option(dayArb) }), { maxLength: 2 }),
  }).map(({ join, orders, babies }): MemberBundle => {
    const id = `m${String(i).padStart(3, '0')}`;
    const os = orders.map((o, k) => ({ ...sale(id, dateOfDay(o.day), o.paid, o.refund ? o.paid : 0), id: `${id}-o${k}` })).sort((a, b) => (a.placedAt < b.placedAt ? -1 : 1));
    const subs = babies.map((b, k) => ({
      v: 1 as const, id: `${id}-b${k}`, memberId: id, kind: 'baby' as const, name: '', attributes: {},
      dates: { ...(b.birth !== null ? { birthday: dateOfDay(b.birth) } : {}), ...(b.due !== null ? { dueDate: dateOfDay(b.due) } : {}) },
    }));
    return member(id, os, `${dateOfDay(join)}T00:00:00`, subs);
  });
const membersArb = fc.integer({ min: 1, max: 10 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => bundleArb(i))));
const settingArb = fc.tuple(fc.constantFrom(...LIFECYCLE_PRESET_DEFS.map((p) => p.id)), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 800 }))
  .map(([id, a, c]) => lifecycleFromPreset(id, { activeDays: a, churnDays: c }));

describe('stages: fused engine evaluation = naive reference (property)', () => {
  it('for every preset with random thresholds, random members, random days', () => {
    fc.assert(
      fc.property(membersArb, settingArb, dayArb, dayArb, (bundles, setting, dayA, dayB) => {
        const cols = columns(bundles);
        const defs = stageDefinitions(setting);
        const engine = (day: number) => stagesFromMasks(defs, runPlans(defs.map((d) => compileRule(d.rule, cols, day)), cols, {}), cols.joinDay, day);
        const naive = (day: number) => {
          const ctx = { asOf: dateOfDay(day), products: new Map<string, { category: string }>() };
          const holds = defs.map((d) => referenceEvaluate(d.rule, bundles, ctx));
          return Uint8Array.from(bundles.map((b, i) => {
            if (dayNumber(b.member.joinedAt) > day) return NO_STAGE;
            const k = holds.findIndex((h) => h[i]);
            return k < 0 ? NO_STAGE : LIFECYCLE_STAGES.indexOf(defs[k].stage);
          }));
        };
        const [a, b] = [engine(dayA), engine(dayB)];
        expect([...a]).toEqual([...naive(dayA)]);
        expect([...b]).toEqual([...naive(dayB)]);
        // Flows between the two days count every member once.
        expect(flows(a, b).flat().reduce((s, x) => s + x, 0)).toBe(bundles.length);
      }),
      { numRuns: 150 },
    );
  });
});
