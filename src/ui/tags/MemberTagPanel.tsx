import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagDefinition } from '../../core/model';
import type { WorkspaceDB } from '../../storage/db';
import { listTags } from '../../storage/tags';
import { applyManualTag, memberTagIds } from '../../storage/tagsManual';
import { useAppStore, useCanWrite } from '../../app/store';
import { Button, ErrorBox, useAsyncAction } from '../kit';
import { useAuthor } from './author';
import './tags.css';

/** On the member page: the tags this member holds now; manual ones can be added and removed here. */
export function MemberTagPanel({ db, memberId }: { db: WorkspaceDB; memberId: string }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [tags, setTags] = useState<TagDefinition[]>([]);
  const [held, setHeld] = useState<Set<string> | null>(null);
  const [pick, setPick] = useState('');
  const [note, setNote] = useState('');
  const [who, setWho] = useAuthor();
  const { pending: busy, error, setError, run } = useAsyncAction();

  useEffect(() => {
    let live = true;
    Promise.all([listTags(db), memberTagIds(db, memberId)]).then(([all, ids]) => {
      if (!live) return;
      setTags(all);
      setHeld(ids);
    }, (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [db, memberId, dataVersion, setError]);

  const manual = tags.filter((x) => x.kind === 'manual');
  const addable = manual.filter((x) => !held?.has(x.id));
  const chosen = addable.some((x) => x.id === pick) ? pick : (addable[0]?.id ?? '');
  const holding = tags.filter((x) => held?.has(x.id));

  const change = (tagId: string, op: 'add' | 'remove') =>
    run(async () => {
      await applyManualTag(db, { tagId, memberIds: [memberId], op, who, note: op === 'add' ? note : '' });
      setNote('');
      // The member page re-reads its tag history; audience counts over `has tag` follow.
      useAppStore.getState().bumpData();
    });

  return (
    <section className="k-card section" data-testid="member-tag-panel">
      <h2>{t('tags.member.title')}</h2>
      <div className="tags-member-held" data-testid="member-tags-held">
        <span className="k-muted small">{t('tags.member.holds')}</span>
        {held && holding.length === 0 ? <span className="k-muted">{t('tags.member.none')}</span> : null}
        {holding.map((x) => (
          <span key={x.id} className={`k-chip tags-held kind-${x.kind}`} data-testid="member-tag">
            {x.name}
            {x.kind === 'manual' ? (
              <button type="button" className="tags-chip-x" aria-label={t('tags.member.removeLabel', { name: x.name })} data-testid="member-tag-remove" disabled={!canWrite || busy} onClick={() => void change(x.id, 'remove')}>
                ×
              </button>
            ) : x.kind !== 'result' ? <span className="k-muted small"> · {t('tags.member.automated')}</span> : null}
          </span>
        ))}
      </div>
      {manual.length === 0 ? (
        <p className="k-muted small">{t('tags.member.noManual')}</p>
      ) : (
        <div className="tags-member-add">
          <label className="tags-field">
            <span>{t('tags.member.pick')}</span>
            <select className="k-input" data-testid="member-tag-pick" value={chosen} onChange={(e) => setPick(e.target.value)} disabled={addable.length === 0}>
              {addable.length === 0 ? <option value="">{t('tags.member.allHeld')}</option> : null}
              {addable.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
          </label>
          <label className="tags-field">
            <span>{t('tags.member.note')}</span>
            <input className="k-input" data-testid="member-tag-note" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
          </label>
          <label className="tags-field">
            <span>{t('tags.member.who')}</span>
            <input className="k-input" data-testid="member-tag-who" value={who} maxLength={80} onChange={(e) => setWho(e.target.value)} />
          </label>
          <Button variant="primary" data-testid="member-tag-add" disabled={!canWrite || busy || !chosen} onClick={() => void change(chosen, 'add')}>
            {t('tags.member.add')}
          </Button>
        </div>
      )}
      {error ? <ErrorBox error={error} testId="member-tag-error" /> : null}
    </section>
  );
}
