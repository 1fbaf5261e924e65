import { z } from 'zod';
import { CHANNELS } from '../../model/common';
import { RuleSchema } from '../../rules/ast';

/**
 * The Plan IR (docs/plan-ir.md): what a published journey compiles to, and what the simulator,
 * the backtest and the executor all run. Plain JSON, deterministic (the same journey version
 * compiles to the same bytes), versioned by `planVersion`: executors switch on it, so a running
 * plan survives an upgrade of the app (Dittofeed's lesson).
 *
 * Nodes are referred to by index; every port leads to a node index (-1 never appears: an
 * unconnected port does not compile). Rules are held once in `rules` and referred to by index.
 * Money is in minor units (fen / cents), times of day in minutes after midnight, dates in day
 * numbers (src/core/time), durations in minutes.
 */
export const PLAN_VERSION = 1;

const Channel = z.enum(CHANNELS);
const RuleRef = z.number().int().nonnegative();
const Minute = z.number().int().min(0).max(1439);
const Day = z.number().int();
const Cents = z.number().int().nonnegative();

export const StepSchema = z.discriminatedUnion('k', [
  // entries
  z.object({ k: z.literal('enterAudience'), audienceId: z.string(), audienceName: z.string(), mode: z.enum(['snapshot', 'join']) }),
  z.object({
    k: z.literal('enterEvent'),
    event: z.string(),
    tag: z.string().nullable(),
    stage: z.string().nullable(),
    /** birthday: days before; baby_month_age: the month-age; pregnancy_week: the week */
    n: z.number().int().nullable(),
    filter: RuleRef.nullable(),
  }),
  z.object({
    k: z.literal('enterSchedule'),
    frequency: z.enum(['once', 'daily', 'weekly', 'monthly']),
    startDay: Day,
    minute: Minute,
    weekday: z.number().int().min(1).max(7).nullable(),
    dayOfMonth: z.number().int().min(1).max(28).nullable(),
    rule: RuleRef,
  }),
  // flow
  z.object({ k: z.literal('wait'), minutes: z.number().int().positive() }),
  z.object({ k: z.literal('waitUntil'), day: Day, minute: Minute }),
  /** Until the member's best time of day to be reached (the behaviour model says when). */
  z.object({ k: z.literal('waitBestTime') }),
  z.object({ k: z.literal('waitEvent'), event: z.string(), tag: z.string().nullable(), timeoutMinutes: z.number().int().positive() }),
  z.object({ k: z.literal('condition'), rule: RuleRef }),
  z.object({ k: z.literal('multiSplit'), by: z.enum(['tagGroup', 'stage', 'region', 'channel']), tagGroup: z.string().nullable(), branches: z.array(z.object({ port: z.string(), value: z.string() })) }),
  z.object({ k: z.literal('random'), branches: z.array(z.object({ port: z.string(), percent: z.number() })) }),
  z.object({ k: z.literal('ab'), branches: z.array(z.object({ port: z.string(), percent: z.number() })), controlPercent: z.number() }),
  z.object({ k: z.literal('goal'), rule: RuleRef, windowDays: z.number().int().positive() }),
  z.object({ k: z.literal('jump') }),
  z.object({ k: z.literal('exit'), reason: z.string() }),
  // actions
  z.object({
    k: z.literal('touch'),
    channel: Channel,
    fallback: Channel.nullable(),
    costCents: Cents,
    content: z.string(),
    /** What the touch is about beyond its content (template, group, prize, live stream…). */
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  z.object({ k: z.literal('coupon'), name: z.string(), amountCents: Cents, thresholdCents: Cents, validityDays: z.number().int().positive(), costCents: Cents }),
  z.object({ k: z.literal('points'), points: z.number().int().positive(), reason: z.string(), costCents: Cents }),
  z.object({ k: z.literal('tag'), op: z.enum(['add', 'remove']), tag: z.string() }),
  z.object({ k: z.literal('attribute'), attribute: z.string(), value: z.string() }),
  z.object({ k: z.literal('assign'), what: z.enum(['guide', 'store']), how: z.enum(['region', 'nearest', 'named']), name: z.string() }),
  z.object({ k: z.literal('webhook'), url: z.string(), method: z.enum(['POST', 'PUT']), body: z.string() }),
  z.object({ k: z.literal('task'), title: z.string(), instructions: z.string(), dueDays: z.number().int().positive() }),
]);
export type Step = z.infer<typeof StepSchema>;

export const PlanNodeSchema = z.object({
  /** The journey node's id, so results map back onto the canvas. */
  id: z.string(),
  type: z.string(),
  step: StepSchema,
  /** port id -> node index */
  next: z.record(z.string(), z.number().int().nonnegative()),
});
export type PlanNode = z.infer<typeof PlanNodeSchema>;

const CapIR = z.object({ perDay: z.number().int().positive().nullable(), perWeek: z.number().int().positive().nullable() });

export const PlanSettingsSchema = z.object({
  maxEntries: z.number().int().positive().nullable(),
  reEntry: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('never') }),
    z.object({ mode: z.literal('after'), days: z.number().int().positive() }),
    z.object({ mode: z.literal('always') }),
  ]),
  caps: z.object({ global: CapIR, perChannel: z.partialRecord(Channel, CapIR) }),
  /** null = none; may wrap midnight (start > end). */
  quietHours: z.object({ start: Minute, end: Minute }).nullable(),
  /** null = any time; days 1 = Monday … 7 = Sunday; [from, to) in minutes. */
  sendWindow: z.object({ days: z.array(z.number().int().min(1).max(7)), from: Minute, to: z.number().int().min(1).max(1440) }).nullable(),
  goal: z.object({ rule: RuleRef, windowDays: z.number().int().positive() }).nullable(),
  exitRule: RuleRef.nullable(),
  controlPercent: z.number().min(0).max(50),
  startDay: Day.nullable(),
  endDay: Day.nullable(),
});
export type PlanSettings = z.infer<typeof PlanSettingsSchema>;

export const PlanIRSchema = z.object({
  planVersion: z.literal(PLAN_VERSION),
  journey: z.object({ id: z.string(), name: z.string(), revision: z.number().int().nonnegative() }),
  nodes: z.array(PlanNodeSchema),
  /** Indices of the entry nodes. */
  entries: z.array(z.number().int().nonnegative()),
  rules: z.array(z.object({ rule: RuleSchema, text: z.string() })),
  settings: PlanSettingsSchema,
});
export type PlanIR = z.infer<typeof PlanIRSchema>;
