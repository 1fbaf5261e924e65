import type { NumExpr, Rule, Span } from './ast';
import { filtersFor, metric, METRICS, SUBPROFILE_FIELDS, type Unit } from './metrics';
import { CHANNELS, PLATFORMS } from '../model/common';

/** What the type-checker knows of the workspace; omitted lists are not checked. */
export interface RuleContext {
  audiences?: string[];
  tags?: string[];
}

export interface RuleIssue {
  message: string;
  span?: Span;
}

export const LIFECYCLE_STAGES = ['introduction', 'growth', 'maturity', 'dormant', 'churned'] as const;

const FILTER_VALUES: Record<string, readonly string[]> = {
  kind: ['sale', 'refund', 'message', 'coupon'],
  channel: CHANNELS,
  platform: PLATFORMS,
  outcome: ['sent', 'delivered', 'opened', 'clicked', 'failed'],
};

/** Check a rule's meaning; returns every issue found (empty = well-typed). */
export function typecheck(rule: Rule, ctx: RuleContext = {}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const err = (message: string, span?: Span) => issues.push({ message, span });

  const unitOf = (e: NumExpr): Unit | 'literal' | null => {
    if (e.k === 'num') return 'literal';
    const m = metric(e.name);
    if (!m) {
      err(`unknown measure '${e.name}'${suggest(e.name)}`, e.span);
      return null;
    }
    if (!m.windowed && (e.window.kind !== 'all' || e.filters.length)) {
      err(`'${e.name}' is a member attribute: it takes no time window or filter`, e.span);
    }
    if (e.window.kind === 'between' && e.window.from > e.window.to) err(`the window starts after it ends (${e.window.from} > ${e.window.to})`, e.span);
    const allowed = filtersFor(m.source);
    for (const f of e.filters) {
      if (!allowed.includes(f.field)) {
        err(`'${e.name}' cannot be filtered by '${f.field}'${allowed.length ? `; it accepts ${allowed.join(', ')}` : ''}`, e.span);
        continue;
      }
      const known = FILTER_VALUES[f.field];
      for (const v of f.values) if (known && !known.includes(v)) err(`'${v}' is not a ${f.field}; expected one of ${known.join(', ')}`, e.span);
    }
    return m.unit;
  };

  const visit = (r: Rule): void => {
    switch (r.k) {
      case 'and':
      case 'or':
        r.args.forEach(visit);
        return;
      case 'not':
        visit(r.arg);
        return;
      case 'true':
        return;
      case 'cmp': {
        const a = unitOf(r.left);
        const b = unitOf(r.right);
        if (a === 'literal' && b === 'literal') err('this compares two numbers; one side should be a measure', r.span);
        else if (a && b && a !== 'literal' && b !== 'literal' && a !== b) err(`cannot compare ${a} with ${b}`, r.span);
        return;
      }
      case 'between': {
        const u = unitOf(r.expr);
        if (u === 'literal') err("'between' needs a measure on its left", r.span);
        if (r.low > r.high) err(`the range is empty: ${r.low} > ${r.high}`, r.span);
        return;
      }
      case 'audience':
        if (ctx.audiences && !ctx.audiences.includes(r.id)) err(`no saved audience named '${r.id}'`, r.span);
        return;
      case 'tag':
        if (ctx.tags && !ctx.tags.includes(r.tag)) err(`no tag named '${r.tag}'`, r.span);
        return;
      case 'stage':
        if (!(LIFECYCLE_STAGES as readonly string[]).includes(r.stage)) err(`unknown lifecycle stage '${r.stage}'; expected one of ${LIFECYCLE_STAGES.join(', ')}`, r.span);
        return;
      case 'sub': {
        const fields = SUBPROFILE_FIELDS[r.kind];
        if (!fields) {
          err(`unknown sub-profile kind '${r.kind}'; expected one of ${Object.keys(SUBPROFILE_FIELDS).join(', ')}`, r.span);
          return;
        }
        for (const p of r.where) {
          if (!(p.field in fields)) err(`a ${r.kind} has no '${p.field}'; it has ${Object.keys(fields).join(', ') || 'no fields'}`, p.span ?? r.span);
          if (p.op === 'between' && p.value2 !== undefined && p.value > p.value2) err(`the range is empty: ${p.value} > ${p.value2}`, p.span ?? r.span);
        }
        return;
      }
      case 'subcount':
        if (!SUBPROFILE_FIELDS[r.kind]) err(`unknown sub-profile kind '${r.kind}'`, r.span);
        return;
      case 'rank': {
        const u = unitOf(r.expr);
        if (u === 'literal') err("'top … by' needs a measure", r.span);
        if (r.percent && r.top > 100) err('a top share cannot exceed 100%', r.span);
        return;
      }
    }
  };
  visit(rule);
  return issues;
}

function suggest(name: string): string {
  const close = METRICS.map((m) => m.name).filter((n) => n.includes(name) || name.includes(n) || editDistance(n, name) <= 2);
  return close.length ? `; did you mean ${close.slice(0, 3).join(', ')}?` : '';
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}
