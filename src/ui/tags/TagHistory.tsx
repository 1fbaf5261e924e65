import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TagDefinition, TagEvent } from '../../core/model';
import type { WorkspaceDB } from '../../storage/db';
import { tagHistory } from '../../storage/tagsManual';
import { Button, Dialog, ErrorBox, formatDateTime, formatNumber, Pager, useLocale } from '../kit';
import { reasonText } from './reasonText';

const PAGE = 20;

/** One tag's add/remove events (when, member, why), paged, newest written first. */
export function TagHistory({ db, tag, onClose }: { db: WorkspaceDB; tag: TagDefinition; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ events: TagEvent[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    tagHistory(db, tag.id, { offset: page * PAGE, limit: PAGE }).then((d) => live && setData(d), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [db, tag.id, page]);
  return (
    <Dialog open title={t('tags.history.title', { name: tag.name })} onClose={onClose} testId="tag-history-dialog" actions={<Button onClick={onClose} data-testid="tag-history-close">{t('tags.history.close')}</Button>}>
      {error ? <ErrorBox error={error} /> : null}
      {data ? <p className="k-muted small" data-testid="tag-history-total">{t('tags.history.total', { total: formatNumber(data.total, locale) })}</p> : null}
      <div className="k-table-wrap tags-history">
        <table className="k-table">
          <thead>
            <tr>
              <th>{t('tags.history.when')}</th>
              <th>{t('tags.history.member')}</th>
              <th>{t('tags.history.change')}</th>
              <th>{t('tags.history.why')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.events.map((e) => (
              <tr key={e.id} data-testid="tag-history-row">
                <td className="nowrap">{formatDateTime(e.at, locale)}</td>
                <td className="mono"><Link to={`/data/members/${encodeURIComponent(e.memberId)}`}>{e.memberId}</Link></td>
                <td><span className={`k-chip chip-${e.op}`}>{e.op === 'add' ? t('tags.history.add') : t('tags.history.remove')}</span></td>
                <td data-testid="tag-history-reason">{reasonText(t, e.reason)}</td>
              </tr>
            ))}
            {data && data.events.length === 0 ? (
              <tr className="k-table-empty"><td colSpan={4}>{t('tags.history.none')}</td></tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {data && data.total > PAGE ? (
        <Pager page={page} canPrev={page > 0} canNext={(page + 1) * PAGE < data.total} onPrev={() => setPage((p) => p - 1)} onNext={() => setPage((p) => p + 1)} />
      ) : null}
    </Dialog>
  );
}
