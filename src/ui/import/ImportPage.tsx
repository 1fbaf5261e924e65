import { useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { missingRequired } from '../../core/import';
import { useAppStore, useCanWrite } from '../../app/store';
import { Button, ProgressBar } from '../kit';
import { MappingForm } from './MappingForm';
import { PreviewTable } from './PreviewTable';
import { ResultPanel, ReviewPanel, ErrorReportButton } from './ImportResult';
import { useImportFlow, type ImportStep } from './useImportFlow';
import './import.css';

/** The CSV import wizard at /data/import: pick, map, preview, import with progress, result. */
export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const workspace = useAppStore((s) => s.workspace);
  const flow = useImportFlow(!!workspace);
  const { step, settings, setSettings } = flow;
  const [dragging, setDragging] = useState(false);
  const busy = step.kind === 'running' || step.kind === 'analyzing';

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f && !busy && canWrite) void flow.pick(f);
  };
  const missing = step.kind === 'ready' ? missingRequired(settings.mapping) : [];
  const file = 'file' in step ? step.file : null;
  const analysis = 'analysis' in step ? step.analysis : null;

  return (
    <div className="page imp-page" data-testid="import-page">
      <div className="page-head">
        <h1 className="page-title">{t('import.title')}</h1>
        <Button variant="ghost" onClick={() => navigate('/data')} data-testid="import-back">
          {t('import.back')}
        </Button>
      </div>
      <p className="k-muted">{t('import.intro')}</p>
      {!canWrite ? <p className="k-error" role="alert">{t('import.readOnly')}</p> : null}

      <label
        className={`imp-drop${dragging ? ' imp-drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop"
      >
        <span className="k-btn k-btn-secondary">{t('import.pick')}</span>
        <span className="k-muted">{t('import.drop')}</span>
        <input
          type="file"
          accept=".csv,.gz,text/csv,application/gzip"
          className="sr-only"
          data-testid="import-file"
          disabled={busy || !canWrite}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void flow.pick(f);
          }}
        />
      </label>

      {file ? (
        <p className="small" data-testid="import-file-name">
          {t('import.file', { name: file.name })}
          {analysis?.compressed ? ` · ${t('import.compressed')}` : ''}
        </p>
      ) : null}
      {step.kind === 'analyzing' ? <p className="k-muted">{t('import.reading')}</p> : null}
      {analysis?.encodingNote ? (
        <p className="imp-note" role="status" data-testid="import-encoding-note">
          {t('import.encodingNote')}
        </p>
      ) : null}

      {step.kind === 'ready' && analysis ? (
        <>
          <p className="small" data-testid="import-preset-detected">
            {t('import.preset.label')}: <strong>{t(`import.preset.${analysis.preset.id}`)}</strong>
          </p>
          <MappingForm header={analysis.header} settings={settings} onChange={setSettings} disabled={busy} />
          <PreviewTable analysis={analysis} settings={settings} />
          <fieldset className="imp-target">
            <legend>{t('import.target.label')}</legend>
            {workspace ? (
              <label className="imp-radio">
                <input type="radio" name="imp-target" data-testid="import-target-active" checked={settings.target === 'active'} onChange={() => setSettings({ ...settings, target: 'active' })} />
                {t('import.target.active', { name: workspace.name })}
              </label>
            ) : null}
            <label className="imp-radio">
              <input type="radio" name="imp-target" data-testid="import-target-new" checked={settings.target === 'new' || !workspace} onChange={() => setSettings({ ...settings, target: 'new' })} />
              {t('import.target.new')}
            </label>
          </fieldset>
          {missing.length ? (
            <p className="k-error" data-testid="import-missing">
              {t('import.missing', { fields: missing.map((f) => t(`import.field.${f}`)).join(', ') })}
            </p>
          ) : null}
          <div className="k-row">
            <Button variant="primary" data-testid="import-start" disabled={!canWrite || missing.length > 0} onClick={() => void flow.start()}>
              {t('import.start')}
            </Button>
          </div>
        </>
      ) : null}

      {step.kind === 'running' ? <Running step={step} onCancel={flow.cancel} /> : null}
      {step.kind === 'review' ? <ReviewPanel summary={step.summary} fileName={step.file.name} onImport={flow.importValid} onCancel={flow.cancel} /> : null}
      {step.kind === 'done' ? (
        <ResultPanel
          counts={step.counts}
          summary={step.summary}
          fileName={file?.name ?? 'import'}
          actions={
            <>
              <Button variant="primary" data-testid="import-view-data" onClick={() => navigate('/data/orders')}>
                {t('import.result.viewData')}
              </Button>
              <Button onClick={flow.reset}>{t('import.result.another')}</Button>
            </>
          }
        />
      ) : null}
      {step.kind === 'cancelled' ? (
        <p className="k-card imp-panel" role="status" data-testid="import-cancelled">
          {t('import.cancelled')}
        </p>
      ) : null}
      {step.kind === 'problem' ? (
        <div className="k-error" role="alert" data-testid="import-error">
          <strong>{t('import.problem.title')}</strong>
          <p>{t(`import.problem.${step.problem.code}`, step.problem.detail)}</p>
          {step.summary?.issues.length ? <ErrorReportButton issues={step.summary.issues} fileName={step.file?.name ?? 'import'} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function Running({ step, onCancel }: { step: Extract<ImportStep, { kind: 'running' }>; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const key = `import.phase.${step.progress.phase}`;
  return (
    <section className="k-card imp-panel" data-testid="import-progress">
      <p data-testid="import-phase">{i18n.exists(key) ? t(key) : step.progress.phase}</p>
      <ProgressBar done={step.progress.done} total={step.progress.total} />
      {step.progress.phase === 'commit' && step.progress.total > 0 ? (
        // A big file saves for minutes: say how far in orders, not only in percent.
        <p className="small" data-testid="import-saved">
          {t('import.savedOf', { done: step.progress.done.toLocaleString(i18n.language), total: step.progress.total.toLocaleString(i18n.language) })}
        </p>
      ) : null}
      <div className="k-row">
        <Button variant="danger" data-testid="import-cancel" onClick={onCancel}>
          {t('import.cancel')}
        </Button>
      </div>
    </section>
  );
}
