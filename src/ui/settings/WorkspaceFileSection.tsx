import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useCanWrite } from '../../app/store';
import { CANCELLED, activateImportedWorkspace, localJob, runTrackedJob } from '../../app/workspaceActions';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { Button, downloadBlob, ErrorBox, formatNumber, useLocale } from '../kit';

function todayLocal(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}


/** Save the active workspace to a file; open a workspace file as a new workspace. */
export function WorkspaceFileSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCanWrite();
  const busy = useAppStore((s) => s.jobs.length > 0);
  const { db, workspace } = useActiveWorkspace();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);

  const doExport = async () => {
    if (!db || !workspace) return;
    setMessage(null);
    setError(null);
    try {
      const { exportWorkspace, workspaceFileName } = await import('../../storage/workspaceFile');
      const blob = await runTrackedJob('exportWorkspace', (onProgress) => localJob((p, token) => exportWorkspace(db, p, token), onProgress));
      if (blob === CANCELLED) return;
      const fileName = workspaceFileName(workspace.name, todayLocal());
      downloadBlob(blob, fileName);
      setMessage(t('settings.file.exported', { file: fileName }));
    } catch (e) {
      setError({ title: t('settings.file.exportFailed'), error: e });
    }
  };

  const doImport = async (file: File) => {
    setMessage(null);
    setError(null);
    try {
      const { importWorkspaceFile } = await import('../../storage/workspaceFile');
      const r = await runTrackedJob('importWorkspace', (onProgress) => localJob((p, token) => importWorkspaceFile(file, p, token), onProgress));
      if (r === CANCELLED) return;
      await activateImportedWorkspace(r.workspaceId);
      const ws = useAppStore.getState().workspace;
      const counts = r.counts as Record<string, number>;
      setMessage(
        t('settings.file.imported', {
          name: ws?.name ?? file.name,
          members: formatNumber(counts.members ?? 0, locale),
          orders: formatNumber(counts.orders ?? 0, locale),
        }),
      );
    } catch (e) {
      setError({ title: t('settings.file.importFailed'), error: e });
    }
  };

  return (
    <section className="k-card section" data-testid="settings-file">
      <h2>{t('settings.file.title')}</h2>
      <p className="k-muted">{t('settings.file.body')}</p>
      <div className="k-row">
        <Button variant="primary" disabled={!db || busy} onClick={() => void doExport()} data-testid="export-workspace">
          {t('settings.file.export')}
        </Button>
        <Button disabled={!canWrite || busy} onClick={() => input.current?.click()} data-testid="import-workspace-file">
          {t('settings.file.import')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".gz,.ndjson,application/gzip,application/x-ndjson"
          hidden
          data-testid="import-workspace-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void doImport(f);
          }}
        />
      </div>
      {message ? <p className="k-success" role="status" data-testid="workspace-file-message">{message}</p> : null}
      {error ? <ErrorBox title={error.title} error={error.error} testId="workspace-file-error" /> : null}
    </section>
  );
}
