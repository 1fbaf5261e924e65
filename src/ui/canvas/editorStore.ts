import { createStore, type StoreApi } from 'zustand/vanilla';
import { emptyHistory, push, redo as redoHistory, undo as undoHistory, applyCommand, type Command, type History } from '../../core/journey/commands';
import type { Journey } from '../../core/model/journey';

/** What is selected on the canvas: UI state only, never part of the journey. */
export interface Selection {
  nodes: readonly string[];
  notes: readonly string[];
  edges: readonly string[];
}
export const EMPTY_SELECTION: Selection = { nodes: [], notes: [], edges: [] };

export type Size = { width: number; height: number };

/**
 * The editor's state: the journey (the one source of truth), its undo history, and what only the
 * screen needs (selection, measured sizes, modes). Every edit of the journey enters through
 * `dispatch` as a Command; React Flow's node objects are derived from this, never stored.
 */
export interface EditorState {
  journey: Journey;
  history: History;
  selection: Selection;
  /** Sizes React Flow measured, by node or note id (fed back so RF keeps them; used by auto-layout). */
  sizes: ReadonlyMap<string, Size>;
  readOnly: boolean;
  /** Set when the last dispatch/undo/redo changed the journey (autosave watches `journey`). */
  lastLabel: string | null;
}

export interface EditorActions {
  dispatch(cmd: Command): void;
  undo(): Command | null;
  redo(): Command | null;
  select(sel: Selection): void;
  setSizes(sizes: { id: string; size: Size }[]): void;
  /** A journey from outside (publish, restore): replaces the document; `resetHistory` after a restore. */
  replace(j: Journey, resetHistory: boolean): void;
  setReadOnly(readOnly: boolean): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
export const sameSelection = (a: Selection, b: Selection) => sameList(a.nodes, b.nodes) && sameList(a.notes, b.notes) && sameList(a.edges, b.edges);

/** Drops selected ids whose records are gone (after delete or undo of an add). */
function pruneSelection(sel: Selection, j: Journey): Selection {
  if (sel.nodes.length + sel.notes.length + sel.edges.length === 0) return sel;
  const n = new Set(j.nodes.map((x) => x.id));
  const s = new Set(j.notes.map((x) => x.id));
  const e = new Set(j.edges.map((x) => x.id));
  const next = { nodes: sel.nodes.filter((id) => n.has(id)), notes: sel.notes.filter((id) => s.has(id)), edges: sel.edges.filter((id) => e.has(id)) };
  return sameSelection(next, sel) ? sel : next;
}

export function createEditorStore(journey: Journey, readOnly: boolean, now: () => number = Date.now): EditorStore {
  return createStore<EditorState & EditorActions>()((set, get) => ({
    journey,
    history: emptyHistory(),
    selection: EMPTY_SELECTION,
    sizes: new Map(),
    readOnly,
    lastLabel: null,
    dispatch(cmd) {
      const s = get();
      if (s.readOnly || cmd.changes.length === 0) return;
      const j = applyCommand(s.journey, cmd);
      set({ journey: j, history: push(s.history, cmd, now()), selection: pruneSelection(s.selection, j), lastLabel: cmd.label });
    },
    undo() {
      const s = get();
      if (s.readOnly) return null;
      const r = undoHistory(s.history, s.journey);
      if (!r) return null;
      set({ journey: r.journey, history: r.history, selection: pruneSelection(s.selection, r.journey), lastLabel: r.cmd.label });
      return r.cmd;
    },
    redo() {
      const s = get();
      if (s.readOnly) return null;
      const r = redoHistory(s.history, s.journey);
      if (!r) return null;
      set({ journey: r.journey, history: r.history, selection: pruneSelection(s.selection, r.journey), lastLabel: r.cmd.label });
      return r.cmd;
    },
    select(sel) {
      if (!sameSelection(sel, get().selection)) set({ selection: sel });
    },
    setSizes(list) {
      const prev = get().sizes;
      let changed = false;
      const next = new Map(prev);
      for (const { id, size } of list) {
        const p = prev.get(id);
        if (!p || p.width !== size.width || p.height !== size.height) {
          next.set(id, size);
          changed = true;
        }
      }
      if (changed) set({ sizes: next });
    },
    replace(j, resetHistory) {
      const s = get();
      set({ journey: j, history: resetHistory ? emptyHistory() : s.history, selection: pruneSelection(s.selection, j), lastLabel: null });
    },
    setReadOnly(ro) {
      if (ro !== get().readOnly) set({ readOnly: ro });
    },
  }));
}
