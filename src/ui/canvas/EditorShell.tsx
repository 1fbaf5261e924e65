import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import { nodeType, type NodeType } from '../../core/journey/catalogue';
import { addElements, moveElements } from '../../core/journey/commands';
import { configDefaults } from '../../core/journey/fields';
import { newId } from '../../core/journey/ids';
import { pick } from '../../core/journey/text';
import type { ValidationIssue } from '../../core/journey/validate';
import type { WorkspaceDB } from '../../storage/db';
import { publishJourney } from '../../storage/journeys';
import { VersionsDialog } from '../journeys/VersionsDialog';
import { ErrorBox } from '../kit';
import { actionForCombo, comboOf, isTypingTarget, runAction, type ActionContext } from './actions';
import { Canvas } from './Canvas';
import type { EditorStore } from './editorStore';
import { DEFAULT_NODE_SIZE, issueCounts } from './flowModel';
import { Inspector } from './Inspector';
import { NodeMenu } from './NodeMenu';
import { Palette } from './Palette';
import { PublishDialog } from './PublishDialog';
import { searchNodes } from './search';
import { Toolbar } from './Toolbar';
import { useAutosave, useValidation, useWorkspaceLists } from './useEditorData';
import { useLang } from '../kit/useLocale';

const NARROW = 1280;
/** The in-memory copy outlives one editor, so copy in one journey and paste in another works without clipboard permission. */
const TAB_CLIPBOARD: ActionContext['clipboard'] = { text: null, pastes: 0 };
/** Above this many nodes and notes, opening fits the entry side rather than everything. */
const BIG_JOURNEY = 80;
/** The smallest zoom a journey opens at: below it node titles cannot be read. */
const READABLE = 0.55;
const PRESENT_READABLE = 0.9;

/** The editor around one journey's store: toolbar, palette, canvas, inspector, dialogs, keys. */
export function EditorShell({ db, store, currency, dataVersion, present, onPresent }: { db: WorkspaceDB; store: EditorStore; currency: string; dataVersion: number; present: boolean; onPresent: (on: boolean) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rf = useReactFlow();
  const [tagsVersion, setTagsVersion] = useState(0);
  const lists = useWorkspaceLists(db, currency, dataVersion + tagsVersion * 1e6);
  const issues = useValidation(store, lists?.ctx ?? null);
  const counts = useMemo(() => issueCounts(issues), [issues]);
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const save = useAutosave(store, db);
  const journey = useStore(store, (s) => s.journey);
  const readOnly = useStore(store, (s) => s.readOnly);

  const narrow = typeof window !== 'undefined' && window.innerWidth < NARROW;
  const [paletteCollapsed, setPaletteCollapsed] = useState(false);
  // On a tablet-sized screen the inspector starts folded away and opens when a node is added or settings asked for.
  const [inspectorCollapsed, setInspectorCollapsed] = useState(narrow);
  // Until the user folds it themselves, picking one node unfolds the inspector.
  const userFolded = useRef(false);
  const selection = useStore(store, (s) => s.selection);
  useEffect(() => {
    if (!userFolded.current && selection.nodes.length === 1 && selection.notes.length === 0) setInspectorCollapsed(false);
  }, [selection]);
  const [showMinimap, setShowMinimap] = useState(!narrow);
  const [showControls, setShowControls] = useState(true);
  const [selectMode, setSelectMode] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [versions, setVersions] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [searchAt, setSearchAt] = useState(-1);
  const searchRef = useRef<HTMLInputElement>(null);
  const canvasBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(() => setToast(null), 2200);
    return () => clearTimeout(id);
  }, [toast]);

  const centre = useCallback(() => {
    const r = canvasBox.current?.querySelector('.cv-canvas')?.getBoundingClientRect();
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  }, []);

  const focusNode = useCallback(
    (id: string) => {
      const s = store.getState();
      const n = s.journey.nodes.find((x) => x.id === id) ?? s.journey.notes.find((x) => x.id === id);
      if (!n) return;
      const size = s.sizes.get(id) ?? DEFAULT_NODE_SIZE;
      void rf.setCenter(n.position.x + size.width / 2, n.position.y + size.height / 2, { zoom: Math.max(rf.getZoom(), 1), duration: 300 });
      const isNote = s.journey.notes.some((x) => x.id === id);
      s.select({ nodes: isNote ? [] : [id], notes: isNote ? [id] : [], edges: [] });
    },
    [rf, store],
  );

  const addNode = useCallback(
    (nt: NodeType, at: { x: number; y: number } | null) => {
      const s = store.getState();
      if (s.readOnly) return;
      const p = rf.screenToFlowPosition(at ?? centre());
      const id = newId('n');
      const pos = { x: Math.round(p.x - DEFAULT_NODE_SIZE.width / 2), y: Math.round(p.y - DEFAULT_NODE_SIZE.height / 2) };
      // Taps add at the centre: step aside from a node already there, so repeated taps fan out.
      if (!at) while (s.journey.nodes.some((n) => Math.abs(n.position.x - pos.x) < DEFAULT_NODE_SIZE.width && Math.abs(n.position.y - pos.y) < 110)) pos.y += 120;
      s.dispatch(addElements('add', { nodes: [{ id, type: nt.type, label: '', position: pos, config: configDefaults(nt.fields) }] }));
      s.select({ nodes: [id], notes: [], edges: [] });
      setInspectorCollapsed(false);
    },
    [rf, store, centre],
  );

  const addNote = useCallback(() => {
    const s = store.getState();
    if (s.readOnly) return;
    const p = rf.screenToFlowPosition(centre());
    const id = newId('s');
    s.dispatch(addElements('addNote', { notes: [{ id, position: { x: Math.round(p.x - 100), y: Math.round(p.y - 60) }, width: 200, height: 120, text: '', color: 'yellow' }] }));
    s.select({ nodes: [], notes: [id], edges: [] });
  }, [rf, store, centre]);

  const view = useRef<ActionContext['view']>(null as unknown as ActionContext['view']);
  view.current = {
    fitView: () => void rf.fitView({ padding: 0.2, maxZoom: 1.2, duration: 300, includeHiddenNodes: true }),
    focusSearch: () => searchRef.current?.focus(),
    autoLayout: async () => {
      const { autoLayout } = await import('./layout/autoLayout');
      const s = store.getState();
      const moves = await autoLayout(s.journey, new Map(s.sizes));
      const now = store.getState();
      const cmd = moveElements(now.journey, moves);
      now.dispatch({ ...cmd, label: 'layout', mergeKey: undefined });
      requestAnimationFrame(() => void rf.fitView({ padding: 0.2, maxZoom: 1.2, duration: 300, includeHiddenNodes: true }));
    },
    togglePresent: () => onPresent(!present),
    toggleMinimap: () => setShowMinimap((v) => !v),
    toggleSelectMode: () => setSelectMode((v) => !v),
    openSettings: () => {
      store.getState().select({ nodes: [], notes: [], edges: [] });
      setInspectorCollapsed(false);
    },
    addNote,
    notify: (key) => setToast(t(`canvas.toast.${key}`)),
  };

  const ctx = useMemo<ActionContext>(
    () => ({
      store,
      clipboard: TAB_CLIPBOARD,
      systemClipboard: typeof navigator !== 'undefined' && navigator.clipboard ? { write: (s) => navigator.clipboard.writeText(s), read: () => navigator.clipboard.readText() } : null,
      newId,
      view: {
        fitView: () => view.current.fitView(),
        focusSearch: () => view.current.focusSearch(),
        autoLayout: () => view.current.autoLayout(),
        togglePresent: () => view.current.togglePresent(),
        toggleMinimap: () => view.current.toggleMinimap(),
        toggleSelectMode: () => view.current.toggleSelectMode(),
        openSettings: () => view.current.openSettings(),
        addNote: () => view.current.addNote(),
        notify: (k) => view.current.notify(k),
      },
    }),
    [store],
  );

  // Shortcuts: one handler reading the actions registry; never while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && present) {
        e.preventDefault();
        return onPresent(false);
      }
      if (isTypingTarget(e.target) || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      const a = actionForCombo(comboOf(e));
      if (!a) return;
      e.preventDefault();
      runAction(a, ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx, present, onPresent]);

  // Fit the journey on open and when presenting. React Flow's own initial fit counts only nodes
  // it has drawn (with onlyRenderVisibleElements, never those off-screen). A big journey opens at
  // a readable zoom on its entry side instead of as 500 specks, which also keeps the first paint
  // and panning cheap (only what is on screen is drawn).
  const fitJourney = useCallback(
    (duration: number) => {
      const j = store.getState().journey;
      const all = [...j.nodes, ...j.notes];
      if (all.length === 0) return;
      // A demo in presentation mode wants type that reads from the back of the room.
      const readable = present ? PRESENT_READABLE : READABLE;
      const xs = all.map((n) => n.position.x);
      const ys = all.map((n) => n.position.y);
      const pane = document.querySelector('[data-testid="canvas"]');
      const paneW = pane?.clientWidth || 800;
      const paneH = pane?.clientHeight || 600;
      // Would the whole journey still be readable in this canvas?
      const fits = Math.min(paneW / ((Math.max(...xs) - Math.min(...xs) + 240) * 1.2), paneH / ((Math.max(...ys) - Math.min(...ys) + 120) * 1.2)) >= readable;
      if (all.length <= BIG_JOURNEY && fits) return void rf.fitView({ padding: 0.2, maxZoom: 1.2, includeHiddenNodes: true, duration });
      const entry = j.nodes.find((n) => nodeType(n.type)?.category === 'entry') ?? j.nodes[0];
      const { x: ax, y: ay } = entry.position;
      // Too big to read whole: open readable with the entry at the left edge, its row mid-height.
      const left = Math.min(ax, ...all.filter((n) => Math.abs(n.position.y - ay) <= paneH / readable / 2 && n.position.x < ax && n.position.x > ax - 300).map((n) => n.position.x));
      void rf.setViewport({ x: 32 - left * readable, y: paneH / 2 - (ay + 45) * readable, zoom: readable }, { duration });
    },
    [rf, store, present],
  );
  useEffect(() => {
    const timers = [0, 250].map((ms) => setTimeout(() => fitJourney(0), ms));
    return () => timers.forEach(clearTimeout);
  }, [fitJourney]);
  const firstPresent = useRef(true);
  useEffect(() => {
    if (firstPresent.current) return void (firstPresent.current = false);
    const id = requestAnimationFrame(() => fitJourney(200));
    return () => cancelAnimationFrame(id);
  }, [present, fitJourney]);

  const matches = useMemo(() => searchNodes(journey, search, lang), [journey, search, lang]);
  const onSearchNext = (back: boolean) => {
    if (!matches.length) return;
    const next = ((searchAt < 0 ? (back ? 0 : -1) : searchAt) + (back ? -1 : 1) + matches.length) % matches.length;
    setSearchAt(next);
    focusNode(matches[next]);
  };

  const onPickIssue = (i: ValidationIssue) => {
    if (i.nodeId) focusNode(i.nodeId);
  };

  const fieldLists = useMemo(
    () =>
      lists
        ? {
            ...lists,
            nodes: journey.nodes.map((n) => {
              const nt = nodeType(n.type);
              return { id: n.id, title: n.label || (nt ? pick(nt.title, lang) : n.type) };
            }),
          }
        : null,
    [lists, journey.nodes, lang],
  );

  const onNodeMenu = useCallback(
    (id: string, x: number, y: number) => {
      const s = store.getState();
      const inSel = s.selection.nodes.includes(id) || s.selection.notes.includes(id);
      if (!inSel) {
        const isNote = s.journey.notes.some((n) => n.id === id);
        s.select({ nodes: isNote ? [] : [id], notes: isNote ? [id] : [], edges: [] });
      }
      setMenu({ x, y });
    },
    [store],
  );
  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <div className={`cv-editor${present ? ' cv-present' : ''}`} data-testid="journey-editor" ref={canvasBox}>
      <Toolbar
        ctx={ctx}
        saveState={save.state}
        unpublished={save.unpublished}
        errorCount={errorCount}
        showMinimap={showMinimap}
        showControls={showControls}
        onToggleControls={() => setShowControls((v) => !v)}
        selectMode={selectMode}
        present={present}
        search={search}
        onSearch={(q) => {
          setSearch(q);
          setSearchAt(-1);
        }}
        onSearchNext={onSearchNext}
        searchInfo={matches.length ? t('canvas.search.count', { at: searchAt < 0 ? 0 : searchAt + 1, count: matches.length }) : t('canvas.search.none')}
        searchRef={searchRef}
        onVersions={() => setVersions(true)}
        onPublish={() => setPublishing(true)}
        issues={issues}
        onPickIssue={onPickIssue}
      />
      {save.state === 'error' ? <ErrorBox error={save.error} title={t('canvas.save.failed')} testId="save-error" /> : null}
      <div className="cv-body">
        {!present && !readOnly ? <Palette collapsed={paletteCollapsed} onToggle={() => setPaletteCollapsed((v) => !v)} onDrop={addNode} onAddNote={addNote} /> : null}
        <Canvas issues={counts} showMinimap={showMinimap || present} showControls={showControls} selectMode={selectMode} present={present} onNodeMenu={onNodeMenu} onPaneClick={closeMenu} />
        {!present && fieldLists ? <Inspector lists={fieldLists} issues={issues} collapsed={inspectorCollapsed} onToggle={() => {
              userFolded.current = !inspectorCollapsed;
              setInspectorCollapsed((v) => !v);
            }} onPickIssue={onPickIssue} /> : null}
      </div>
      {present ? (
        <button type="button" className="k-btn k-btn-secondary cv-leave-present" onClick={() => onPresent(false)} data-testid="leave-present">
          {t('canvas.toolbar.leavePresent')}
        </button>
      ) : null}
      {menu ? <NodeMenu x={menu.x} y={menu.y} ctx={ctx} onClose={closeMenu} /> : null}
      {toast ? (
        <div className="cv-toast" role="status" data-testid="canvas-toast">
          {toast}
        </div>
      ) : null}
      {publishing ? (
        <PublishDialog
          onClose={() => setPublishing(false)}
          onPublish={async (note) => {
            await save.flush();
            const out = await publishJourney(db, store.getState().journey.id, note);
            if (out.ok) {
              const s = store.getState();
              s.replace({ ...s.journey, status: out.journey.status, revision: out.journey.revision }, false);
              save.markSaved(store.getState().journey);
              if (out.createdTags.length) setTagsVersion((v) => v + 1);
            }
            return out;
          }}
        />
      ) : null}
      {versions ? <VersionsDialog db={db} journey={journey} onClose={() => setVersions(false)} onRestored={(j) => {
            store.getState().replace(j, true);
            save.markSaved(j);
            setVersions(false);
          }} /> : null}
    </div>
  );
}
