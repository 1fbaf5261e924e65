import Papa from 'papaparse';
import type { Rule } from '../../core/rules';

/** Names of the audiences a rule mentions (`in audience "X"`), in order of appearance. */
export function audienceRefs(rule: Rule): string[] {
  const out: string[] = [];
  const visit = (r: Rule): void => {
    if (r.k === 'and' || r.k === 'or') r.args.forEach(visit);
    else if (r.k === 'not') visit(r.arg);
    else if (r.k === 'audience') out.push(r.id);
  };
  visit(rule);
  return out;
}

export interface AudienceRef {
  id: string;
  name: string;
  rule: Rule | null;
}

/**
 * The cycle the draft would close, as the path of names ('A → B → A'), or null. The draft
 * replaces its saved self; references resolve by name, then id, like the engine's.
 */
export function findAudienceCycle(draft: { id?: string; name: string; rule: Rule }, saved: AudienceRef[]): string | null {
  const others = saved.filter((a) => a.id !== draft.id);
  const self: AudienceRef = { id: draft.id ?? '\u0000draft', name: draft.name, rule: draft.rule };
  const all = [self, ...others];
  const find = (ref: string) => all.find((a) => a.name === ref) ?? all.find((a) => a.id === ref);
  const path: string[] = [];
  const onPath = new Set<string>();
  const done = new Set<string>();
  const walk = (a: AudienceRef): string | null => {
    if (onPath.has(a.id)) return [...path.slice(path.indexOf(a.name)), a.name].join(' → ');
    if (done.has(a.id) || !a.rule) return null;
    onPath.add(a.id);
    path.push(a.name);
    for (const ref of audienceRefs(a.rule)) {
      const next = find(ref);
      const hit = next ? walk(next) : null;
      if (hit) return hit;
    }
    path.pop();
    onPath.delete(a.id);
    done.add(a.id);
    return null;
  };
  return walk(self);
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection guard). */
export function guardCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export interface ExportRow {
  id: string;
  name: string;
  region: string;
  city: string;
}

/** The members of an audience as CSV: id, name, region, city. */
export function membersCsv(rows: ExportRow[]): string {
  return Papa.unparse({
    fields: ['id', 'name', 'region', 'city'],
    data: rows.map((r) => [r.id, r.name, r.region, r.city].map(guardCell)),
  });
}

/** A file name from an audience name: letters, digits, CJK, dash and underscore kept. */
export function csvFileName(name: string, asOf: string): string {
  const base = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'audience';
  return `${base}-${asOf}.csv`;
}
