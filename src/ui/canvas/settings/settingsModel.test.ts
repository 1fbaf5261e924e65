import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../core/model/common';
import { defaultJourneySettings, JourneySettingsSchema, type JourneySettings } from '../../../core/model/journey';
import { parseRule, stripSpans } from '../../../core/rules';
import type { ValidationIssue } from '../../../core/journey/validate';
import {
  RULES, addChannelCap, parseDate, parseNumber, parseTime, removeChannelCap, setCap, setGoalRule, setQuietHours, setReEntry, setSendWindow,
  settingsIssues, toggleWeekday, wrapsMidnight,
} from './settingsModel';

describe('parseNumber', () => {
  it('blank is null where the schema allows it, "not yet" elsewhere', () => {
    expect(parseNumber('', RULES.maxEntries)).toEqual({ ok: true, value: null });
    expect(parseNumber('  ', RULES.cap)).toEqual({ ok: true, value: null });
    expect(parseNumber('', RULES.afterDays)).toEqual({ ok: false });
    expect(parseNumber('', RULES.controlPercent)).toEqual({ ok: false });
  });
  it('clamps to the schema bounds and rounds integers', () => {
    expect(parseNumber('0', RULES.maxEntries)).toEqual({ ok: true, value: 1 });
    expect(parseNumber('5000', RULES.cap)).toEqual({ ok: true, value: 1000 });
    expect(parseNumber('2.6', RULES.afterDays)).toEqual({ ok: true, value: 3 });
    expect(parseNumber('75', RULES.controlPercent)).toEqual({ ok: true, value: 50 });
    expect(parseNumber('-3', RULES.controlPercent)).toEqual({ ok: true, value: 0 });
    expect(parseNumber('12,5', RULES.controlPercent)).toEqual({ ok: true, value: 12.5 });
  });
  it('rejects what is not a number', () => {
    for (const s of ['abc', '1e3', '--1', '1.2.3', 'Infinity', 'NaN', '0x10']) expect(parseNumber(s, RULES.cap), s).toEqual({ ok: false });
  });
});

describe('times and dates', () => {
  it('parseTime keeps HH:MM, drops seconds, refuses the rest', () => {
    expect(parseTime('09:30')).toBe('09:30');
    expect(parseTime('21:00:00')).toBe('21:00');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('9:30')).toBeNull();
    expect(parseTime('')).toBeNull();
  });
  it('parseDate: blank is no date, a bad date is not a date yet', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate('2026-12-24')).toBe('2026-12-24');
    expect(parseDate('2026-13-40')).toBeUndefined();
    expect(parseDate('24/12/2026')).toBeUndefined();
  });
  it('quiet hours from 21:00 to 09:00 wrap past midnight; 12:00–14:00 do not', () => {
    expect(wrapsMidnight('21:00', '09:00')).toBe(true);
    expect(wrapsMidnight('12:00', '14:00')).toBe(false);
  });
});

describe('edits', () => {
  it('caps: global and per channel, add and remove a channel', () => {
    let s = defaultJourneySettings();
    s = setCap(s, 'global', 'perWeek', null);
    expect(s.caps.global).toEqual({ perDay: 2, perWeek: null });
    s = addChannelCap(s, 'wecom_1v1');
    expect(s.caps.perChannel.wecom_1v1).toEqual({ perDay: 1, perWeek: 2 });
    s = setCap(s, 'wecom_1v1', 'perDay', 3);
    expect(s.caps.perChannel.wecom_1v1).toEqual({ perDay: 3, perWeek: 2 });
    expect(addChannelCap(s, 'wecom_1v1')).toBe(s);
    s = removeChannelCap(s, 'sms');
    expect(Object.keys(s.caps.perChannel)).toEqual(['wecom_1v1']);
    expect(defaultJourneySettings().caps.perChannel.sms).toBeDefined(); // never mutated in place
  });
  it('weekdays stay sorted and unique', () => {
    let s = defaultJourneySettings();
    s = toggleWeekday(s, 3);
    expect(s.sendWindow.days).toEqual([1, 2, 4, 5, 6, 7]);
    s = toggleWeekday(s, 3);
    expect(s.sendWindow.days).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(toggleWeekday(s, 8)).toBe(s);
  });
});

describe('settingsIssues', () => {
  const issue = (field: string | undefined): ValidationIssue => ({ code: 'x', severity: 'error', field, message: { en: field ?? '', zh: field ?? '' } });
  it('puts each settings issue by its place; others without a place under ""; node issues are left out', () => {
    const m = settingsIssues([issue('settings.caps.sms'), issue('settings.caps.global'), issue('settings.endDate'), issue('settings.somethingNew'), issue('port:next'), issue(undefined)], ['caps.global', 'caps.sms', 'endDate', 'caps']);
    expect(m.get('caps.sms')!.map((i) => i.field)).toEqual(['settings.caps.sms']);
    expect(m.get('caps.global')!.map((i) => i.field)).toEqual(['settings.caps.global']);
    expect(m.get('endDate')).toHaveLength(1);
    expect(m.get('')!.map((i) => i.field)).toEqual(['settings.somethingNew']);
    expect(m.has('caps')).toBe(false);
  });
});

/** Property: whatever a person types into whichever field, the panel emits settings the schema accepts. */
describe('every edit keeps the settings valid', () => {
  const text = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5000, max: 5000 }).map(String), fc.double({ noNaN: false }).map(String), fc.constant(''));
  const channel = fc.constantFrom(...CHANNELS);
  const goal = stripSpans(parseRule('orders(last 30 days) >= 1'));
  type Op = (s: JourneySettings) => JourneySettings;
  const num = (t: string, rule: (typeof RULES)[keyof typeof RULES], apply: (s: JourneySettings, v: number | null) => JourneySettings): Op => (s) => {
    const p = parseNumber(t, rule);
    return p.ok ? apply(s, p.value) : s;
  };
  const op: fc.Arbitrary<Op> = fc.oneof(
    text.map((t) => num(t, RULES.maxEntries, (s, v) => ({ ...s, maxEntries: v }))),
    text.map((t) => num(t, RULES.afterDays, (s, v) => ({ ...s, reEntry: { ...s.reEntry, afterDays: v! } }))),
    fc.constantFrom('never', 'after', 'always' as const).map((m): Op => (s) => setReEntry(s, m)),
    fc.tuple(fc.oneof(fc.constant('global' as const), channel), fc.constantFrom('perDay', 'perWeek' as const), text).map(([o, k, t]) => num(t, RULES.cap, (s, v) => setCap(s, o, k, v))),
    channel.map((c): Op => (s) => addChannelCap(s, c)),
    channel.map((c): Op => (s) => removeChannelCap(s, c)),
    fc.integer({ min: -1, max: 9 }).map((d): Op => (s) => toggleWeekday(s, d)),
    fc.tuple(fc.boolean(), fc.string({ maxLength: 8 })).map(([on, t]): Op => (s) => {
      const v = parseTime(t);
      return setQuietHours(setSendWindow(s, { enabled: on, ...(v ? { from: v } : {}) }), { enabled: !on, ...(v ? { end: v } : {}) });
    }),
    text.map((t) => num(t, RULES.goalWindow, (s, v) => ({ ...s, goal: { ...s.goal, windowDays: v! } }))),
    text.map((t) => num(t, RULES.controlPercent, (s, v) => ({ ...s, controlPercent: v! }))),
    fc.boolean().map((on): Op => (s) => setGoalRule(s, on ? goal : null)),
    fc.string({ maxLength: 12 }).map((t): Op => (s) => {
      const d = parseDate(t);
      return d === undefined ? s : { ...s, startDate: d };
    }),
  );
  it('random edit sequences', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const s = ops.reduce((acc, f) => f(acc), defaultJourneySettings());
        const r = JourneySettingsSchema.safeParse(s);
        if (!r.success) throw new Error(JSON.stringify(r.error.issues));
      }),
      { numRuns: 500 },
    );
  });
});
