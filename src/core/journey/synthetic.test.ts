import { describe, expect, it } from 'vitest';
import { JourneyRecord } from '../model/journey';
import { load } from '../model/versioned';
import { nodeType } from './catalogue';
import { sequentialIds } from './ids';
import { syntheticJourney } from './synthetic';
import { validateJourney, type ValidationContext } from './validate';

const ctx: ValidationContext = { audiences: new Map([['A1', 'All members']]), tags: new Set(), tagGroups: new Set() };
const opts = () => ({ newId: sequentialIds(), now: '2026-12-01T10:00', audienceId: 'A1' });

describe('syntheticJourney', () => {
  it('500 nodes: a valid journey with about 1.1 edges per node', () => {
    const j = syntheticJourney(500, opts());
    expect(j.nodes).toHaveLength(500);
    expect(validateJourney(j, ctx)).toEqual([]);
    const ratio = j.edges.length / j.nodes.length;
    expect(ratio).toBeGreaterThan(1.05);
    expect(ratio).toBeLessThan(1.15);
    // The schema (what storage accepts) holds it as it is.
    expect(load(JourneyRecord, j).ok).toBe(true);
  });

  it('has the mix it promises: one audience entry, waits, both branches of every split, each action, exits', () => {
    const j = syntheticJourney(500, opts());
    const count = (t: string) => j.nodes.filter((n) => n.type === t).length;
    expect(count('entry.audience')).toBe(1);
    for (const t of ['flow.wait', 'flow.condition', 'action.sms', 'action.wecom1v1', 'action.coupon']) expect(count(t)).toBeGreaterThan(10);
    expect(count('flow.exit')).toBeGreaterThan(1);
    for (const c of j.nodes.filter((n) => n.type === 'flow.condition')) {
      const ports = j.edges.filter((e) => e.source === c.id).map((e) => e.sourcePort).sort();
      expect(ports).toEqual(['no', 'yes']);
    }
    expect(j.nodes.find((n) => n.type === 'entry.audience')!.config.audienceId).toBe('A1');
  });

  it('every size from 2 to 40 validates, with exactly n nodes, on distinct grid cells', () => {
    for (let n = 2; n <= 40; n++) {
      const j = syntheticJourney(n, opts());
      expect(j.nodes, `n=${n}`).toHaveLength(n);
      expect(validateJourney(j, ctx), `n=${n}`).toEqual([]);
      const cells = new Set(j.nodes.map((x) => `${x.position.x},${x.position.y}`));
      expect(cells.size, `n=${n}`).toBe(n);
      for (const x of j.nodes) expect(nodeType(x.type), x.type).toBeDefined();
    }
  });

  it('without that audience in the workspace it does not validate (the test can fail)', () => {
    const j = syntheticJourney(50, opts());
    expect(validateJourney(j, { ...ctx, audiences: new Map() }).map((i) => i.code)).toContain('audience-missing');
  });
});
