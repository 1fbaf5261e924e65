import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIONS, runAction, type ActionContext } from './actions';
import { ToolIcon } from './icons';

/** The node's menu (right-click, long-press): the registry's actions marked inMenu. */
export function NodeMenu({ x, y, ctx, onClose }: { x: number; y: number; ctx: ActionContext; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    // Wait a frame so the touch that opened the menu does not close it.
    const id = setTimeout(() => {
      window.addEventListener('pointerdown', away, true);
      window.addEventListener('keydown', esc);
    }, 50);
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    return () => {
      clearTimeout(id);
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('keydown', esc);
    };
  }, [onClose]);
  const readOnly = ctx.store.getState().readOnly;
  const items = ACTIONS.filter((a) => a.inMenu && (!readOnly || a.readOnlySafe));
  const left = Math.min(x, window.innerWidth - 200);
  const top = Math.min(y, window.innerHeight - 48 * items.length - 16);
  return (
    <div ref={ref} className="cv-menu" role="menu" style={{ left, top }} data-testid="node-menu">
      {items.map((a) => (
        <button
          key={a.id}
          type="button"
          role="menuitem"
          className="cv-menu-item"
          disabled={!a.enabled(ctx)}
          data-testid={`menu-${a.id}`}
          onClick={() => {
            runAction(a, ctx);
            onClose();
          }}
        >
          <ToolIcon name={a.icon} />
          <span>{t(`canvas.actions.${a.label}`)}</span>
        </button>
      ))}
    </div>
  );
}
