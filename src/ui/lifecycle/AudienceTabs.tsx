import { NavLink, Outlet, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import './lifecycle.css';

/**
 * /audiences and /audiences/lifecycle share a tab strip: a marketer selects members by stage
 * and watches how stages move in the same place. Hidden while one audience is being edited.
 */
export function AudienceTabs() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <>
      {params.get('edit') ? null : (
        <nav className="lc-tabs" aria-label={t('lifecycle.tabs.label')}>
          <NavLink end to="/audiences" className="lc-tab" data-testid="tab-audiences">
            {t('lifecycle.tabs.audiences')}
          </NavLink>
          <NavLink to="/audiences/lifecycle" className="lc-tab" data-testid="tab-lifecycle">
            {t('lifecycle.tabs.lifecycle')}
          </NavLink>
        </nav>
      )}
      <Outlet />
    </>
  );
}
