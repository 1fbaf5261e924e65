/**
 * Keyset paging over one or more "phases" (index scans), never offsets: page 10,000 of a
 * 1M-member table costs the same as page 1. A search that matches in several ways (member id
 * prefix, then name prefix, then identity value) runs the phases one after another; the page
 * token names the phase and the index key of the last row shown, and a phase skips rows an
 * earlier phase already showed, so no row appears twice and none is lost.
 */
export interface Page<T> {
  rows: T[];
  /**
   * Pass back as `after` for the next page; null on the last page. A page may hold fewer
   * than `limit` rows and still have a `next` (a search that had to skip many rows).
   */
  next: string | null;
}

export interface Hit<T> {
  /** The index key that orders this phase (strings), ending with the primary key. */
  key: string[];
  row: T;
}

export interface Phase<T> {
  name: string;
  /** Up to `n` hits strictly after `after` (null = from the start), in index order. */
  scan(after: string[] | null, n: number): Promise<Hit<T>[]>;
  /** Drop hits an earlier phase shows (or duplicates within this phase). */
  keep?(hit: Hit<T>): boolean | Promise<boolean>;
}

export const MAX_PAGE = 1000;

export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return 50;
  return Math.min(MAX_PAGE, Math.max(1, Math.floor(limit)));
}

function decode(after: string | undefined): { phase: string; key: string[] } | null {
  if (after === undefined || after === '') return null;
  try {
    const parsed: unknown = JSON.parse(after);
    if (Array.isArray(parsed) && parsed.length >= 2 && parsed.every((x) => typeof x === 'string')) {
      const [phase, ...key] = parsed as string[];
      return { phase, key };
    }
  } catch {
    /* fall through */
  }
  throw new Error(`bad page token: ${after.slice(0, 80)}`);
}

/**
 * Rows a phase may look at and drop per call. Past it the page comes back short, with a `next`
 * pointing at the last row looked at, so a page never scans a million dropped rows at once.
 */
export const SCAN_BUDGET = 20_000;

export async function runPhases<T>(
  phases: Phase<T>[], after: string | undefined, limitIn: number, budget = SCAN_BUDGET,
): Promise<Page<T>> {
  const limit = clampLimit(limitIn);
  const start = decode(after);
  let index = start ? phases.findIndex((p) => p.name === start.phase) : 0;
  if (index < 0) throw new Error(`bad page token: unknown phase ${start?.phase}`);
  const out: { phase: string; hit: Hit<T> }[] = [];
  let scanned = 0;
  for (; index < phases.length && out.length <= limit; index++) {
    const phase = phases[index];
    let cursor: string[] | null = start && start.phase === phase.name ? start.key : null;
    for (;;) {
      const want = limit + 1 - out.length;
      const size = phase.keep ? Math.max(want, 64) : want;
      const hits = await phase.scan(cursor, size);
      for (const hit of hits) {
        cursor = hit.key;
        scanned++;
        if (phase.keep && !(await phase.keep(hit))) continue;
        out.push({ phase: phase.name, hit });
        if (out.length > limit) break;
      }
      if (hits.length < size || out.length > limit) break;
      if (scanned >= budget && cursor) {
        return { rows: out.map((o) => o.hit.row), next: JSON.stringify([phase.name, ...cursor]) };
      }
    }
  }
  const rows = out.slice(0, limit).map((o) => o.hit.row);
  const last = out.length > limit ? out[limit - 1] : null;
  return { rows, next: last ? JSON.stringify([last.phase, ...last.hit.key]) : null };
}

/** The upper bound of "starts with q" ranges (Dexie's own startsWith uses the same). */
export const MAX_CHAR = '\uffff';
