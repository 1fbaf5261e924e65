import { useTranslation } from 'react-i18next';
import { parseRule, printRule, stripSpans, type Rule } from '../../../core/rules';
import { RuleEditor, type RuleEditorContext } from '../../rules/RuleEditor';
import { Button } from '../../kit';

/** What a new goal or exit rule starts as: "placed an order", the commonest conversion. */
const FIRST_RULE = 'orders >= 1';

/**
 * A rule setting that may be absent (null): "add" makes one, the RuleEditor edits it (it only
 * ever hands over rules that parse), "remove" makes it null again. Read-only shows its text.
 */
export function RuleSetting({
  value,
  onValue,
  readOnly,
  context,
  kind,
}: {
  value: Rule | null;
  onValue: (r: Rule | null) => void;
  readOnly: boolean;
  context: RuleEditorContext;
  kind: 'goal' | 'exit';
}) {
  const { t } = useTranslation();
  if (value === null) {
    return readOnly ? (
      <p className="k-muted small jset-none">{t(`journeySettings.${kind}.none`)}</p>
    ) : (
      <Button className="k-btn-sm jset-add" data-testid={`jset-${kind}-add`} onClick={() => onValue(stripSpans(parseRule(FIRST_RULE)))}>
        + {t(`journeySettings.${kind}.add`)}
      </Button>
    );
  }
  if (readOnly) {
    return (
      <pre className="jset-rule-text mono" data-testid={`jset-${kind}-text`}>
        {printRule(value)}
      </pre>
    );
  }
  return (
    <div className="jset-rule" data-testid={`jset-${kind}-rule`}>
      <RuleEditor value={value} onChange={(r) => onValue(stripSpans(r))} context={context} />
      <Button variant="danger" className="k-btn-sm" data-testid={`jset-${kind}-remove`} onClick={() => onValue(null)}>
        {t(`journeySettings.${kind}.remove`)}
      </Button>
    </div>
  );
}
