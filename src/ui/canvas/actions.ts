import { removeElements, addElements } from '../../core/journey/commands';
import { copyFragment, parseFragment, pasteFragment, serializeFragment, type Fragment } from '../../core/journey/clipboard';
import { newId, type IdFactory } from '../../core/journey/ids';
import type { EditorStore } from './editorStore';
import type { ToolIconName } from './icons';

/**
 * Every user intent of the editor, once: the toolbar, the keyboard and the node menu (right-click
 * and long-press) all read this list, so a shortcut, a button and a menu item can never disagree.
 */
export interface ActionContext {
  store: EditorStore;
  /** The in-memory copy, used when the system clipboard is refused (permissions, http). */
  clipboard: { text: string | null; pastes: number };
  systemClipboard: { write(text: string): Promise<void>; read(): Promise<string> } | null;
  newId: IdFactory;
  view: {
    fitView(): void;
    focusSearch(): void;
    autoLayout(): Promise<void>;
    togglePresent(): void;
    toggleMinimap(): void;
    toggleSelectMode(): void;
    openSettings(): void;
    addNote(): void;
    /** Shows a short message (copied, nothing to paste…). */
    notify(key: string): void;
  };
}

export interface Action {
  id: string;
  /** Key under canvas.actions.* for its label. */
  label: string;
  icon: ToolIconName;
  /** Normalised combos: mod = Ctrl or Cmd; e.g. 'mod+shift+z', 'delete', 'shift+l'. */
  shortcuts: readonly string[];
  /** Available in read-only (presentation, reader tab) too. */
  readOnlySafe?: boolean;
  /** Shown in the node context menu. */
  inMenu?: boolean;
  enabled(ctx: ActionContext): boolean;
  perform(ctx: ActionContext): void | Promise<void>;
}

const sel = (ctx: ActionContext) => ctx.store.getState().selection;
const hasSelection = (ctx: ActionContext) => {
  const s = sel(ctx);
  return s.nodes.length + s.notes.length + s.edges.length > 0;
};
const hasNodeSelection = (ctx: ActionContext) => sel(ctx).nodes.length + sel(ctx).notes.length > 0;
const writable = (ctx: ActionContext) => !ctx.store.getState().readOnly;

export function copySelection(ctx: ActionContext): Fragment | null {
  const s = ctx.store.getState();
  if (s.selection.nodes.length + s.selection.notes.length === 0) return null;
  const f = copyFragment(s.journey, { nodes: s.selection.nodes, notes: s.selection.notes });
  const text = serializeFragment(f);
  ctx.clipboard.text = text;
  ctx.clipboard.pastes = 0;
  // The system clipboard makes copy work between journeys and tabs; refusal leaves the memory copy.
  ctx.systemClipboard?.write(text).catch(() => undefined);
  return f;
}

/** Adds a fragment as one command and selects what was pasted. */
export function pasteFragmentInto(ctx: ActionContext, f: Fragment, label: string): void {
  ctx.clipboard.pastes++;
  const step = 40 * ctx.clipboard.pastes;
  const add = pasteFragment(f, { newId: ctx.newId, offset: { x: step, y: step } });
  const st = ctx.store.getState();
  st.dispatch(addElements(label, add));
  st.select({ nodes: add.nodes.map((n) => n.id), notes: add.notes.map((n) => n.id), edges: [] });
}

async function readClipboard(ctx: ActionContext): Promise<Fragment | null> {
  if (ctx.systemClipboard) {
    try {
      const f = parseFragment(await ctx.systemClipboard.read());
      if (f) {
        if (ctx.clipboard.text !== null && serializeFragment(f) !== ctx.clipboard.text) {
          ctx.clipboard.text = serializeFragment(f);
          ctx.clipboard.pastes = 0;
        }
        return f;
      }
    } catch {
      // refused or unavailable: fall back to the copy kept in memory
    }
  }
  return ctx.clipboard.text ? parseFragment(ctx.clipboard.text) : null;
}

export const ACTIONS: readonly Action[] = [
  {
    id: 'undo',
    label: 'undo',
    icon: 'undo',
    shortcuts: ['mod+z'],
    enabled: (ctx) => writable(ctx) && ctx.store.getState().history.past.length > 0,
    perform: (ctx) => void ctx.store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'redo',
    icon: 'redo',
    shortcuts: ['mod+shift+z', 'mod+y'],
    enabled: (ctx) => writable(ctx) && ctx.store.getState().history.future.length > 0,
    perform: (ctx) => void ctx.store.getState().redo(),
  },
  {
    id: 'delete',
    label: 'delete',
    icon: 'delete',
    shortcuts: ['delete', 'backspace'],
    inMenu: true,
    enabled: (ctx) => writable(ctx) && hasSelection(ctx),
    perform: (ctx) => {
      const s = ctx.store.getState();
      s.dispatch(removeElements(s.journey, s.selection));
    },
  },
  {
    id: 'copy',
    label: 'copy',
    icon: 'copy',
    shortcuts: ['mod+c'],
    readOnlySafe: true,
    inMenu: true,
    enabled: hasNodeSelection,
    perform: (ctx) => {
      if (copySelection(ctx)) ctx.view.notify('copied');
    },
  },
  {
    id: 'paste',
    label: 'paste',
    icon: 'paste',
    shortcuts: ['mod+v'],
    enabled: writable,
    perform: async (ctx) => {
      const f = await readClipboard(ctx);
      if (!f) return ctx.view.notify('nothingToPaste');
      pasteFragmentInto(ctx, f, 'paste');
    },
  },
  {
    id: 'duplicate',
    label: 'duplicate',
    icon: 'duplicate',
    shortcuts: ['mod+d'],
    inMenu: true,
    enabled: (ctx) => writable(ctx) && hasNodeSelection(ctx),
    perform: (ctx) => {
      const s = ctx.store.getState();
      const f = copyFragment(s.journey, { nodes: s.selection.nodes, notes: s.selection.notes });
      const add = pasteFragment(f, { newId: ctx.newId, offset: { x: 40, y: 40 } });
      s.dispatch(addElements('duplicate', add));
      s.select({ nodes: add.nodes.map((n) => n.id), notes: add.notes.map((n) => n.id), edges: [] });
    },
  },
  {
    id: 'selectAll',
    label: 'selectAll',
    icon: 'selectAll',
    shortcuts: ['mod+a'],
    readOnlySafe: true,
    enabled: (ctx) => ctx.store.getState().journey.nodes.length + ctx.store.getState().journey.notes.length > 0,
    perform: (ctx) => {
      const j = ctx.store.getState().journey;
      ctx.store.getState().select({ nodes: j.nodes.map((n) => n.id), notes: j.notes.map((n) => n.id), edges: j.edges.map((e) => e.id) });
    },
  },
  { id: 'search', label: 'search', icon: 'search', shortcuts: ['mod+f'], readOnlySafe: true, enabled: () => true, perform: (ctx) => ctx.view.focusSearch() },
  { id: 'fitView', label: 'fitView', icon: 'fit', shortcuts: ['f'], readOnlySafe: true, enabled: () => true, perform: (ctx) => ctx.view.fitView() },
  {
    id: 'autoLayout',
    label: 'autoLayout',
    icon: 'layout',
    shortcuts: ['shift+l'],
    enabled: (ctx) => writable(ctx) && ctx.store.getState().journey.nodes.length > 1,
    perform: (ctx) => ctx.view.autoLayout(),
  },
  { id: 'addNote', label: 'addNote', icon: 'note', shortcuts: [], enabled: writable, perform: (ctx) => ctx.view.addNote() },
  { id: 'minimap', label: 'minimap', icon: 'minimap', shortcuts: [], readOnlySafe: true, enabled: () => true, perform: (ctx) => ctx.view.toggleMinimap() },
  { id: 'selectMode', label: 'selectMode', icon: 'select', shortcuts: [], enabled: writable, perform: (ctx) => ctx.view.toggleSelectMode() },
  { id: 'settings', label: 'settings', icon: 'settings', shortcuts: [], readOnlySafe: true, enabled: () => true, perform: (ctx) => ctx.view.openSettings() },
  { id: 'present', label: 'present', icon: 'present', shortcuts: ['p'], readOnlySafe: true, enabled: () => true, perform: (ctx) => ctx.view.togglePresent() },
];

export const actionById = (id: string): Action => {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`no canvas action '${id}'`);
  return a;
};

/** The combo of a key event in the form shortcuts use ('mod+shift+z'). */
export function comboOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  if (e.shiftKey) parts.push('shift');
  parts.push(e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase());
  return parts.join('+');
}

export function actionForCombo(combo: string): Action | undefined {
  return ACTIONS.find((a) => a.shortcuts.includes(combo));
}

/** Typing in a field never triggers canvas shortcuts. */
export function isTypingTarget(t: EventTarget | null): boolean {
  if (!t || typeof (t as HTMLElement).tagName !== 'string') return false;
  const el = t as HTMLElement;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/** Runs an action if it is allowed now; returns whether it ran. */
export function runAction(a: Action, ctx: ActionContext): boolean {
  if (ctx.store.getState().readOnly && !a.readOnlySafe) return false;
  if (!a.enabled(ctx)) return false;
  void a.perform(ctx);
  return true;
}

export const defaultIds: IdFactory = newId;

/** How a shortcut reads in a tooltip. */
export function shortcutText(combo: string, mac: boolean): string {
  return combo
    .split('+')
    .map((p) => (p === 'mod' ? (mac ? '⌘' : 'Ctrl') : p === 'shift' ? (mac ? '⇧' : 'Shift') : p === 'delete' ? 'Del' : p.length === 1 ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1)))
    .join(mac ? '' : '+');
}
