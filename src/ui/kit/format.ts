/**
 * Pure formatters for figures shown in the UI. Money is integer minor units; dates and times
 * are local wall-clock strings without a zone, so they are formatted as written (in UTC) and
 * never shifted by the browser's time zone.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, f);
  }
  return f;
}

/** Digits after the decimal point of a currency's minor unit (CNY 2, JPY 0). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Format minor units (cents / fen) as money in `currency`. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return moneyFormat(currency, locale).format(minor / 10 ** digits);
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function toUtc(s: string): Date | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', se = '0'] = m;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +se));
}

/** 'YYYY-MM-DD' (or the date part of a LocalDateTime) in the locale's short date form. */
export function formatDate(s: string | null | undefined, locale: string): string {
  if (!s) return '';
  const d = toUtc(s.slice(0, 10));
  if (!d) return s;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(d);
}

/** 'YYYY-MM-DDTHH:mm[:ss]' in the locale's date and time form, as written at the source. */
export function formatDateTime(s: string | null | undefined, locale: string): string {
  if (!s) return '';
  const d = toUtc(s);
  if (!d) return s;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC',
  }).format(d);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
/** Bytes in binary units with one decimal (1536 -> "1.5 KB"). */
export function formatBytes(bytes: number, locale: string): string {
  let v = Math.max(0, bytes);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u += 1;
  }
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v);
  return `${n} ${UNITS[u]}`;
}

/** A share 0..1 as a percentage with at most one decimal. */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
