import { memo } from 'react';
import { Handle, Position, useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { nodeType } from '../../core/journey/catalogue';
import { pick } from '../../core/journey/text';
import type { JourneyFlowNode } from './flowModel';
import { NodeIcon } from './icons';
import { useLang } from '../kit/useLocale';

/** Below this zoom nodes are drawn as blocks (see `far`). */
export const FAR_ZOOM = 0.3;

/**
 * A node's face: icon, title, summary, issue badge, its input and one labelled output per port.
 * Memoised on React Flow's props; the data object only changes when the node record or its issue
 * counts change (flowModel caches it), so panning and dragging others re-render nothing here.
 */
export const JourneyNodeView = memo(function JourneyNodeView({ data, selected }: NodeProps<JourneyFlowNode>) {
  const { t } = useTranslation();
  const lang = useLang();
  // Zoomed far out no text can be read: the node's contents are hidden (kept in the layout, so its
  // size and its ports' places do not change). Painting the text and icons of hundreds of nodes
  // is what makes the first pan of a whole fitted journey drop frames; `far` flips only when the
  // zoom crosses FAR_ZOOM, never while panning.
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const { node, issues } = data;
  const nt = nodeType(node.type);
  if (!nt) {
    return (
      <div className="cv-node cv-node-unknown" data-testid="canvas-node" data-node-type={node.type}>
        <Handle type="target" position={Position.Left} id="in" className="cv-handle cv-handle-in" />
        <div className="cv-node-title">{t('canvas.node.unknownType', { type: node.type })}</div>
      </div>
    );
  }
  const title = node.label || pick(nt.title, lang);
  const ports = nt.outputs(node.config);
  const summary = nt.summary(node.config, lang);
  return (
    <div
      className={`cv-node cv-cat-${nt.category}${far ? ' cv-far' : ''}${selected ? ' cv-selected' : ''}${issues.errors ? ' cv-has-errors' : issues.warnings ? ' cv-has-warnings' : ''}`}
      data-testid="canvas-node"
      data-node-type={node.type}
      data-node-title={title}
    >
      {nt.hasInput ? <Handle type="target" position={Position.Left} id="in" className="cv-handle cv-handle-in" data-testid="handle-in" aria-label={t('canvas.node.input')} /> : null}
      <div className="cv-node-head">
        <span className="cv-node-icon">
          <NodeIcon name={nt.icon} />
        </span>
        <span className="cv-node-title">{title}</span>
        {issues.errors ? (
          <span className="cv-badge cv-badge-error" data-testid="node-errors" title={t('canvas.node.errors', { count: issues.errors })}>
            {issues.errors}
          </span>
        ) : issues.warnings ? (
          <span className="cv-badge cv-badge-warn" data-testid="node-warnings" title={t('canvas.node.warnings', { count: issues.warnings })}>
            {issues.warnings}
          </span>
        ) : null}
      </div>
      {summary ? <div className="cv-node-summary">{summary}</div> : null}
      {ports.length === 1 && ports[0].id === 'next' ? (
        // A single unnamed output sits at the middle of the right edge, like the input on the left.
        <Handle type="source" position={Position.Right} id="next" className="cv-handle cv-handle-out cv-handle-single" data-testid="handle-out-next" aria-label={pick(ports[0].label, lang)} />
      ) : ports.length ? (
        <div className="cv-ports">
          {ports.map((p) => (
            <div className="cv-port" key={p.id}>
              <span className="cv-port-label">{pick(p.label, lang)}</span>
              <Handle type="source" position={Position.Right} id={p.id} className="cv-handle cv-handle-out" data-testid={`handle-out-${p.id}`} aria-label={pick(p.label, lang)} />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
});
