import type { Journey, JourneyEdge, JourneyNode, JourneyNote, JourneySettings } from '../model/journey';

/**
 * Every edit of a journey is a command: a list of record changes (before → after) over the
 * journey's nodes, edges, notes and its few top-level fields. Applying the changes is the only
 * way the editor changes a journey; undo applies the inverse (tldraw's history of record diffs).
 * Commands are data, so they can be logged, merged (a drag is one command) and tested.
 */
export type Change =
  | { coll: 'nodes'; id: string; before: JourneyNode | null; after: JourneyNode | null; at?: number }
  | { coll: 'edges'; id: string; before: JourneyEdge | null; after: JourneyEdge | null; at?: number }
  | { coll: 'notes'; id: string; before: JourneyNote | null; after: JourneyNote | null; at?: number }
  | { coll: 'meta'; id: MetaField; before: unknown; after: unknown };
// `at`: where a removed record stood in its list when the change applies, so that undoing the
// removal puts it back in place (list order is drawing order: notes and nodes overlap by it).
// An insertion without `at` appends.

export type MetaField = 'name' | 'description' | 'owner' | 'settings';

export interface Command {
  /** What the user did, for the undo button's tooltip (an action id of the editor). */
  label: string;
  changes: Change[];
  /** Consecutive commands with the same key within MERGE_MS become one undo step (a drag, typing). */
  mergeKey?: string;
}

type Rec = { id: string };
/** Changes apply in order, each to the list the previous one left (removal splices, insertion at `at` or the end). */
function applyColl<T extends Rec>(list: T[], changes: { id: string; before: T | null; after: T | null; at?: number }[]): T[] {
  if (changes.length === 0) return list;
  const out = list.slice();
  let byId: Map<string, number> | null = null;
  const indexOf = (id: string) => (byId ??= new Map(out.map((r, i) => [r.id, i]))).get(id);
  for (const c of changes) {
    const i = indexOf(c.id);
    if (c.after === null) {
      if (i === undefined) continue;
      out.splice(i, 1);
      if (i === out.length) byId!.delete(c.id);
      else byId = null;
    } else if (i !== undefined) {
      out[i] = c.after;
    } else if (c.at === undefined || c.at >= out.length) {
      byId!.set(c.id, out.length);
      out.push(c.after);
    } else {
      out.splice(Math.max(0, c.at), 0, c.after);
      byId = null;
    }
  }
  return out;
}

export function applyChanges(j: Journey, changes: readonly Change[]): Journey {
  const nodes: Extract<Change, { coll: 'nodes' }>[] = [];
  const edges: Extract<Change, { coll: 'edges' }>[] = [];
  const notes: Extract<Change, { coll: 'notes' }>[] = [];
  let next: Journey = j;
  for (const c of changes) {
    if (c.coll === 'nodes') nodes.push(c);
    else if (c.coll === 'edges') edges.push(c);
    else if (c.coll === 'notes') notes.push(c);
    else next = { ...next, [c.id]: c.after };
  }
  return { ...next, nodes: applyColl(j.nodes, nodes), edges: applyColl(j.edges, edges), notes: applyColl(j.notes, notes) };
}

export function invertChanges(changes: readonly Change[]): Change[] {
  return changes
    .slice()
    .reverse()
    .map((c) => ({ ...c, before: c.after, after: c.before }) as Change);
}

export function applyCommand(j: Journey, cmd: Command): Journey {
  return applyChanges(j, cmd.changes);
}

// ---------- building commands from intents ----------

const put = <T extends Rec>(coll: 'nodes' | 'edges' | 'notes', before: T | null, after: T | null): Change =>
  ({ coll, id: (after ?? before)!.id, before, after }) as Change;

/** Removals of the records matching `gone`, last first, each knowing its index (see Change.at). */
function removals<T extends Rec>(coll: 'nodes' | 'edges' | 'notes', list: readonly T[], gone: (r: T) => boolean): Change[] {
  const out: Change[] = [];
  for (let i = list.length - 1; i >= 0; i--) if (gone(list[i])) out.push({ ...put(coll, list[i], null), at: i } as Change);
  return out;
}

export function addElements(label: string, add: { nodes?: JourneyNode[]; edges?: JourneyEdge[]; notes?: JourneyNote[] }): Command {
  return {
    label,
    changes: [
      ...(add.nodes ?? []).map((n) => put('nodes', null, n)),
      ...(add.notes ?? []).map((n) => put('notes', null, n)),
      ...(add.edges ?? []).map((e) => put('edges', null, e)),
    ],
  };
}

/** Removing nodes also removes the edges that touch them, so no edge ever dangles. */
export function removeElements(j: Journey, ids: { nodes?: Iterable<string>; edges?: Iterable<string>; notes?: Iterable<string> }): Command {
  const nodeIds = new Set(ids.nodes ?? []);
  const edgeIds = new Set(ids.edges ?? []);
  const noteIds = new Set(ids.notes ?? []);
  const changes: Change[] = [
    ...removals('edges', j.edges, (e) => edgeIds.has(e.id) || nodeIds.has(e.source) || nodeIds.has(e.target)),
    ...removals('nodes', j.nodes, (n) => nodeIds.has(n.id)),
    ...removals('notes', j.notes, (n) => noteIds.has(n.id)),
  ];
  return { label: 'delete', changes };
}

export function moveElements(j: Journey, moves: { id: string; x: number; y: number }[]): Command {
  const to = new Map(moves.map((m) => [m.id, m]));
  const changes: Change[] = [];
  for (const n of j.nodes) {
    const m = to.get(n.id);
    if (m && (m.x !== n.position.x || m.y !== n.position.y)) changes.push(put('nodes', n, { ...n, position: { x: m.x, y: m.y } }));
  }
  for (const n of j.notes) {
    const m = to.get(n.id);
    if (m && (m.x !== n.position.x || m.y !== n.position.y)) changes.push(put('notes', n, { ...n, position: { x: m.x, y: m.y } }));
  }
  return { label: 'move', changes, mergeKey: `move:${moves.map((m) => m.id).sort().join(',')}` };
}

export function updateNode(j: Journey, id: string, patch: Partial<Pick<JourneyNode, 'config' | 'label'>>, mergeKey?: string): Command {
  const n = j.nodes.find((x) => x.id === id);
  if (!n) return { label: 'edit', changes: [] };
  return { label: 'edit', changes: [put('nodes', n, { ...n, ...patch })], mergeKey: mergeKey ?? `node:${id}` };
}

export function updateNote(j: Journey, id: string, patch: Partial<Omit<JourneyNote, 'id'>>, mergeKey?: string): Command {
  const n = j.notes.find((x) => x.id === id);
  if (!n) return { label: 'edit', changes: [] };
  return { label: 'edit', changes: [put('notes', n, { ...n, ...patch })], mergeKey: mergeKey ?? `note:${id}` };
}

/** An output port leads to one node: connecting it again replaces its edge. */
export function connect(j: Journey, edge: JourneyEdge): Command {
  const changes = removals('edges', j.edges, (e) => e.source === edge.source && e.sourcePort === edge.sourcePort);
  changes.push(put('edges', null, edge));
  return { label: 'connect', changes };
}

export function updateMeta(j: Journey, field: MetaField, after: string | JourneySettings): Command {
  return { label: field === 'settings' ? 'settings' : 'rename', changes: [{ coll: 'meta', id: field, before: j[field], after }], mergeKey: `meta:${field}` };
}

// ---------- history ----------

export const MERGE_MS = 1000;
export const HISTORY_LIMIT = 200;

interface Entry {
  cmd: Command;
  at: number;
}

/**
 * Undo and redo stacks of commands. `push` records a command already applied; a command with
 * the mergeKey of the last one, within MERGE_MS, folds into it (one drag = one undo step).
 * Immutable: every operation returns a new history, so it can live in React or zustand state.
 */
export interface History {
  past: Entry[];
  future: Entry[];
}
export const emptyHistory = (): History => ({ past: [], future: [] });

export function push(h: History, cmd: Command, now: number): History {
  if (cmd.changes.length === 0) return h;
  const last = h.past[h.past.length - 1];
  if (last && cmd.mergeKey && last.cmd.mergeKey === cmd.mergeKey && now - last.at < MERGE_MS) {
    const merged: Command = { ...last.cmd, changes: squash([...last.cmd.changes, ...cmd.changes]) };
    return { past: [...h.past.slice(0, -1), { cmd: merged, at: now }], future: [] };
  }
  return { past: [...h.past, { cmd, at: now }].slice(-HISTORY_LIMIT), future: [] };
}

/** Several changes of one record become one: the first before, the last after. */
function squash(changes: Change[]): Change[] {
  const out = new Map<string, Change>();
  for (const c of changes) {
    const k = `${c.coll}:${c.id}`;
    const prev = out.get(k);
    out.delete(k);
    out.set(k, prev ? ({ ...c, before: prev.before } as Change) : c);
  }
  return [...out.values()];
}

export function undo(h: History, j: Journey): { history: History; journey: Journey; cmd: Command } | null {
  const last = h.past[h.past.length - 1];
  if (!last) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [...h.future, { ...last, at: 0 }] },
    journey: applyChanges(j, invertChanges(last.cmd.changes)),
    cmd: last.cmd,
  };
}

export function redo(h: History, j: Journey): { history: History; journey: Journey; cmd: Command } | null {
  const next = h.future[h.future.length - 1];
  if (!next) return null;
  return {
    history: { past: [...h.past, { ...next, at: 0 }], future: h.future.slice(0, -1) },
    journey: applyChanges(j, next.cmd.changes),
    cmd: next.cmd,
  };
}
