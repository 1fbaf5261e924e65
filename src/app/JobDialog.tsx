import { useTranslation } from 'react-i18next';
import { ProgressDialog } from '../ui/kit';
import { useAppStore } from './store';
import { phaseLabel } from './phase';

/** The progress of a long job started anywhere (new demo, workspace export/import), with cancel. */
export function JobDialog() {
  const { t, i18n } = useTranslation();
  const boot = useAppStore((s) => s.boot);
  const job = useAppStore((s) => s.jobs.find((j) => !j.background));
  // The first-run demo has its own full-screen view.
  if (!job || boot === 'generating') return null;
  return (
    <ProgressDialog
      open
      title={t(`shell.jobs.${job.kind}`)}
      phase={phaseLabel(t, i18n, job.phase)}
      done={job.done}
      total={job.total}
      onCancel={job.cancel}
      onHide={() => useAppStore.getState().setJobBackground(job.id, true)}
      testId="job-progress"
    />
  );
}

/** Jobs running in the background, as a small button in the header that reopens their dialog. */
export function JobIndicator() {
  const { t } = useTranslation();
  const job = useAppStore((s) => s.jobs.find((j) => j.background));
  if (!job) return null;
  const percent = job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : null;
  return (
    <button
      type="button"
      className="hdr-job"
      data-testid="job-indicator"
      onClick={() => useAppStore.getState().setJobBackground(job.id, false)}
    >
      <span className="hdr-job-spinner" aria-hidden="true" />
      <span className="hdr-job-text">{t(`shell.jobs.${job.kind}`)}</span>
      {percent !== null ? <span className="hdr-job-pct">{t('kit.progress', { percent })}</span> : null}
    </button>
  );
}
