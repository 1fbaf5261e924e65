import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countAll } from '../../storage/repositories';
import type { WorkspaceDB } from '../../storage/db';
import { ErrorBox, formatNumber, useLocale } from '../kit';

type Counts = Awaited<ReturnType<typeof countAll>>;

const FIGURES = [
  ['members', 'count-members', (c: Counts) => c.members],
  ['orders', 'count-orders', (c: Counts) => c.orders],
  ['refunds', 'count-refunds', (c: Counts) => c.refunds],
  ['guests', 'count-guests', (c: Counts) => c.guestOrders],
  ['identities', 'count-identities', (c: Counts) => c.identities],
] as const;

/** The workspace's size at a glance; empty (not 0) until the counts have been read. */
export function CountsBar({ db, version }: { db: WorkspaceDB; version: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [counts, setCounts] = useState<{ db: WorkspaceDB; version: number; counts: Counts } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    countAll(db)
      .then((c) => live && setCounts({ db, version, counts: c }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [db, version]);

  const current = counts && counts.db === db ? counts.counts : null;
  return (
    <>
      <div className="counts" role="list">
        {FIGURES.map(([key, testId, pick]) => (
          <div key={key} className="count" role="listitem">
            <span className="count-label">{t(`data.counts.${key}`)}</span>
            <span className="count-value" data-testid={testId}>
              {current ? formatNumber(pick(current), locale) : ''}
            </span>
          </div>
        ))}
      </div>
      {error ? <ErrorBox error={error} /> : null}
    </>
  );
}
