import { describe, expect, it } from 'vitest';
import { defaultJourneySettings, type Journey, type JourneyNode } from '../model/journey';
import { nodeType } from './catalogue';
import { copyFragment, parseFragment, pasteFragment, serializeFragment } from './clipboard';
import { addElements, applyCommand } from './commands';
import { configDefaults } from './fields';
import { sequentialIds } from './ids';

function node(id: string, type: string, config: Record<string, unknown> = {}, x = 0): JourneyNode {
  return { id, type, label: '', position: { x, y: 10 }, config: { ...configDefaults(nodeType(type)!.fields), ...config } };
}
function journey(): Journey {
  return {
    v: 2, id: 'J', name: 'Copy me', description: '', owner: '', status: 'draft', revision: 0,
    nodes: [
      node('in', 'entry.audience', { audienceId: 'A1' }, 0),
      node('split', 'flow.random', {}, 100),
      node('sms', 'action.sms', { content: 'Hi' }, 200),
      node('jin', 'flow.jump', { target: 'sms' }, 300),
      node('jout', 'flow.jump', { target: 'in' }, 400),
      node('blank', 'flow.jump', { target: '' }, 500),
    ],
    edges: [
      { id: 'e1', source: 'in', sourcePort: 'next', target: 'split' },
      { id: 'e2', source: 'split', sourcePort: 'b:a', target: 'sms' },
      { id: 'e3', source: 'split', sourcePort: 'b:b', target: 'jin' },
      { id: 'e4', source: 'sms', sourcePort: 'next', target: 'jout' },
    ],
    notes: [
      { id: 's1', position: { x: 5, y: 6 }, width: 200, height: 80, text: 'hello', color: 'yellow' },
      { id: 's2', position: { x: 7, y: 8 }, width: 200, height: 80, text: 'other', color: 'blue' },
    ],
    settings: defaultJourneySettings(), template: null, createdAt: '2026-01-01T00:00', updatedAt: '2026-01-01T00:00',
  };
}
const sel = (nodes: string[], notes: string[] = []) => ({ nodes, notes });

describe('copyFragment', () => {
  it('holds the selected nodes and notes and only the edges between selected nodes', () => {
    const f = copyFragment(journey(), sel(['split', 'sms', 'jin'], ['s2']));
    expect(f.format).toBe('meridian.fragment');
    expect(f.nodes.map((n) => n.id)).toEqual(['split', 'sms', 'jin']);
    expect(f.edges.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(f.notes.map((n) => n.id)).toEqual(['s2']);
  });

  it('is a deep copy: editing the journey afterwards does not change it', () => {
    const j = journey();
    const f = copyFragment(j, sel(['split']));
    (j.nodes[1].config.branches as { percent: number }[])[0].percent = 99;
    j.nodes[1].position.x = -1;
    expect((f.nodes[0].config.branches as { percent: number }[])[0].percent).toBe(50);
    expect(f.nodes[0].position.x).toBe(100);
  });
});

describe('serializeFragment / parseFragment', () => {
  it('round-trips, and the text is stable through a parse', () => {
    const f = copyFragment(journey(), sel(['in', 'split', 'sms', 'jin', 'jout'], ['s1']));
    const text = serializeFragment(f);
    expect(parseFragment(text)).toEqual(f);
    expect(serializeFragment(parseFragment(text)!)).toBe(text);
  });

  it('returns null for anything that is not a fragment, never throwing', () => {
    const good = JSON.parse(serializeFragment(copyFragment(journey(), sel(['split', 'sms'])))) as Record<string, unknown>;
    const bad = [
      '',
      'hello world',
      '{"format":"meridian.fragment"',
      '[1,2]',
      'null',
      '42',
      JSON.stringify({ ...good, format: 'meridian.journey' }),
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, nodes: [{ id: 'x' }] }),
      JSON.stringify({ ...good, edges: [{ id: 'e', source: 'split', sourcePort: 'next', target: 'elsewhere' }] }),
      JSON.stringify({ ...good, nodes: [...(good.nodes as unknown[]), ...(good.nodes as unknown[])] }),
      JSON.stringify({ ...good, notes: [{ id: 's', position: { x: 0, y: 0 }, width: 1, height: 1, text: '', color: 'red' }] }),
      '{"a":' + '1'.repeat(6 * 1024 * 1024) + '}',
    ];
    for (const text of bad) expect(parseFragment(text), text.slice(0, 80)).toBeNull();
    expect(parseFragment(JSON.stringify(good))).not.toBeNull();
  });
});

describe('pasteFragment', () => {
  const f = copyFragment(journey(), sel(['split', 'sms', 'jin', 'jout', 'blank'], ['s1']));

  it('gives fresh ids, re-joins edges and offsets positions', () => {
    const p = pasteFragment(f, { newId: sequentialIds(1), offset: { x: 40, y: -20 } });
    expect(p.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(p.nodes.map((n) => n.position)).toEqual([100, 200, 300, 400, 500].map((x) => ({ x: x + 40, y: -10 })));
    expect(p.edges).toEqual([
      { id: 'e6', source: 'n1', sourcePort: 'b:a', target: 'n2' },
      { id: 'e7', source: 'n1', sourcePort: 'b:b', target: 'n3' },
      { id: 'e8', source: 'n2', sourcePort: 'next', target: 'n4' },
    ]);
    expect(p.notes).toEqual([{ ...f.notes[0], id: 's9', position: { x: 45, y: -14 } }]);
    expect(p.nodes[0].type).toBe('flow.random');
  });

  it('a jump follows its target into the copy, and is cleared when the target was not copied', () => {
    const p = pasteFragment(f, { newId: sequentialIds(1), offset: { x: 0, y: 0 } });
    const byOld = new Map(f.nodes.map((n, i) => [n.id, p.nodes[i]]));
    expect(byOld.get('jin')!.config.target).toBe(byOld.get('sms')!.id);
    expect(byOld.get('jout')!.config.target).toBe(''); // 'in' was not copied
    expect(byOld.get('blank')!.config.target).toBe('');
  });

  it('pasting twice gives distinct ids and shares no objects', () => {
    const newId = sequentialIds(1);
    const a = pasteFragment(f, { newId, offset: { x: 40, y: 40 } });
    const b = pasteFragment(f, { newId, offset: { x: 80, y: 80 } });
    const ids = [...a.nodes, ...a.edges, ...a.notes, ...b.nodes, ...b.edges, ...b.notes].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(a.nodes[0].config).toEqual(b.nodes[0].config);
    expect(a.nodes[0].config).not.toBe(b.nodes[0].config);
    expect(a.nodes[0].config.branches).not.toBe(f.nodes[0].config.branches);
    (a.nodes[0].config.branches as { percent: number }[])[0].percent = 1;
    expect((f.nodes[0].config.branches as { percent: number }[])[0].percent).toBe(50);
  });

  it('feeds addElements: the pasted part joins the journey and the original is untouched', () => {
    const j = journey();
    const p = pasteFragment(copyFragment(j, sel(['split', 'sms'])), { newId: sequentialIds(100), offset: { x: 40, y: 40 } });
    const next = applyCommand(j, addElements('paste', p));
    expect(next.nodes).toHaveLength(8);
    expect(next.edges).toHaveLength(5);
    expect(next.nodes.slice(0, 6)).toEqual(journey().nodes);
  });
});
