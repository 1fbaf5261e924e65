import type { Journey, JourneyEdge, JourneyNode, JourneyNote } from '../model/journey';
import { nodeType } from './catalogue';

/**
 * What changed between two versions of a journey (a published version and the draft, or two
 * published versions), for the versions dialog and for "is there anything to publish?".
 * Nodes and notes are matched by id; edges by what they join (source, port, target), since
 * reconnecting the same two nodes makes a new edge id but means the same thing.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface JourneyDiff {
  nodes: { added: JourneyNode[]; removed: JourneyNode[]; changed: { before: JourneyNode; after: JourneyNode; fields: FieldChange[] }[]; moved: string[] };
  edges: { added: JourneyEdge[]; removed: JourneyEdge[] };
  notes: { added: JourneyNote[]; removed: JourneyNote[]; changed: string[] };
  /** Leaf paths: 'name', 'description', 'owner', 'settings.caps.global.perDay', … */
  meta: FieldChange[];
}

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

/**
 * Changes as leaf paths: objects are walked key by key, arrays index by index when their length
 * is the same (a branch's percent: 'branches.1.percent'); an array that grew or shrank, and a
 * value in `atomic` (a rule: its AST paths mean nothing to a reader), is one change as a whole.
 */
function leafChanges(path: string, a: unknown, b: unknown, atomic: (path: string) => boolean, out: FieldChange[]): void {
  if (deepEqual(a, b)) return;
  const join = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (!atomic(path) && isPlain(a) && isPlain(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) leafChanges(join(k), a[k], b[k], atomic, out);
  } else if (!atomic(path) && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => leafChanges(join(i), x, b[i], atomic, out));
  } else {
    out.push({ field: path, before: a, after: b });
  }
}

const META_ATOMIC = new Set(['settings.goal.rule', 'settings.exitRule']);

function nodeFields(before: JourneyNode, after: JourneyNode): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.type !== after.type) out.push({ field: 'type', before: before.type, after: after.type });
  if (before.label !== after.label) out.push({ field: 'label', before: before.label, after: after.label });
  const fields = nodeType(after.type)?.fields ?? {};
  // Config keys are the field names; a rule field is compared as a whole.
  leafChanges('', before.config, after.config, (p) => fields[p]?.kind === 'rule', out);
  return out;
}

const edgeKey = (e: JourneyEdge) => `${e.source}\u0000${e.sourcePort}\u0000${e.target}`;

/** Records of `a` with no counterpart in `b`, counting duplicates (a multiset difference). */
function missingFrom(a: readonly JourneyEdge[], b: readonly JourneyEdge[]): JourneyEdge[] {
  const count = new Map<string, number>();
  for (const e of b) count.set(edgeKey(e), (count.get(edgeKey(e)) ?? 0) + 1);
  return a.filter((e) => {
    const n = count.get(edgeKey(e)) ?? 0;
    if (n > 0) count.set(edgeKey(e), n - 1);
    return n === 0;
  });
}

export function diffJourneys(before: Journey, after: Journey): JourneyDiff {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const nodes: JourneyDiff['nodes'] = {
    added: after.nodes.filter((n) => !oldNodes.has(n.id)),
    removed: before.nodes.filter((n) => !newNodes.has(n.id)),
    changed: [],
    moved: [],
  };
  for (const n of after.nodes) {
    const o = oldNodes.get(n.id);
    if (!o) continue;
    const fields = nodeFields(o, n);
    if (fields.length) nodes.changed.push({ before: o, after: n, fields });
    if (o.position.x !== n.position.x || o.position.y !== n.position.y) nodes.moved.push(n.id);
  }

  const oldNotes = new Map(before.notes.map((n) => [n.id, n]));
  const newNotes = new Map(after.notes.map((n) => [n.id, n]));
  const notes: JourneyDiff['notes'] = {
    added: after.notes.filter((n) => !oldNotes.has(n.id)),
    removed: before.notes.filter((n) => !newNotes.has(n.id)),
    changed: after.notes.filter((n) => oldNotes.has(n.id) && !deepEqual(oldNotes.get(n.id), n)).map((n) => n.id),
  };

  const meta: FieldChange[] = [];
  for (const k of ['name', 'description', 'owner'] as const) if (before[k] !== after[k]) meta.push({ field: k, before: before[k], after: after[k] });
  leafChanges('settings', before.settings, after.settings, (p) => META_ATOMIC.has(p), meta);

  return { nodes, edges: { added: missingFrom(after.edges, before.edges), removed: missingFrom(before.edges, after.edges) }, notes, meta };
}

/** Nothing changed; with ignoreLayout, moved nodes and edited notes do not count (they change no member's path). */
export function diffIsEmpty(d: JourneyDiff, opts: { ignoreLayout?: boolean } = {}): boolean {
  const layout = opts.ignoreLayout ? 0 : d.nodes.moved.length + d.notes.changed.length;
  return (
    layout +
      d.nodes.added.length + d.nodes.removed.length + d.nodes.changed.length +
      d.edges.added.length + d.edges.removed.length +
      d.notes.added.length + d.notes.removed.length +
      d.meta.length ===
    0
  );
}
