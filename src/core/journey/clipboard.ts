import { z } from 'zod';
import { JourneyEdgeSchema, JourneyNodeSchema, JourneyNoteSchema, type Journey, type JourneyEdge, type JourneyNode, type JourneyNote } from '../model/journey';
import { nodeType } from './catalogue';
import type { IdFactory } from './ids';

/**
 * Copy and paste of a part of a journey, within a journey or between journeys and tabs (the text
 * goes through the system clipboard). A fragment is a small versioned document: what was
 * selected, with the edges between selected nodes only. Pasting makes fresh records for
 * commands.addElements; nothing in a paste shares an object or an id with what was copied.
 */
export const FragmentSchema = z
  .object({
    format: z.literal('meridian.fragment'),
    v: z.literal(1),
    nodes: z.array(JourneyNodeSchema).max(5000),
    edges: z.array(JourneyEdgeSchema).max(20000),
    notes: z.array(JourneyNoteSchema).max(1000),
  })
  .superRefine((f, ctx) => {
    const ids = new Set(f.nodes.map((n) => n.id));
    if (ids.size !== f.nodes.length) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'node ids must be unique' });
    f.edges.forEach((e, i) => {
      if (!ids.has(e.source) || !ids.has(e.target)) ctx.addIssue({ code: 'custom', path: ['edges', i], message: 'an edge must join two nodes of the fragment' });
    });
  });
export type Fragment = z.infer<typeof FragmentSchema>;

/** Clipboard text larger than this is not something we copied. */
const MAX_FRAGMENT_CHARS = 5 * 1024 * 1024;

const clone = <T>(x: T): T => structuredClone(x);

export function copyFragment(j: Journey, sel: { nodes: Iterable<string>; notes: Iterable<string> }): Fragment {
  const nodeIds = new Set(sel.nodes);
  const noteIds = new Set(sel.notes);
  return {
    format: 'meridian.fragment',
    v: 1,
    nodes: clone(j.nodes.filter((n) => nodeIds.has(n.id))),
    edges: clone(j.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target))),
    notes: clone(j.notes.filter((n) => noteIds.has(n.id))),
  };
}

/** The text put on the clipboard; normalised through the schema, so serialize(parse(serialize(f))) is the same text. */
export function serializeFragment(f: Fragment): string {
  const p = FragmentSchema.safeParse(f);
  return JSON.stringify(p.success ? p.data : f);
}

/** Whatever the clipboard holds: a fragment we can paste, or null (never throws). */
export function parseFragment(text: string): Fragment | null {
  if (typeof text !== 'string' || text.length > MAX_FRAGMENT_CHARS || !text.trimStart().startsWith('{')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const p = FragmentSchema.safeParse(raw);
  return p.success ? p.data : null;
}

/**
 * Fresh ids for everything, edges re-joined to the new nodes, positions offset. A reference to
 * another node in a config (a jump's target) follows the copy when its target was copied too,
 * and is cleared otherwise: pointing into another journey, or back at the original, would
 * silently mean something else.
 */
export function pasteFragment(
  f: Fragment,
  opts: { newId: IdFactory; offset: { x: number; y: number } },
): { nodes: JourneyNode[]; edges: JourneyEdge[]; notes: JourneyNote[] } {
  const { x: dx, y: dy } = opts.offset;
  const ids = new Map(f.nodes.map((n) => [n.id, opts.newId('n')]));
  const nodes = f.nodes.map((n): JourneyNode => {
    const config = clone(n.config);
    const nt = nodeType(n.type);
    for (const [key, field] of Object.entries(nt?.fields ?? {})) {
      if (field.kind !== 'node' || typeof config[key] !== 'string' || config[key] === '') continue;
      config[key] = ids.get(config[key]) ?? '';
    }
    return { ...n, id: ids.get(n.id)!, position: { x: n.position.x + dx, y: n.position.y + dy }, config };
  });
  const edges = f.edges.flatMap((e): JourneyEdge[] => {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    return source && target ? [{ id: opts.newId('e'), source, sourcePort: e.sourcePort, target }] : [];
  });
  const notes = f.notes.map((n): JourneyNote => ({ ...n, id: opts.newId('s'), position: { x: n.position.x + dx, y: n.position.y + dy } }));
  return { nodes, edges, notes };
}
