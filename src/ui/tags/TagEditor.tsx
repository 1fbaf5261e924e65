import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagDefinition, Workspace } from '../../core/model';
import { parseRule, printRule, typecheck, type Rule } from '../../core/rules';
import { checkTagDraft, needsRule, type TagDraftIssue } from '../../core/tags/draft';
import { evaluationDay, localDate } from '../../core/tags/recompute';
import { getEngine } from '../../engine/engineClient';
import type { WorkspaceDB } from '../../storage/db';
import { saveTag, tagRule } from '../../storage/tags';
import { requestTagCheck } from '../../app/tagRecompute';
import { useCanWrite } from '../../app/store';
import { Button, ErrorBox, formatNumber, useAsyncAction, useLocale } from '../kit';
import { RuleEditor, type RuleEditorStatus } from '../rules/RuleEditor';
import { useLiveCount } from '../audiences/useLiveCount';

const KINDS: TagDefinition['kind'][] = ['rule', 'dynamic', 'manual', 'result'];
const DEFAULT_RULE = 'net_spend(last 90 days) > 1000';

/** Create or edit one tag; rule and dynamic tags get the shared rule editor and a live count. */
export function TagEditor({ db, workspace, tag, all, audiences, onClose }: { db: WorkspaceDB; workspace: Workspace; tag: TagDefinition | null; all: TagDefinition[]; audiences: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = useCanWrite();
  const engine = useMemo(() => getEngine(workspace.id), [workspace.id]);
  const [name, setName] = useState(tag?.name ?? '');
  const [kind, setKind] = useState<TagDefinition['kind']>(tag?.kind ?? 'rule');
  const [group, setGroup] = useState(tag?.group ?? '');
  const [priority, setPriority] = useState(String(tag?.priority ?? 0));
  const [description, setDescription] = useState(tag?.description ?? '');
  const [rule, setRuleState] = useState<Rule>(() => (tag ? tagRule(tag) : null) ?? parseRule(DEFAULT_RULE));
  // The latest rule the editor handed on, read after waiting for its text check (see save).
  const latest = useRef(rule);
  const setRule = (r: Rule) => {
    latest.current = r;
    setRuleState(r);
  };
  const [ruleStatus, setRuleStatus] = useState<RuleEditorStatus>({ pending: false, issues: [] });
  const [issues, setIssues] = useState<TagDraftIssue[]>([]);
  const { pending: saving, error, setError, run } = useAsyncAction();
  const others = useMemo(() => all.filter((x) => x.id !== tag?.id), [all, tag]);
  const tagNames = useMemo(() => others.map((x) => x.name), [others]);
  const groups = useMemo(() => [...new Set(all.map((x) => x.group).filter((g): g is string => !!g))].sort(), [all]);
  const withRule = needsRule(kind);
  const ruleProblems = useMemo(() => (withRule ? typecheck(rule, { tags: tagNames, audiences }).map((i) => i.message) : []), [withRule, rule, tagNames, audiences]);
  const day = evaluationDay(workspace, localDate(new Date()));
  const live = useLiveCount(withRule ? engine : null, withRule && ruleProblems.length === 0 ? rule : null, day);
  useEffect(() => setIssues([]), [name, kind, priority]);

  const draft = () => ({ id: tag?.id, name, kind, group, priority: Number(priority), description, rule: withRule ? latest.current : undefined });
  /**
   * The text form hands a rule on only once it parses and type-checks, ~250 ms after typing
   * stops: Save waits for that check (disabled while pending) and is refused while the editor
   * lists problems, so a half-typed or ill-typed rule never replaces the last good one unseen.
   */
  const editorProblems = (): string[] => (ruleStatus.issues.length ? ruleStatus.issues : typecheck(latest.current, { tags: tagNames, audiences }).map((i) => i.message));
  const save = async () => {
    setError(null);
    const found = checkTagDraft(draft(), all);
    setIssues(found);
    if (found.length) return;
    const problems = withRule ? editorProblems() : [];
    if (problems.length) return setError(new Error(`${t('tags.editor.issue.ruleInvalid')} ${problems.join('; ')}`));
    await run(async () => {
      await saveTag(db, draft());
      requestTagCheck(200); // a new or edited automated tag is due at once
      onClose();
    });
  };
  const issueOf = (field: TagDraftIssue['field']) => issues.filter((i) => i.field === field).map((i) => t(`tags.editor.issue.${i.code}`, { detail: 'detail' in i ? i.detail : '' }));
  const fieldIssues = (field: TagDraftIssue['field']) =>
    issueOf(field).map((m) => <span key={m} className="tags-issue" role="alert" data-testid={`tag-issue-${field}`}>{m}</span>);
  const shown = live.state === 'done' ? live.result : live.state === 'counting' || live.state === 'error' ? live.last : null;

  return (
    <div className="page tags-editor" data-testid="tag-editor">
      <div className="page-head">
        <div className="k-row">
          <Button variant="ghost" onClick={onClose} data-testid="tag-back">‹ {t('tags.editor.back')}</Button>
          <h1 className="page-title">{t(tag ? 'tags.editor.editTitle' : 'tags.editor.newTitle')}</h1>
        </div>
        <div className="k-row">
          <Button onClick={onClose}>{t('tags.editor.cancel')}</Button>
          <Button variant="primary" data-testid="tag-save" disabled={!canWrite || saving || (withRule && ruleStatus.pending)} onClick={() => void save()}>
            {saving ? t('tags.editor.saving') : t('tags.editor.save')}
          </Button>
        </div>
      </div>
      {!canWrite ? <p className="k-muted">{t('tags.editor.readOnly')}</p> : null}
      {error ? <ErrorBox error={error} testId="tag-error" /> : null}
      <section className="k-card tags-form">
        <div className="tags-form-grid">
          <label className="tags-field">
            <span>{t('tags.editor.name')}</span>
            <input className="k-input" data-testid="tag-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
            {fieldIssues('name')}
          </label>
          <label className="tags-field">
            <span>{t('tags.editor.kind')}</span>
            <select className="k-input" data-testid="tag-kind" value={kind} onChange={(e) => setKind(e.target.value as TagDefinition['kind'])}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`tags.kind.${k}`)}</option>)}
            </select>
            <span className="k-muted small">{t(`tags.kindHelp.${kind}`)}</span>
          </label>
          <label className="tags-field">
            <span>{t('tags.editor.group')}</span>
            <input className="k-input" data-testid="tag-group" list="tag-groups" value={group} maxLength={120} onChange={(e) => setGroup(e.target.value)} />
            <datalist id="tag-groups">{groups.map((g) => <option key={g} value={g} />)}</datalist>
            <span className="k-muted small">{t('tags.editor.groupHelp')}</span>
            {fieldIssues('group')}
          </label>
          <label className="tags-field tags-field-narrow">
            <span>{t('tags.editor.priority')}</span>
            <input className="k-input" type="number" step={1} data-testid="tag-priority" value={priority} onChange={(e) => setPriority(e.target.value)} />
            {fieldIssues('priority')}
          </label>
        </div>
        <label className="tags-field">
          <span>{t('tags.editor.description')}</span>
          <input className="k-input" data-testid="tag-description" value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
        </label>
        {withRule ? (
          <div className="tags-field">
            <span>{t('tags.editor.rule')}</span>
            <RuleEditor value={rule} onChange={setRule} onStatus={setRuleStatus} context={{ audiences, tags: tagNames, currency: workspace.currency }} />
            {fieldIssues('rule')}
            <div className="tags-live" aria-live="polite">
              <span className="k-muted small">{t('tags.editor.count')}</span>
              <strong className={`tags-live-value${live.state === 'counting' || ruleProblems.length ? ' stale' : ''}`} data-testid="tag-live-count" data-state={live.state} data-rule={printRule(rule)}>
                {shown ? formatNumber(shown.count, locale) : '—'}
              </strong>
              {shown ? <span className="k-muted small">{t('tags.editor.countOf', { total: formatNumber(shown.total, locale) })}</span> : null}
              {live.state === 'counting' ? <span className="k-muted small">{t('tags.editor.counting')}</span> : null}
              {group.trim() ? <span className="k-muted small">{t('tags.editor.groupNote')}</span> : null}
              {live.state === 'error' ? <span className="tags-issue" role="alert">{t('tags.editor.countError')}: {live.error.message}</span> : null}
            </div>
          </div>
        ) : null}
      </section>
    </div>
  );
}
