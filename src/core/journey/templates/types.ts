import type { Channel } from '../../model/common';
import type { JourneyEdge, JourneyNode, JourneyNote, JourneySettings } from '../../model/journey';
import type { IdFactory } from '../ids';
import type { Lang, Text } from '../text';
import type { Drawing } from './draw';

/**
 * A journey template: one of the domain's cases drawn as a journey, with the SOP's blanks
 * (audience, SKU, benefit, script, channel, time, frequency: domain §6) left as placeholders the
 * marketer fills before the journey is made.
 */
export type PlaceholderKind = 'audience' | 'sku' | 'text' | 'content' | 'money' | 'int' | 'channel' | 'time' | 'tag';

export interface Placeholder {
  key: string;
  label: Text;
  kind: PlaceholderKind;
  /** What a value left out becomes ('' for an audience: the user picks one). For text, the English. */
  default: string;
  help?: Text;
  /** A wording default in both languages (scripts, names); `default` is its English. */
  defaultText?: Text;
}

export interface JourneyTemplate {
  id: string;
  title: Text;
  description: Text;
  placeholders: Placeholder[];
}

export interface TemplateResult {
  name: string;
  description: string;
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  notes: JourneyNote[];
  settings: JourneySettings;
  /** The template's id, stored on the journey (Journey.template). */
  template: string;
}

export interface InstantiateOptions {
  newId: IdFactory;
  /** LocalDateTime; its day is the first run of a schedule entry. */
  now: string;
  /** Language of labels, sticky notes and default scripts; 'en' when left out. */
  lang?: Lang;
}

/** The filled-in placeholder values, typed by kind. */
export interface Values {
  text(key: string): string;
  int(key: string): number;
  money(key: string): number;
  channel(key: string): Channel;
  time(key: string): string;
  /** The day of `now`, YYYY-MM-DD. */
  today: string;
}

/** A template with how it is drawn; the build draws nodes, edges and notes and returns the settings. */
export interface TemplateDef extends JourneyTemplate {
  build(d: Drawing, v: Values): JourneySettings;
}
