import { useTranslation } from 'react-i18next';
import { NavIcon } from '../../app/NavIcon';

export type PlaceholderFeature = 'tags' | 'audiences' | 'journeys' | 'analytics';

/** A page whose feature is still to come: says what it will hold. */
export function PlaceholderPage({ feature }: { feature: PlaceholderFeature }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid={`placeholder-${feature}`}>
      <h1 className="page-title">{t(`placeholders.${feature}.title`)}</h1>
      <div className="k-card placeholder">
        <span className="placeholder-icon" aria-hidden="true">
          <NavIcon name={feature} />
        </span>
        <div>
          <span className="k-chip">{t('placeholders.soon')}</span>
          <p>{t(`placeholders.${feature}.body`)}</p>
        </div>
      </div>
    </div>
  );
}
