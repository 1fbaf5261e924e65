import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import Papa from 'papaparse';
import { z } from 'zod';
import { exclusiveMasks } from '../core/tags';
import { CliError } from './errors';
import { asOfDay, buildSnapshot, countOf, evaluator, parseRuleText } from './evaluate';
import { readWorkspaceDir } from './workspaceDir';

export interface CountResult {
  count: number;
  total: number;
  asOf: string;
  ms: number;
}

/** `meridian count`: members a rule selects, out of all members, as of a day. */
export async function countCommand(dir: string, ruleText: string, asOf?: string): Promise<CountResult> {
  const snapshot = buildSnapshot(await readWorkspaceDir(dir));
  const day = asOfDay(snapshot, asOf);
  const rule = parseRuleText(ruleText);
  const t0 = performance.now();
  const mask = evaluator(snapshot, day.day).evaluate(rule, ruleText);
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  return { count: countOf(mask), total: snapshot.cols.memberCount, asOf: day.asOf, ms };
}

export interface SelectedMember {
  id: string;
  name: string;
  region: string;
}
export interface MembersResult {
  count: number;
  total: number;
  asOf: string;
  members: SelectedMember[];
}

/** `meridian members`: the selected members (in member-id order), at most `limit`. */
export async function membersCommand(dir: string, ruleText: string, opts: { asOf?: string; limit?: number } = {}): Promise<MembersResult> {
  const snapshot = buildSnapshot(await readWorkspaceDir(dir));
  const day = asOfDay(snapshot, opts.asOf);
  const mask = evaluator(snapshot, day.day).evaluate(parseRuleText(ruleText), ruleText);
  const members: SelectedMember[] = [];
  const limit = opts.limit ?? Infinity;
  for (let i = 0; i < mask.length && members.length < limit; i++) {
    if (!mask[i]) continue;
    const m = snapshot.members[i];
    members.push({ id: m.id, name: m.name, region: m.region });
  }
  return { count: countOf(mask), total: snapshot.cols.memberCount, asOf: day.asOf, members };
}

export function membersCsv(r: MembersResult): string {
  // A cell starting with = + - @ would run as a spreadsheet formula: quote it harmless.
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return Papa.unparse({ fields: ['id', 'name', 'region'], data: r.members.map((m) => [safe(m.id), safe(m.name), safe(m.region)]) }, { newline: '\n' }) + '\n';
}

/** One entry of a tag rules file. */
export const TagRuleEntry = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(100),
  group: z.string().max(100).nullable().optional(),
  priority: z.number().int().optional(),
  rule: z.string().min(1),
});
export type TagRuleEntry = z.infer<typeof TagRuleEntry>;

export interface TagsResult {
  asOf: string;
  total: number;
  ms: number;
  tags: { id: string; name: string; group: string | null; priority: number; count: number; matched: number }[];
}

/**
 * `meridian tags`: evaluate a rules file; within a group only the highest-priority tag a
 * member matches is held (`count`), `matched` is before exclusivity.
 */
export async function tagsCommand(dir: string, rulesFile: string, asOf?: string): Promise<TagsResult> {
  if (!existsSync(rulesFile)) throw new CliError(`rules file not found: ${rulesFile}`, { file: rulesFile });
  let json: unknown;
  try {
    json = JSON.parse(await readFile(rulesFile, 'utf8'));
  } catch (e) {
    throw new CliError(`${rulesFile}: not valid JSON (${(e as Error).message})`, { file: rulesFile });
  }
  const parsed = z.array(TagRuleEntry).safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new CliError(`${rulesFile}: ${i.path.join('.') || 'top level'}: ${i.message} (expected a JSON array of {id, name, group?, priority?, rule})`, { file: rulesFile, path: i.path.join('.') });
  }
  const entries = parsed.data;
  const dup = entries.find((e, i) => entries.findIndex((x) => x.id === e.id) !== i);
  if (dup) throw new CliError(`${rulesFile}: tag id "${dup.id}" appears twice`, { file: rulesFile, tag: dup.id });
  const snapshot = buildSnapshot(await readWorkspaceDir(dir));
  const day = asOfDay(snapshot, asOf);
  const ev = evaluator(snapshot, day.day);
  const t0 = performance.now();
  const results = entries.map((e, i) => {
    const rule = parseRuleText(e.rule, `tag "${e.name}"`);
    try {
      return { tagId: e.id, group: e.group ?? null, priority: e.priority ?? 0, mask: ev.evaluate(rule, e.rule) };
    } catch (err) {
      if (err instanceof CliError) throw new CliError(`tag "${e.name}": ${err.message}`, { ...err.where, file: rulesFile, index: i });
      throw err;
    }
  });
  const held = exclusiveMasks(results, snapshot.cols.memberCount);
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  return {
    asOf: day.asOf,
    total: snapshot.cols.memberCount,
    ms,
    tags: entries.map((e, i) => ({
      id: e.id, name: e.name, group: e.group ?? null, priority: e.priority ?? 0, count: countOf(held.get(e.id)!), matched: countOf(results[i].mask),
    })),
  };
}
