import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element (focus trap and Escape come with it). */
export function Dialog({
  open,
  title,
  children,
  actions,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** Called on Escape; leave undefined to make the dialog undismissable (e.g. while working). */
  onClose?: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    if (!open && d.open) d.close();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className="k-dialog"
      data-testid={testId}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      <h2 className="k-dialog-title">{title}</h2>
      <div className="k-dialog-body">{children}</div>
      {actions ? <div className="k-row k-dialog-actions">{actions}</div> : null}
    </dialog>
  );
}
