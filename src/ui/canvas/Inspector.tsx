import { useTranslation } from 'react-i18next';
import { nodeType } from '../../core/journey/catalogue';
import { updateMeta, updateNode } from '../../core/journey/commands';
import { fieldActive } from '../../core/journey/fields';
import { pick } from '../../core/journey/text';
import type { ValidationIssue } from '../../core/journey/validate';
import type { JourneySettings } from '../../core/model/journey';
import { SettingsPanel } from './settings/SettingsPanel';
import { useEditor, useEditorStore } from './editorContext';
import { FieldWidget, type FieldLists } from './fieldWidgets';
import { IssueList } from './IssuesPanel';
import { ToolIcon } from './icons';
import { useLang } from '../kit/useLocale';

/**
 * The right panel: the selected node's form, generated from its type's fields (nothing about a
 * node type is written here), or with nothing selected the journey's settings and all issues.
 */
export function Inspector({
  lists,
  issues,
  collapsed,
  onToggle,
  onPickIssue,
}: {
  lists: FieldLists;
  issues: readonly ValidationIssue[];
  collapsed: boolean;
  onToggle: () => void;
  onPickIssue: (i: ValidationIssue) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const store = useEditorStore();
  const readOnly = useEditor((s) => s.readOnly);
  const selection = useEditor((s) => s.selection);
  const journey = useEditor((s) => s.journey);
  const nodeId = selection.nodes.length === 1 && selection.notes.length === 0 ? selection.nodes[0] : null;
  const node = nodeId ? journey.nodes.find((n) => n.id === nodeId) : undefined;
  const nt = node ? nodeType(node.type) : undefined;
  const multi = selection.nodes.length + selection.notes.length > 1;

  const setField = (key: string, v: unknown) => {
    const s = store.getState();
    const n = s.journey.nodes.find((x) => x.id === nodeId);
    if (!n) return;
    s.dispatch(updateNode(s.journey, n.id, { config: { ...n.config, [key]: v } }, `node:${n.id}:${key}`));
  };
  const setLabel = (label: string) => {
    const s = store.getState();
    if (nodeId) s.dispatch(updateNode(s.journey, nodeId, { label }, `node:${nodeId}:label`));
  };
  const onMeta = (patch: { name?: string; description?: string; owner?: string; settings?: JourneySettings }) => {
    for (const field of ['name', 'description', 'owner', 'settings'] as const) {
      const v = patch[field];
      if (v === undefined) continue;
      const s = store.getState();
      s.dispatch(updateMeta(s.journey, field, v));
    }
  };

  if (collapsed)
    return (
      <aside className="cv-inspector cv-collapsed" data-testid="inspector">
        <button type="button" className="cv-icon-btn" onClick={onToggle} aria-label={t('canvas.inspector.expand')} title={t('canvas.inspector.expand')} data-testid="inspector-toggle">
          <ToolIcon name="panel" />
        </button>
      </aside>
    );

  const nodeIssues = node ? issues.filter((i) => i.nodeId === node.id) : [];
  return (
    <aside className="cv-inspector" data-testid="inspector" aria-label={t('canvas.inspector.title')}>
      <div className="cv-panel-head">
        <strong>{node && nt ? pick(nt.title, lang) : multi ? t('canvas.inspector.multi', { count: selection.nodes.length + selection.notes.length }) : t('canvas.inspector.journey')}</strong>
        <button type="button" className="cv-icon-btn" onClick={onToggle} aria-label={t('canvas.inspector.collapse')} title={t('canvas.inspector.collapse')} data-testid="inspector-toggle">
          <ToolIcon name="panel" />
        </button>
      </div>
      <div className="cv-inspector-body">
        {node && nt ? (
          <form className="cv-form" onSubmit={(e) => e.preventDefault()} data-testid="node-form" data-node-id={node.id}>
            <p className="k-muted cv-help">{pick(nt.description, lang)}</p>
            <label className="cv-field">
              <span>{t('canvas.inspector.label')}</span>
              <input className="k-input" value={node.label} maxLength={200} placeholder={pick(nt.title, lang)} readOnly={readOnly} data-testid="field-label" onChange={(e) => setLabel(e.target.value)} />
            </label>
            {Object.entries(nt.fields).map(([key, f]) => {
              if (!fieldActive(f, node.config)) return null;
              const id = `f-${key}`;
              const own = nodeIssues.filter((i) => i.field === key);
              return (
                <div className="cv-field" key={key} data-field={key}>
                  <label htmlFor={id}>{pick(f.label, lang)}</label>
                  <FieldWidget id={id} field={f} value={node.config[key]} onChange={(v) => setField(key, v)} lists={{ ...lists, nodes: lists.nodes.filter((n) => n.id !== node.id) }} readOnly={readOnly} lang={lang} config={node.config} />
                  {f.help ? <small className="k-muted cv-help">{pick(f.help, lang)}</small> : null}
                  {own.map((i, k) => (
                    <small key={k} className={i.severity === 'error' ? 'cv-field-error' : 'cv-field-warn'}>
                      {pick(i.message, lang)}
                    </small>
                  ))}
                </div>
              );
            })}
            <h4 className="cv-subhead">{t('canvas.inspector.nodeIssues')}</h4>
            {nodeIssues.length ? <IssueList issues={nodeIssues} journey={journey} onPick={onPickIssue} /> : <p className="k-success" data-testid="node-ok">{t('canvas.inspector.noIssues')}</p>}
          </form>
        ) : multi ? (
          <p className="k-muted">{t('canvas.inspector.multiHelp')}</p>
        ) : selection.notes.length === 1 ? (
          <p className="k-muted">{t('canvas.inspector.noteHelp')}</p>
        ) : (
          <>
            <SettingsPanel journey={journey} readOnly={readOnly} onChange={onMeta} />
            <h4 className="cv-subhead">{t('canvas.issues.title')}</h4>
            {issues.length ? <IssueList issues={issues} journey={journey} onPick={onPickIssue} /> : <p className="k-success">{t('canvas.issues.none')}</p>}
          </>
        )}
      </div>
    </aside>
  );
}
