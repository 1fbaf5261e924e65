import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStore } from 'zustand';
import { updateMeta } from '../../core/journey/commands';
import type { ValidationIssue } from '../../core/journey/validate';
import { IssueList } from './IssuesPanel';
import { actionById, runAction, shortcutText, type ActionContext } from './actions';
import { ToolIcon } from './icons';
import type { SaveState } from './useEditorData';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** One toolbar button for an action of the registry: its label, shortcut and enabled state come from there. */
function ActionButton({ id, ctx, pressed, title }: { id: string; ctx: ActionContext; pressed?: boolean; title?: string }) {
  const { t } = useTranslation();
  const a = actionById(id);
  const readOnly = useStore(ctx.store, (s) => s.readOnly);
  // Subscribe to what `enabled` reads, so the button follows the state.
  useStore(ctx.store, (s) => s.history);
  useStore(ctx.store, (s) => s.selection);
  useStore(ctx.store, (s) => s.journey.nodes.length);
  const enabled = (!readOnly || !!a.readOnlySafe) && a.enabled(ctx);
  const label = t(`canvas.actions.${a.label}`);
  const keys = a.shortcuts.length ? ` (${a.shortcuts.map((s) => shortcutText(s, IS_MAC)).join(', ')})` : '';
  return (
    <button
      type="button"
      className={`cv-tool${pressed ? ' cv-on' : ''}`}
      disabled={!enabled}
      aria-pressed={pressed}
      aria-label={label}
      title={(title ?? label) + keys}
      data-testid={`tool-${id}`}
      onClick={() => runAction(a, ctx)}
    >
      <ToolIcon name={a.icon} />
    </button>
  );
}

/** The whole list, only subscribed to the journey (for node titles) while it is open. */
function AllIssues({ ctx, issues, onPick }: { ctx: ActionContext; issues: readonly ValidationIssue[]; onPick: (i: ValidationIssue) => void }) {
  const { t } = useTranslation();
  const journey = useStore(ctx.store, (s) => s.journey);
  return issues.length ? <IssueList issues={issues} journey={journey} onPick={onPick} /> : <p className="k-success">{t('canvas.issues.none')}</p>;
}

export function Toolbar({
  ctx,
  saveState,
  unpublished,
  errorCount,
  showMinimap,
  showControls,
  onToggleControls,
  selectMode,
  present,
  search,
  onSearch,
  onSearchNext,
  searchInfo,
  searchRef,
  onVersions,
  onPublish,
  issues,
  onPickIssue,
}: {
  ctx: ActionContext;
  saveState: SaveState;
  unpublished: boolean;
  errorCount: number;
  showMinimap: boolean;
  showControls: boolean;
  onToggleControls: () => void;
  selectMode: boolean;
  present: boolean;
  search: string;
  onSearch: (q: string) => void;
  onSearchNext: (back: boolean) => void;
  searchInfo: string;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onVersions: () => void;
  onPublish: () => void;
  issues: readonly ValidationIssue[];
  onPickIssue: (i: ValidationIssue) => void;
}) {
  const { t } = useTranslation();
  const store = ctx.store;
  const name = useStore(store, (s) => s.journey.name);
  const status = useStore(store, (s) => s.journey.status);
  const revision = useStore(store, (s) => s.journey.revision);
  const readOnly = useStore(store, (s) => s.readOnly);
  const past = useStore(store, (s) => s.history.past);
  const future = useStore(store, (s) => s.history.future);
  const [issuesOpen, setIssuesOpen] = useState(false);
  const warningCount = issues.length - errorCount;
  const lastPast = past[past.length - 1]?.cmd.label;
  const lastFuture = future[future.length - 1]?.cmd.label;

  return (
    <div className={`cv-toolbar${present ? ' cv-toolbar-present' : ''}`} data-testid="canvas-toolbar">
      <div className="cv-toolbar-row">
        <Link to="/journeys" className="cv-tool cv-back" aria-label={t('canvas.toolbar.back')} title={t('canvas.toolbar.back')}>
          ‹
        </Link>
        <input
          className="k-input cv-name"
          value={name}
          maxLength={200}
          readOnly={readOnly}
          aria-label={t('canvas.toolbar.name')}
          data-testid="journey-name"
          onChange={(e) => {
            const s = store.getState();
            s.dispatch(updateMeta(s.journey, 'name', e.target.value));
          }}
        />
        <span className={`cv-status cv-status-${status}`} data-testid="journey-status">
          {t(`canvas.status.${status}`)}
          {revision ? ` · r${revision}` : ''}
        </span>
        {unpublished ? (
          <span className="cv-status cv-status-changed" data-testid="draft-changed" title={t('canvas.toolbar.unpublishedHint')}>
            {t('canvas.toolbar.unpublished')}
          </span>
        ) : null}
        {!readOnly ? (
          <span className={`cv-save cv-save-${saveState}`} data-testid="save-state" role="status">
            {t(`canvas.save.${saveState}`)}
          </span>
        ) : (
          <span className="cv-save" data-testid="read-only">
            {t('canvas.toolbar.readOnly')}
          </span>
        )}
        <span className="cv-spacer" />
        {!present ? (
          <>
            <button type="button" className="cv-tool" onClick={onVersions} aria-label={t('canvas.toolbar.versions')} title={t('canvas.toolbar.versions')} data-testid="tool-versions">
              <ToolIcon name="versions" />
            </button>
            <Link to="/journeys" className="cv-tool" aria-label={t('canvas.toolbar.export')} title={t('canvas.toolbar.exportHint')} data-testid="tool-export">
              <ToolIcon name="export" />
            </Link>
          </>
        ) : null}
        {!present ? (
          <div className="cv-issues-menu">
            <button
              type="button"
              className={`cv-tool cv-issues-toggle${errorCount ? ' cv-issues-bad' : warningCount ? ' cv-issues-warn' : ' cv-issues-ok'}`}
              aria-expanded={issuesOpen}
              onClick={() => setIssuesOpen((v) => !v)}
              data-testid="issues-toggle"
              data-errors={errorCount}
              title={t('canvas.issues.title')}
            >
              {errorCount || warningCount ? t('canvas.issues.count', { errors: errorCount, warnings: warningCount }) : t('canvas.issues.ok')}
            </button>
            {issuesOpen ? (
              <div className="cv-issues-pop" data-testid="issues-panel">
                <AllIssues
                  ctx={ctx}
                  issues={issues}
                  onPick={(i) => {
                    onPickIssue(i);
                    setIssuesOpen(false);
                  }}
                />
              </div>
            ) : null}
          </div>
        ) : null}
        <ActionButton id="present" ctx={ctx} pressed={present} title={t(present ? 'canvas.toolbar.leavePresent' : 'canvas.actions.present')} />
        {!present ? (
          <span title={errorCount ? t('canvas.publish.blocked', { count: errorCount }) : readOnly ? t('canvas.toolbar.readOnly') : t('canvas.publish.title')}>
            <button type="button" className="k-btn k-btn-primary cv-publish" disabled={readOnly || errorCount > 0} onClick={onPublish} data-testid="publish">
              {t('canvas.publish.button')}
            </button>
          </span>
        ) : null}
      </div>
      {!present ? (
        <div className="cv-toolbar-row cv-tools" role="toolbar" aria-label={t('canvas.toolbar.tools')}>
          <ActionButton id="undo" ctx={ctx} title={lastPast ? t('canvas.toolbar.undoWhat', { what: t(`canvas.commands.${lastPast}`) }) : undefined} />
          <ActionButton id="redo" ctx={ctx} title={lastFuture ? t('canvas.toolbar.redoWhat', { what: t(`canvas.commands.${lastFuture}`) }) : undefined} />
          <span className="cv-sep" />
          <ActionButton id="delete" ctx={ctx} />
          <ActionButton id="copy" ctx={ctx} />
          <ActionButton id="paste" ctx={ctx} />
          <ActionButton id="duplicate" ctx={ctx} />
          <ActionButton id="selectAll" ctx={ctx} />
          <ActionButton id="selectMode" ctx={ctx} pressed={selectMode} />
          <span className="cv-sep" />
          <ActionButton id="autoLayout" ctx={ctx} />
          <ActionButton id="fitView" ctx={ctx} />
          <ActionButton id="minimap" ctx={ctx} pressed={showMinimap} />
          <button type="button" className={`cv-tool${showControls ? ' cv-on' : ''}`} aria-pressed={showControls} onClick={onToggleControls} aria-label={t('canvas.toolbar.controls')} title={t('canvas.toolbar.controls')} data-testid="tool-controls">
            <ToolIcon name="controls" />
          </button>
          <ActionButton id="addNote" ctx={ctx} />
          <ActionButton id="settings" ctx={ctx} />
          <span className="cv-spacer" />
          <div className="cv-search">
            <input
              ref={searchRef}
              className="k-input"
              type="search"
              value={search}
              placeholder={t('canvas.search.placeholder')}
              aria-label={t('canvas.search.label')}
              data-testid="canvas-search"
              onChange={(e) => onSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  onSearchNext(e.shiftKey);
                } else if (e.key === 'Escape') onSearch('');
              }}
            />
            {search ? (
              <span className="k-muted cv-search-info" data-testid="search-info">
                {searchInfo}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
