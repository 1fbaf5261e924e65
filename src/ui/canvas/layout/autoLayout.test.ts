import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { configDefaults } from '../../../core/journey/fields';
import { nodeType } from '../../../core/journey/catalogue';
import { sequentialIds } from '../../../core/journey/ids';
import { syntheticJourney } from '../../../core/journey/synthetic';
import { defaultJourneySettings, type Journey, type JourneyNode } from '../../../core/model/journey';
import { layoutWith } from './autoLayout';
import { buildElkGraph, DEFAULT_NODE_SIZE, portKey, positionsFrom, type LaidOutNode } from './elkGraph';

function node(id: string, type: string, config: Record<string, unknown> = {}, position = { x: 0, y: 0 }): JourneyNode {
  return { id, type, label: '', position, config: { ...configDefaults(nodeType(type)!.fields), ...config } };
}
const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target });
function journey(nodes: JourneyNode[], edges: ReturnType<typeof edge>[]): Journey {
  return {
    v: 2, id: 'J', name: 'T', description: '', owner: '', status: 'draft', revision: 0, nodes, edges,
    notes: [{ id: 's1', position: { x: 5, y: 5 }, width: 200, height: 100, text: 'note', color: 'yellow' }],
    settings: defaultJourneySettings(), template: null, createdAt: '2026-01-01T00:00', updatedAt: '2026-01-01T00:00',
  };
}

/** in → split (yes → a, no → b) → both to out. */
const diamond = () =>
  journey(
    [node('in', 'entry.audience'), node('c', 'flow.condition'), node('a', 'action.sms'), node('b', 'action.wecom1v1'), node('out', 'flow.exit')],
    [edge('in', 'next', 'c'), edge('c', 'no', 'b'), edge('c', 'yes', 'a'), edge('a', 'next', 'out'), edge('b', 'next', 'out')],
  );

const size = { width: 220, height: 90 };
function overlaps(ps: LaidOutNode[], sizes: Map<string, { width: number; height: number }>): string[] {
  const out: string[] = [];
  const box = (p: LaidOutNode) => ({ ...p, ...(sizes.get(p.id) ?? DEFAULT_NODE_SIZE) });
  const bs = ps.map(box).sort((a, b) => a.x - b.x);
  for (let i = 0; i < bs.length; i++)
    for (let k = i + 1; k < bs.length && bs[k].x < bs[i].x + bs[i].width; k++) {
      const a = bs[i], b = bs[k];
      if (a.y < b.y + b.height && b.y < a.y + a.height) out.push(`${a.id}×${b.id}`);
    }
  return out;
}

describe('buildElkGraph', () => {
  it('layered, left to right; outputs east in the order the node type lists them, the input west', () => {
    const g = buildElkGraph(diamond(), new Map([['c', { width: 300, height: 120 }]]));
    expect(g.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' });
    const c = g.children!.find((n) => n.id === 'c')!;
    expect(c).toMatchObject({ width: 300, height: 120, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } });
    expect(c.ports!.map((p) => [p.id, p.layoutOptions!['elk.port.side'], p.layoutOptions!['elk.port.index']])).toEqual([
      ['c::in', 'WEST', '0'],
      ['c::yes', 'EAST', '0'],
      ['c::no', 'EAST', '1'],
    ]);
    // Unmeasured nodes get the default size; an entry has no input port; an exit no output.
    const entry = g.children!.find((n) => n.id === 'in')!;
    expect(entry).toMatchObject({ width: 220, height: 90 });
    expect(entry.ports!.map((p) => p.id)).toEqual(['in::next']);
    expect(g.children!.find((n) => n.id === 'out')!.ports!.map((p) => p.id)).toEqual(['out::in']);
    expect(g.edges!.find((e) => e.id === 'c-no-b')).toEqual({ id: 'c-no-b', sources: [portKey('c', 'no')], targets: [portKey('b', 'in')] });
  });

  it('branch ports follow the config (random split A, B, C); dangling edges are left out; a gone port leaves from the node', () => {
    const branches = ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase(), percent: id === 'a' ? 34 : 33 }));
    const j = journey(
      [node('in', 'entry.audience'), node('r', 'flow.random', { branches }), node('x', 'flow.exit')],
      [edge('in', 'next', 'r'), edge('r', 'b:c', 'x'), edge('r', 'b:zz', 'x'), edge('r', 'b:a', 'GONE')],
    );
    const g = buildElkGraph(j, new Map());
    expect(g.children!.find((n) => n.id === 'r')!.ports!.map((p) => p.id)).toEqual(['r::in', 'r::b:a', 'r::b:b', 'r::b:c']);
    expect(g.edges!.map((e) => e.id)).toEqual(['in-next-r', 'r-b:c-x', 'r-b:zz-x']);
    expect(g.edges![2].sources).toEqual(['r']);
    // Notes are not laid out.
    expect(g.children!.map((n) => n.id)).not.toContain('s1');
  });
});

describe('positionsFrom', () => {
  it('maps ELK positions back, moved so the layout starts at the journey’s top-left', () => {
    const j = diamond();
    const drawn = [{ x: 400, y: 300 }, { x: 500, y: 250 }, { x: 600, y: 200 }, { x: 600, y: 400 }, { x: 1000, y: 200 }];
    j.nodes.forEach((n, i) => (n.position = drawn[i]));
    const laid = { id: 'root', children: j.nodes.map((n, i) => ({ id: n.id, x: 12 + i * 300.4, y: 12 + (i % 2) * 100 })) };
    const ps = positionsFrom(j, laid);
    expect(ps.map((p) => p.id)).toEqual(['in', 'c', 'a', 'b', 'out']);
    expect(ps[0]).toEqual({ id: 'in', x: 400, y: 200 });
    expect(ps[1]).toEqual({ id: 'c', x: 700, y: 300 });
  });
});

describe('autoLayout with elkjs (in Node)', () => {
  const elk = new ELK();

  it('a chain goes left to right, with no overlaps', async () => {
    const ids = ['in', 'w1', 's1', 'w2', 'q1', 'out'];
    const types = ['entry.audience', 'flow.wait', 'action.sms', 'flow.wait', 'action.wecom1v1', 'flow.exit'];
    // Drawn right to left on purpose: the layout must turn it round.
    const j = journey(ids.map((id, i) => node(id, types[i], {}, { x: 2000 - i * 300, y: 0 })), ids.slice(1).map((id, i) => edge(ids[i], 'next', id)));
    const ps = await layoutWith(elk, j, new Map());
    const x = new Map(ps.map((p) => [p.id, p.x]));
    for (let i = 1; i < ids.length; i++) expect(x.get(ids[i])!, `${ids[i - 1]} → ${ids[i]}`).toBeGreaterThanOrEqual(x.get(ids[i - 1])! + DEFAULT_NODE_SIZE.width);
    expect(overlaps(ps, new Map())).toEqual([]);
    expect(ps.every((p) => Number.isInteger(p.x) && Number.isInteger(p.y))).toBe(true);
  });

  it('a split puts “yes” above “no”, whatever order the edges were drawn in', async () => {
    const ps = await layoutWith(elk, diamond(), new Map());
    const at = new Map(ps.map((p) => [p.id, p]));
    expect(at.get('a')!.y).toBeLessThan(at.get('b')!.y);
    expect(at.get('a')!.x).toBeGreaterThan(at.get('c')!.x);
    expect(at.get('out')!.x).toBeGreaterThan(at.get('a')!.x);
  });

  it('500 synthetic nodes with measured sizes: every edge goes left to right and no two nodes overlap', async () => {
    const j = syntheticJourney(500, { newId: sequentialIds(), now: '2026-01-01T00:00', audienceId: 'A1' });
    const sizes = new Map(j.nodes.map((n, i) => [n.id, i % 3 === 0 ? { width: 260, height: 110 } : size]));
    const ps = await layoutWith(elk, j, sizes);
    expect(ps).toHaveLength(500);
    const at = new Map(ps.map((p) => [p.id, p]));
    for (const e of j.edges) expect(at.get(e.target)!.x, e.id).toBeGreaterThan(at.get(e.source)!.x);
    expect(overlaps(ps, sizes)).toEqual([]);
  }, 60_000);
});
