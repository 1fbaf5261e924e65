/**
 * Day numbers (days since 1970-01-01) and fast formatting to the model's LocalDate /
 * LocalDateTime strings. Formatting is the hot path of the generator, so dates of the years
 * the demo covers come from a lookup table instead of a Date per record.
 */
const MS_PER_DAY = 86_400_000;

export function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function formatDaySlow(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const TABLE_FROM = dayOf('1940-01-01');
const TABLE_TO = dayOf('2035-12-31');
let table: string[] | null = null;

export function formatDay(day: number): string {
  if (day < TABLE_FROM || day > TABLE_TO) return formatDaySlow(day);
  if (!table) {
    table = new Array<string>(TABLE_TO - TABLE_FROM + 1);
    for (let d = TABLE_FROM; d <= TABLE_TO; d++) table[d - TABLE_FROM] = formatDaySlow(d);
  }
  return table[day - TABLE_FROM];
}

const PAD2: string[] = Array.from({ length: 60 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** `YYYY-MM-DDTHH:mm:ss` for a day number and a second of that day (0..86399). */
export function formatDateTime(day: number, second: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(second)));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${formatDay(day)}T${PAD2[h]}:${PAD2[m]}:${PAD2[s % 60]}`;
}

/** `YYYYMMDD`, for platform-style external order numbers. */
export function compactDay(day: number): string {
  const s = formatDay(day);
  return s.slice(0, 4) + s.slice(5, 7) + s.slice(8, 10);
}

/** Month (1..12) and day of month of a day number. */
export function monthDay(day: number): { month: number; dom: number } {
  const s = formatDay(day);
  return { month: Number(s.slice(5, 7)), dom: Number(s.slice(8, 10)) };
}

/** Day number of a given month/day in a given year. */
export function dayOfYmd(year: number, month: number, dom: number): number {
  return Math.floor(Date.UTC(year, month - 1, dom) / MS_PER_DAY);
}

export function yearOf(day: number): number {
  return Number(formatDay(day).slice(0, 4));
}
