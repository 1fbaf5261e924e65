import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coupon, Identity, SubProfile, TagDefinition, TagEvent, Touch } from '../../core/model';
import { formatDate, formatDateTime, formatMoney, useLocale } from '../kit';
import { enumLabel } from './labels';
import { babyStage, groupIdentities, newestFirst } from './memberSummary';

const SHOWN = 100;

function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="k-card section" data-testid={testId}>
      <h2>
        {title} <span className="k-muted">({count})</span>
      </h2>
      {count === 0 ? <p className="k-muted">{t('data.member.nothing')}</p> : children}
      {count > SHOWN ? <p className="k-muted">{t('data.member.moreRows', { shown: SHOWN, total: count })}</p> : null}
    </section>
  );
}

export function MemberIdentities({ identities }: { identities: Identity[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('data.member.identities')} count={identities.length} testId="member-identities">
      <div className="id-groups">
        {groupIdentities(identities).map(([platform, ids]) => (
          <div key={platform} className="id-group">
            <h3>{enumLabel(t, 'platform', platform)}</h3>
            <dl className="id-list">
              {ids.map((i) => (
                <div key={i.id} className="id-item" data-testid="member-identity">
                  <dt>{enumLabel(t, 'identityKind', i.kind)}</dt>
                  <dd>
                    <span className="mono">{i.value}</span>
                    {i.scope ? <span className="k-chip">{i.scope}</span> : null}
                    <span className="k-muted small">{formatDate(i.firstSeen, locale)}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </Section>
  );
}

function BabyAge({ sub, asOf }: { sub: SubProfile; asOf: string }) {
  const { t } = useTranslation();
  const stage = babyStage(sub.dates, asOf);
  switch (stage.kind) {
    case 'born':
      return <strong>{t('data.member.monthAge', { count: stage.months })}</strong>;
    case 'pregnant':
      return <strong>{t('data.member.pregnancyWeek', { week: stage.week })}</strong>;
    case 'overdue':
      return <span className="k-muted">{t('data.member.dueDatePassed')}</span>;
    case 'unknown':
      return null;
  }
}

/** Babies, pets and devices; their dates stay theirs, apart from the member's own birthday. */
export function MemberSubProfiles({ subprofiles, asOf }: { subprofiles: SubProfile[]; asOf: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('data.member.subprofiles')} count={subprofiles.length} testId="member-subprofiles">
      <p className="k-muted small">{t('data.member.asOf', { date: formatDate(asOf, locale) })}</p>
      <div className="sub-list">
        {subprofiles.map((s) => {
          const { birthday, dueDate, ...otherDates } = s.dates;
          const attrs = Object.entries(s.attributes).filter(([, v]) => v !== null && v !== '');
          return (
            <div key={s.id} className="sub-card" data-testid="member-subprofile">
              <div className="sub-head">
                <span className="k-chip">{enumLabel(t, 'subKind', s.kind)}</span>
                <strong>{s.name || t('data.none')}</strong>
                <BabyAge sub={s} asOf={asOf} />
              </div>
              <dl className="kv">
                {birthday ? (
                  <>
                    <dt>{t('data.member.subBirthday')}</dt>
                    <dd>{formatDate(birthday, locale)}</dd>
                  </>
                ) : null}
                {dueDate ? (
                  <>
                    <dt>{t('data.member.dueDate')}</dt>
                    <dd>{formatDate(dueDate, locale)}</dd>
                  </>
                ) : null}
                {Object.entries(otherDates).map(([k, v]) => (
                  <KeyValue key={k} k={k} v={formatDate(v, locale)} />
                ))}
                {attrs.map(([k, v]) => (
                  <KeyValue key={k} k={k} v={String(v)} />
                ))}
              </dl>
            </div>
          );
        })}
      </div>
    </Section>
  );
}

/** A free-form attribute or named date: its key is data, shown as stored. */
function KeyValue({ k, v }: { k: string; v: string }) {
  return (
    <>
      <dt className="mono">{k}</dt>
      <dd>{v}</dd>
    </>
  );
}

export function MemberTouches({ touches, currency }: { touches: Touch[]; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('data.member.touches')} count={touches.length} testId="member-touches">
      <div className="k-table-wrap">
        <table className="k-table">
          <thead>
            <tr>
              <th>{t('data.member.time')}</th>
              <th>{t('data.member.channel')}</th>
              <th>{t('data.col.kind')}</th>
              <th>{t('data.member.campaign')}</th>
              <th className="k-num">{t('data.member.cost')}</th>
              <th>{t('data.member.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(touches, (x) => x.at)
              .slice(0, SHOWN)
              .map((x) => (
                <tr key={x.id}>
                  <td className="nowrap">{formatDateTime(x.at, locale)}</td>
                  <td>{enumLabel(t, 'channel', x.channel)}</td>
                  <td>{enumLabel(t, 'touchKind', x.kind)}</td>
                  <td>{x.campaign ?? t('data.none')}</td>
                  <td className="k-num">{formatMoney(x.cost, currency, locale)}</td>
                  <td>
                    <span className={`k-chip chip-${x.outcome}`}>{enumLabel(t, 'outcome', x.outcome)}</span>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function MemberCoupons({ coupons, currency }: { coupons: Coupon[]; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('data.member.coupons')} count={coupons.length} testId="member-coupons">
      <div className="k-table-wrap">
        <table className="k-table">
          <thead>
            <tr>
              <th>{t('data.member.template')}</th>
              <th className="k-num">{t('data.member.amount')}</th>
              <th className="k-num">{t('data.member.threshold')}</th>
              <th>{t('data.member.granted')}</th>
              <th>{t('data.member.expires')}</th>
              <th>{t('data.member.redeemed')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(coupons, (c) => c.grantedAt)
              .slice(0, SHOWN)
              .map((c) => (
                <tr key={c.id}>
                  <td>{c.template}</td>
                  <td className="k-num">{formatMoney(c.amount, currency, locale)}</td>
                  <td className="k-num">{formatMoney(c.threshold, currency, locale)}</td>
                  <td className="nowrap">{formatDate(c.grantedAt, locale)}</td>
                  <td className="nowrap">{formatDate(c.expiresAt, locale)}</td>
                  <td className="nowrap">{c.redeemedAt ? formatDate(c.redeemedAt, locale) : <span className="k-muted">{t('data.member.notRedeemed')}</span>}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function MemberTagHistory({ events, tags }: { events: TagEvent[]; tags: Map<string, TagDefinition> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t('data.member.tagHistory')} count={events.length} testId="member-tags">
      <div className="k-table-wrap">
        <table className="k-table">
          <thead>
            <tr>
              <th>{t('data.member.time')}</th>
              <th>{t('data.member.tag')}</th>
              <th>{t('data.member.op')}</th>
              <th>{t('data.member.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst(events, (e) => e.at)
              .slice(0, SHOWN)
              .map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.at, locale)}</td>
                  <td>{tags.get(e.tagId)?.name ?? e.tagId}</td>
                  <td>
                    <span className={`k-chip chip-${e.op}`}>{e.op === 'add' ? t('data.member.opAdd') : t('data.member.opRemove')}</span>
                  </td>
                  <td>{e.reason || t('data.none')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
