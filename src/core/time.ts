/**
 * Calendar arithmetic on local wall-clock dates, without time zones: a day number is the
 * count of days since 1970-01-01 of the date as written. Pure integer math, so a rule
 * evaluated in any browser, worker, Node CLI or server gives the same days.
 */
export function dayNumber(localDateOrDateTime: string): number {
  const y = Number(localDateOrDateTime.slice(0, 4));
  const m = Number(localDateOrDateTime.slice(5, 7));
  const d = Number(localDateOrDateTime.slice(8, 10));
  return daysFromCivil(y, m, d);
}

/** Howard Hinnant's days_from_civil. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function dateOfDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole months from `fromDay` to `toDay` (a baby born on the 10th is 1 month old on the next 10th). */
export function monthsBetween(fromDay: number, toDay: number): number {
  const a = civilFromDays(fromDay);
  const b = civilFromDays(toDay);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return months;
}

export function yearsBetween(fromDay: number, toDay: number): number {
  return Math.floor(monthsBetween(fromDay, toDay) / 12);
}

/** Sentinel for "no date" in Int32 day columns. */
export const NO_DAY = -2147483648;
