import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Identity, Member, Order } from '../../core/model';
import type { WorkspaceDB } from '../../storage/db';
import { pageIdentities, pageMembers, pageOrders } from '../../storage/repositories';
import { formatDate, formatDateTime, formatMoney, useLocale, type Column } from '../kit';
import { enumLabel } from './labels';
import { PAGE_SIZE, PagedTab } from './PagedTab';

type MemberAfter = Parameters<typeof pageMembers>[1]['after'];
type OrderAfter = Parameters<typeof pageOrders>[1]['after'];
type IdentityAfter = Parameters<typeof pageIdentities>[1]['after'];

interface TabProps {
  db: WorkspaceDB;
  version: number;
  currency: string;
  query: string;
  onQuery: (q: string) => void;
}

export function memberPath(id: string): string {
  return `/data/members/${encodeURIComponent(id)}`;
}

function MemberLink({ id }: { id: string | null }) {
  const { t } = useTranslation();
  if (!id) return <span className="k-muted">{t('data.guest')}</span>;
  return (
    <Link to={memberPath(id)} className="id-link" onClick={(e) => e.stopPropagation()}>
      {id}
    </Link>
  );
}

export function MembersTab({ db, version, query, onQuery }: TabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const fetch = useCallback(
    (q: string, after: NonNullable<MemberAfter> | null) => pageMembers(db, { query: q, after: after ?? undefined, limit: PAGE_SIZE }),
    // version: re-read when the workspace's rows changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [db, version],
  );
  const columns = useMemo<Column<Member>[]>(
    () => [
      { key: 'id', header: t('data.col.id'), render: (m) => <MemberLink id={m.id} /> },
      { key: 'name', header: t('data.col.name'), render: (m) => m.name },
      { key: 'gender', header: t('data.col.gender'), render: (m) => enumLabel(t, 'gender', m.gender) },
      { key: 'city', header: t('data.col.city'), render: (m) => m.city || t('data.none') },
      { key: 'level', header: t('data.col.level'), render: (m) => t('data.levelN', { n: m.level }) },
      { key: 'platform', header: t('data.col.platform'), render: (m) => enumLabel(t, 'platform', m.firstPlatform) },
      { key: 'wecom', header: t('data.col.wecom'), render: (m) => (m.wecomFriend ? t('data.yes') : t('data.no')) },
      { key: 'joined', header: t('data.col.joined'), render: (m) => formatDate(m.joinedAt, locale) },
    ],
    [t, locale],
  );
  return (
    <PagedTab
      query={query}
      onQuery={onQuery}
      fetch={fetch}
      columns={columns}
      rowKey={(m) => m.id}
      rowTestId="member-row"
      memoryKey={`${db.name}|members`}
      tableTestId="members-table"
      placeholder={t('data.search.members')}
      onRowClick={(m) => navigate(memberPath(m.id))}
    />
  );
}

export function OrdersTab({ db, version, currency, query, onQuery }: TabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const fetch = useCallback(
    (q: string, after: NonNullable<OrderAfter> | null) => pageOrders(db, { query: q, after: after ?? undefined, limit: PAGE_SIZE }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [db, version],
  );
  const money = useCallback((v: number) => formatMoney(v, currency, locale), [currency, locale]);
  const columns = useMemo<Column<Order>[]>(
    () => [
      { key: 'placedAt', header: t('data.col.placedAt'), render: (o) => formatDateTime(o.placedAt, locale) },
      { key: 'member', header: t('data.col.member'), render: (o) => <MemberLink id={o.memberId} /> },
      { key: 'platform', header: t('data.col.platform'), render: (o) => enumLabel(t, 'platform', o.platform) },
      { key: 'kind', header: t('data.col.kind'), render: (o) => <span className={`k-chip chip-${o.kind}`}>{enumLabel(t, 'orderKind', o.kind)}</span> },
      { key: 'paid', header: t('data.col.paid'), align: 'num', render: (o) => money(o.paid) },
      { key: 'refund', header: t('data.col.refund'), align: 'num', render: (o) => (o.refund ? money(o.refund) : t('data.none')) },
      { key: 'gross', header: t('data.col.gross'), align: 'num', render: (o) => money(o.gross) },
      { key: 'externalId', header: t('data.col.externalId'), render: (o) => <span className="mono">{o.externalId}</span> },
    ],
    [t, locale, money],
  );
  return (
    <PagedTab
      query={query}
      onQuery={onQuery}
      fetch={fetch}
      columns={columns}
      rowKey={(o) => o.id}
      rowTestId="order-row"
      memoryKey={`${db.name}|orders`}
      tableTestId="orders-table"
      placeholder={t('data.search.orders')}
      onRowClick={(o) => (o.memberId ? navigate(memberPath(o.memberId)) : undefined)}
    />
  );
}

export function IdentitiesTab({ db, version, query, onQuery }: TabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const fetch = useCallback(
    (q: string, after: NonNullable<IdentityAfter> | null) => pageIdentities(db, { query: q, after: after ?? undefined, limit: PAGE_SIZE }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [db, version],
  );
  const columns = useMemo<Column<Identity>[]>(
    () => [
      { key: 'kind', header: t('data.col.identityKind'), render: (i) => enumLabel(t, 'identityKind', i.kind) },
      { key: 'value', header: t('data.col.value'), render: (i) => <span className="mono">{i.value}</span> },
      { key: 'platform', header: t('data.col.platform'), render: (i) => enumLabel(t, 'platform', i.platform) },
      { key: 'scope', header: t('data.col.scope'), render: (i) => i.scope ?? t('data.none') },
      { key: 'member', header: t('data.col.member'), render: (i) => <MemberLink id={i.memberId} /> },
      { key: 'firstSeen', header: t('data.col.firstSeen'), render: (i) => formatDate(i.firstSeen, locale) },
    ],
    [t, locale],
  );
  return (
    <PagedTab
      query={query}
      onQuery={onQuery}
      fetch={fetch}
      columns={columns}
      rowKey={(i) => i.id}
      rowTestId="identity-row"
      memoryKey={`${db.name}|identities`}
      tableTestId="identities-table"
      placeholder={t('data.search.identities')}
      onRowClick={(i) => navigate(memberPath(i.memberId))}
    />
  );
}
