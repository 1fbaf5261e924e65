import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../model/journey';
import { dayNumber } from '../../time';
import { sequentialIds } from '../ids';
import { syntheticJourney } from '../synthetic';
import { TEMPLATES, instantiateTemplate } from '../templates';
import type { ValidationContext } from '../validate';
import { compileJourney, loadPlan } from './compile';
import { PLAN_VERSION } from './ir';

const AUDIENCE = 'aud-1';
const ctx: ValidationContext = { audiences: new Map([[AUDIENCE, 'Closed stores']]), tags: new Set(['high value']), tagGroups: new Set() };
const NOW = '2026-03-02T09:30';

function templateJourney(id: string): Journey {
  const t = TEMPLATES.find((x) => x.id === id)!;
  const r = instantiateTemplate(t, { audience: AUDIENCE }, { newId: sequentialIds(), now: NOW });
  return { v: 2, id: `j-${id}`, owner: '', status: 'draft', revision: 3, createdAt: NOW, updatedAt: NOW, ...r };
}

describe('compileJourney', () => {
  it('every shipped template compiles, and the plan records the journey version', () => {
    for (const t of TEMPLATES) {
      const out = compileJourney(templateJourney(t.id), ctx);
      expect(out.ok, t.id).toBe(true);
      if (!out.ok) continue;
      expect(out.plan.planVersion).toBe(PLAN_VERSION);
      expect(out.plan.journey).toEqual({ id: `j-${t.id}`, name: out.plan.journey.name, revision: 3 });
      expect(out.plan.entries.length).toBeGreaterThan(0);
      // Every port of every node leads to a node of the plan.
      for (const n of out.plan.nodes) for (const to of Object.values(n.next)) expect(to).toBeLessThan(out.plan.nodes.length);
      expect(loadPlan(JSON.parse(JSON.stringify(out.plan)))).toEqual({ ok: true, plan: out.plan });
    }
  });

  it('is deterministic: the same journey in any node and edge order compiles to the same bytes', () => {
    const j = templateJourney('anniversary');
    const first = JSON.stringify(compileJourney(j, ctx));
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: j.nodes.length, maxLength: j.nodes.length }), fc.array(fc.nat(), { minLength: j.edges.length, maxLength: j.edges.length }), (kn, ke) => {
        const nodes = j.nodes.map((n, i) => [kn[i], n] as const).sort((a, b) => a[0] - b[0]).map(([, n]) => n);
        const edges = j.edges.map((e, i) => [ke[i], e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
        expect(JSON.stringify(compileJourney({ ...j, nodes, edges }, ctx))).toBe(first);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a journey with errors, returning them; warnings ride along with a plan', () => {
    const j = templateJourney('birthday');
    const broken = { ...j, edges: j.edges.slice(1) };
    const out = compileJourney(broken, ctx);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.every((i) => i.severity === 'error')).toBe(true);
    const withTag = compileJourney(templateJourney('anniversary'), ctx);
    expect(withTag.ok && withTag.warnings.some((w) => w.code === 'tag-new')).toBe(true);
  });

  it('converts units: money to cents, times to minutes, dates to day numbers; jumps become next', () => {
    const j = syntheticJourney(40, { newId: sequentialIds(), now: NOW, audienceId: AUDIENCE });
    j.settings = { ...j.settings, quietHours: { enabled: true, start: '21:30', end: '08:15' }, startDate: '2026-03-01', endDate: null };
    const out = compileJourney(j, ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const p = out.plan;
    expect(p.settings.quietHours).toEqual({ start: 21 * 60 + 30, end: 8 * 60 + 15 });
    expect(p.settings.startDay).toBe(dayNumber('2026-03-01'));
    const smsNode = j.nodes.find((n) => n.type === 'action.sms')!;
    const sms = p.nodes.find((n) => n.id === smsNode.id)!;
    expect(sms.step).toMatchObject({ k: 'touch', channel: 'sms', costCents: Math.round(Number(smsNode.config.costPerTouch) * 100) });
    const waitNode = j.nodes.find((n) => n.type === 'flow.wait' && n.config.mode === 'duration');
    if (waitNode) {
      const unit = { minutes: 1, hours: 60, days: 1440, weeks: 10080 }[String(waitNode.config.unit) as 'days'];
      expect(p.nodes.find((n) => n.id === waitNode.id)!.step).toEqual({ k: 'wait', minutes: Number(waitNode.config.amount) * unit });
    }
    // Equal rules are held once.
    const texts = p.rules.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('a jump compiles to a pass-through whose next is its target', () => {
    const j = templateJourney('lifecycle');
    const jumps = j.nodes.filter((n) => n.type === 'flow.jump');
    const out = compileJourney(j, ctx);
    if (!out.ok) throw new Error('lifecycle should compile');
    for (const jn of jumps) {
      const pn = out.plan.nodes.find((n) => n.id === jn.id)!;
      expect(pn.step).toEqual({ k: 'jump' });
      expect(out.plan.nodes[pn.next.next].id).toBe(jn.config.target);
    }
  });
});

describe('loadPlan', () => {
  const plan = (() => {
    const out = compileJourney(templateJourney('birthday'), ctx);
    if (!out.ok) throw new Error('birthday should compile');
    return out.plan;
  })();
  it('refuses a plan from a newer app, an old or missing version, a broken shape and a dangling index, saying where', () => {
    expect(loadPlan({ ...plan, planVersion: PLAN_VERSION + 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/newer than this app/) });
    expect(loadPlan({ ...plan, planVersion: undefined })).toMatchObject({ ok: false, message: expect.stringMatching(/compile the journey again/) });
    expect(loadPlan({ ...plan, nodes: [{ ...plan.nodes[0], step: { k: 'teleport' } }, ...plan.nodes.slice(1)] })).toMatchObject({ ok: false, message: expect.stringMatching(/nodes\.0\.step/) });
    const dangling = { ...plan, nodes: plan.nodes.map((n, i) => (i === 0 ? { ...n, next: { next: 999 } } : n)) };
    expect(loadPlan(dangling)).toMatchObject({ ok: false, message: expect.stringMatching(/leads to node 999/) });
  });
});
