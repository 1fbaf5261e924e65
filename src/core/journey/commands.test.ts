import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultJourneySettings, type Journey, type JourneyNode } from '../model/journey';
import { nodeType } from './catalogue';
import {
  MERGE_MS,
  addElements,
  applyChanges,
  applyCommand,
  connect,
  emptyHistory,
  invertChanges,
  moveElements,
  push,
  redo,
  removeElements,
  undo,
  updateMeta,
  updateNode,
  updateNote,
  type Command,
  type History,
} from './commands';
import { configDefaults } from './fields';

function node(id: string, type: string, x: number, config: Record<string, unknown> = {}): JourneyNode {
  return { id, type, label: '', position: { x, y: 0 }, config: { ...configDefaults(nodeType(type)!.fields), ...config } };
}
/** entry -> random split (a: sms -> exit, b: jump to sms), and two notes. */
function small(): Journey {
  return {
    v: 2, id: 'J', name: 'Small', description: '', owner: 'ops', status: 'draft', revision: 0,
    nodes: [
      node('n1', 'entry.audience', 0, { audienceId: 'A1' }),
      node('n2', 'flow.random', 100),
      node('n3', 'action.sms', 200, { content: 'Hi' }),
      node('n4', 'flow.exit', 300),
      node('n5', 'flow.jump', 300, { target: 'n3' }),
    ],
    edges: [
      { id: 'e1', source: 'n1', sourcePort: 'next', target: 'n2' },
      { id: 'e2', source: 'n2', sourcePort: 'b:a', target: 'n3' },
      { id: 'e3', source: 'n2', sourcePort: 'b:b', target: 'n5' },
      { id: 'e4', source: 'n3', sourcePort: 'next', target: 'n4' },
    ],
    notes: [
      { id: 's1', position: { x: 0, y: -100 }, width: 200, height: 80, text: 'one', color: 'yellow' },
      { id: 's2', position: { x: 300, y: -100 }, width: 200, height: 80, text: 'two', color: 'blue' },
    ],
    settings: defaultJourneySettings(), template: null, createdAt: '2026-01-01T00:00', updatedAt: '2026-01-01T00:00',
  };
}

// ---------- random edit intents, turned into commands against the current journey ----------

const pickOf = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const subset = <T>(list: readonly T[], mask: number): T[] => list.filter((_, i) => (mask >> i) & 1);

const intent = fc.oneof(
  fc.record({ k: fc.constant('addNode' as const), type: fc.constantFrom('flow.wait', 'action.sms', 'flow.exit'), x: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ k: fc.constant('addNote' as const), text: fc.string({ maxLength: 10 }) }),
  fc.record({ k: fc.constant('remove' as const), nodes: fc.nat(255), edges: fc.nat(255), notes: fc.nat(7) }),
  fc.record({ k: fc.constant('move' as const), mask: fc.nat(255), notes: fc.nat(7), dx: fc.integer({ min: -50, max: 50 }), dy: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ k: fc.constant('label' as const), i: fc.nat(), label: fc.string({ maxLength: 8 }) }),
  fc.record({ k: fc.constant('config' as const), i: fc.nat(), value: fc.string({ maxLength: 8 }) }),
  fc.record({ k: fc.constant('note' as const), i: fc.nat(), text: fc.string({ maxLength: 8 }), color: fc.constantFrom('yellow', 'blue', 'green', 'pink') as fc.Arbitrary<'yellow'> }),
  fc.record({ k: fc.constant('connect' as const), s: fc.nat(), port: fc.constantFrom('next', 'b:a', 'b:b'), t: fc.nat() }),
  fc.record({ k: fc.constant('meta' as const), name: fc.string({ minLength: 1, maxLength: 8 }), perDay: fc.option(fc.integer({ min: 1, max: 9 })) }),
);
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

function commandFor(j: Journey, it: Intent, fresh: () => string): Command {
  switch (it.k) {
    case 'addNode':
      return addElements('add', { nodes: [node(`n${fresh()}`, it.type, it.x)] });
    case 'addNote':
      return addElements('add', { notes: [{ id: `s${fresh()}`, position: { x: 0, y: 0 }, width: 100, height: 50, text: it.text, color: 'green' }] });
    case 'remove':
      return removeElements(j, { nodes: subset(j.nodes, it.nodes).map((n) => n.id), edges: subset(j.edges, it.edges).map((e) => e.id), notes: subset(j.notes, it.notes).map((n) => n.id) });
    case 'move':
      return moveElements(j, [...subset(j.nodes, it.mask), ...subset(j.notes, it.notes)].map((r) => ({ id: r.id, x: r.position.x + it.dx, y: r.position.y + it.dy })));
    case 'label': {
      const n = pickOf(j.nodes, it.i);
      return n ? updateNode(j, n.id, { label: it.label }) : { label: 'edit', changes: [] };
    }
    case 'config': {
      const n = pickOf(j.nodes, it.i);
      return n ? updateNode(j, n.id, { config: { ...n.config, probe: it.value } }) : { label: 'edit', changes: [] };
    }
    case 'note': {
      const n = pickOf(j.notes, it.i);
      return n ? updateNote(j, n.id, { text: it.text, color: it.color }) : { label: 'edit', changes: [] };
    }
    case 'connect': {
      const s = pickOf(j.nodes, it.s);
      const t = pickOf(j.nodes, it.t);
      return s && t ? connect(j, { id: `e${fresh()}`, source: s.id, sourcePort: it.port, target: t.id }) : { label: 'connect', changes: [] };
    }
    case 'meta':
      return it.perDay === null
        ? updateMeta(j, 'name', it.name)
        : updateMeta(j, 'settings', { ...j.settings, caps: { ...j.settings.caps, global: { ...j.settings.caps.global, perDay: it.perDay } } });
  }
}

/** Apply a script of intents, keeping every state and command (pushes MERGE_MS apart: no merging). */
function run(intents: Intent[]) {
  let n = 100;
  const fresh = () => String(n++);
  const states = [small()];
  const cmds: Command[] = [];
  let h: History = emptyHistory();
  let now = 1_000_000;
  for (const it of intents) {
    const j = states[states.length - 1];
    const cmd = commandFor(j, it, fresh);
    if (cmd.changes.length === 0) continue;
    cmds.push(cmd);
    states.push(applyCommand(j, cmd));
    h = push(h, cmd, (now += 2 * MERGE_MS));
  }
  return { states, cmds, history: h };
}

const script = fc.array(intent, { minLength: 1, maxLength: 25 });

describe('commands: properties over random edit scripts', () => {
  it('a command then its inverse gives back the journey it was applied to', () => {
    fc.assert(
      fc.property(script, (intents) => {
        const { states, cmds } = run(intents);
        cmds.forEach((cmd, i) => {
          expect(applyChanges(states[i + 1], invertChanges(cmd.changes))).toEqual(states[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('undo after N pushes walks back through every state to the start', () => {
    fc.assert(
      fc.property(script, (intents) => {
        const { states, history } = run(intents);
        expect(history.past).toHaveLength(states.length - 1);
        let h = history;
        let j = states[states.length - 1];
        for (let i = states.length - 2; i >= 0; i--) {
          const u = undo(h, j)!;
          expect(u).not.toBeNull();
          ({ history: h, journey: j } = u);
          expect(j).toEqual(states[i]);
        }
        expect(j).toEqual(small());
        expect(undo(h, j)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('redo after undo replays the same states', () => {
    fc.assert(
      fc.property(script, fc.nat(), (intents, k) => {
        const { states, history } = run(intents);
        const back = k % states.length;
        let h = history;
        let j = states[states.length - 1];
        for (let i = 0; i < back; i++) ({ history: h, journey: j } = undo(h, j)!);
        for (let i = states.length - 1 - back + 1; i < states.length; i++) {
          ({ history: h, journey: j } = redo(h, j)!);
          expect(j).toEqual(states[i]);
        }
        expect(redo(h, j)).toBeNull();
        expect(h.past).toHaveLength(history.past.length);
      }),
      { numRuns: 200 },
    );
  });

  it('a new command after undo drops the redo stack', () => {
    const { states, history } = run([{ k: 'label', i: 0, label: 'a' }, { k: 'addNote', text: 'x' }]);
    const u = undo(history, states[2])!;
    const cmd = updateNode(u.journey, 'n2', { label: 'b' });
    const h = push(u.history, cmd, 9_999_999);
    expect(h.future).toEqual([]);
    expect(redo(h, applyCommand(u.journey, cmd))).toBeNull();
  });

  it('commands with one mergeKey within MERGE_MS are one undo step that restores the state before the first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dx: fc.integer({ min: -30, max: 30 }), dy: fc.integer({ min: 1, max: 30 }), gap: fc.integer({ min: 0, max: MERGE_MS - 1 }) }), { minLength: 2, maxLength: 12 }),
        fc.constantFrom(['n3'], ['n3', 's1'], ['n2', 'n4']),
        (steps, ids) => {
          // One unrelated step first: the merged drag must not fold into it.
          const start = applyCommand(small(), updateNode(small(), 'n1', { label: 'before' }));
          let h = push(emptyHistory(), updateNode(small(), 'n1', { label: 'before' }), 0);
          let j = start;
          let now = 10 * MERGE_MS;
          for (const s of steps) {
            const moves = ids.map((id) => {
              const r = [...j.nodes, ...j.notes].find((x) => x.id === id)!;
              return { id, x: r.position.x + s.dx, y: r.position.y + s.dy };
            });
            const cmd = moveElements(j, moves);
            j = applyCommand(j, cmd);
            h = push(h, cmd, (now += s.gap));
          }
          expect(h.past).toHaveLength(2);
          const u = undo(h, j)!;
          expect(u.journey).toEqual(start);
          expect(redo(u.history, u.journey)!.journey).toEqual(j);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the same mergeKey after MERGE_MS, or another key, starts a new undo step', () => {
    const j0 = small();
    const a = updateNode(j0, 'n3', { label: 'H' });
    const j1 = applyCommand(j0, a);
    const b = updateNode(j1, 'n3', { label: 'Hi' });
    expect(push(push(emptyHistory(), a, 1_000_000), b, 1_000_000 + MERGE_MS).past).toHaveLength(2);
    const c = updateNode(j1, 'n4', { label: 'x' });
    expect(push(push(emptyHistory(), a, 1_000_000), c, 1_000_001).past).toHaveLength(2);
    expect(push(push(emptyHistory(), a, 1_000_000), b, 1_000_001).past).toHaveLength(1);
  });

  it('removing nodes removes exactly the edges that touch them', () => {
    fc.assert(
      fc.property(script, fc.nat(255), (intents, mask) => {
        const { states } = run(intents);
        const j = states[states.length - 1];
        const gone = new Set(subset(j.nodes, mask).map((n) => n.id));
        const next = applyCommand(j, removeElements(j, { nodes: gone }));
        expect(next.nodes.map((n) => n.id)).toEqual(j.nodes.filter((n) => !gone.has(n.id)).map((n) => n.id));
        expect(next.edges).toEqual(j.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)));
        expect(next.notes).toEqual(j.notes);
      }),
      { numRuns: 200 },
    );
  });

  it('connect replaces the edge already leaving that port, and only it', () => {
    fc.assert(
      fc.property(script, fc.nat(), fc.constantFrom('next', 'b:a', 'b:b'), fc.nat(), (intents, s, port, t) => {
        const { states } = run(intents);
        const j = states[states.length - 1];
        const src = pickOf(j.nodes, s);
        const dst = pickOf(j.nodes, t);
        if (!src || !dst) return;
        const next = applyCommand(j, connect(j, { id: 'e-new', source: src.id, sourcePort: port, target: dst.id }));
        expect(next.edges.filter((e) => e.source === src.id && e.sourcePort === port)).toEqual([{ id: 'e-new', source: src.id, sourcePort: port, target: dst.id }]);
        expect(next.edges.filter((e) => e.id !== 'e-new')).toEqual(j.edges.filter((e) => !(e.source === src.id && e.sourcePort === port)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('commands: examples', () => {
  it('undo of a delete puts nodes, edges and notes back where they were in their lists', () => {
    const j = small();
    const cmd = removeElements(j, { nodes: ['n2'], notes: ['s1'] });
    const after = applyCommand(j, cmd);
    expect(after.nodes.map((n) => n.id)).toEqual(['n1', 'n3', 'n4', 'n5']);
    expect(after.edges.map((e) => e.id)).toEqual(['e4']);
    expect(applyChanges(after, invertChanges(cmd.changes))).toEqual(j);
  });

  it('updateMeta records the value before, and undo restores it', () => {
    const j = small();
    const cmd = updateMeta(j, 'name', 'Renamed');
    const after = applyCommand(j, cmd);
    expect(after.name).toBe('Renamed');
    expect(applyChanges(after, invertChanges(cmd.changes)).name).toBe('Small');
  });

  it('a command with no changes is not recorded', () => {
    const j = small();
    expect(push(emptyHistory(), moveElements(j, [{ id: 'n1', x: 0, y: 0 }]), 5)).toEqual(emptyHistory());
    expect(updateNode(j, 'nope', { label: 'x' }).changes).toEqual([]);
  });
});
