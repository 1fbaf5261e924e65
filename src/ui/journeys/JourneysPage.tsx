import { useTranslation } from 'react-i18next';

/** The list of journeys (replaced by the journeys list work). */
export function JourneysPage() {
  const { t } = useTranslation();
  return <h1>{t('journeys.title')}</h1>;
}
