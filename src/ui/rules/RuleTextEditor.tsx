import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { lineCol, splitAtSpan, type TextIssue } from './textCheck';

/**
 * The text form in a textarea over a mirror that draws a wavy underline under the first
 * issue's span (the textarea's own text stays on top, so editing is plain and touch-friendly).
 */
export function RuleTextEditor({ text, onText, issues, pending }: { text: string; onText: (s: string) => void; issues: TextIssue[]; pending: boolean }) {
  const { t } = useTranslation();
  const mirror = useRef<HTMLDivElement>(null);
  const marked = issues.find((i) => i.start !== undefined);
  const parts = marked ? splitAtSpan(text, marked.start!, marked.end ?? marked.start! + 1) : null;
  return (
    <div className="rule-text">
      <div className="rule-text-box">
        <div className="rule-text-mirror" ref={mirror} aria-hidden="true">
          {parts ? (
            <>
              {parts[0]}
              <span className="rule-text-err">{parts[1]}</span>
              {parts[2]}
            </>
          ) : (
            text
          )}
          {'\n'}
        </div>
        <textarea
          className="rule-text-input"
          data-testid="rule-text"
          aria-label={t('rules.text.label')}
          aria-invalid={issues.length > 0}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          value={text}
          rows={4}
          onChange={(e) => onText(e.target.value)}
          onScroll={(e) => {
            if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <p className="k-muted small">{t('rules.text.help')}</p>
      {pending ? (
        <p className="k-muted small" data-testid="rule-checking">
          {t('rules.text.checking')}
        </p>
      ) : null}
      <IssueList text={text} issues={issues} />
    </div>
  );
}

/** Issues with their line and column; shared by both modes. */
export function IssueList({ text, issues }: { text: string; issues: TextIssue[] }) {
  const { t } = useTranslation();
  if (!issues.length) return null;
  return (
    <ul className="rule-issues" role="alert" aria-label={t('rules.issues')}>
      {issues.map((i, k) => {
        const at = i.start !== undefined ? lineCol(text, i.start) : null;
        return (
          <li key={k} data-testid="rule-error">
            {at ? t('rules.text.errorAt', { line: at.line, col: at.col, message: i.message }) : t('rules.text.error', { message: i.message })}
          </li>
        );
      })}
    </ul>
  );
}
