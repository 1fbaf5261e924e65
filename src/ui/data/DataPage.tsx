import { NavLink, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { useCanWrite } from '../../app/store';
import { Button } from '../kit';
import { CountsBar } from './CountsBar';
import { IdentitiesTab, MembersTab, OrdersTab } from './DataTabs';
import './data.css';

export type DataTab = 'members' | 'orders' | 'identities';
const TABS: [DataTab, string][] = [
  ['members', '/data'],
  ['orders', '/data/orders'],
  ['identities', '/data/identities'],
];

/** The workspace's rows: counts at the top, then members, orders and identities a page at a time. */
export function DataPage({ tab }: { tab: DataTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const { db, workspace, dataVersion } = useActiveWorkspace();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const onQuery = (q: string) => setParams(q ? { q } : {}, { replace: true });
  if (!db || !workspace) return null;
  const props = { db, version: dataVersion, currency: workspace.currency, query, onQuery };
  return (
    <div className="page" data-testid="data-page">
      <div className="page-head">
        <h1 className="page-title">{t('data.title')}</h1>
        <Button variant="primary" disabled={!canWrite} data-testid="open-import" onClick={() => navigate('/data/import')}>
          {t('data.importCsv')}
        </Button>
      </div>
      <CountsBar db={db} version={dataVersion} />
      <div className="tabs" role="tablist" aria-label={t('data.tabs.label')}>
        {TABS.map(([key, path]) => (
          <NavLink key={key} to={path} end role="tab" aria-selected={tab === key} className="tab" data-testid={`tab-${key}`}>
            {t(`data.tabs.${key}`)}
          </NavLink>
        ))}
      </div>
      {tab === 'members' ? <MembersTab key={`m-${workspace.id}`} {...props} /> : null}
      {tab === 'orders' ? <OrdersTab key={`o-${workspace.id}`} {...props} /> : null}
      {tab === 'identities' ? <IdentitiesTab key={`i-${workspace.id}`} {...props} /> : null}
    </div>
  );
}
