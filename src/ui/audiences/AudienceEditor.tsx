import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience, Workspace } from '../../core/model';
import { parseRule, typecheck, type Rule } from '../../core/rules';
import { getEngine } from '../../engine/engineClient';
import type { WorkspaceDB } from '../../storage/db';
import { audienceRule, getAudience, saveAudience } from '../../storage/audiences';
import { useCanWrite } from '../../app/store';
import { Button, ErrorBox, useAsyncAction } from '../kit';
import { RuleEditor, type RuleEditorStatus } from '../rules/RuleEditor';
import { findAudienceCycle } from './audienceLogic';
import { AudienceResults } from './AudienceResults';
import { CountCard } from './CountCard';
import { useLiveCount } from './useLiveCount';

const DEFAULT_RULE = 'net_spend(last 90 days) > 1000';

/** One audience: name, description, its rule, and what the rule selects as of a day. */
export function AudienceEditor({ db, workspace, audienceId, saved, onClose }: { db: WorkspaceDB; workspace: Workspace; audienceId: string | null; saved: Audience[]; onClose: () => void }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const engine = useMemo(() => getEngine(workspace.id), [workspace.id]);
  const [loaded, setLoaded] = useState(audienceId === null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rule, setRule] = useState<Rule>(() => parseRule(DEFAULT_RULE));
  const [asOf, setAsOf] = useState(workspace.asOf);
  const [tags, setTags] = useState<string[]>([]);
  const { pending: saving, error, setError, run } = useAsyncAction();
  // Save waits for the text form's check and is refused while it lists problems (RuleEditor's onStatus).
  const [ruleStatus, setRuleStatus] = useState<RuleEditorStatus>({ pending: false, issues: [] });

  useEffect(() => {
    db.tags.toArray().then((rows) => setTags(rows.map((r) => r.name)), () => undefined);
    if (audienceId === null) return;
    getAudience(db, audienceId).then((a) => {
      if (!a) return setError(new Error(`no audience with id '${audienceId}'`));
      setName(a.name);
      setDescription(a.description);
      setRule(audienceRule(a) ?? { k: 'true' });
      setLoaded(true);
    }, setError);
  }, [db, audienceId, setError]);

  const audienceNames = useMemo(() => saved.map((a) => a.name), [saved]);
  const cycle = useMemo(
    () => findAudienceCycle({ id: audienceId ?? undefined, name: name.trim() || '?', rule }, saved.map((a) => ({ id: a.id, name: a.name, rule: audienceRule(a) }))),
    [rule, audienceId, name, saved],
  );
  const problems = useMemo(() => {
    const issues = typecheck(rule, { audiences: audienceNames, tags }).map((i) => i.message);
    if (cycle) issues.push(t('audiences.editor.cycle', { path: cycle }));
    return issues;
  }, [rule, audienceNames, tags, cycle, t]);
  const countable = loaded && problems.length === 0 ? rule : null;
  const live = useLiveCount(engine, countable, asOf);
  // The sample and persona follow the last finished count, so they stay on screen (not flicker) while a new one runs.
  const [results, setResults] = useState<{ rule: Rule; asOf: string; count: number } | null>(null);
  useEffect(() => {
    if (live.state === 'done' && countable) setResults({ rule: countable, asOf: live.result.asOf, count: live.result.count });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a finished count moves the results
  }, [live]);

  const save = async () => {
    setError(null);
    if (!name.trim()) return setError(new Error(t('audiences.editor.nameRequired')));
    const shown = ruleStatus.issues.length ? ruleStatus.issues : problems;
    if (shown.length) return setError(new Error(`${t('audiences.editor.ruleInvalid')} ${shown.join('; ')}`));
    await run(async () => {
      // The engine refuses cycles and rules it cannot evaluate; ask it before writing.
      const result = await engine.count(rule, { asOf: workspace.asOf });
      await saveAudience(db, { id: audienceId ?? undefined, name, description, rule, lastCount: result.count });
      onClose();
    });
  };

  return (
    <div className="page aud-editor" data-testid="audience-editor">
      <div className="page-head">
        <div className="k-row">
          <Button variant="ghost" onClick={onClose} data-testid="audience-back">
            ‹ {t('audiences.editor.back')}
          </Button>
          <h1 className="page-title">{t(audienceId ? 'audiences.editor.editTitle' : 'audiences.editor.newTitle')}</h1>
        </div>
        <div className="k-row">
          <Button onClick={onClose}>{t('audiences.editor.cancel')}</Button>
          <Button variant="primary" data-testid="audience-save" disabled={!canWrite || saving || !loaded || ruleStatus.pending} onClick={() => void save()}>
            {saving ? t('audiences.editor.saving') : t('audiences.editor.save')}
          </Button>
        </div>
      </div>
      {!canWrite ? <p className="k-muted">{t('audiences.editor.readOnly')}</p> : null}
      {error ? <ErrorBox error={error} testId="audience-error" /> : null}
      <div className="aud-layout">
        <section className="k-card aud-form">
          <label className="aud-field">
            <span>{t('audiences.editor.name')}</span>
            <input className="k-input" data-testid="audience-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="aud-field">
            <span>{t('audiences.editor.description')}</span>
            <input className="k-input" data-testid="audience-description" value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <div className="aud-field">
            <span>{t('audiences.editor.rule')}</span>
            {loaded ? <RuleEditor value={rule} onChange={setRule} onStatus={setRuleStatus} context={{ audiences: audienceNames, tags, currency: workspace.currency }} extraIssues={cycle ? [t('audiences.editor.cycle', { path: cycle })] : []} /> : null}
          </div>
        </section>
        <aside className="aud-side">
          <CountCard live={live} stale={countable === null} asOf={asOf} onAsOf={(d) => setAsOf(d || workspace.asOf)} />
        </aside>
      </div>
      {results ? <AudienceResults db={db} engine={engine} rule={results.rule} asOf={results.asOf} count={results.count} name={name} /> : null}
    </div>
  );
}
