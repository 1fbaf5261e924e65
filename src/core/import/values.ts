/**
 * Parsing one cell into a value, exactly. Money never goes through a float: "2.55" is read
 * digit by digit into integer units. Dates are taken as written, never through `Date`, so no
 * time zone can shift them.
 */

/** Prices are read to 1/10,000 of the currency unit, so "0.001" stays exact until rounded. */
export const PRICE_SCALE = 10_000;
const MAX_DECIMALS = 4;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: 'not-a-number' | 'too-many-decimals' | 'not-an-integer' | 'not-a-date' };

const CURRENCY = /[¥￥$€£\s]/g;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * Plain "-12.345" read digit by digit without allocating (the common case on big files);
 * null when the text needs the general path (signs, currency, commas, errors).
 */
function fastDecimalUnits(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 15) return null;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let whole = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    digits += 1;
  }
  let frac = 0;
  let scale = PRICE_SCALE;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return null;
    i += 1;
    if (n - i > MAX_DECIMALS) return null;
    for (; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      scale /= 10;
      frac += c * scale;
      digits += 1;
    }
  }
  if (digits === 0) return null;
  const units = whole * PRICE_SCALE + frac;
  if (!Number.isSafeInteger(units)) return null;
  return neg && units !== 0 ? -units : units;
}

/** "2.55" -> 25500 (units of 1/10,000). Accepts a currency sign and thousands commas. */
export function parseDecimalUnits(raw: string): Parsed<number> {
  const fast = fastDecimalUnits(raw);
  if (fast !== null) return { ok: true, value: fast };
  let s = raw.replace(CURRENCY, '');
  if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  const m = DECIMAL.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return { ok: false, code: 'not-a-number' };
  const frac = m[3] ?? '';
  if (frac.length > MAX_DECIMALS && /[1-9]/.test(frac.slice(MAX_DECIMALS))) return { ok: false, code: 'too-many-decimals' };
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const fracUnits = Number((frac.slice(0, MAX_DECIMALS) + '0000').slice(0, MAX_DECIMALS));
  const units = whole * PRICE_SCALE + fracUnits;
  if (!Number.isSafeInteger(units)) return { ok: false, code: 'not-a-number' };
  return { ok: true, value: m[1] === '-' && units !== 0 ? -units : units };
}

/** Round units of 1/10,000 to cents, half away from zero (what a till does). */
export function unitsToCents(units: number): number {
  const per = PRICE_SCALE / 100;
  const abs = Math.abs(units);
  const cents = Math.floor((abs + per / 2) / per);
  return units < 0 ? -cents : cents;
}

/** "2.55" -> 255 cents; "0.001" -> 0; "1.5" -> 150. */
export function parseCents(raw: string): Parsed<number> {
  const r = parseDecimalUnits(raw);
  return r.ok ? { ok: true, value: unitsToCents(r.value) } : r;
}

/** A whole quantity; "6.0" from a spreadsheet is 6, "1.5" is refused. */
export function parseQuantity(raw: string): Parsed<number> {
  const fast = fastDecimalUnits(raw);
  if (fast !== null && fast % PRICE_SCALE === 0) return { ok: true, value: fast / PRICE_SCALE };
  const s = raw.replace(/\s/g, '');
  const m = /^([+-]?\d+)(?:\.(0*))?$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    return Number.isSafeInteger(n) ? { ok: true, value: n === 0 ? 0 : n } : { ok: false, code: 'not-a-number' };
  }
  return parseDecimalUnits(s).ok ? { ok: false, code: 'not-an-integer' } : { ok: false, code: 'not-a-number' };
}

/** How a date with slashes is read: 12/1/2010 is 1 Dec (US, "mdy") or 12 Jan ("dmy"). */
export type DateOrder = 'mdy' | 'dmy';

const YMD = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?)?$/;
const XYY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?$/;

function daysIn(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function build(y: number, mo: number, d: number, h: number, mi: number, s: number): Parsed<string> {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) {
    return { ok: false, code: 'not-a-date' };
  }
  return { ok: true, value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}` };
}

/**
 * "12/1/2010 8:26" (mdy) -> "2010-12-01T08:26:00"; "2010-12-01 08:26:00" -> the same;
 * "2023年5月6日 14:03" too. A date alone is midnight. Anything else (a zone suffix, a
 * 31 February) is not a date.
 */
export function parseLocalDateTime(raw: string, order: DateOrder = 'mdy'): Parsed<string> {
  const s = raw.trim();
  let m = YMD.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = XYY.exec(s);
  if (!m) return { ok: false, code: 'not-a-date' };
  const [a, b] = [+m[1], +m[2]];
  let h = +(m[4] ?? 0);
  const ampm = m[7]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return { ok: false, code: 'not-a-date' };
    h = (h % 12) + (ampm === 'pm' ? 12 : 0);
  }
  const [mo, d] = order === 'mdy' ? [a, b] : [b, a];
  return build(+m[3], mo, d, h, +(m[5] ?? 0), +(m[6] ?? 0));
}

/**
 * Which order slash dates in a sample use: "dmy" if some first part is over 12 (13/1/2020),
 * else "mdy" (the UCI file's and Excel-US default).
 */
export function guessDateOrder(samples: readonly string[]): DateOrder {
  let firstOver12 = false;
  let secondOver12 = false;
  for (const s of samples) {
    const m = XYY.exec(s.trim());
    if (!m) continue;
    if (+m[1] > 12) firstOver12 = true;
    if (+m[2] > 12) secondOver12 = true;
  }
  return firstOver12 && !secondOver12 ? 'dmy' : 'mdy';
}

/** Spreadsheets turn ids into floats: "17850.0" is customer 17850. */
export function normaliseId(raw: string): string {
  const s = raw.trim();
  const m = /^(\d+)\.0+$/.exec(s);
  return m ? m[1] : s;
}
