import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Product, Store, TagDefinition } from '../../core/model';
import type { WorkspaceDB } from '../../storage/db';
import { memberPicture } from '../../storage/repositories';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { EmptyState, ErrorBox, formatDate, formatDateTime, formatMoney, formatNumber, useLocale } from '../kit';
import { enumLabel } from './labels';
import { summarizeOrders } from './memberSummary';
import { MemberOrders } from './MemberOrders';
import { MemberCoupons, MemberIdentities, MemberSubProfiles, MemberTagHistory, MemberTouches } from './MemberSections';
import { MemberTagPanel } from '../tags/MemberTagPanel';
import { IdentityGraph } from './IdentityGraph';
import { reasonText } from '../tags/reasonText';
import './data.css';

type Picture = NonNullable<Awaited<ReturnType<typeof memberPicture>>>;
interface Loaded {
  picture: Picture;
  stores: Map<string, Store>;
  products: Map<string, Product>;
  tags: Map<string, TagDefinition>;
}

function byKey<T>(rows: (T | undefined)[], key: (r: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (r) m.set(key(r), r);
  return m;
}

/** The picture plus the names its ids point to (stores, products, tags). */
async function loadMember(db: WorkspaceDB, id: string): Promise<Loaded | null> {
  const picture = await memberPicture(db, id);
  if (!picture) return null;
  const storeIds = new Set<string>();
  const skus = new Set<string>();
  if (picture.member.homeStoreId) storeIds.add(picture.member.homeStoreId);
  for (const o of picture.orders) {
    if (o.storeId) storeIds.add(o.storeId);
    for (const l of o.lines) skus.add(l.sku);
  }
  const tagIds = new Set(picture.tagEvents.map((e) => e.tagId));
  const [stores, products, tags] = await Promise.all([
    db.stores.bulkGet([...storeIds]),
    db.products.bulkGet([...skus]),
    db.tags.bulkGet([...tagIds]),
  ]);
  return {
    picture,
    stores: byKey(stores, (s) => s.id),
    products: byKey(products, (p) => p.sku),
    tags: byKey(tags, (t) => t.id),
  };
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="count">
      <span className="count-label">{label}</span>
      <span className="count-value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

/** One person's whole picture: profile, identities, orders on every channel, babies, touches, coupons, tags. */
export function MemberPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { db, workspace, dataVersion } = useActiveWorkspace();
  const [state, setState] = useState<{ key: string; loaded: Loaded | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = `${db?.name}|${id}|${dataVersion}`;

  useEffect(() => {
    if (!db) return;
    let live = true;
    loadMember(db, id)
      .then((loaded) => live && setState({ key, loaded }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [db, id, key]);

  if (!db || !workspace) return null;
  const back = (
    <Link
      to="/data"
      className="back-link"
      data-testid="member-back"
      onClick={(e) => {
        // Back to the list as it was (search and page) when we came from it.
        if (location.key !== 'default') {
          e.preventDefault();
          navigate(-1);
        }
      }}
    >
      ‹ {t('data.member.back')}
    </Link>
  );
  if (error) return <div className="page">{back}<ErrorBox error={error} /></div>;
  if (!state || state.key !== key) return <div className="page page-loading">{t('kit.loading')}</div>;
  if (!state.loaded) return <div className="page">{back}<EmptyState title={t('data.member.notFound', { id })} testId="member-not-found" /></div>;

  const { picture, stores, products, tags } = state.loaded;
  const m = picture.member;
  const currency = workspace.currency;
  const sum = summarizeOrders(picture.orders);
  const none = t('data.none');
  const profile: [string, string][] = [
    [t('data.col.gender'), enumLabel(t, 'gender', m.gender)],
    [t('data.member.birthday'), m.birthday ? formatDate(m.birthday, locale) : none],
    [t('data.member.regionCity'), [m.region, m.city].filter(Boolean).join(' / ') || none],
    [t('data.col.level'), t('data.levelN', { n: m.level })],
    [t('data.col.joined'), formatDateTime(m.joinedAt, locale)],
    [t('data.member.firstPlatform'), enumLabel(t, 'platform', m.firstPlatform)],
    [t('data.member.homeStore'), m.homeStoreId ? (stores.get(m.homeStoreId)?.name ?? m.homeStoreId) : none],
    [t('data.member.guide'), m.guideId ?? none],
    [t('data.col.wecom'), m.wecomFriend ? t('data.yes') : t('data.no')],
  ];
  return (
    <div className="page" data-testid="member-page">
      {back}
      <div className="page-head">
        <h1 className="page-title">
          {m.name || m.id} <span className="k-muted mono member-id" data-testid="member-id">{m.id}</span>
        </h1>
      </div>
      <div className="counts member-figures" data-testid="member-summary">
        <Figure label={t('data.member.netSpend')} value={formatMoney(sum.netSpend, currency, locale)} testId="member-net-spend" />
        <Figure label={t('data.member.orderCount')} value={formatNumber(sum.orderCount, locale)} testId="member-order-count" />
        <Figure label={t('data.member.refundCount')} value={formatNumber(sum.refundCount, locale)} />
        <Figure label={t('data.member.firstOrder')} value={sum.firstOrderAt ? formatDate(sum.firstOrderAt, locale) : none} />
        <Figure label={t('data.member.lastOrder')} value={sum.lastOrderAt ? formatDate(sum.lastOrderAt, locale) : none} />
      </div>
      <div className="member-channels" data-testid="member-channels">
        <span className="k-muted">{t('data.member.channels')}</span>
        {sum.channels.length === 0 ? <span>{none}</span> : null}
        {sum.channels.map((c) => (
          <span key={c} className="k-chip">
            {enumLabel(t, 'platform', c)}
          </span>
        ))}
      </div>
      <div className="member-grid">
        <section className="k-card section" data-testid="member-profile">
          <h2>{t('data.member.profile')}</h2>
          <dl className="kv">
            {profile.map(([k, v]) => (
              <div key={k} className="kv-row">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        <MemberIdentities identities={picture.identities} />
      </div>
      <IdentityGraph db={db} memberId={m.id} identities={picture.identities} dataVersion={dataVersion} />
      <MemberOrders orders={picture.orders} stores={stores} products={products} currency={currency} />
      <MemberSubProfiles subprofiles={picture.subprofiles} asOf={workspace.asOf} />
      <MemberTouches touches={picture.touches} currency={currency} />
      <MemberCoupons coupons={picture.coupons} currency={currency} />
      <MemberTagPanel db={db} memberId={m.id} />
      <MemberTagHistory events={picture.tagEvents.map((e) => ({ ...e, reason: reasonText(t, e.reason) }))} tags={tags} />
    </div>
  );
}
