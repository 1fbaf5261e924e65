import type { Channel } from '../../../core/model/common';
import type { Cap, JourneySettings } from '../../../core/model/journey';
import type { Rule } from '../../../core/rules';
import type { ValidationIssue } from '../../../core/journey/validate';

/**
 * The settings panel's edits as pure functions: each takes the current settings and what the
 * person typed, and returns a complete new settings object that still matches
 * JourneySettingsSchema (numbers parsed and clamped to the schema's bounds, blanks made null where
 * the schema allows it), or null when the input cannot be one yet (a half-typed number, a blank
 * that must not be blank): the panel then keeps the text and emits nothing.
 */

export interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
  /** A blank input means null (no limit) instead of "not yet a number". */
  nullable: boolean;
}

export type Parsed = { ok: true; value: number | null } | { ok: false };

/** A number typed into a field: trimmed, parsed, rounded for integers and clamped. */
export function parseNumber(text: string, r: NumberRule): Parsed {
  const s = text.trim().replace(',', '.');
  if (s === '') return r.nullable ? { ok: true, value: null } : { ok: false };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return { ok: false };
  let v = Number(s);
  if (!Number.isFinite(v)) return { ok: false };
  if (r.integer) v = Math.round(v);
  else v = Math.round(v * 100) / 100;
  return { ok: true, value: Math.min(r.max, Math.max(r.min, v)) };
}

export const RULES = {
  maxEntries: { min: 1, max: 1000, integer: true, nullable: true },
  afterDays: { min: 1, max: 3650, integer: true, nullable: false },
  cap: { min: 1, max: 1000, integer: true, nullable: true },
  goalWindow: { min: 1, max: 365, integer: true, nullable: false },
  controlPercent: { min: 0, max: 50, integer: false, nullable: false },
} as const satisfies Record<string, NumberRule>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What a time input gave, as HH:MM (some browsers add seconds), or null when it is not a time. */
export function parseTime(text: string): string | null {
  const m = /^(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(text.trim());
  return m && HHMM.test(m[1]) ? m[1] : null;
}
/** A date input's value: '' = no date (null); anything not YYYY-MM-DD is not a date yet (undefined). */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  return DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? s : undefined;
}

export type CapKey = 'perDay' | 'perWeek';
export type CapOwner = 'global' | Channel;

export function capOf(s: JourneySettings, owner: CapOwner): Cap | undefined {
  return owner === 'global' ? s.caps.global : s.caps.perChannel[owner];
}

export function setCap(s: JourneySettings, owner: CapOwner, key: CapKey, value: number | null): JourneySettings {
  const cap = { ...(capOf(s, owner) ?? { perDay: null, perWeek: null }), [key]: value };
  return owner === 'global'
    ? { ...s, caps: { ...s.caps, global: cap } }
    : { ...s, caps: { ...s.caps, perChannel: { ...s.caps.perChannel, [owner]: cap } } };
}

/** A channel gets a cap of its own: one a day, two a week to start with (the default for SMS). */
export function addChannelCap(s: JourneySettings, ch: Channel): JourneySettings {
  if (s.caps.perChannel[ch]) return s;
  return { ...s, caps: { ...s.caps, perChannel: { ...s.caps.perChannel, [ch]: { perDay: 1, perWeek: 2 } } } };
}

export function removeChannelCap(s: JourneySettings, ch: Channel): JourneySettings {
  const perChannel = { ...s.caps.perChannel };
  delete perChannel[ch];
  return { ...s, caps: { ...s.caps, perChannel } };
}

export function setReEntry(s: JourneySettings, mode: JourneySettings['reEntry']['mode']): JourneySettings {
  return { ...s, reEntry: { ...s.reEntry, mode } };
}

/** Weekdays stay sorted and unique (1 = Monday … 7 = Sunday). */
export function toggleWeekday(s: JourneySettings, day: number): JourneySettings {
  if (!Number.isInteger(day) || day < 1 || day > 7) return s;
  const has = s.sendWindow.days.includes(day);
  const days = has ? s.sendWindow.days.filter((d) => d !== day) : [...s.sendWindow.days, day].sort((a, b) => a - b);
  return { ...s, sendWindow: { ...s.sendWindow, days: [...new Set(days)] } };
}

export function setQuietHours(s: JourneySettings, patch: Partial<JourneySettings['quietHours']>): JourneySettings {
  return { ...s, quietHours: { ...s.quietHours, ...patch } };
}
export function setSendWindow(s: JourneySettings, patch: Partial<Omit<JourneySettings['sendWindow'], 'days'>>): JourneySettings {
  return { ...s, sendWindow: { ...s.sendWindow, ...patch } };
}
export function setGoalRule(s: JourneySettings, rule: Rule | null): JourneySettings {
  return { ...s, goal: { ...s.goal, rule } };
}

/** Quiet hours from 21:00 to 09:00 run past midnight into the next morning. */
export const wrapsMidnight = (start: string, end: string): boolean => start > end;

/**
 * Validation issues about the settings, by the place the panel shows them: an issue's field
 * `settings.caps.sms` belongs to 'caps.sms'. Issues of settings the panel has no place for are
 * listed under '' so none is lost.
 */
export function settingsIssues(issues: readonly ValidationIssue[] | undefined, places: readonly string[]): Map<string, ValidationIssue[]> {
  const out = new Map<string, ValidationIssue[]>();
  for (const i of issues ?? []) {
    if (!i.field?.startsWith('settings.')) continue;
    const f = i.field.slice('settings.'.length);
    const place = [...places].sort((a, b) => b.length - a.length).find((p) => f === p || f.startsWith(`${p}.`)) ?? '';
    out.set(place, [...(out.get(place) ?? []), i]);
  }
  return out;
}
