import type { Lang } from '../text';
import { pick } from '../text';
import { drawing, resolveValues } from './draw';
import { anniversary } from './anniversary';
import { birthday } from './birthday';
import { closedStores } from './closedStores';
import { lifecycle } from './lifecycle';
import { ltv } from './ltv';
import { motherBaby } from './motherBaby';
import { onboarding } from './onboarding';
import { productAB } from './productAB';
import type { InstantiateOptions, JourneyTemplate, Placeholder, TemplateDef, TemplateResult } from './types';

export type { InstantiateOptions, JourneyTemplate, Placeholder, PlaceholderKind, TemplateResult } from './types';

const DEFS: readonly TemplateDef[] = [lifecycle, productAB, ltv, anniversary, closedStores, onboarding, birthday, motherBaby];
const BY_ID = new Map(DEFS.map((t) => [t.id, t]));

/** The journey templates, each a case of the domain (docs/journey-templates.md), in gallery order. */
export const TEMPLATES: readonly JourneyTemplate[] = DEFS;

export function templateById(id: string): JourneyTemplate | undefined {
  return BY_ID.get(id);
}

/** A placeholder's default in a language (scripts and names have both; the rest are the same in each). */
export function placeholderDefault(p: Placeholder, lang: Lang): string {
  return p.defaultText ? pick(p.defaultText, lang) : p.default;
}

/**
 * Draws a template as a new journey's graph, notes and settings: fresh ids from `newId`, values
 * left out take the placeholder's default. Validate the result as any journey (validateJourney):
 * an unchosen audience, for one, is reported there.
 */
export function instantiateTemplate(t: JourneyTemplate, values: Record<string, string>, opts: InstantiateOptions): TemplateResult {
  const def = BY_ID.get(t.id);
  if (!def) throw new Error(`unknown journey template ${t.id}`);
  const lang = opts.lang ?? 'en';
  const d = drawing(opts.newId, lang);
  const settings = def.build(d, resolveValues(def.placeholders, values, lang, opts.now));
  return { name: pick(def.title, lang), description: pick(def.description, lang), nodes: d.nodes, edges: d.edges, notes: d.notes, settings, template: def.id };
}
