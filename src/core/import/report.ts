import Papa from 'papaparse';
import { ISSUE_TEXT_EN } from './issueText';

/** Why a row (or a whole order) was not imported. The UI translates `code`. */
export type IssueCode =
  | 'required'
  | 'not-a-date'
  | 'not-a-number'
  | 'not-an-integer'
  | 'too-many-decimals'
  | 'field-too-long'
  | 'line-too-long'
  | 'value-too-long'
  | 'unclosed-quote'
  | 'bad-row'
  | 'customer-conflict'
  | 'order-skipped';

/** One problem in one cell. `row` is the spreadsheet row: the header is row 1. */
export interface RowIssue {
  row: number;
  column: string;
  value: string;
  code: IssueCode;
}

export { ISSUE_TEXT_EN };

/** Values shown in the report are cut so one huge field does not make a huge report. */
const MAX_VALUE_IN_REPORT = 200;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / CR) as a formula: prefix an
 * apostrophe so opening the report never executes anything from the imported file.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function errorReportCsv(issues: readonly RowIssue[], describe: (code: IssueCode) => string = (c) => ISSUE_TEXT_EN[c]): string {
  const rows = issues.map((i) => {
    const v = i.value.length > MAX_VALUE_IN_REPORT ? `${i.value.slice(0, MAX_VALUE_IN_REPORT)}…` : i.value;
    return [String(i.row), guardFormula(i.column), guardFormula(v), describe(i.code)];
  });
  return Papa.unparse({ fields: ['row', 'column', 'value', 'reason'], data: rows }, { quotes: false, newline: '\r\n' });
}
