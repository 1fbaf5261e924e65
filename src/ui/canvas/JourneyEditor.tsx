import { useTranslation } from 'react-i18next';

/** The journey canvas (replaced by the canvas work). */
export function JourneyEditor() {
  const { t } = useTranslation();
  return <h1>{t('canvas.title')}</h1>;
}
