import { useTranslation } from 'react-i18next';

/** Shows an error's message plainly; `title` says what was being done. */
export function ErrorBox({ error, title, testId = 'error-box' }: { error: unknown; title?: string; testId?: string }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="k-error" role="alert" data-testid={testId}>
      <strong>{title ?? t('kit.error')}</strong>
      <p>{message}</p>
    </div>
  );
}
