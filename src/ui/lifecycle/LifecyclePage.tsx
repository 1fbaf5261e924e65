import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleSetting } from '../../core/model';
import { useActiveWorkspace } from '../../app/useActiveWorkspace';
import { useAppStore, useCanWrite } from '../../app/store';
import { getEngine } from '../../engine/engineClient';
import { saveLifecycle } from '../../storage/workspaces';
import { useAsyncAction } from '../kit';
import { checkDraft, sameSetting } from './lifecycleDraft';
import { DefinitionsCard } from './DefinitionsCard';
import { FlowsCard } from './FlowsCard';
import { TrendCard } from './TrendCard';
import { RfmCard } from './RfmCard';
import { useStageCounts } from './useStageCounts';
import { reevaluateStageTags } from './afterSave';
import './lifecycle.css';

/**
 * /audiences/lifecycle: the workspace's stage definitions (preset, thresholds, rules), the
 * members per stage live while they are edited, flows between two days, the trend by month and
 * RFM. Every figure uses the draft rules, so an edit's effect is seen before it is saved.
 */
export function LifecyclePage() {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const { workspace, db } = useActiveWorkspace();
  const [draft, setDraft] = useState<LifecycleSetting | null>(workspace?.lifecycle ?? null);
  const [asOf, setAsOf] = useState(workspace?.asOf ?? '');
  const { pending: saving, error: saveError, setError: setSaveError, run } = useAsyncAction();
  const [savedNote, setSavedNote] = useState(false);
  const engine = useMemo(() => (workspace ? getEngine(workspace.id) : null), [workspace]);
  // Another workspace opened: start from its definitions.
  useEffect(() => {
    setDraft(workspace?.lifecycle ?? null);
    setAsOf(workspace?.asOf ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a workspace switch resets the draft
  }, [workspace?.id]);
  const valid = draft && checkDraft(draft).ok ? draft : null;
  const counts = useStageCounts(engine!, valid, asOf || workspace?.asOf || '');
  if (!workspace || !draft || !engine) return null;
  const dirty = !sameSetting(draft, workspace.lifecycle);

  const save = () =>
    run(async () => {
      const ws = await saveLifecycle(workspace.id, draft);
      useAppStore.getState().setWorkspace(ws.id, ws);
      setSavedNote(true);
      // In the background: the Tags page shows the run and its progress.
      if (db) void reevaluateStageTags(db, ws.id).catch(() => undefined);
    });

  return (
    <div className="page lc-page" data-testid="lifecycle-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('lifecycle.title')}</h1>
          <p className="k-muted small lc-intro">{t('lifecycle.intro')}</p>
        </div>
        <label className="lc-field lc-inline">
          <span>{t('lifecycle.asOf')}</span>
          <input className="k-input" type="date" data-testid="lifecycle-asof" value={asOf} onChange={(e) => setAsOf(e.target.value || workspace.asOf)} />
        </label>
      </div>
      <DefinitionsCard
        draft={draft}
        onDraft={(d) => {
          setDraft(d);
          setSavedNote(false);
          setSaveError(null);
        }}
        dirty={dirty}
        counts={counts}
        canWrite={canWrite}
        currency={workspace.currency}
        saving={saving}
        saveError={saveError}
        savedNote={savedNote}
        onSave={() => void save()}
        onDiscard={() => setDraft(workspace.lifecycle)}
      />
      <FlowsCard engine={engine} draft={valid} asOf={asOf || workspace.asOf} />
      <TrendCard engine={engine} draft={valid} asOf={asOf || workspace.asOf} />
      <RfmCard engine={engine} asOf={asOf || workspace.asOf} currency={workspace.currency} />
    </div>
  );
}
