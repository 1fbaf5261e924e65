import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience, TagDefinition, Workspace } from '../../core/model';
import { parseRule } from '../../core/rules';
import { getEngine } from '../../engine/engineClient';
import type { WorkspaceDB } from '../../storage/db';
import { applyManualTag, type TagChangeResult } from '../../storage/tagsManual';
import { useAppStore } from '../../app/store';
import { Button, Dialog, ErrorBox, formatNumber, useAsyncAction, useLocale } from '../kit';
import { useAuthor } from './author';

/** Add or remove a manual tag on every member of a saved audience (as of the workspace's day), in one transaction. */
export function BulkTagDialog({ db, workspace, tags, audiences, onClose }: { db: WorkspaceDB; workspace: Workspace; tags: TagDefinition[]; audiences: Audience[]; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const manual = tags.filter((x) => x.kind === 'manual');
  const [tagId, setTagId] = useState(manual[0]?.id ?? '');
  const [audienceId, setAudienceId] = useState(audiences[0]?.id ?? '');
  const [op, setOp] = useState<'add' | 'remove'>('add');
  const [who, setWho] = useAuthor();
  const [note, setNote] = useState('');
  const { busy, error, run } = useAsyncAction<'select' | 'apply'>();
  const [result, setResult] = useState<TagChangeResult | null>(null);

  const apply = async () => {
    setResult(null);
    await run(async (setBusy) => {
      const engine = getEngine(workspace.id);
      const rule = parseRule(`in audience "${audienceId}"`);
      const { count } = await engine.count(rule, { asOf: workspace.asOf });
      const { ids } = await engine.members(rule, { asOf: workspace.asOf, limit: count });
      setBusy('apply');
      setResult(await applyManualTag(db, { tagId, memberIds: ids, op, who, note }));
      useAppStore.getState().bumpData();
    }, 'select');
  };

  const ready = manual.length > 0 && audiences.length > 0;
  return (
    <Dialog
      open
      title={t('tags.bulk2.title')}
      onClose={busy ? undefined : onClose}
      testId="tag-bulk-dialog"
      actions={
        <>
          <Button onClick={onClose} disabled={busy !== null}>{t('tags.bulk2.close')}</Button>
          <Button variant="primary" data-testid="tag-bulk-apply" disabled={!ready || busy !== null || !tagId || !audienceId} onClick={() => void apply()}>
            {busy ? t('tags.bulk2.applying') : t('tags.bulk2.apply')}
          </Button>
        </>
      }
    >
      {manual.length === 0 ? <p>{t('tags.bulk2.noManual')}</p> : null}
      {audiences.length === 0 ? <p>{t('tags.bulk2.noAudience')}</p> : null}
      {ready ? (
        <div className="tags-bulk-form">
          <label className="tags-field">
            <span>{t('tags.bulk2.tag')}</span>
            <select className="k-input" data-testid="tag-bulk-tag" value={tagId} onChange={(e) => setTagId(e.target.value)}>
              {manual.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
          </label>
          <label className="tags-field">
            <span>{t('tags.bulk2.audience')}</span>
            <select className="k-input" data-testid="tag-bulk-audience" value={audienceId} onChange={(e) => setAudienceId(e.target.value)}>
              {audiences.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </label>
          <label className="tags-field">
            <span>{t('tags.bulk2.op')}</span>
            <select className="k-input" data-testid="tag-bulk-op" value={op} onChange={(e) => setOp(e.target.value as 'add' | 'remove')}>
              <option value="add">{t('tags.bulk2.add')}</option>
              <option value="remove">{t('tags.bulk2.remove')}</option>
            </select>
          </label>
          <label className="tags-field">
            <span>{t('tags.bulk2.who')}</span>
            <input className="k-input" data-testid="tag-bulk-who" value={who} maxLength={80} onChange={(e) => setWho(e.target.value)} />
          </label>
          <label className="tags-field tags-field-wide">
            <span>{t('tags.bulk2.note')}</span>
            <input className="k-input" data-testid="tag-bulk-note" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
          </label>
        </div>
      ) : null}
      {busy === 'select' ? <p className="k-muted small">{t('tags.bulk2.selecting')}</p> : null}
      {result ? (
        <p className="k-success" data-testid="tag-bulk-result">
          {t('tags.bulk2.done', { changed: formatNumber(result.changed, locale), unchanged: formatNumber(result.unchanged, locale), count: formatNumber(result.count, locale) })}
        </p>
      ) : null}
      {error ? <ErrorBox error={error} testId="tag-bulk-error" /> : null}
    </Dialog>
  );
}
