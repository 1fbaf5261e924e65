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

/**
 * The label of a changed settings field (a diff's leaf path such as 'settings.caps.perChannel.sms.perDay')
 * as parts to join: i18n keys of the settings panel's own labels, or a channel to name. null when
 * the path is not one of the settings fields (shown as the raw path then).
 */
export function settingsLabelParts(field: string): ({ key: string } | { channel: string })[] | null {
  const p = field.split('.');
  if (p[0] !== 'settings') return null;
  const k = (key: string) => ({ key: `journeySettings.${key}` });
  switch (p[1]) {
    case 'maxEntries':
      return [k('entry.maxEntries')];
    case 'reEntry':
      return p[2] === 'afterDays' ? [k('entry.reEntry'), k('entry.afterDays')] : [k('entry.reEntry')];
    case 'caps': {
      const per = p[p.length - 1] === 'perWeek' ? k('caps.perWeek') : k('caps.perDay');
      return p[2] === 'global' ? [k('caps.title'), k('caps.global'), per] : [k('caps.title'), { channel: p[3] ?? '' }, per];
    }
    case 'quietHours':
      return [k('quiet.title'), ...(p[2] === 'start' ? [k('quiet.from')] : p[2] === 'end' ? [k('quiet.to')] : [])];
    case 'sendWindow':
      return [k('window.title'), ...(p[2] === 'from' ? [k('window.from')] : p[2] === 'to' ? [k('window.to')] : p[2] === 'days' ? [k('window.days')] : [])];
    case 'goal':
      return p[2] === 'windowDays' ? [k('goal.title'), k('goal.windowDays')] : [k('goal.title')];
    case 'exitRule':
      return [k('exit.title')];
    case 'controlPercent':
      return [k('control.title')];
    case 'startDate':
      return [k('dates.start')];
    case 'endDate':
      return [k('dates.end')];
    default:
      return null;
  }
}
