import { z } from 'zod';
import { defineRecord, type Migration } from './versioned';
import { CHANNELS, Id, LocalDate, LocalDateTime } from './common';
import { RuleSchema } from '../rules/ast';

/**
 * A journey as drawn: nodes, edges and sticky notes are records with ids (edges are never child
 * ids inside nodes). A node's config is checked against its type in the node catalogue
 * (src/core/journey/catalogue) by validation, not here, so a stored journey survives catalogue
 * changes through migrations. Only what the canvas needs to draw it again is kept: no selection,
 * no measured sizes (React Flow's node objects are never persisted).
 */
export const JourneyNodeSchema = z.object({
  id: Id,
  type: z.string().min(1).max(64),
  /** The marketer's own title; empty = the type's title. */
  label: z.string().max(200).default(''),
  position: z.object({ x: z.number(), y: z.number() }),
  config: z.record(z.string(), z.unknown()),
});
export type JourneyNode = z.infer<typeof JourneyNodeSchema>;

export const JourneyEdgeSchema = z.object({
  id: Id,
  source: Id,
  sourcePort: z.string().max(64),
  target: Id,
});
export type JourneyEdge = z.infer<typeof JourneyEdgeSchema>;

export const NOTE_COLORS = ['yellow', 'blue', 'green', 'pink'] as const;
export const JourneyNoteSchema = z.object({
  id: Id,
  position: z.object({ x: z.number(), y: z.number() }),
  width: z.number().min(80).max(2000),
  height: z.number().min(40).max(2000),
  text: z.string().max(5000),
  color: z.enum(NOTE_COLORS),
});
export type JourneyNote = z.infer<typeof JourneyNoteSchema>;

const Cap = z.object({
  perDay: z.number().int().positive().max(1000).nullable(),
  perWeek: z.number().int().positive().max(1000).nullable(),
});
export type Cap = z.infer<typeof Cap>;
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** Journey-wide rules every path obeys (domain §6); the simulator and executor enforce them. */
export const JourneySettingsSchema = z.object({
  /** How often one member may enter in total; null = no limit. */
  maxEntries: z.number().int().positive().max(1000).nullable(),
  reEntry: z.object({ mode: z.enum(['never', 'after', 'always']), afterDays: z.number().int().positive().max(3650) }),
  caps: z.object({
    global: Cap,
    /** Per channel; a channel left out has no cap of its own. */
    perChannel: z.partialRecord(z.enum(CHANNELS), Cap),
  }),
  /** Do-not-disturb: no touch between start and end (may wrap midnight); touches wait until it ends. */
  quietHours: z.object({ enabled: z.boolean(), start: HHMM, end: HHMM }),
  /** Touches go out only on these weekdays (1 = Monday) between from and to. */
  sendWindow: z.object({ enabled: z.boolean(), days: z.array(z.number().int().min(1).max(7)).max(7), from: HHMM, to: HHMM }),
  goal: z.object({ rule: RuleSchema.nullable(), windowDays: z.number().int().positive().max(365) }),
  /** Members who come to match this rule leave the journey wherever they are. */
  exitRule: RuleSchema.nullable(),
  /** Share of entering members held out as a journey-level control group (never touched). */
  controlPercent: z.number().min(0).max(50),
  startDate: LocalDate.nullable(),
  endDate: LocalDate.nullable(),
});
export type JourneySettings = z.infer<typeof JourneySettingsSchema>;

export function defaultJourneySettings(): JourneySettings {
  return {
    maxEntries: null,
    reEntry: { mode: 'never', afterDays: 30 },
    caps: { global: { perDay: 2, perWeek: 5 }, perChannel: { sms: { perDay: 1, perWeek: 2 } } },
    quietHours: { enabled: true, start: '21:00', end: '09:00' },
    sendWindow: { enabled: false, days: [1, 2, 3, 4, 5, 6, 7], from: '09:00', to: '21:00' },
    goal: { rule: null, windowDays: 14 },
    exitRule: null,
    controlPercent: 0,
    startDate: null,
    endDate: null,
  };
}

export const JourneySchema = z.object({
  v: z.literal(2),
  id: Id,
  name: z.string().min(1).max(200),
  description: z.string().max(5000),
  owner: z.string().max(200),
  status: z.enum(['draft', 'published', 'paused', 'stopped']),
  /** The latest published version (0 = never published); the draft is edited on top of it. */
  revision: z.number().int().nonnegative(),
  nodes: z.array(JourneyNodeSchema),
  edges: z.array(JourneyEdgeSchema),
  notes: z.array(JourneyNoteSchema),
  settings: JourneySettingsSchema,
  /** The template it was made from, if any (src/core/journey/templates). */
  template: z.string().max(64).nullable(),
  createdAt: LocalDateTime,
  updatedAt: LocalDateTime,
});
export type Journey = z.infer<typeof JourneySchema>;

/**
 * v1 had untyped settings and no notes; a v1 journey keeps its graph, gets the default
 * settings with whatever v1 settings fitted them, and no sticky notes.
 */
const v1ToV2: Migration = {
  from: 1,
  to: 2,
  description: 'typed journey settings, sticky notes, node labels, template',
  up: (doc) => {
    const old = (doc.settings ?? {}) as Record<string, unknown>;
    const merged = { ...defaultJourneySettings(), ...old };
    const settings = JourneySettingsSchema.safeParse(merged).success ? merged : defaultJourneySettings();
    const nodes = Array.isArray(doc.nodes) ? (doc.nodes as Record<string, unknown>[]).map((n) => ({ label: '', ...n })) : doc.nodes;
    return { ...doc, nodes, notes: [], settings, template: null };
  },
};

export const JourneyRecord = defineRecord({ name: 'journey', version: 2, schema: JourneySchema, migrations: [v1ToV2] });

/** A published version, frozen: what runs while the draft is edited. */
export const JourneyVersionSchema = z.object({
  v: z.literal(1),
  /** `${journeyId}:${revision}` */
  id: Id,
  journeyId: Id,
  revision: z.number().int().positive(),
  journey: JourneySchema,
  publishedAt: LocalDateTime,
  note: z.string().max(500),
});
export type JourneyVersion = z.infer<typeof JourneyVersionSchema>;
export const JourneyVersionRecord = defineRecord({ name: 'journeyVersion', version: 1, schema: JourneyVersionSchema, migrations: [] });
