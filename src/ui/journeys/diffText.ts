import { nodeType } from '../../core/journey/catalogue';
import { pick, type Lang } from '../../core/journey/text';
import type { JourneyNode } from '../../core/model';
import { printRule, RuleSchema } from '../../core/rules';

/** A node as a person knows it: its own title if it has one, with the type's title in the UI language. */
export function nodeTitle(n: Pick<JourneyNode, 'type' | 'label'>, lang: Lang): string {
  const nt = nodeType(n.type);
  const typeTitle = nt ? pick(nt.title, lang) : n.type;
  return n.label ? `${typeTitle} “${n.label}”` : typeTitle;
}

/** A config or settings value in a line of text: rules printed, audiences by name, the rest short JSON. */
export function valueText(v: unknown, opts: { empty: string; audiences?: ReadonlyMap<string, string>; audienceField?: boolean }): string {
  if (v === null || v === undefined || v === '') return opts.empty;
  if (typeof v === 'string') return opts.audienceField ? (opts.audiences?.get(v) ?? v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const rule = RuleSchema.safeParse(v);
  if (rule.success) {
    try {
      return printRule(rule.data);
    } catch {
      // fall through to JSON
    }
  }
  const json = JSON.stringify(v);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}
