import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, minorDigits } from './format';

describe('formatMoney', () => {
  it('turns minor units into the currency amount', () => {
    expect(formatMoney(123456, 'CNY', 'en')).toBe('CN¥1,234.56');
    expect(formatMoney(-500, 'USD', 'en')).toBe('-$5.00');
    expect(formatMoney(0, 'GBP', 'en')).toBe('£0.00');
  });
  it('formats in Chinese', () => {
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
  });
  it('respects currencies without a minor unit', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
    expect(minorDigits('CNY')).toBe(2);
  });
});

describe('dates', () => {
  it('formats a local date without shifting its day', () => {
    expect(formatDate('2026-01-31', 'en-US')).toBe('01/31/2026');
    expect(formatDate('2026-01-31', 'zh-CN')).toBe('2026/01/31');
    expect(formatDate('2026-01-31T23:59:00', 'en-US')).toBe('01/31/2026');
  });
  it('formats a local time as written', () => {
    expect(formatDateTime('2010-12-01T08:26:00', 'en-US')).toBe('12/01/2010, 08:26');
    expect(formatDateTime('2010-12-01T23:05', 'zh-CN')).toBe('2010/12/01 23:05');
  });
  it('passes through what it cannot read and blanks nothing', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDateTime(undefined, 'en')).toBe('');
  });
});

describe('numbers', () => {
  it('groups thousands', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(10000, 'zh-CN')).toBe('10,000');
  });
  it('formats bytes in binary units', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
    expect(formatBytes(-3, 'en')).toBe('0 B');
  });
  it('formats shares as percentages', () => {
    expect(formatPercent(0.1234, 'en')).toBe('12.3%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });
});
