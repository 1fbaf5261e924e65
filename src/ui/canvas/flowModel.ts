import { MarkerType, type Edge, type EdgeChange, type Node, type NodeChange } from '@xyflow/react';
import type { ValidationIssue } from '../../core/journey/validate';
import type { Journey, JourneyEdge, JourneyNode, JourneyNote } from '../../core/model/journey';
import type { Selection, Size } from './editorStore';

/**
 * React Flow's view of a journey, derived and never stored. Each RF object is cached against the
 * journey record it came from (applyChanges keeps untouched records identical), so an unchanged
 * node hands React Flow the very same object and its memoised view does not render again.
 */
export interface IssueCount {
  errors: number;
  warnings: number;
}
export const NO_ISSUES: IssueCount = { errors: 0, warnings: 0 };

export type JourneyFlowNode = Node<{ node: JourneyNode; issues: IssueCount }, 'journey'>;
export type NoteFlowNode = Node<{ note: JourneyNote }, 'note'>;
export type FlowNode = JourneyFlowNode | NoteFlowNode;
export type FlowEdge = Edge;

const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18 };
export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 90 };

export function issueCounts(issues: readonly ValidationIssue[]): Map<string, IssueCount> {
  const out = new Map<string, IssueCount>();
  for (const i of issues) {
    if (!i.nodeId) continue;
    const c = out.get(i.nodeId) ?? { errors: 0, warnings: 0 };
    if (i.severity === 'error') c.errors++;
    else c.warnings++;
    out.set(i.nodeId, c);
  }
  return out;
}

const sameCount = (a: IssueCount, b: IssueCount) => a.errors === b.errors && a.warnings === b.warnings;
const sameSize = (a: Size | undefined, b: { width?: number; height?: number } | undefined) => a?.width === b?.width && a?.height === b?.height;

export interface DeriveInput {
  journey: Journey;
  selection: Selection;
  sizes: ReadonlyMap<string, Size>;
  issues: ReadonlyMap<string, IssueCount>;
  readOnly: boolean;
}

/** A deriver with its own caches (one per editor). */
export function createFlowDeriver() {
  const nodeCache = new WeakMap<object, FlowNode>();
  const edgeCache = new WeakMap<JourneyEdge, FlowEdge>();

  function journeyNode(n: JourneyNode, selected: boolean, size: Size | undefined, issues: IssueCount, readOnly: boolean): JourneyFlowNode {
    const prev = nodeCache.get(n) as JourneyFlowNode | undefined;
    if (prev && prev.selected === selected && sameSize(size, prev.measured) && sameCount(prev.data.issues, issues) && prev.draggable === !readOnly) return prev;
    const out: JourneyFlowNode = {
      id: n.id,
      type: 'journey',
      position: n.position,
      data: prev && sameCount(prev.data.issues, issues) ? prev.data : { node: n, issues },
      selected,
      draggable: !readOnly,
      connectable: !readOnly,
      initialWidth: DEFAULT_NODE_SIZE.width,
      initialHeight: DEFAULT_NODE_SIZE.height,
      ...(size ? { measured: size } : {}),
    };
    nodeCache.set(n, out);
    return out;
  }

  function noteNode(n: JourneyNote, selected: boolean, readOnly: boolean): NoteFlowNode {
    const prev = nodeCache.get(n) as NoteFlowNode | undefined;
    if (prev && prev.selected === selected && prev.draggable === !readOnly) return prev;
    const out: NoteFlowNode = {
      id: n.id,
      type: 'note',
      position: n.position,
      data: { note: n },
      selected,
      draggable: !readOnly,
      connectable: false,
      width: n.width,
      height: n.height,
      measured: { width: n.width, height: n.height },
      zIndex: -1,
    };
    nodeCache.set(n, out);
    return out;
  }

  function nodes(input: DeriveInput): FlowNode[] {
    const selNodes = new Set(input.selection.nodes);
    const selNotes = new Set(input.selection.notes);
    const out: FlowNode[] = [];
    // Notes first so they sit under the nodes.
    for (const n of input.journey.notes) out.push(noteNode(n, selNotes.has(n.id), input.readOnly));
    for (const n of input.journey.nodes) out.push(journeyNode(n, selNodes.has(n.id), input.sizes.get(n.id), input.issues.get(n.id) ?? NO_ISSUES, input.readOnly));
    return out;
  }

  function edges(journey: Journey, selection: Selection): FlowEdge[] {
    const sel = new Set(selection.edges);
    return journey.edges.map((e) => {
      const prev = edgeCache.get(e);
      const selected = sel.has(e.id);
      if (prev && prev.selected === selected) return prev;
      const out: FlowEdge = { id: e.id, source: e.source, sourceHandle: e.sourcePort, target: e.target, targetHandle: 'in', selected, markerEnd: ARROW };
      edgeCache.set(e, out);
      return out;
    });
  }

  return { nodes, edges };
}

/** What a batch of React Flow node changes asks the app to do. */
export interface NodeIntent {
  moves: { id: string; x: number; y: number }[];
  remove: { nodes: string[]; notes: string[] };
  /** The new selection, when the batch changed it. */
  selection: Selection | null;
  sizes: { id: string; size: Size }[];
}

export function readNodeChanges(changes: readonly NodeChange[], journey: Journey, selection: Selection): NodeIntent {
  const noteIds = new Set(journey.notes.map((n) => n.id));
  const moves: NodeIntent['moves'] = [];
  const remove: NodeIntent['remove'] = { nodes: [], notes: [] };
  const sizes: NodeIntent['sizes'] = [];
  let nodes: Set<string> | null = null;
  let notes: Set<string> | null = null;
  for (const c of changes) {
    if (c.type === 'position' && c.position) moves.push({ id: c.id, x: Math.round(c.position.x), y: Math.round(c.position.y) });
    else if (c.type === 'remove') (noteIds.has(c.id) ? remove.notes : remove.nodes).push(c.id);
    else if (c.type === 'dimensions' && c.dimensions && !noteIds.has(c.id)) sizes.push({ id: c.id, size: { width: c.dimensions.width, height: c.dimensions.height } });
    else if (c.type === 'select') {
      nodes ??= new Set(selection.nodes);
      notes ??= new Set(selection.notes);
      const set = noteIds.has(c.id) ? notes : nodes;
      if (c.selected) set.add(c.id);
      else set.delete(c.id);
    }
  }
  const next = nodes && notes ? { nodes: [...nodes], notes: [...notes], edges: selection.edges } : null;
  return { moves, remove, sizes, selection: next };
}

export function readEdgeChanges(changes: readonly EdgeChange[], selection: Selection): { remove: string[]; selection: Selection | null } {
  const remove: string[] = [];
  let edges: Set<string> | null = null;
  for (const c of changes) {
    if (c.type === 'remove') remove.push(c.id);
    else if (c.type === 'select') {
      edges ??= new Set(selection.edges);
      if (c.selected) edges.add(c.id);
      else edges.delete(c.id);
    }
  }
  return { remove, selection: edges ? { ...selection, edges: [...edges] } : null };
}
