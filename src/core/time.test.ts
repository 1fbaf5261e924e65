import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateOfDay, dayNumber, monthsBetween } from './time';

describe('day numbers', () => {
  it('matches UTC midnight arithmetic for any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (day) => {
        const iso = new Date(day * 86400000).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(day);
        expect(dateOfDay(day)).toBe(iso);
      }),
    );
  });
  it('ignores the time of day and any zone', () => {
    expect(dayNumber('2010-12-01T23:59:59')).toBe(dayNumber('2010-12-01'));
  });
  it('months between: a baby born on the 10th is 1 month old on the next 10th', () => {
    expect(monthsBetween(dayNumber('2026-01-10'), dayNumber('2026-02-09'))).toBe(0);
    expect(monthsBetween(dayNumber('2026-01-10'), dayNumber('2026-02-10'))).toBe(1);
    expect(monthsBetween(dayNumber('2025-05-31'), dayNumber('2026-05-31'))).toBe(12);
  });
});
