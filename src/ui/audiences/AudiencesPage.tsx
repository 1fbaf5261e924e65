import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../../core/model';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { useCanWrite } from '../../app/store';
import { deleteAudience, duplicateAudience, listAudiences } from '../../storage/audiences';
import { Button, ConfirmDialog, EmptyState, ErrorBox, formatDateTime, formatNumber, Table, useLocale, type Column } from '../kit';
import { AudienceEditor } from './AudienceEditor';
import './audiences.css';

/** /audiences: the saved audiences, and (?edit=<id> or ?edit=new) one audience's editor. */
export function AudiencesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCanWrite();
  const { db, workspace } = useActiveWorkspace();
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit');
  const [rows, setRows] = useState<Audience[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [toDelete, setToDelete] = useState<Audience | null>(null);

  const reload = useCallback(() => {
    if (!db) return;
    listAudiences(db).then(setRows, setError);
  }, [db]);
  useEffect(reload, [reload, editing]);

  if (!db || !workspace) return null;
  const open = (id: string | null) => setParams(id ? { edit: id } : {});

  if (editing) {
    return (
      <AudienceEditor
        key={`${workspace.id}-${editing}`}
        db={db}
        workspace={workspace}
        audienceId={editing === 'new' ? null : editing}
        saved={rows ?? []}
        onClose={() => open(null)}
      />
    );
  }

  const act = (f: () => Promise<unknown>) => f().then(reload, setError);
  const columns: Column<Audience>[] = [
    { key: 'name', header: t('audiences.list.name'), render: (a) => <strong>{a.name}</strong> },
    { key: 'description', header: t('audiences.list.description'), render: (a) => <span className="aud-desc">{a.description}</span> },
    { key: 'count', header: t('audiences.list.lastCount'), align: 'num', render: (a) => (a.lastCount === null ? '—' : formatNumber(a.lastCount, locale)) },
    { key: 'updated', header: t('audiences.list.updated'), render: (a) => formatDateTime(a.updatedAt, locale) },
    {
      key: 'actions',
      header: t('audiences.list.actions'),
      render: (a) => (
        <div className="k-row aud-actions" onClick={(e) => e.stopPropagation()}>
          <Button className="k-btn-sm" data-testid="audience-edit" onClick={() => open(a.id)}>
            {t('audiences.list.edit')}
          </Button>
          <Button className="k-btn-sm" disabled={!canWrite} data-testid="audience-duplicate" onClick={() => act(() => duplicateAudience(db, a.id, t('audiences.copySuffix')))}>
            {t('audiences.list.duplicate')}
          </Button>
          <Button className="k-btn-sm" variant="danger" disabled={!canWrite} data-testid="audience-delete" onClick={() => setToDelete(a)}>
            {t('audiences.list.delete')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <div className="page" data-testid="audiences-page">
      <div className="page-head">
        <h1 className="page-title">{t('audiences.title')}</h1>
        <Button variant="primary" data-testid="audience-new" disabled={!canWrite} onClick={() => open('new')}>
          + {t('audiences.new')}
        </Button>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {rows && rows.length === 0 ? (
        <EmptyState title={t('audiences.list.empty')} testId="audiences-empty">
          {t('audiences.list.emptyBody')}
        </EmptyState>
      ) : (
        <div className="k-card">
          <Table columns={columns} rows={rows ?? []} loading={!rows} rowKey={(a) => a.id} rowTestId="audience-row" onRowClick={(a) => open(a.id)} />
        </div>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        danger
        title={t('audiences.list.deleteTitle')}
        confirmLabel={t('audiences.list.delete')}
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const a = toDelete;
          setToDelete(null);
          if (a) void act(() => deleteAudience(db, a.id));
        }}
      >
        <p>{t('audiences.list.deleteBody', { name: toDelete?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
