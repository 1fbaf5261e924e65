import { useTranslation } from 'react-i18next';
import type { TagDefinition } from '../../core/model';
import { printRule } from '../../core/rules';
import { groupTags } from '../../core/tags/draft';
import type { TagSummary } from '../../storage/tags';
import { tagRule } from '../../storage/tags';
import { Button, formatDate, formatNumber, useLocale } from '../kit';

export interface TagListProps {
  tags: TagDefinition[];
  summaries: Map<string, TagSummary>;
  /** Counts of a time-travel preview (not written), keyed by tag id. */
  preview: { day: string; counts: Record<string, number> } | null;
  canWrite: boolean;
  onEdit: (t: TagDefinition) => void;
  onHistory: (t: TagDefinition) => void;
  onDelete: (t: TagDefinition) => void;
}

/** The local time of an ISO instant, as the person reads clocks. */
function localTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

/** Tag definitions grouped by tag group; a group's tags by priority, its exclusivity said. */
export function TagList({ tags, summaries, preview, canWrite, onEdit, onHistory, onDelete }: TagListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="tags-groups">
      {groupTags(tags).map(({ group, tags: rows }) => (
        <section key={group ?? '\u0000'} className="k-card tags-group" data-testid="tag-group" data-group={group ?? ''}>
          <header className="tags-group-head">
            <h2>{group === null ? t('tags.list.ungrouped') : t('tags.list.group', { group })}</h2>
            {group !== null ? <span className="k-muted small">{t('tags.list.exclusive')}</span> : null}
          </header>
          <div className="k-table-wrap">
            <table className="k-table tags-table">
              <thead>
                <tr>
                  {group !== null ? <th className="k-num tags-prio">{t('tags.list.priority')}</th> : null}
                  <th>{t('tags.list.name')}</th>
                  <th className="k-num">{t('tags.list.holders')}</th>
                  <th>{t('tags.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((tag) => {
                  const s = summaries.get(tag.id);
                  const rule = tagRule(tag);
                  const text = rule ? printRule(rule) : null;
                  const ahead = preview?.counts[tag.id];
                  return (
                    <tr key={tag.id} data-testid="tag-row" data-tag={tag.name}>
                      {group !== null ? <td className="k-num tags-prio">{tag.priority}</td> : null}
                      <td className="tags-name">
                        <strong>{tag.name}</strong> <span className={`k-chip tags-kind kind-${tag.kind}`}>{t(`tags.kind.${tag.kind}`)}</span>
                        {text ? <div className="mono tags-rule" title={text} data-testid="tag-rule">{text}</div> : null}
                        {tag.description ? <div className="k-muted small tags-desc" title={tag.description}>{tag.description}</div> : null}
                      </td>
                      <td className="k-num tags-holders">
                        <span data-testid="tag-count">{s && s.source !== 'never' ? formatNumber(s.count, locale) : '—'}</span>
                        <span className="k-muted small tags-when" data-testid="tag-evaluated">
                          {!s || s.source === 'never'
                            ? t('tags.list.never')
                            : s.asOf && s.at
                              ? <>{t('tags.list.asOfDay', { day: formatDate(s.asOf, locale) })}<br />{t('tags.list.runAt', { at: localTime(s.at, locale) })}</>
                              : s.at
                                ? t('tags.list.changedAt', { at: localTime(s.at, locale) })
                                : t('tags.list.fromHistory')}
                        </span>
                        {preview && text ? (
                          <span className="tags-when tags-ahead">
                            {t('tags.list.preview', { day: formatDate(preview.day, locale) })}: <strong data-testid="tag-preview-count">{ahead !== undefined ? formatNumber(ahead, locale) : '—'}</strong>
                          </span>
                        ) : null}
                      </td>
                      <td>
                        <div className="k-row tags-actions">
                          <Button className="k-btn-sm" data-testid="tag-edit" onClick={() => onEdit(tag)}>{t('tags.list.edit')}</Button>
                          <Button className="k-btn-sm" data-testid="tag-history" onClick={() => onHistory(tag)}>{t('tags.list.history')}</Button>
                          <Button className="k-btn-sm" variant="danger" disabled={!canWrite} data-testid="tag-delete" onClick={() => onDelete(tag)}>{t('tags.list.delete')}</Button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
