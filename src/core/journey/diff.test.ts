import { describe, expect, it } from 'vitest';
import { defaultJourneySettings, type Journey, type JourneyNode } from '../model/journey';
import { nodeType } from './catalogue';
import { deepEqual, diffIsEmpty, diffJourneys } from './diff';
import { configDefaults } from './fields';

function node(id: string, type: string, config: Record<string, unknown> = {}): JourneyNode {
  return { id, type, label: '', position: { x: 0, y: 0 }, config: { ...configDefaults(nodeType(type)!.fields), ...config } };
}
function base(): Journey {
  return {
    v: 2, id: 'J', name: 'Spring', description: 'd', owner: 'ops', status: 'published', revision: 1,
    nodes: [
      node('in', 'entry.audience', { audienceId: 'A1' }),
      node('split', 'flow.random'),
      node('cond', 'flow.condition', { rule: { k: 'tag', tag: 'vip', ever: false } }),
      node('sms', 'action.sms', { content: 'Hi' }),
      node('out', 'flow.exit'),
    ],
    edges: [
      { id: 'e1', source: 'in', sourcePort: 'next', target: 'split' },
      { id: 'e2', source: 'split', sourcePort: 'b:a', target: 'sms' },
      { id: 'e3', source: 'sms', sourcePort: 'next', target: 'out' },
    ],
    notes: [{ id: 's1', position: { x: 0, y: 0 }, width: 200, height: 80, text: 'hello', color: 'yellow' }],
    settings: defaultJourneySettings(), template: null, createdAt: '2026-01-01T00:00', updatedAt: '2026-01-01T00:00',
  };
}
const edit = (f: (j: Journey) => void): Journey => {
  const j = structuredClone(base());
  f(j);
  return j;
};
const nodeOf = (j: Journey, id: string) => j.nodes.find((n) => n.id === id)!;

describe('diffJourneys', () => {
  it('the same journey, and one differing only in bookkeeping, is no change', () => {
    expect(diffIsEmpty(diffJourneys(base(), base()))).toBe(true);
    const later = edit((j) => Object.assign(j, { status: 'draft', revision: 3, updatedAt: '2026-05-01T00:00', id: 'J' }));
    expect(diffIsEmpty(diffJourneys(base(), later))).toBe(true);
  });

  it('added and removed nodes', () => {
    const d = diffJourneys(base(), edit((j) => {
      j.nodes = j.nodes.filter((n) => n.id !== 'cond');
      j.nodes.push(node('wait', 'flow.wait'));
    }));
    expect(d.nodes.added.map((n) => n.id)).toEqual(['wait']);
    expect(d.nodes.removed.map((n) => n.id)).toEqual(['cond']);
    expect(d.nodes.changed).toEqual([]);
    expect(diffIsEmpty(d)).toBe(false);
  });

  it('a changed label and config keys, with leaf paths into branches', () => {
    const d = diffJourneys(base(), edit((j) => {
      nodeOf(j, 'sms').label = 'Greeting';
      nodeOf(j, 'sms').config.content = 'Hello {{name}}';
      const b = nodeOf(j, 'split').config.branches as { percent: number }[];
      b[0].percent = 30;
      b[1].percent = 70;
    }));
    const byId = new Map(d.nodes.changed.map((c) => [c.after.id, c.fields]));
    expect(byId.get('sms')).toEqual([
      { field: 'label', before: '', after: 'Greeting' },
      { field: 'content', before: 'Hi', after: 'Hello {{name}}' },
    ]);
    expect(byId.get('split')).toEqual([
      { field: 'branches.0.percent', before: 50, after: 30 },
      { field: 'branches.1.percent', before: 50, after: 70 },
    ]);
    expect(d.nodes.moved).toEqual([]);
  });

  it('a branch added is one change of the whole list; a rule is compared as a whole', () => {
    const d = diffJourneys(base(), edit((j) => {
      (nodeOf(j, 'split').config.branches as unknown[]).push({ id: 'c', label: 'C', percent: 0 });
      nodeOf(j, 'cond').config.rule = { k: 'tag', tag: 'vip', ever: true };
    }));
    const byId = new Map(d.nodes.changed.map((c) => [c.after.id, c.fields]));
    expect(byId.get('split')!.map((f) => f.field)).toEqual(['branches']);
    expect((byId.get('split')![0].after as unknown[]).length).toBe(3);
    expect(byId.get('cond')).toEqual([{ field: 'rule', before: { k: 'tag', tag: 'vip', ever: false }, after: { k: 'tag', tag: 'vip', ever: true } }]);
  });

  it('a config key that appears or disappears', () => {
    const d = diffJourneys(base(), edit((j) => {
      delete nodeOf(j, 'out').config.reason;
      nodeOf(j, 'sms').config.extra = 1;
    }));
    const fields = d.nodes.changed.flatMap((c) => c.fields.map((f) => `${c.after.id}:${f.field}:${String(f.before)}->${String(f.after)}`));
    expect(fields).toEqual(['sms:extra:undefined->1', 'out:reason:->undefined']);
  });

  it('position-only changes are moves, not changes; a move with an edit is both', () => {
    const d = diffJourneys(base(), edit((j) => {
      nodeOf(j, 'sms').position = { x: 50, y: 0 };
      nodeOf(j, 'out').position = { x: 0, y: 9 };
      nodeOf(j, 'out').label = 'End';
    }));
    expect(d.nodes.moved).toEqual(['sms', 'out']);
    expect(d.nodes.changed.map((c) => [c.after.id, c.fields.map((f) => f.field)])).toEqual([['out', ['label']]]);
  });

  it('edges compare by what they join, not by id', () => {
    const d = diffJourneys(base(), edit((j) => {
      j.edges[0] = { ...j.edges[0], id: 'e-new' }; // reconnected the same way: no change
      j.edges[1] = { ...j.edges[1], target: 'cond' };
      j.edges.push({ id: 'e9', source: 'cond', sourcePort: 'yes', target: 'out' });
    }));
    expect(d.edges.added.map((e) => e.id)).toEqual(['e2', 'e9']);
    expect(d.edges.removed).toEqual([{ id: 'e2', source: 'split', sourcePort: 'b:a', target: 'sms' }]);
    expect(d.edges.added[0].target).toBe('cond');
  });

  it('notes added, removed and changed', () => {
    const d = diffJourneys(base(), edit((j) => {
      j.notes[0].text = 'changed';
      j.notes.push({ id: 's2', position: { x: 0, y: 0 }, width: 100, height: 50, text: '', color: 'green' });
    }));
    expect(d.notes.changed).toEqual(['s1']);
    expect(d.notes.added.map((n) => n.id)).toEqual(['s2']);
    const d2 = diffJourneys(base(), edit((j) => (j.notes = [])));
    expect(d2.notes.removed.map((n) => n.id)).toEqual(['s1']);
  });

  it('journey fields and settings as leaf paths', () => {
    const d = diffJourneys(base(), edit((j) => {
      j.name = 'Summer';
      j.owner = '';
      j.settings.caps.global.perDay = 3;
      j.settings.caps.perChannel.email = { perDay: 1, perWeek: null };
      j.settings.sendWindow.days = [1, 2, 3];
      j.settings.quietHours.start = '22:00';
      j.settings.exitRule = { k: 'audience', id: 'Unsubscribed' };
    }));
    expect(d.meta).toEqual([
      { field: 'name', before: 'Spring', after: 'Summer' },
      { field: 'owner', before: 'ops', after: '' },
      { field: 'settings.caps.global.perDay', before: 2, after: 3 },
      { field: 'settings.caps.perChannel.email', before: undefined, after: { perDay: 1, perWeek: null } },
      { field: 'settings.quietHours.start', before: '21:00', after: '22:00' },
      { field: 'settings.sendWindow.days', before: [1, 2, 3, 4, 5, 6, 7], after: [1, 2, 3] },
      { field: 'settings.exitRule', before: null, after: { k: 'audience', id: 'Unsubscribed' } },
    ]);
  });
});

describe('diffIsEmpty', () => {
  it('ignoreLayout ignores moves and note edits, but nothing else', () => {
    const layout = diffJourneys(base(), edit((j) => {
      nodeOf(j, 'sms').position = { x: 1, y: 1 };
      j.notes[0].text = 'moved things around';
    }));
    expect(diffIsEmpty(layout)).toBe(false);
    expect(diffIsEmpty(layout, { ignoreLayout: true })).toBe(true);
    for (const f of [
      (j: Journey) => (nodeOf(j, 'sms').label = 'x'),
      (j: Journey) => j.edges.pop(),
      (j: Journey) => j.notes.pop(),
      (j: Journey) => (j.description = 'new'),
      (j: Journey) => j.nodes.push(node('w', 'flow.wait')),
    ]) {
      expect(diffIsEmpty(diffJourneys(base(), edit(f)), { ignoreLayout: true })).toBe(false);
    }
  });
});

describe('deepEqual', () => {
  it('compares structure, not identity or key order', () => {
    expect(deepEqual({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: [] }, { a: {} })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
