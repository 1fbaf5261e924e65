import { CHANNELS, type Channel } from '../../model/common';
import type { JourneyEdge, JourneyNode, JourneyNote } from '../../model/journey';
import { parseRule, stripSpans, type Rule } from '../../rules';
import { nodeType } from '../catalogue';
import { configDefaults } from '../fields';
import type { IdFactory } from '../ids';
import { L, pick, type Lang, type Text } from '../text';
import type { Placeholder, PlaceholderKind, Values } from './types';

/** The grid templates are drawn on: columns left to right, rows top to bottom. */
export const COL_W = 260;
export const ROW_H = 140;
/** What the canvas draws an unmeasured node as (src/ui/canvas/layout): fits a grid cell with room between. */
export const NODE_W = 220;
export const NODE_H = 90;
export const NOTE_W = 240;
export const NOTE_H = 120;

export interface Drawing {
  lang: Lang;
  t(text: Text): string;
  /** A node of a catalogue type at a grid cell, its config the type's defaults with `config` on top. */
  node(type: string, col: number, row: number, config?: Record<string, unknown>, label?: Text): string;
  edge(source: string, port: string, target: string): void;
  /** Connects each node's 'next' to the following one. */
  chain(...ids: string[]): void;
  /** A sticky note (the stage's SOP) in a grid cell, `cols` cells wide. */
  note(col: number, row: number, text: Text, cols?: number): void;
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  notes: JourneyNote[];
}

export function drawing(newId: IdFactory, lang: Lang): Drawing {
  const nodes: JourneyNode[] = [];
  const edges: JourneyEdge[] = [];
  const notes: JourneyNote[] = [];
  const t = (text: Text) => pick(text, lang);
  return {
    lang,
    t,
    nodes,
    edges,
    notes,
    node(type, col, row, config = {}, label) {
      const nt = nodeType(type);
      if (!nt) throw new Error(`template uses an unknown node type ${type}`);
      const id = newId('n');
      nodes.push({ id, type, label: label ? t(label) : '', position: { x: col * COL_W, y: row * ROW_H }, config: { ...configDefaults(nt.fields), ...config } });
      return id;
    },
    edge(source, port, target) {
      edges.push({ id: newId('e'), source, sourcePort: port, target });
    },
    chain(...ids) {
      for (let i = 1; i < ids.length; i++) this.edge(ids[i - 1], 'next', ids[i]);
    },
    note(col, row, text, cols = 1) {
      notes.push({ id: newId('s'), position: { x: col * COL_W, y: row * ROW_H }, width: cols * COL_W - (COL_W - NOTE_W), height: NOTE_H, text: t(text), color: 'yellow' });
    },
  };
}

/** A rule from its text form, without spans (as the visual editor stores it). */
export const rule = (text: string): Rule => stripSpans(parseRule(text));

/** A name quoted for the rule language, so a SKU like `A"1` cannot break out of its string. */
export const quote = (name: string): string => `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

// ---- placeholders ----

export function ph(key: string, kind: PlaceholderKind, label: Text, def: string | Text, help?: Text): Placeholder {
  const p: Placeholder = typeof def === 'string' ? { key, label, kind, default: def } : { key, label, kind, default: def.en, defaultText: def };
  if (help) p.help = help;
  return p;
}

export const audiencePh = (label: Text, help?: Text) => ph('audience', 'audience', label, '', help);

/** Channels a message node can be drawn for (the others have no message action). */
export const MESSAGE_CHANNELS = ['wecom_1v1', 'wecom_moments', 'oa_template', 'sms'] as const;
const MESSAGE_TYPE: Record<(typeof MESSAGE_CHANNELS)[number], string> = {
  wecom_1v1: 'action.wecom1v1',
  wecom_moments: 'action.wecomMoments',
  oa_template: 'action.oaTemplate',
  sms: 'action.sms',
};
export const channelHelp = L('One of: WeCom 1:1, WeCom moments, official-account template, SMS.', '可选：企微 1 对 1、企微朋友圈、公众号模板消息、短信。');

/** A message on the channel a placeholder chose; `template` names the official-account template when that is the channel. */
export function message(d: Drawing, channel: Channel, col: number, row: number, content: string, label: Text, template: Text = L('Member notice', '会员通知')): string {
  const ch = (MESSAGE_CHANNELS as readonly string[]).includes(channel) ? (channel as (typeof MESSAGE_CHANNELS)[number]) : 'wecom_1v1';
  const config: Record<string, unknown> = { content };
  if (ch === 'oa_template') config.template = d.t(template);
  return d.node(MESSAGE_TYPE[ch], col, row, config, label);
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The values a template is built from: each placeholder's value, or its default when left out or
 * blank; numbers that do not read as numbers, channels and times that are not one, also take the
 * default (validation then checks ranges on the nodes).
 */
export function resolveValues(placeholders: readonly Placeholder[], given: Record<string, string>, lang: Lang, now: string): Values {
  const byKey = new Map(placeholders.map((p) => [p.key, p]));
  const def = (p: Placeholder) => (p.defaultText ? pick(p.defaultText, lang) : p.default);
  const raw = (key: string): { p: Placeholder; v: string } => {
    const p = byKey.get(key);
    if (!p) throw new Error(`template has no placeholder ${key}`);
    const v = given[key];
    return { p, v: typeof v === 'string' && v.trim() !== '' ? v.trim() : def(p) };
  };
  const numeric = (key: string, ok: (s: string) => boolean, round: (n: number) => number) => {
    const { p, v } = raw(key);
    return round(Number(ok(v) ? v : def(p)));
  };
  return {
    text: (key) => {
      const { p, v } = raw(key);
      // Scripts keep their own line breaks; names are one line.
      return p.kind === 'content' ? (given[key]?.trim() ? given[key] : def(p)) : v.replace(/\s+/g, ' ');
    },
    int: (key) => numeric(key, (s) => /^-?\d+$/.test(s), Math.trunc),
    money: (key) => numeric(key, (s) => /^\d+(\.\d+)?$/.test(s), (n) => Math.round(n * 100) / 100),
    channel: (key) => {
      const { p, v } = raw(key);
      return ((CHANNELS as readonly string[]).includes(v) ? v : def(p)) as Channel;
    },
    time: (key) => {
      const { p, v } = raw(key);
      return HHMM.test(v) ? v : def(p);
    },
    today: now.slice(0, 10),
  };
}
