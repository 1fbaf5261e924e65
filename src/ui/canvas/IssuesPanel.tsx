import { useTranslation } from 'react-i18next';
import { nodeType } from '../../core/journey/catalogue';
import { pick } from '../../core/journey/text';
import type { ValidationIssue } from '../../core/journey/validate';
import type { Journey } from '../../core/model/journey';
import { useLang } from '../kit/useLocale';

/** Errors before warnings, each with the title of its node; clicking one picks it. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.slice().sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function IssueList({ issues, journey, onPick }: { issues: readonly ValidationIssue[]; journey: Journey; onPick: (i: ValidationIssue) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const byId = new Map(journey.nodes.map((n) => [n.id, n]));
  return (
    <ul className="cv-issues" data-testid="issues-list">
      {sortIssues(issues).map((i, k) => {
        const n = i.nodeId ? byId.get(i.nodeId) : undefined;
        const nt = n ? nodeType(n.type) : undefined;
        const title = n ? n.label || (nt ? pick(nt.title, lang) : n.type) : t('canvas.issues.journey');
        return (
          <li key={k}>
            <button type="button" className={`cv-issue cv-issue-${i.severity}`} onClick={() => onPick(i)} data-testid="issue" data-code={i.code} data-severity={i.severity}>
              <span className="cv-issue-dot" aria-label={t(i.severity === 'error' ? 'canvas.issues.error' : 'canvas.issues.warning')} />
              <span className="cv-issue-text">
                <strong>{title}</strong> {pick(i.message, lang)}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
