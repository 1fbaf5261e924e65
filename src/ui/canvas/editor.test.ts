import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import { nodeType } from '../../core/journey/catalogue';
import { addElements, connect, moveElements, updateNode } from '../../core/journey/commands';
import { configDefaults } from '../../core/journey/fields';
import { sequentialIds } from '../../core/journey/ids';
import { defaultJourneySettings, type Journey, type JourneyNode } from '../../core/model/journey';
import { ACTIONS, actionForCombo, comboOf, isTypingTarget, runAction, type ActionContext } from './actions';
import { createEditorStore, EMPTY_SELECTION } from './editorStore';
import { createFlowDeriver, issueCounts, readNodeChanges } from './flowModel';
import { searchNodes } from './search';

function node(id: string, type: string, x = 0, config: Record<string, unknown> = {}): JourneyNode {
  return { id, type, label: '', position: { x, y: 0 }, config: { ...configDefaults(nodeType(type)!.fields), ...config } };
}
function journey(): Journey {
  return {
    v: 2, id: 'J', name: 'Test', description: '', owner: '', status: 'draft', revision: 0,
    nodes: [node('in', 'entry.audience', 0, { audienceId: 'A1' }), node('sms', 'action.sms', 300), node('out', 'flow.exit', 600)],
    edges: [{ id: 'e1', source: 'in', sourcePort: 'next', target: 'sms' }],
    notes: [{ id: 's1', position: { x: 0, y: 200 }, width: 200, height: 120, text: 'hello', color: 'yellow' }],
    settings: defaultJourneySettings(), template: null, createdAt: '2026-01-01T00:00', updatedAt: '2026-01-01T00:00',
  };
}

function clock() {
  let t = 0;
  return { now: () => t, tick: (ms: number) => (t += ms) };
}

describe('editor store', () => {
  it('a drag (many position changes) is one undo step; undo puts the node back, redo moves it again', () => {
    const c = clock();
    const store = createEditorStore(journey(), false, c.now);
    for (let x = 310; x <= 400; x += 10) {
      const s = store.getState();
      const intent = readNodeChanges([{ type: 'position', id: 'sms', position: { x, y: 5 }, dragging: true }], s.journey, s.selection);
      s.dispatch(moveElements(s.journey, intent.moves));
      c.tick(16);
    }
    expect(store.getState().journey.nodes[1].position).toEqual({ x: 400, y: 5 });
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().journey.nodes[1].position).toEqual({ x: 300, y: 0 });
    store.getState().redo();
    expect(store.getState().journey.nodes[1].position).toEqual({ x: 400, y: 5 });
  });

  it('typing into one field is one step; another field is another; undo reverts the content', () => {
    const c = clock();
    const store = createEditorStore(journey(), false, c.now);
    for (const text of ['H', 'Hi', 'Hi {{name}}']) {
      const s = store.getState();
      const n = s.journey.nodes.find((x) => x.id === 'sms')!;
      s.dispatch(updateNode(s.journey, 'sms', { config: { ...n.config, content: text } }, 'node:sms:content'));
      c.tick(100);
    }
    const s = store.getState();
    s.dispatch(updateNode(s.journey, 'sms', { label: 'Welcome' }, 'node:sms:label'));
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().journey.nodes[1].label).toBe('');
    expect(store.getState().journey.nodes[1].config.content).toBe('Hi {{name}}');
    store.getState().undo();
    expect(store.getState().journey.nodes[1].config.content).toBe('');
    expect(store.getState().undo()).toBeNull();
  });

  it('read-only refuses every edit, undo and redo', () => {
    const store = createEditorStore(journey(), true);
    const before = store.getState().journey;
    store.getState().dispatch(connect(before, { id: 'e2', source: 'sms', sourcePort: 'next', target: 'out' }));
    expect(store.getState().journey).toBe(before);
    expect(store.getState().undo()).toBeNull();
  });

  it('selection drops ids whose records were removed', () => {
    const store = createEditorStore(journey(), false);
    store.getState().select({ nodes: ['sms'], notes: [], edges: ['e1'] });
    runAction(ACTIONS.find((a) => a.id === 'delete')!, ctxFor(store));
    expect(store.getState().journey.nodes.map((n) => n.id)).toEqual(['in', 'out']);
    expect(store.getState().journey.edges).toEqual([]);
    expect(store.getState().selection).toEqual(EMPTY_SELECTION);
  });
});

function ctxFor(store: ReturnType<typeof createEditorStore>, system: ActionContext['systemClipboard'] = null): ActionContext {
  const notes: string[] = [];
  return {
    store,
    clipboard: { text: null, pastes: 0 },
    systemClipboard: system,
    newId: sequentialIds(100),
    view: {
      fitView: () => notes.push('fit'),
      focusSearch: () => notes.push('search'),
      autoLayout: async () => void notes.push('layout'),
      togglePresent: () => notes.push('present'),
      toggleMinimap: () => notes.push('minimap'),
      toggleSelectMode: () => notes.push('select'),
      openSettings: () => notes.push('settings'),
      addNote: () => notes.push('note'),
      notify: (k) => notes.push(`notify:${k}`),
    },
  };
}

describe('flow model', () => {
  it('hands React Flow the same object for an unchanged node, a new one for a moved or selected node', () => {
    const d = createFlowDeriver();
    const j = journey();
    const base = { selection: EMPTY_SELECTION, sizes: new Map(), issues: new Map(), readOnly: false };
    const a = d.nodes({ ...base, journey: j });
    const moved = createEditorStore(j, false);
    moved.getState().dispatch(moveElements(j, [{ id: 'sms', x: 50, y: 50 }]));
    const b = d.nodes({ ...base, journey: moved.getState().journey });
    const byId = (list: typeof a) => new Map(list.map((n) => [n.id, n]));
    expect(byId(b).get('in')).toBe(byId(a).get('in'));
    expect(byId(b).get('s1')).toBe(byId(a).get('s1'));
    expect(byId(b).get('sms')).not.toBe(byId(a).get('sms'));
    expect(byId(b).get('sms')!.position).toEqual({ x: 50, y: 50 });
    const c = d.nodes({ ...base, journey: moved.getState().journey, selection: { nodes: ['in'], notes: [], edges: [] } });
    expect(byId(c).get('in')).not.toBe(byId(a).get('in'));
    expect(byId(c).get('in')!.selected).toBe(true);
    expect(byId(c).get('out')).toBe(byId(a).get('out'));
  });

  it('issue counts reach the node data; notes come first and are never validated', () => {
    const d = createFlowDeriver();
    const counts = issueCounts([
      { code: 'x', severity: 'error', nodeId: 'sms', message: { en: '', zh: '' } },
      { code: 'y', severity: 'warning', nodeId: 'sms', message: { en: '', zh: '' } },
      { code: 'z', severity: 'error', message: { en: '', zh: '' } },
    ]);
    const list = d.nodes({ journey: journey(), selection: EMPTY_SELECTION, sizes: new Map(), issues: counts, readOnly: false });
    expect(list[0].type).toBe('note');
    const sms = list.find((n) => n.id === 'sms')!;
    expect(sms.type === 'journey' && sms.data.issues).toEqual({ errors: 1, warnings: 1 });
  });

  it('reads React Flow changes as moves, sizes and selection, never as a stored node object', () => {
    const j = journey();
    const changes: NodeChange[] = [
      { type: 'position', id: 'sms', position: { x: 10.4, y: 20.6 }, dragging: true },
      { type: 'dimensions', id: 'in', dimensions: { width: 220, height: 84 } },
      { type: 'select', id: 's1', selected: true },
      { type: 'select', id: 'out', selected: true },
    ];
    const intent = readNodeChanges(changes, j, EMPTY_SELECTION);
    expect(intent.moves).toEqual([{ id: 'sms', x: 10, y: 21 }]);
    expect(intent.sizes).toEqual([{ id: 'in', size: { width: 220, height: 84 } }]);
    expect(intent.selection).toEqual({ nodes: ['out'], notes: ['s1'], edges: [] });
  });
});

describe('actions', () => {
  it('maps key combos to the registry, Ctrl and Cmd alike', () => {
    const ev = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(actionForCombo(comboOf(ev('z', { ctrlKey: true })))?.id).toBe('undo');
    expect(actionForCombo(comboOf(ev('z', { metaKey: true })))?.id).toBe('undo');
    expect(actionForCombo(comboOf(ev('Z', { ctrlKey: true, shiftKey: true })))?.id).toBe('redo');
    expect(actionForCombo(comboOf(ev('y', { ctrlKey: true })))?.id).toBe('redo');
    expect(actionForCombo(comboOf(ev('Delete')))?.id).toBe('delete');
    expect(actionForCombo(comboOf(ev('Backspace')))?.id).toBe('delete');
    expect(actionForCombo(comboOf(ev('L', { shiftKey: true })))?.id).toBe('autoLayout');
    expect(actionForCombo(comboOf(ev('f')))?.id).toBe('fitView');
    expect(actionForCombo(comboOf(ev('f', { ctrlKey: true })))?.id).toBe('search');
    expect(actionForCombo(comboOf(ev('p')))?.id).toBe('present');
    expect(actionForCombo(comboOf(ev('x')))).toBeUndefined();
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
  });

  it('copy then paste adds fresh copies (with their inner edge) as one undo step, selected; falls back to memory when the clipboard is refused', async () => {
    const c = clock();
    const store = createEditorStore(journey(), false, c.now);
    const refused = { write: () => Promise.reject(new Error('denied')), read: () => Promise.reject(new Error('denied')) };
    const ctx = ctxFor(store, refused);
    store.getState().select({ nodes: ['in', 'sms'], notes: [], edges: [] });
    expect(runAction(ACTIONS.find((a) => a.id === 'copy')!, ctx)).toBe(true);
    await ACTIONS.find((a) => a.id === 'paste')!.perform(ctx);
    const j = store.getState().journey;
    expect(j.nodes).toHaveLength(5);
    expect(j.edges).toHaveLength(2);
    const pasted = store.getState().selection.nodes;
    expect(pasted).toHaveLength(2);
    expect(pasted.some((id) => id === 'in' || id === 'sms')).toBe(false);
    const copyOfSms = j.nodes.find((n) => pasted.includes(n.id) && n.type === 'action.sms')!;
    expect(copyOfSms.position).toEqual({ x: 340, y: 40 });
    store.getState().undo();
    expect(store.getState().journey.nodes).toHaveLength(3);
  });

  it('paste reads a fragment from the system clipboard (another journey copied it)', async () => {
    const src = createEditorStore(journey(), false);
    const text: { v: string } = { v: '' };
    const system = { write: async (s: string) => void (text.v = s), read: async () => text.v };
    src.getState().select({ nodes: ['sms'], notes: ['s1'], edges: [] });
    runAction(ACTIONS.find((a) => a.id === 'copy')!, ctxFor(src, system));
    await Promise.resolve();
    const other = createEditorStore({ ...journey(), id: 'K', nodes: [], edges: [], notes: [] }, false);
    await ACTIONS.find((a) => a.id === 'paste')!.perform(ctxFor(other, system));
    expect(other.getState().journey.nodes.map((n) => n.type)).toEqual(['action.sms']);
    expect(other.getState().journey.notes.map((n) => n.text)).toEqual(['hello']);
  });

  it('undo and redo are disabled with empty stacks; read-only allows only safe actions', () => {
    const store = createEditorStore(journey(), false);
    const ctx = ctxFor(store);
    expect(ACTIONS.find((a) => a.id === 'undo')!.enabled(ctx)).toBe(false);
    store.getState().dispatch(addElements('add', { nodes: [node('n9', 'flow.wait')] }));
    expect(ACTIONS.find((a) => a.id === 'undo')!.enabled(ctx)).toBe(true);
    expect(ACTIONS.find((a) => a.id === 'redo')!.enabled(ctx)).toBe(false);
    store.getState().setReadOnly(true);
    store.getState().select({ nodes: ['n9'], notes: [], edges: [] });
    expect(runAction(ACTIONS.find((a) => a.id === 'delete')!, ctx)).toBe(false);
    expect(runAction(ACTIONS.find((a) => a.id === 'fitView')!, ctx)).toBe(true);
    expect(store.getState().journey.nodes).toHaveLength(4);
  });

  it('search finds nodes by type title, label and summary', () => {
    const j = journey();
    j.nodes[2] = { ...j.nodes[2], label: 'Goodbye' };
    expect(searchNodes(j, 'sms', 'en')).toEqual(['sms']);
    expect(searchNodes(j, 'goodb', 'en')).toEqual(['out']);
    expect(searchNodes(j, '短信', 'zh')).toEqual(['sms']);
    expect(searchNodes(j, '  ', 'en')).toEqual([]);
  });
});
