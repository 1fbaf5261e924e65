import type { Audience, TagDefinition } from '../../src/core/model';
import { parseRule, RuleSchema, typecheck, type Rule } from '../../src/core/rules';

/** An error the UI shows as is: it says what is wrong and where. */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Validate a rule AST coming from the UI or storage; `where` names it in the message. */
export function checkRuleShape(input: unknown, where = 'rule'): Rule {
  // Stored rules may be kept in their text form; parse errors name the position.
  if (typeof input === 'string') {
    try {
      return parseRule(input);
    } catch (e) {
      throw new EngineError(`${where}: ${(e as Error).message}`);
    }
  }
  const parsed = RuleSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first?.path.length ? ` at ${first.path.join('.')}` : '';
    throw new EngineError(`${where} is not a valid rule${path}: ${first?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

/** Names and ids a rule may mention, for the type-checker. */
export function ruleNames(audiences: readonly Audience[], tags: readonly TagDefinition[]): { audiences: string[]; tags: string[] } {
  return { audiences: audiences.flatMap((a) => [a.id, a.name]), tags: tags.flatMap((t) => [t.id, t.name]) };
}

/** Shape + type check; throws one EngineError listing every issue. */
export function checkRule(input: unknown, audiences: readonly Audience[], tags: readonly TagDefinition[], where = 'rule'): Rule {
  const rule = checkRuleShape(input, where);
  const issues = typecheck(rule, ruleNames(audiences, tags));
  if (issues.length) {
    const at = (s?: { start: number; end: number }) => (s ? ` (at ${s.start}–${s.end})` : '');
    throw new EngineError(`${where}: ${issues.map((i) => i.message + at(i.span)).join('; ')}`);
  }
  return rule;
}

/** Find a saved audience by id, else by name. */
export function findAudience(audiences: readonly Audience[], key: string): Audience | undefined {
  return audiences.find((a) => a.id === key) ?? audiences.find((a) => a.name === key);
}

export function findTag(tags: readonly TagDefinition[], key: string): TagDefinition | undefined {
  return tags.find((t) => t.id === key) ?? tags.find((t) => t.name === key);
}

/** Tags the engine evaluates from a rule: 'rule' tags and 'dynamic' ones (date rules). */
export function isRuleTag(t: TagDefinition): boolean {
  return (t.kind === 'rule' || t.kind === 'dynamic') && t.rule !== undefined && t.rule !== null;
}

/** Every audience and tag key a rule mentions directly. */
export function references(rule: Rule): { audiences: string[]; tags: { key: string; ever: boolean }[] } {
  const audiences: string[] = [];
  const tags: { key: string; ever: boolean }[] = [];
  const visit = (r: Rule): void => {
    if (r.k === 'and' || r.k === 'or') r.args.forEach(visit);
    else if (r.k === 'not') visit(r.arg);
    else if (r.k === 'audience') audiences.push(r.id);
    else if (r.k === 'tag') tags.push({ key: r.tag, ever: r.ever });
  };
  visit(rule);
  return { audiences, tags };
}

/**
 * Tags a rule needs, following saved audiences recursively; throws on an audience cycle
 * ('audience cycle: A → B → A') or an unknown audience.
 */
export function tagsNeeded(rule: Rule, audiences: readonly Audience[], tags: readonly TagDefinition[]): { key: string; ever: boolean }[] {
  const out: { key: string; ever: boolean }[] = [];
  const walk = (r: Rule, stack: string[]): void => {
    const refs = references(r);
    out.push(...refs.tags);
    for (const key of refs.audiences) {
      const a = findAudience(audiences, key);
      if (!a) throw new EngineError(`no saved audience named '${key}'`);
      if (stack.includes(a.id)) throw cycleError(audiences, [...stack, a.id]);
      walk(checkRule(a.rule, audiences, tags, `audience '${a.name}'`), [...stack, a.id]);
    }
  };
  walk(rule, []);
  return out;
}

export function cycleError(audiences: readonly Audience[], ids: string[]): EngineError {
  const start = ids.indexOf(ids[ids.length - 1]);
  const names = ids.slice(start).map((id) => audiences.find((a) => a.id === id)?.name ?? id);
  return new EngineError(`audience cycle: ${names.join(' → ')}`);
}
