import { useTranslation } from 'react-i18next';
import { nodeType } from '../../core/journey/catalogue';
import { pick } from '../../core/journey/text';
import { diffIsEmpty, type JourneyDiff } from '../../core/journey/diff';
import type { Journey, JourneyNode } from '../../core/model';
import { nodeTitle, settingsLabelParts, valueText } from './diffText';
import { CHANNEL_LABELS } from '../../core/journey/fields';
import type { Channel } from '../../core/model';
import { useLang } from '../kit';

const META_LABELS = new Set(['name', 'description', 'owner']);

/** What changed between a published version and the draft, as a readable list. */
export function DiffList({ diff, after, audiences }: { diff: JourneyDiff; after: Journey; audiences: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const empty = t('journeys.diff.empty');
  const metaLabel = (field: string): string => {
    if (META_LABELS.has(field)) return t(`journeys.diff.meta.${field}`);
    const parts = settingsLabelParts(field);
    if (!parts) return field;
    return parts.map((p) => ('key' in p ? t(p.key) : CHANNEL_LABELS[p.channel as Channel] ? pick(CHANNEL_LABELS[p.channel as Channel], lang) : p.channel)).join(' · ');
  };
  const { nodes, edges, notes, meta } = diff;
  if (diffIsEmpty(diff)) return <p className="k-muted jr-diff" data-testid="version-diff-same">{t('journeys.diff.same')}</p>;

  // A change's field is a path into the config ('branches.1.percent'): its first key names the field.
  const fieldLabel = (n: JourneyNode, path: string): string => {
    if (path === 'label') return t('journeys.diff.label');
    const [key, ...rest] = path.split('.');
    const f = nodeType(n.type)?.fields[key];
    return f ? [pick(f.label, lang), ...rest.map((r) => (/^\d+$/.test(r) ? `#${Number(r) + 1}` : r))].join(' › ') : path;
  };
  const isAudience = (n: JourneyNode, path: string) => nodeType(n.type)?.fields[path]?.kind === 'audience';
  const byId = new Map(after.nodes.map((n) => [n.id, n]));
  const moved = nodes.moved.map((id) => byId.get(id)).filter((n): n is JourneyNode => n !== undefined);

  return (
    <div className="jr-diff" data-testid="version-diff">
      {meta.length > 0 ? (
        <section>
          <h3>{t('journeys.diff.journey')}</h3>
          <ul>
            {meta.map((m) => (
              <li key={m.field} data-testid="diff-meta">
                {t('journeys.diff.field', { field: metaLabel(m.field), before: valueText(m.before, { empty }), after: valueText(m.after, { empty }) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {nodes.added.length > 0 ? (
        <section>
          <h3>{t('journeys.diff.added')}</h3>
          <ul>
            {nodes.added.map((n) => (
              <li key={n.id} className="jr-diff-added" data-testid="diff-added">
                + {nodeTitle(n, lang)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {nodes.removed.length > 0 ? (
        <section>
          <h3>{t('journeys.diff.removed')}</h3>
          <ul>
            {nodes.removed.map((n) => (
              <li key={n.id} className="jr-diff-removed" data-testid="diff-removed">
                − {nodeTitle(n, lang)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {nodes.changed.length > 0 ? (
        <section>
          <h3>{t('journeys.diff.changed')}</h3>
          <ul>
            {nodes.changed.map((c) => (
              <li key={c.after.id} data-testid="diff-changed">
                {nodeTitle(c.after, lang)}
                <ul>
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      {t('journeys.diff.field', {
                        field: fieldLabel(c.after, f.field),
                        before: valueText(f.before, { empty, audiences, audienceField: isAudience(c.after, f.field) }),
                        after: valueText(f.after, { empty, audiences, audienceField: isAudience(c.after, f.field) }),
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul className="jr-diff-counts">
        {moved.length > 0 ? <li data-testid="diff-moved">{t('journeys.diff.moved', { names: moved.map((n) => nodeTitle(n, lang)).join(lang === 'zh' ? '、' : ', ') })}</li> : null}
        {edges.added.length > 0 ? <li data-testid="diff-edges-added">{t('journeys.diff.edgesAdded', { n: edges.added.length })}</li> : null}
        {edges.removed.length > 0 ? <li data-testid="diff-edges-removed">{t('journeys.diff.edgesRemoved', { n: edges.removed.length })}</li> : null}
        {notes.added.length > 0 ? <li>{t('journeys.diff.notesAdded', { n: notes.added.length })}</li> : null}
        {notes.removed.length > 0 ? <li>{t('journeys.diff.notesRemoved', { n: notes.removed.length })}</li> : null}
        {notes.changed.length > 0 ? <li>{t('journeys.diff.notesChanged', { n: notes.changed.length })}</li> : null}
      </ul>
    </div>
  );
}
