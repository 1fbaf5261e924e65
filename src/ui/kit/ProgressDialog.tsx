import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ProgressBar } from './ProgressBar';

/** A long job's phase, a bar and a cancel button; the phase arrives already translated. */
export function ProgressDialog({
  open,
  title,
  phase,
  done,
  total,
  onCancel,
  onHide,
  testId = 'progress-dialog',
}: {
  open: boolean;
  title: string;
  phase: string;
  done: number;
  total: number;
  onCancel?: () => void;
  /** Offered for long jobs: close the dialog and let the job run on. */
  onHide?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={title}
      testId={testId}
      actions={
        <>
          {onHide ? (
            <Button variant="ghost" onClick={onHide} data-testid="progress-hide">
              {t('kit.runInBackground')}
            </Button>
          ) : null}
          {onCancel ? (
            <Button onClick={onCancel} data-testid="progress-cancel">
              {t('kit.cancel')}
            </Button>
          ) : null}
        </>
      }
    >
      <p className="k-muted" data-testid="progress-phase">
        {phase}
      </p>
      <ProgressBar done={done} total={total} />
    </Dialog>
  );
}
