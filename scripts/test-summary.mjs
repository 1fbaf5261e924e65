#!/usr/bin/env node
// Prints one closing line for the whole suite, "N passed, N failed", from the JSON reports
// of vitest and Playwright (and notes a stage that failed before producing a report).
import { existsSync, readFileSync } from 'node:fs';

const [vitestJson, playwrightJson] = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0;
const notes = [];

if (vitestJson && existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (r.numFailedTestSuites) notes.push(`vitest: ${r.numFailedTestSuites} failing file(s)`);
} else notes.push('vitest: no report');

if (playwrightJson && existsSync(playwrightJson)) {
  const r = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  const s = r.stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  skipped += s.skipped ?? 0;
  if (r.errors?.length) { failed += 1; notes.push(`playwright: ${r.errors[0].message?.split('\n')[0]}`); }
} else notes.push('e2e: no report');

for (const n of notes) console.log(`note: ${n}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
