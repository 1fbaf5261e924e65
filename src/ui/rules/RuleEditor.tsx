import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRule, printRule, type Rule } from '../../core/rules';
import { fromBuilder, toBuilder, type GroupNode } from './builderModel';
import { checkRuleText, type TextIssue } from './textCheck';
import { ConditionBuilder } from './ConditionBuilder';
import { IssueList, RuleTextEditor } from './RuleTextEditor';
import './rules.css';

export interface RuleEditorContext {
  /** Saved audience names (for `in audience`); omitted = not checked. */
  audiences?: string[];
  tags?: string[];
  /** Currency code shown beside money values (values are in currency units). */
  currency?: string;
}

const CHECK_DELAY = 250;

/** What the editor holds right now: `pending` while typed text awaits its check; `issues` it lists. */
export interface RuleEditorStatus {
  pending: boolean;
  issues: string[];
}

/**
 * One rule, two editors: the visual builder and the text form, over the same AST. onChange
 * receives only rules that parse; in Text mode only rules that also type-check (so a half-typed
 * rule never reaches a count). Switching modes converts losslessly.
 */
export function RuleEditor({
  value,
  onChange,
  context,
  extraIssues = [],
  onStatus,
}: {
  value: Rule;
  onChange: (rule: Rule) => void;
  context: RuleEditorContext;
  /** Problems only the host knows of (e.g. an audience cycle), listed with the editor's own. */
  extraIssues?: string[];
  /**
   * Told whenever the status changes. onChange only ever receives good rules, so a host that
   * saves must not save while `pending` or with `issues` (the last good rule is not what is shown).
   */
  onStatus?: (s: RuleEditorStatus) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'builder' | 'text'>('builder');
  const [tree, setTree] = useState<GroupNode>(() => toBuilder(value));
  const [text, setText] = useState(() => printRule(value));
  const [textIssues, setTextIssues] = useState<TextIssue[]>([]);
  const [pending, setPending] = useState(false);
  const emitted = useRef(printRule(value));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ctx = { audiences: context.audiences, tags: context.tags };

  // A value from outside (another audience opened) replaces both editors' content.
  const incoming = printRule(value);
  useEffect(() => {
    if (incoming === emitted.current) return;
    emitted.current = incoming;
    setTree(toBuilder(value));
    setText(incoming);
    setTextIssues([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the rule's text form
  }, [incoming]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const emit = (r: Rule) => {
    emitted.current = printRule(r);
    onChange(r);
  };

  const onTree = (g: GroupNode) => {
    setTree(g);
    emit(fromBuilder(g));
  };

  const onText = (s: string) => {
    setText(s);
    setPending(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setPending(false);
      const c = checkRuleText(s, ctx);
      setTextIssues(c.issues);
      if (c.ok) emit(c.rule);
    }, CHECK_DELAY);
  };

  let parses = true;
  try {
    parseRule(text);
  } catch {
    parses = false;
  }

  const switchTo = (m: 'builder' | 'text') => {
    if (m === mode) return;
    if (m === 'text') {
      setText(printRule(fromBuilder(tree)));
      setTextIssues([]);
    } else {
      if (!parses) return;
      setTree(toBuilder(parseRule(text)));
    }
    setMode(m);
  };

  const builderIssues = mode === 'builder' ? checkRuleText(printRule(fromBuilder(tree)), ctx).issues : [];
  const shownIssues = (mode === 'builder' ? builderIssues : textIssues).map((i) => i.message);
  const statusKey = JSON.stringify([mode === 'text' && pending, shownIssues]);
  const onStatusRef = useRef(onStatus);
  onStatusRef.current = onStatus;
  useEffect(() => {
    const [p, issues] = JSON.parse(statusKey) as [boolean, string[]];
    onStatusRef.current?.({ pending: p, issues });
  }, [statusKey]);

  return (
    <div className="rule-editor" data-testid="rule-editor">
      <div className="rule-tabs" role="tablist" aria-label={t('rules.mode.label')}>
        <button type="button" role="tab" aria-selected={mode === 'builder'} className={`rule-tab${mode === 'builder' ? ' on' : ''}`} data-testid="rule-mode-builder" disabled={mode === 'text' && !parses} onClick={() => switchTo('builder')}>
          {t('rules.mode.builder')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'text'} className={`rule-tab${mode === 'text' ? ' on' : ''}`} data-testid="rule-mode-text" onClick={() => switchTo('text')}>
          {t('rules.mode.text')}
        </button>
      </div>
      {mode === 'builder' ? (
        <>
          <ConditionBuilder root={tree} onChange={onTree} context={context} />
          <IssueList text="" issues={builderIssues.map((i) => ({ message: i.message }))} />
        </>
      ) : (
        <RuleTextEditor text={text} onText={onText} issues={textIssues} pending={pending} />
      )}
      {(mode === 'builder' ? builderIssues.length : textIssues.length) === 0 ? <IssueList text="" issues={extraIssues.map((message) => ({ message }))} /> : null}
    </div>
  );
}
