import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, NODE_TYPES, type NodeType } from '../../core/journey/catalogue';
import { pick } from '../../core/journey/text';
import { NodeIcon, ToolIcon } from './icons';
import { useLang } from '../kit/useLocale';

/** Movement (px) past which a press on a palette item is a drag, not a tap. */
const DRAG_SLOP = 6;

interface Drag {
  type: NodeType;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moved: boolean;
}

/**
 * The node types by category. Dragging uses pointer events (mouse, pen and touch alike): press an
 * item, a ghost follows the pointer, release over the canvas to drop there. A tap or click adds
 * the node at the centre of the view.
 */
export function Palette({
  collapsed,
  onToggle,
  onDrop,
  onAddNote,
}: {
  collapsed: boolean;
  onToggle: () => void;
  /** Drop at a screen point, or null for "the centre of the view". */
  onDrop: (type: NodeType, at: { x: number; y: number } | null) => void;
  onAddNote: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const update = (d: Drag | null) => {
    dragRef.current = d;
    setDrag(d);
  };

  const down = (e: ReactPointerEvent<HTMLButtonElement>, type: NodeType) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    update({ type, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, x: e.clientX, y: e.clientY, moved: false });
  };
  const move = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = dragRef.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const moved = d.moved || Math.hypot(e.clientX - d.startX, e.clientY - d.startY) > DRAG_SLOP;
    update({ ...d, x: e.clientX, y: e.clientY, moved });
  };
  const up = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = dragRef.current;
    if (!d || d.pointerId !== e.pointerId) return;
    update(null);
    if (!d.moved) return onDrop(d.type, null);
    const target = document.elementFromPoint(e.clientX, e.clientY);
    if (target?.closest('[data-canvas-drop]')) onDrop(d.type, { x: e.clientX, y: e.clientY });
  };
  const cancel = () => update(null);

  return (
    <aside className={`cv-palette${collapsed ? ' cv-collapsed' : ''}`} data-testid="palette" aria-label={t('canvas.palette.title')}>
      <div className="cv-panel-head">
        {!collapsed ? <strong>{t('canvas.palette.title')}</strong> : null}
        <button type="button" className="cv-icon-btn" onClick={onToggle} aria-label={t(collapsed ? 'canvas.palette.expand' : 'canvas.palette.collapse')} title={t(collapsed ? 'canvas.palette.expand' : 'canvas.palette.collapse')} data-testid="palette-toggle">
          <ToolIcon name="panel" />
        </button>
      </div>
      <div className="cv-palette-list">
        {CATEGORIES.map((cat) => (
          <section key={cat} className="cv-palette-cat">
            {!collapsed ? <h3>{t(`canvas.palette.categories.${cat}`)}</h3> : <hr />}
            {NODE_TYPES.filter((n) => n.category === cat).map((n) => (
              <button
                key={n.type}
                type="button"
                className={`cv-palette-item cv-cat-${cat}`}
                data-testid={`palette-${n.type}`}
                title={`${pick(n.title, lang)}: ${pick(n.description, lang)}`}
                aria-label={pick(n.title, lang)}
                onPointerDown={(e) => down(e, n)}
                onPointerMove={move}
                onPointerUp={up}
                onPointerCancel={cancel}
                onLostPointerCapture={(e) => dragRef.current?.pointerId === e.pointerId && setTimeout(() => dragRef.current?.pointerId === e.pointerId && cancel(), 0)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onDrop(n, null))}
                onContextMenu={(e) => e.preventDefault()}
              >
                <span className="cv-node-icon">
                  <NodeIcon name={n.icon} />
                </span>
                {!collapsed ? <span className="cv-palette-label">{pick(n.title, lang)}</span> : null}
              </button>
            ))}
          </section>
        ))}
        <section className="cv-palette-cat">
          {!collapsed ? <h3>{t('canvas.palette.categories.other')}</h3> : <hr />}
          <button type="button" className="cv-palette-item" data-testid="palette-note" onClick={onAddNote} title={t('canvas.actions.addNote')} aria-label={t('canvas.actions.addNote')}>
            <span className="cv-node-icon">
              <ToolIcon name="note" size={20} />
            </span>
            {!collapsed ? <span className="cv-palette-label">{t('canvas.actions.addNote')}</span> : null}
          </button>
        </section>
      </div>
      {drag?.moved
        ? createPortal(
            <div className={`cv-ghost cv-cat-${drag.type.category}`} style={{ transform: `translate(${drag.x + 8}px, ${drag.y + 8}px)` }} data-testid="palette-ghost">
              <NodeIcon name={drag.type.icon} />
              <span>{pick(drag.type.title, lang)}</span>
            </div>,
            document.body,
          )
        : null}
    </aside>
  );
}
