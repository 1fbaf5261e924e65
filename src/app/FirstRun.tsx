import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, EmptyState, ErrorBox, ProgressBar, formatNumber, useLocale } from '../ui/kit';
import { useAppStore, useCanWrite } from './store';
import { createFirstRunDemo } from './boot';
import { phaseLabel } from './phase';

/** Full-screen progress while the first-run demo is generated. */
export function DemoProgressScreen() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const job = useAppStore((s) => s.jobs.find((j) => j.kind === 'demo'));
  return (
    <div className="fullscreen" data-testid="demo-progress">
      <div className="fullscreen-card">
        <div className="hdr-logo hdr-logo-lg" aria-hidden="true" />
        <h1>{t('shell.firstRun.title')}</h1>
        <p className="k-muted">{t('shell.firstRun.body')}</p>
        <p className="fullscreen-phase" data-testid="progress-phase">
          {phaseLabel(t, i18n, job?.phase ?? 'start')}
        </p>
        <ProgressBar done={job?.done ?? 0} total={job?.total ?? 0} />
        <p className="k-muted small" data-testid="demo-progress-count">
          {job && job.total > 0 ? t('shell.firstRun.members', { done: formatNumber(job.done, locale), total: formatNumber(job.total, locale) }) : '\u00a0'}
        </p>
        <Button onClick={() => job?.cancel()} disabled={!job} data-testid="demo-cancel">
          {t('kit.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** No workspace: make a demo or import a CSV. */
export function NoWorkspace() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const demoError = useAppStore((s) => s.demoError);
  return (
    <div className="page">
      {demoError ? <ErrorBox title={t('shell.error.demo')} error={demoError} testId="demo-error" /> : null}
      <EmptyState
        title={t('shell.empty.title')}
        testId="no-workspace"
        actions={
          <>
            <Button variant="primary" disabled={!canWrite} data-testid="create-demo" onClick={() => void createFirstRunDemo()}>
              {t('shell.empty.createDemo')}
            </Button>
            <Button disabled={!canWrite} data-testid="open-import" onClick={() => navigate('/data/import')}>
              {t('shell.empty.importCsv')}
            </Button>
          </>
        }
      >
        <p>{t('shell.empty.body')}</p>
        {!canWrite ? <p className="k-muted">{t('shell.empty.readonly')}</p> : null}
      </EmptyState>
    </div>
  );
}

export function BootError() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.bootError);
  return (
    <div className="page">
      <ErrorBox title={t('shell.error.boot')} error={error ?? ''} testId="boot-error" />
      <div className="k-row">
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t('shell.error.retry')}
        </Button>
      </div>
    </div>
  );
}
