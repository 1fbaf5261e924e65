import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import { nodeType } from '../../../core/journey/catalogue';
import type { Journey } from '../../../core/model/journey';

/** The size a node is laid out at when the canvas has not measured it (yet). */
export const DEFAULT_NODE_SIZE = { width: 220, height: 90 } as const;

export type NodeSizes = ReadonlyMap<string, { width: number; height: number }>;
export interface LaidOutNode {
  id: string;
  x: number;
  y: number;
}

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.edgeNodeBetweenLayers': '30',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '80',
};

/** ELK port ids are global: a node's port is `<node id>::<port id>`. */
export const portKey = (nodeId: string, port: string) => `${nodeId}::${port}`;
const IN = 'in';

/**
 * The journey as an ELK graph for the 'layered' algorithm, left to right. Each node has its
 * input on the west side and its outputs on the east side in the order its type lists them
 * (outputs(config): yes before no, branch A before B), so the laid-out branches do not cross
 * their own node. Edges whose ends are gone are left out; an edge from a port the node no longer
 * has leaves from the node itself (validation reports it). Notes are not part of the layout.
 */
export function buildElkGraph(j: Journey, sizes: NodeSizes): ElkNode {
  const ids = new Set(j.nodes.map((n) => n.id));
  const outputsOf = new Map<string, Set<string>>();
  const children: ElkNode[] = j.nodes.map((n) => {
    const nt = nodeType(n.type);
    const size = sizes.get(n.id) ?? DEFAULT_NODE_SIZE;
    const outs = nt ? nt.outputs(n.config) : [];
    outputsOf.set(n.id, new Set(outs.map((p) => p.id)));
    const ports: ElkPort[] = [];
    if (!nt || nt.hasInput) ports.push({ id: portKey(n.id, IN), width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': '0' } });
    outs.forEach((p, i) =>
      ports.push({ id: portKey(n.id, p.id), width: 1, height: 1, layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) } }),
    );
    return {
      id: n.id,
      width: positive(size.width, DEFAULT_NODE_SIZE.width),
      height: positive(size.height, DEFAULT_NODE_SIZE.height),
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    };
  });
  const hasInput = new Set(children.filter((c) => c.ports!.some((p) => p.id === portKey(c.id, IN))).map((c) => c.id));
  const edges: ElkExtendedEdge[] = [];
  for (const e of j.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const source = outputsOf.get(e.source)!.has(e.sourcePort) ? portKey(e.source, e.sourcePort) : e.source;
    const target = hasInput.has(e.target) ? portKey(e.target, IN) : e.target;
    edges.push({ id: e.id, sources: [source], targets: [target] });
  }
  return { id: '__root', layoutOptions: ROOT_OPTIONS, children, edges };
}

/**
 * The laid-out positions, in the journey's order, moved so the layout starts where the journey's
 * nodes started (its top-left corner stays put: the marketer does not lose the drawing).
 */
export function positionsFrom(j: Journey, laidOut: ElkNode): LaidOutNode[] {
  const at = new Map((laidOut.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const placed = j.nodes.filter((n) => at.has(n.id));
  if (placed.length === 0) return [];
  const minOf = (xs: number[]) => xs.reduce((a, b) => Math.min(a, b), Infinity);
  const dx = minOf(placed.map((n) => n.position.x)) - minOf(placed.map((n) => at.get(n.id)!.x));
  const dy = minOf(placed.map((n) => n.position.y)) - minOf(placed.map((n) => at.get(n.id)!.y));
  return placed.map((n) => {
    const p = at.get(n.id)!;
    return { id: n.id, x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
  });
}

const positive = (v: number, fallback: number) => (Number.isFinite(v) && v > 0 ? v : fallback);
