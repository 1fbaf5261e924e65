import type { IssueCode } from './report';

/** English wording of each row problem: the CSV error report's and the screen's (kept free of dependencies so the UI's strings can load it up front). */
export const ISSUE_TEXT_EN: Record<IssueCode, string> = {
  required: 'required value is empty',
  'not-a-date': 'not a date (expected e.g. 2010-12-01 08:26 or 12/1/2010 8:26)',
  'not-a-number': 'not a number',
  'not-an-integer': 'quantity must be a whole number',
  'too-many-decimals': 'more than 4 decimal places',
  'field-too-long': 'field is longer than 10,000 characters',
  'line-too-long': 'line is longer than 1 MB',
  'value-too-long': 'value is too long for this field',
  'unclosed-quote': 'unclosed or stray quote',
  'bad-row': 'row could not be read',
  'customer-conflict': 'another line of this order names a different customer',
  'order-skipped': 'order skipped: another line of it has an error',
};
