import type { ReactNode } from 'react';

export function EmptyState({ title, children, actions, testId }: { title: string; children?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <div className="k-empty" data-testid={testId}>
      <h2>{title}</h2>
      {children ? <div className="k-empty-body">{children}</div> : null}
      {actions ? <div className="k-row k-empty-actions">{actions}</div> : null}
    </div>
  );
}
