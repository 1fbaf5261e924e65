import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Audience, TagDefinition } from '../../core/model';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { useCanWrite } from '../../app/store';
import { useTagRecompute } from '../../app/tagRecompute';
import { listAudiences } from '../../storage/audiences';
import { deleteTag, listTags, tagSummaries, type TagSummary } from '../../storage/tags';
import { Button, ConfirmDialog, EmptyState, ErrorBox } from '../kit';
import { BulkTagDialog } from './BulkTagDialog';
import { RecomputePanel, type Preview } from './RecomputePanel';
import { TagEditor } from './TagEditor';
import { TagHistory } from './TagHistory';
import { TagList } from './TagList';
import './tags.css';

interface Loaded {
  tags: TagDefinition[];
  summaries: Map<string, TagSummary>;
  audiences: Audience[];
}

/** /tags: definitions by group with holders, recompute and time travel; ?edit=<id>|new opens the editor. */
export function TagsPage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const { db, workspace, dataVersion } = useActiveWorkspace();
  const lastRun = useTagRecompute((s) => s.last);
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [history, setHistory] = useState<TagDefinition | null>(null);
  const [toDelete, setToDelete] = useState<{ tag: TagDefinition; events: number } | null>(null);
  const [bulk, setBulk] = useState(false);

  const reload = useCallback(() => {
    if (!db) return;
    void (async () => {
      const [tags, audiences] = await Promise.all([listTags(db), listAudiences(db)]);
      setLoaded({ tags, audiences, summaries: await tagSummaries(db, tags) });
    })().catch(setError);
  }, [db]);
  useEffect(reload, [reload, editing, dataVersion, lastRun]);
  useEffect(() => setPreview(null), [workspace?.id]);

  if (!db || !workspace) return null;
  const open = (id: string | null) => setParams(id ? { edit: id } : {});

  if (editing) {
    if (!loaded) return <div className="page page-loading">{t('kit.loading')}</div>;
    const tag = editing === 'new' ? null : (loaded.tags.find((x) => x.id === editing) ?? null);
    if (editing !== 'new' && !tag) return <div className="page"><ErrorBox error={new Error(`no tag with id '${editing}'`)} /></div>;
    return (
      <TagEditor key={`${workspace.id}-${editing}`} db={db} workspace={workspace} tag={tag} all={loaded.tags} audiences={loaded.audiences.map((a) => a.name)} onClose={() => open(null)} />
    );
  }

  const askDelete = async (tag: TagDefinition) => setToDelete({ tag, events: await db.tagEvents.where('tagId').equals(tag.id).count() });

  return (
    <div className="page" data-testid="tags-page">
      <div className="page-head">
        <h1 className="page-title">{t('tags.title')}</h1>
        <div className="k-row">
          <Button data-testid="tag-bulk" disabled={!canWrite || !loaded} onClick={() => setBulk(true)}>{t('tags.bulk')}</Button>
          <Button variant="primary" data-testid="tag-new" disabled={!canWrite} onClick={() => open('new')}>+ {t('tags.new')}</Button>
        </div>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      <RecomputePanel workspace={workspace} canWrite={canWrite} onPreview={setPreview} />
      {loaded && loaded.tags.length === 0 ? (
        <EmptyState title={t('tags.list.empty')} testId="tags-empty">{t('tags.list.emptyBody')}</EmptyState>
      ) : loaded ? (
        <TagList
          tags={loaded.tags}
          summaries={loaded.summaries}
          preview={preview}
          canWrite={canWrite}
          onEdit={(x) => open(x.id)}
          onHistory={setHistory}
          onDelete={(x) => void askDelete(x).catch(setError)}
        />
      ) : (
        <div className="page-loading">{t('kit.loading')}</div>
      )}
      {history ? <TagHistory db={db} tag={history} onClose={() => setHistory(null)} /> : null}
      {bulk && loaded ? <BulkTagDialog db={db} workspace={workspace} tags={loaded.tags} audiences={loaded.audiences} onClose={() => { setBulk(false); reload(); }} /> : null}
      <ConfirmDialog
        open={toDelete !== null}
        danger
        title={t('tags.list.deleteTitle')}
        confirmLabel={t('tags.list.delete')}
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const d = toDelete;
          setToDelete(null);
          if (d) deleteTag(db, d.tag.id).then(reload, setError);
        }}
      >
        <p>{t('tags.list.deleteBody', { name: toDelete?.tag.name ?? '', events: toDelete?.events ?? 0 })}</p>
      </ConfirmDialog>
    </div>
  );
}
