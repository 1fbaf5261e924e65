import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useCanWrite } from '../../app/store';
import {
  CANCELLED, generateDemo, removeWorkspace, renameWorkspaceTo, switchWorkspace, type DemoOptions,
} from '../../app/workspaceActions';
import type { WorkspaceEntry } from '../../storage/db';
import { Button, ConfirmDialog, ErrorBox, formatDate, useLocale } from '../kit';
import { NewDemoDialog } from './NewDemoDialog';
import { displayWorkspaceName } from '../../app/workspaceName';

function WorkspaceRow({ ws, active, onDelete }: { ws: WorkspaceEntry; active: boolean; onDelete: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCanWrite();
  const busy = useAppStore((s) => s.jobs.length > 0);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(ws.name);
  const [error, setError] = useState<unknown>(null);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(new Error(t('settings.workspaces.nameEmpty')));
    try {
      await renameWorkspaceTo(ws.id, trimmed);
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <li className={`ws-row${active ? ' is-active' : ''}`} data-testid="workspace-row" data-workspace-id={ws.id}>
      <div className="ws-main">
        {editing ? (
          <form
            className="k-row"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input
              className="k-input"
              value={name}
              maxLength={200}
              aria-label={t('settings.workspaces.nameLabel')}
              data-testid="workspace-rename-input"
              autoFocus
              onChange={(e) => setName(e.target.value)}
            />
            <Button type="submit" variant="primary" data-testid="workspace-rename-save">
              {t('settings.workspaces.save')}
            </Button>
            <Button onClick={() => { setEditing(false); setName(ws.name); setError(null); }}>{t('kit.cancel')}</Button>
          </form>
        ) : (
          <>
            <strong className="ws-name">{displayWorkspaceName(ws.name, t)}</strong>
            {active ? <span className="k-chip chip-active">{t('settings.workspaces.active')}</span> : null}
            <span className="k-muted small">{t('settings.workspaces.created', { date: formatDate(ws.createdAt, locale) })}</span>
          </>
        )}
        {error ? <ErrorBox error={error} /> : null}
      </div>
      {!editing ? (
        <div className="k-row ws-actions">
          {!active ? (
            <Button onClick={() => void switchWorkspace(ws.id)} disabled={busy} data-testid="workspace-open">
              {t('settings.workspaces.open')}
            </Button>
          ) : null}
          <Button onClick={() => setEditing(true)} disabled={!canWrite} data-testid="workspace-rename">
            {t('settings.workspaces.rename')}
          </Button>
          <Button variant="danger" onClick={onDelete} disabled={!canWrite || busy} data-testid="workspace-delete">
            {t('settings.workspaces.delete')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/** Every workspace on this device: open, rename, delete, or generate a new demo one. */
export function WorkspacesSection() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const workspaces = useAppStore((s) => s.workspaces);
  const activeId = useAppStore((s) => s.workspaceId);
  const busy = useAppStore((s) => s.jobs.length > 0);
  const [deleting, setDeleting] = useState<WorkspaceEntry | null>(null);
  const [demoOpen, setDemoOpen] = useState(false);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);

  const create = async (o: DemoOptions) => {
    setDemoOpen(false);
    setError(null);
    try {
      const r = await generateDemo(o);
      if (r === CANCELLED) return;
    } catch (e) {
      setError({ title: t('settings.demo.failed'), error: e });
    }
  };

  const confirmDelete = async () => {
    const ws = deleting;
    setDeleting(null);
    if (!ws) return;
    try {
      await removeWorkspace(ws.id);
    } catch (e) {
      setError({ title: t('kit.error'), error: e });
    }
  };

  return (
    <section className="k-card section" data-testid="settings-workspaces">
      <div className="section-head">
        <div>
          <h2>{t('settings.workspaces.title')}</h2>
          <p className="k-muted">{t('settings.workspaces.body')}</p>
        </div>
        <Button variant="primary" disabled={!canWrite || busy} onClick={() => setDemoOpen(true)} data-testid="new-demo">
          {t('settings.workspaces.newDemo')}
        </Button>
      </div>
      {!canWrite ? <p className="k-muted">{t('settings.workspaces.readonly')}</p> : null}
      {error ? <ErrorBox title={error.title} error={error.error} /> : null}
      <ul className="ws-list">
        {workspaces.map((w) => (
          <WorkspaceRow key={w.id} ws={w} active={w.id === activeId} onDelete={() => setDeleting(w)} />
        ))}
      </ul>
      <NewDemoDialog open={demoOpen} onCreate={(o) => void create(o)} onClose={() => setDemoOpen(false)} />
      <ConfirmDialog
        open={deleting !== null}
        title={t('settings.workspaces.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('settings.workspaces.delete')}
        danger
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>{t('settings.workspaces.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
