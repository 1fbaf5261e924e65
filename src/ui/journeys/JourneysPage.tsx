import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { newId } from '../../core/journey/ids';
import { pick, type Text } from '../../core/journey/text';
import { configDefaults, nodeType } from '../../core/journey';
import type { Journey, JourneyNode } from '../../core/model';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { useCanWrite } from '../../app/store';
import { createJourney, deleteJourney, draftChanged, duplicateJourney, listJourneys, saveJourney } from '../../storage/journeys';
import { Button, ConfirmDialog, EmptyState, ErrorBox, formatDateTime, formatNumber, Table, useLang, useLocale, type Column } from '../kit';
import { exportJourney, readJourneyFile } from './journeyFiles';
import { TemplateDialog } from './TemplateDialog';
import { VersionsDialog } from './VersionsDialog';
import './journeys.css';

interface Row {
  journey: Journey;
  /** The draft differs from its latest published version. */
  changed: boolean;
}

/** What an import reported: the journey made, and what was repaired or left to re-link. */
interface ImportReport {
  name: string;
  warnings: Text[];
  unresolved: { id: string; name: string }[];
}

function blankNode(type: string, x: number): JourneyNode {
  const nt = nodeType(type);
  return { id: newId('n'), type, label: '', position: { x, y: 0 }, config: nt ? configDefaults(nt.fields) : {} };
}

/** A new journey: one audience entry leading to an exit (the entry's audience is chosen in the editor). */
function blankGraph() {
  const entry = blankNode('entry.audience', 0);
  const exit = blankNode('flow.exit', 320);
  return { nodes: [entry, exit], edges: [{ id: newId('e'), source: entry.id, sourcePort: 'next', target: exit.id }] };
}

/** /journeys: every journey with its status; create (blank, from a template, from a file), duplicate, export, delete, versions. */
export function JourneysPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const lang = useLang();
  const canWrite = useCanWrite();
  const navigate = useNavigate();
  const { db } = useActiveWorkspace();
  const fileInput = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<{ title?: string; error: unknown } | null>(null);
  const [notice, setNotice] = useState<{ text: string; id: string } | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'template' } | { kind: 'versions'; journey: Journey } | { kind: 'delete'; journey: Journey } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    if (!db) return;
    listJourneys(db)
      .then((js) => Promise.all(js.map(async (journey) => ({ journey, changed: journey.revision > 0 && (await draftChanged(db, journey)) }))))
      .then(setRows, (e: unknown) => setError({ error: e }));
  }, [db]);
  useEffect(reload, [reload]);

  if (!db) return null;

  const run = async (f: () => Promise<unknown>, title?: string) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError({ title, error: e });
    } finally {
      setBusy(false);
      reload();
    }
  };
  const clearMessages = () => {
    setNotice(null);
    setImported(null);
  };

  const newBlank = () =>
    run(async () => {
      const j = await createJourney(db, { name: t('journeys.newName'), ...blankGraph() });
      navigate(`/journeys/${j.id}`);
    });

  const importFile = (file: File) =>
    run(async () => {
      clearMessages();
      const res = await readJourneyFile(db, file);
      if (!res.ok) {
        const where = res.error.path ? ` (${t('journeys.importing.at', { path: res.error.path })})` : '';
        setError({ title: t('journeys.importing.failed'), error: new Error(pick(res.error.message, lang) + where) });
        return;
      }
      const j = await saveJourney(db, res.journey);
      setImported({ name: j.name, warnings: res.warnings, unresolved: res.unresolvedAudiences });
      setNotice({ text: t('journeys.importing.done', { name: j.name }), id: j.id });
    }, t('journeys.importing.failed'));

  const columns: Column<Row>[] = [
    {
      key: 'name',
      header: t('journeys.list.name'),
      render: ({ journey: j }) => (
        <div className="jr-name">
          <Link to={`/journeys/${j.id}`} data-testid="journey-open" onClick={(e) => e.stopPropagation()}>
            {j.name}
          </Link>
          {j.description ? <span className="k-muted small jr-desc">{j.description}</span> : null}
        </div>
      ),
    },
    {
      key: 'status',
      header: t('journeys.list.status'),
      render: ({ journey: j, changed }) => (
        <div className="jr-status" data-testid="journey-status">
          <span className={`k-chip jr-chip-${j.status}`}>{t(`journeys.status.${j.status}`)}</span>
          <span className="k-muted small">{j.revision > 0 ? t('journeys.list.revision', { n: j.revision }) : t('journeys.list.neverPublished')}</span>
          {j.revision > 0 ? (
            <span className={`small ${changed ? 'jr-changed' : 'k-muted'}`} data-testid={changed ? 'journey-changed' : undefined}>
              {changed ? t('journeys.list.changed') : t('journeys.list.unchanged')}
            </span>
          ) : null}
        </div>
      ),
    },
    { key: 'nodes', header: t('journeys.list.nodes'), align: 'num', render: ({ journey: j }) => <span data-testid="journey-node-count">{formatNumber(j.nodes.length, locale)}</span> },
    { key: 'owner', header: t('journeys.list.owner'), render: ({ journey: j }) => j.owner || '—' },
    { key: 'updated', header: t('journeys.list.updated'), render: ({ journey: j }) => <span className="jr-when">{formatDateTime(j.updatedAt, locale)}</span> },
    {
      key: 'actions',
      header: t('journeys.list.actions'),
      render: ({ journey: j }) => (
        <div className="k-row jr-actions" onClick={(e) => e.stopPropagation()}>
          <Button className="k-btn-sm" data-testid="journey-versions" onClick={() => setDialog({ kind: 'versions', journey: j })}>
            {t('journeys.list.versions')}
          </Button>
          <Button
            className="k-btn-sm"
            disabled={!canWrite || busy}
            data-testid="journey-duplicate"
            onClick={() => void run(() => duplicateJourney(db, j.id, `${j.name} ${t('journeys.copySuffix')}`.slice(0, 200)))}
          >
            {t('journeys.list.duplicate')}
          </Button>
          <Button className="k-btn-sm" data-testid="journey-export" onClick={() => void run(() => exportJourney(db, j))}>
            {t('journeys.list.export')}
          </Button>
          <Button className="k-btn-sm" variant="danger" disabled={!canWrite || busy} data-testid="journey-delete" onClick={() => setDialog({ kind: 'delete', journey: j })}>
            {t('journeys.list.delete')}
          </Button>
        </div>
      ),
    },
  ];

  const fromTemplate = (
    <Button variant={rows?.length === 0 ? 'primary' : 'secondary'} disabled={!canWrite || busy} data-testid="journey-from-template" onClick={() => setDialog({ kind: 'template' })}>
      {t('journeys.newFromTemplate')}
    </Button>
  );
  const blank = (
    <Button variant={rows?.length === 0 ? 'secondary' : 'primary'} disabled={!canWrite || busy} data-testid="journey-new" onClick={() => void newBlank()}>
      + {t('journeys.new')}
    </Button>
  );
  const importButton = (
    <Button disabled={!canWrite || busy} data-testid="journey-import" onClick={() => fileInput.current?.click()}>
      {t('journeys.import')}
    </Button>
  );

  return (
    <div className="page" data-testid="journeys-page">
      <div className="page-head">
        <h1 className="page-title">{t('journeys.title')}</h1>
        {rows && rows.length > 0 ? (
          <div className="k-row">
            {importButton}
            {fromTemplate}
            {blank}
          </div>
        ) : null}
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="journey-import-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </div>
      {!canWrite ? <p className="k-muted">{t('journeys.list.readOnly')}</p> : null}
      {error ? <ErrorBox title={error.title} error={error.error} testId="journeys-error" /> : null}
      {notice ? (
        <div className="jr-notice" role="status" data-testid="journeys-notice">
          <span className="k-success">{notice.text}</span>
          <Link className="k-btn k-btn-ghost k-btn-sm" to={`/journeys/${notice.id}`}>
            {t('journeys.open')}
          </Link>
        </div>
      ) : null}
      {imported && (imported.warnings.length > 0 || imported.unresolved.length > 0) ? (
        <div className="k-card jr-import-report" data-testid="journey-import-report">
          {imported.warnings.length > 0 ? (
            <>
              <p>{t('journeys.importing.warnings')}</p>
              <ul data-testid="journey-import-warnings">
                {imported.warnings.map((w, i) => (
                  <li key={i}>{pick(w, lang)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {imported.unresolved.length > 0 ? (
            <>
              <p>{t('journeys.importing.unresolved')}</p>
              <ul data-testid="journey-import-unresolved">
                {imported.unresolved.map((a) => (
                  <li key={a.id}>{a.name || t('journeys.importing.unnamed', { id: a.id })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {rows && rows.length === 0 ? (
        <EmptyState
          title={t('journeys.list.empty')}
          testId="journeys-empty"
          actions={
            <>
              {fromTemplate}
              {blank}
              {importButton}
            </>
          }
        >
          {t('journeys.list.emptyBody')}
        </EmptyState>
      ) : (
        <div className="k-card">
          <Table
            columns={columns}
            rows={rows ?? []}
            loading={!rows}
            rowKey={(r) => r.journey.id}
            rowTestId="journey-row"
            onRowClick={(r) => navigate(`/journeys/${r.journey.id}`)}
          />
        </div>
      )}
      {dialog?.kind === 'template' ? (
        <TemplateDialog
          db={db}
          onClose={() => setDialog(null)}
          onCreated={(j) => {
            // Straight to the canvas: a template is a start to fill in, not a finished journey.
            setDialog(null);
            navigate(`/journeys/${j.id}`);
          }}
        />
      ) : null}
      {dialog?.kind === 'versions' ? (
        <VersionsDialog
          db={db}
          journey={dialog.journey}
          onClose={() => {
            setDialog(null);
            reload();
          }}
          onRestored={() => reload()}
        />
      ) : null}
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        danger
        title={t('journeys.list.deleteTitle')}
        confirmLabel={t('journeys.list.delete')}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          const j = dialog?.kind === 'delete' ? dialog.journey : null;
          setDialog(null);
          if (j) void run(() => deleteJourney(db, j.id));
        }}
      >
        <p>{dialog?.kind === 'delete' ? t('journeys.list.deleteBody', { name: dialog.journey.name, n: dialog.journey.revision }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
