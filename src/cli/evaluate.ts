import { ColumnsBuilder, type MemberBundle } from '../core/columnar/build';
import type { MemberColumns } from '../core/columnar/types';
import type { Audience, Coupon, Member, Order, Product, SubProfile, TagDefinition, TagEvent, Touch } from '../core/model';
import { parseRule, RuleSyntaxError, typecheck, type Rule } from '../core/rules';
import { dateOfDay, dayNumber } from '../core/time';
import { Evaluator } from '../../workers/engine/evaluator';
import { EngineError, isRuleTag, ruleNames } from '../../workers/engine/resolve';
import { CliError } from './errors';
import type { WorkspaceData } from './workspaceDir';

/**
 * The CLI's engine: the workspace's columnar snapshot built in memory with the same
 * ColumnsBuilder the browser's engine uses, and rules evaluated by the browser engine's own
 * Evaluator: saved audiences by name or id (recursively, cycles refused), tags, lifecycle
 * stages from the workspace's own thresholds.
 */
export interface Snapshot {
  data: WorkspaceData;
  cols: MemberColumns;
  members: Member[];
}

export function buildSnapshot(data: WorkspaceData): Snapshot {
  const t = data.tables;
  const byMember = <R extends { memberId: string | null }>(rows: R[]) => {
    const m = new Map<string, R[]>();
    for (const r of rows) {
      if (r.memberId === null) continue; // guest orders belong to no member
      const list = m.get(r.memberId);
      if (list) list.push(r);
      else m.set(r.memberId, [r]);
    }
    return m;
  };
  const orders = byMember(t.orders as unknown as Order[]);
  const touches = byMember(t.touches as unknown as Touch[]);
  const coupons = byMember(t.coupons as unknown as Coupon[]);
  const subs = byMember(t.subprofiles as unknown as SubProfile[]);
  const products = new Map((t.products as unknown as Product[]).map((p) => [p.sku, p]));
  // Member-id order, as the browser's ledgers are scanned, so member lists match.
  const members = [...(t.members as unknown as Member[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const builder = new ColumnsBuilder(products);
  for (const member of members) {
    const b: MemberBundle = { member, orders: orders.get(member.id) ?? [], touches: touches.get(member.id) ?? [], coupons: coupons.get(member.id) ?? [], subprofiles: subs.get(member.id) ?? [] };
    builder.add(b);
  }
  return { data, cols: builder.finish(), members };
}

/** Parse rule text; a syntax error names its position in the text. */
export function parseRuleText(text: string, label = 'rule'): Rule {
  try {
    return parseRule(text);
  } catch (e) {
    if (e instanceof RuleSyntaxError) {
      throw new CliError(`${label}: ${e.message}`, { rule: text, start: e.start, end: e.end, text: text.slice(e.start, e.end) });
    }
    throw e;
  }
}

export function asOfDay(snapshot: Snapshot, asOf: string | undefined): { asOf: string; day: number } {
  const value = asOf ?? snapshot.data.workspace.asOf;
  // A round trip through day numbers refuses days that do not exist (2011-02-30).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || dateOfDay(dayNumber(value)) !== value) {
    throw new CliError(`--as-of must be a date YYYY-MM-DD (got "${value}")`, { option: '--as-of' }, 2);
  }
  return { asOf: value, day: dayNumber(value) };
}

export interface CliEvaluator {
  /** 0/1 per member of the snapshot. `text` (the rule's source) lets errors point into it. */
  evaluate(rule: Rule, text?: string): Uint8Array;
}

/** Holders now and ever of a tag, replayed from its events (as the browser does without a holders row). */
function holdersFromEvents(events: readonly TagEvent[], index: ReadonlyMap<string, number>, n: number) {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const now = new Uint8Array(n);
  const ever = new Uint8Array(n);
  for (const e of sorted) {
    const i = index.get(e.memberId);
    if (i === undefined) continue;
    if (e.op === 'add') now[i] = ever[i] = 1;
    else now[i] = 0;
  }
  return { now, ever };
}

/**
 * An evaluator over one snapshot and day: the browser engine's own Evaluator
 * (workers/engine/evaluator.ts, pure) over the workspace file's audiences and tags. Rule tags
 * are computed on demand as of the day (the file carries no stored holders); manual and
 * result tags are replayed from their events.
 */
export function evaluator(snapshot: Snapshot, day: number): CliEvaluator {
  const { cols, data } = snapshot;
  const audiences = data.tables.audiences as unknown as Audience[];
  const tags = data.tables.tags as unknown as TagDefinition[];
  const index = new Map(cols.memberIds.map((id, i) => [id, i]));
  const eventsByTag = new Map<string, TagEvent[]>();
  for (const e of data.tables.tagEvents as unknown as TagEvent[]) eventsByTag.set(e.tagId, [...(eventsByTag.get(e.tagId) ?? []), e]);
  const stored = new Map<string, Uint8Array>();
  const ever = new Map<string, Uint8Array>();
  for (const t of tags) {
    const events = eventsByTag.get(t.id) ?? [];
    const h = holdersFromEvents(events, index, cols.memberCount);
    if (!isRuleTag(t)) stored.set(t.id, h.now);
    if (events.length) ever.set(t.id, h.ever);
  }
  const n = cols.memberCount;
  const engine = new Evaluator({
    // The persona's extras are not read by rule evaluation.
    snapshot: { cols, extras: { gender: new Uint8Array(n), firstPlatform: new Uint8Array(n) }, stamp: 'cli', orders: cols.oDay.length },
    audiences,
    tags,
    lifecycle: data.workspace.lifecycle,
    stored,
    ever,
  });
  const names = ruleNames(audiences, tags);

  return {
    evaluate(rule, text) {
      // Type-check here first so that the error points into the text the user typed.
      const issues = typecheck(rule, names);
      if (issues.length) {
        const first = issues[0];
        throw new CliError(issues.map((i) => i.message).join('; '), {
          ...(text !== undefined ? { rule: text } : {}),
          ...(first.span ? { start: first.span.start, end: first.span.end } : {}),
        });
      }
      try {
        return engine.mask(rule, day);
      } catch (e) {
        if (e instanceof EngineError) throw new CliError(e.message, text !== undefined ? { rule: text } : undefined);
        throw e;
      }
    },
  };
}

export const countOf = (mask: Uint8Array): number => mask.reduce((n, x) => n + x, 0);
