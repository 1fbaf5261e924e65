import { useCallback, useMemo, useRef } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type Edge,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useStore } from 'zustand';
import { nodeType } from '../../core/journey/catalogue';
import { connect, moveElements, removeElements } from '../../core/journey/commands';
import { newId } from '../../core/journey/ids';
import { useEditorStore } from './editorContext';
import { createFlowDeriver, readEdgeChanges, readNodeChanges, type FlowNode, type IssueCount } from './flowModel';
import { FAR_ZOOM, JourneyNodeView } from './JourneyNodeView';
import { NoteNodeView } from './NoteNodeView';

/**
 * The dotted background, sparser as one zooms out: at zoom 0.1 a 24 px grid is a dot every
 * 2.4 screen pixels, ~100k dots repainted on every frame of a pan (measured: 40 fps with the
 * whole 500-node journey on screen, 60 without). The gap is chosen by zoom band, so this
 * re-renders only when a band is crossed, never while panning.
 */
function DotGrid() {
  const gap = useFlowStore((s) => (s.transform[2] < 0.2 ? 192 : s.transform[2] < 0.4 ? 96 : s.transform[2] < 0.8 ? 48 : 24));
  return <Background gap={gap} />;
}

const NODE_TYPES: NodeTypes = { journey: JourneyNodeView, note: NoteNodeView };
export const LONG_PRESS_MS = 500;
const MULTI_KEYS = ['Shift', 'Meta', 'Control'];

/**
 * The React Flow surface. Its nodes and edges are derived from the editor store; what the user
 * does on it arrives as changes that become commands (moves, connections, deletes) or UI state
 * (selection, measured sizes). Nothing React Flow holds is ever saved.
 */
export function Canvas({
  issues,
  showMinimap,
  showControls,
  selectMode,
  present,
  onNodeMenu,
  onPaneClick,
}: {
  issues: ReadonlyMap<string, IssueCount>;
  showMinimap: boolean;
  showControls: boolean;
  selectMode: boolean;
  present: boolean;
  onNodeMenu: (id: string, x: number, y: number) => void;
  onPaneClick: () => void;
}) {
  const store = useEditorStore();
  const journey = useStore(store, (s) => s.journey);
  const selection = useStore(store, (s) => s.selection);
  const sizes = useStore(store, (s) => s.sizes);
  // Zoomed far out (nodes are blocks) edges are drawn plainly too: see canvas.css .cv-canvas-far.
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const readOnly = useStore(store, (s) => s.readOnly);
  const deriver = useMemo(() => createFlowDeriver(), []);
  const nodes = useMemo(() => deriver.nodes({ journey, selection, sizes, issues, readOnly }), [deriver, journey, selection, sizes, issues, readOnly]);
  const edges = useMemo(() => deriver.edges(journey, selection), [deriver, journey, selection]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const s = store.getState();
      const intent = readNodeChanges(changes, s.journey, s.selection);
      if (intent.sizes.length) s.setSizes(intent.sizes);
      if (intent.moves.length) s.dispatch(moveElements(s.journey, intent.moves));
      if (intent.remove.nodes.length + intent.remove.notes.length) s.dispatch(removeElements(s.journey, intent.remove));
      if (intent.selection) store.getState().select(intent.selection);
    },
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const s = store.getState();
      const intent = readEdgeChanges(changes, s.selection);
      if (intent.remove.length) s.dispatch(removeElements(s.journey, { edges: intent.remove }));
      if (intent.selection) store.getState().select(intent.selection);
    },
    [store],
  );
  const isValidConnection: IsValidConnection = useCallback(
    (c: Connection | Edge) => {
      if (!c.source || !c.target || c.source === c.target || (c.targetHandle ?? 'in') !== 'in') return false;
      const target = store.getState().journey.nodes.find((n) => n.id === c.target);
      return !!target && !!nodeType(target.type)?.hasInput;
    },
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (!isValidConnection(c) || !c.sourceHandle) return;
      const s = store.getState();
      s.dispatch(connect(s.journey, { id: newId('e'), source: c.source, sourcePort: c.sourceHandle, target: c.target }));
    },
    [store, isValidConnection],
  );

  // Long-press (touch) opens the node's menu, like right-click does with a mouse.
  const press = useRef<{ id: string; x: number; y: number; timer: ReturnType<typeof setTimeout>; pointerId: number } | null>(null);
  const endPress = () => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  };
  const onPointerDownCapture = (e: React.PointerEvent) => {
    if (e.pointerType !== 'touch') return;
    const el = (e.target as HTMLElement).closest?.('.react-flow__node');
    const id = el?.getAttribute('data-id');
    endPress();
    if (!id) return;
    const { clientX: x, clientY: y, pointerId } = e;
    press.current = { id, x, y, pointerId, timer: setTimeout(() => (press.current = null, onNodeMenu(id, x, y)), LONG_PRESS_MS) };
  };
  const onPointerMoveCapture = (e: React.PointerEvent) => {
    const p = press.current;
    if (p && p.pointerId === e.pointerId && Math.hypot(e.clientX - p.x, e.clientY - p.y) > 8) endPress();
  };

  return (
    <div className={far ? 'cv-canvas cv-canvas-far' : 'cv-canvas'} data-canvas-drop data-testid="canvas" onPointerDownCapture={onPointerDownCapture} onPointerMoveCapture={onPointerMoveCapture} onPointerUpCapture={endPress} onPointerCancelCapture={endPress}>
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeContextMenu={(e, n) => {
          e.preventDefault();
          onNodeMenu(n.id, e.clientX, e.clientY);
        }}
        onPaneClick={onPaneClick}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable={!present}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_KEYS}
        selectionOnDrag={selectMode}
        selectionMode={SelectionMode.Partial}
        panOnDrag={!selectMode}
        zoomOnPinch
        zoomOnDoubleClick={false}
        connectionRadius={28}
        minZoom={0.1}
        maxZoom={2.5}
        onlyRenderVisibleElements
      >
        <DotGrid />
        {showControls ? <Controls showInteractive={false} /> : null}
        {showMinimap ? <MiniMap pannable zoomable nodeStrokeWidth={3} data-testid="minimap" /> : null}
      </ReactFlow>
    </div>
  );
}
