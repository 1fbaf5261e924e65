import { parseRule, RuleSyntaxError, typecheck, type Rule, type RuleContext } from '../../core/rules';

/** A problem in the rule text, with the 0-based [start, end) span it is about when known. */
export interface TextIssue {
  message: string;
  start?: number;
  end?: number;
}
export type TextCheck = { ok: true; rule: Rule; issues: [] } | { ok: false; issues: TextIssue[] };

/** Parse and type-check the text form; ok only when both pass. */
export function checkRuleText(text: string, ctx: RuleContext): TextCheck {
  let rule: Rule;
  try {
    rule = parseRule(text);
  } catch (e) {
    if (e instanceof RuleSyntaxError) return { ok: false, issues: [{ message: e.message, start: e.start, end: e.end }] };
    return { ok: false, issues: [{ message: e instanceof Error ? e.message : String(e) }] };
  }
  const issues = typecheck(rule, ctx);
  if (issues.length) return { ok: false, issues: issues.map((i) => ({ message: i.message, start: i.span?.start, end: i.span?.end })) };
  return { ok: true, rule, issues: [] };
}

/** 1-based line and column of an offset, for "line 1, column 16" in messages. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/** The text split around a span, for drawing the underline in a mirror of the textarea. */
export function splitAtSpan(text: string, start: number, end: number): [string, string, string] {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(Math.max(end, s + 1), text.length));
  return [text.slice(0, s), text.slice(s, e) || ' ', text.slice(e)];
}
