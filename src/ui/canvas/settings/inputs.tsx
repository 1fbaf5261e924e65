import { useState, type ReactNode } from 'react';
import type { Lang } from '../../../core/journey/text';
import type { ValidationIssue } from '../../../core/journey/validate';
import { parseDate, parseNumber, parseTime, type NumberRule } from './settingsModel';

/**
 * The panel's inputs keep what is being typed as a draft and emit only values the schema
 * accepts: a half-typed number or time stays on screen (marked invalid) and emits nothing; on
 * blur the input shows the value the journey holds again (clamped, or the one from before).
 */

interface Common {
  id: string;
  disabled: boolean;
  testId: string;
  label?: string;
}

export function NumberInput({ value, rule, onValue, placeholder, width = 72, ...c }: Common & { value: number | null; rule: NumberRule; onValue: (v: number | null) => void; placeholder?: string; width?: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === null ? '' : String(value));
  const bad = draft !== null && !parseNumber(draft, rule).ok;
  return (
    <input
      id={c.id}
      className="k-input jset-num"
      style={{ width }}
      type="text"
      inputMode={rule.integer ? 'numeric' : 'decimal'}
      data-testid={c.testId}
      aria-label={c.label}
      aria-invalid={bad || undefined}
      disabled={c.disabled}
      placeholder={placeholder}
      value={shown}
      onChange={(e) => {
        setDraft(e.target.value);
        const p = parseNumber(e.target.value, rule);
        if (p.ok && p.value !== value) onValue(p.value);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

export function TimeInput({ value, onValue, ...c }: Common & { value: string; onValue: (v: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={c.id}
      className="k-input jset-time"
      type="time"
      data-testid={c.testId}
      aria-label={c.label}
      aria-invalid={(draft !== null && parseTime(draft) === null) || undefined}
      disabled={c.disabled}
      value={draft ?? value}
      onChange={(e) => {
        setDraft(e.target.value);
        const v = parseTime(e.target.value);
        if (v && v !== value) onValue(v);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

export function DateInput({ value, onValue, ...c }: Common & { value: string | null; onValue: (v: string | null) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={c.id}
      className="k-input jset-date"
      type="date"
      data-testid={c.testId}
      aria-label={c.label}
      aria-invalid={(draft !== null && parseDate(draft) === undefined) || undefined}
      disabled={c.disabled}
      value={draft ?? value ?? ''}
      onChange={(e) => {
        setDraft(e.target.value);
        const v = parseDate(e.target.value);
        if (v !== undefined && v !== value) onValue(v);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

export function Check({ checked, onChecked, children, ...c }: Common & { checked: boolean; onChecked: (v: boolean) => void; children: ReactNode }) {
  return (
    <label className="jset-check" htmlFor={c.id}>
      <input id={c.id} type="checkbox" data-testid={c.testId} disabled={c.disabled} checked={checked} onChange={(e) => onChecked(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}

/** Validation issues next to the inputs they are about. */
export function Issues({ issues, lang }: { issues: ValidationIssue[] | undefined; lang: Lang }) {
  if (!issues?.length) return null;
  return (
    <ul className="jset-issues" data-testid="jset-issues">
      {issues.map((i, k) => (
        <li key={`${i.code}-${k}`} className={`jset-issue jset-${i.severity}`}>
          {i.message[lang]}
        </li>
      ))}
    </ul>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="jset-section" data-testid={testId}>
      <h3 className="jset-h">{title}</h3>
      {children}
    </section>
  );
}
