import { z } from 'zod';
import { CHANNELS, LocalDate } from '../model/common';
import { RuleSchema, type Rule } from '../rules/ast';
import { L, type Text } from './text';

/**
 * The config of a node type is declared once as fields. From the fields come the zod schema
 * (what a stored node must hold), the defaults (a node dropped from the palette), and the
 * inspector's form (src/ui/canvas reads `kind` to pick a widget). Nothing else describes a config.
 */
export interface Option {
  value: string;
  label: Text;
}

interface Base {
  label: Text;
  help?: Text;
  /** Shown only when another field has one of these values (e.g. `days` only for mode 'after'). */
  when?: { field: string; is: readonly string[] };
}

export type Field =
  | (Base & { kind: 'text'; default: string; max: number; required?: boolean; multiline?: boolean })
  /** A message with member variables ({{name}}), escaped when rendered (./variables.ts). */
  | (Base & { kind: 'content'; default: string; max: number; required: boolean })
  | (Base & { kind: 'int'; default: number; min: number; max: number; unit?: Unit })
  /** Money in currency units (yuan), two decimals, like numbers in rules. */
  | (Base & { kind: 'money'; default: number; min: number; max: number })
  | (Base & { kind: 'percent'; default: number })
  | (Base & { kind: 'bool'; default: boolean })
  | (Base & { kind: 'enum'; default: string; options: readonly Option[] })
  /** Wall-clock time of day, HH:MM. */
  | (Base & { kind: 'time'; default: string })
  | (Base & { kind: 'date'; default: string | null; required: boolean })
  /** A rule AST (src/core/rules), edited with the RuleEditor. */
  | (Base & { kind: 'rule'; required: boolean })
  /** A saved audience, by id. */
  | (Base & { kind: 'audience'; required: boolean })
  /** A tag, by name (as rules name tags). */
  | (Base & { kind: 'tag'; required: boolean; allowNew: boolean })
  | (Base & { kind: 'tagGroup'; required: boolean })
  /** A touch channel, or '' for none when `allowNone`. */
  | (Base & { kind: 'channel'; default: string; allowNone: boolean })
  /** Another node of the journey, by id (jump). */
  | (Base & { kind: 'node'; required: boolean })
  /** Days of the week, 1 = Monday … 7 = Sunday. */
  | (Base & { kind: 'weekdays'; default: readonly number[] })
  /** Outgoing branches of a split; each becomes an output port `b:<id>`. */
  | (Base & { kind: 'branches'; default: readonly Branch[]; percent: boolean; min: number; max: number });

export type Unit = 'minutes' | 'hours' | 'days' | 'weeks' | 'points' | 'times' | 'members';

export interface Branch {
  id: string;
  label: string;
  /** Share of members in percent (random split, A/B); omitted for value branches. */
  percent?: number;
  /** What a member must have to take this branch (multi-split: a tag, a stage, a region, a channel). */
  value?: string;
}

export type FieldMap = Record<string, Field>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const BranchSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,24}$/i, 'branch ids are 1–24 letters, digits, _ or -'),
  label: z.string().max(100),
  percent: z.number().min(0).max(100).optional(),
  value: z.string().max(200).optional(),
});

/** Structural schema of one field: what any stored value must be. Completeness (required) is validation's job. */
function fieldSchema(f: Field): z.ZodType {
  switch (f.kind) {
    case 'text':
    case 'content':
      return z.string().max(f.max);
    case 'int':
      return z.number().int().min(f.min).max(f.max);
    case 'money':
      return z.number().min(f.min).max(f.max);
    case 'percent':
      return z.number().min(0).max(100);
    case 'bool':
      return z.boolean();
    case 'enum':
      return z.enum(f.options.map((o) => o.value) as [string, ...string[]]);
    case 'time':
      return HHMM;
    case 'date':
      return LocalDate.nullable();
    case 'rule':
      return RuleSchema.nullable();
    case 'audience':
    case 'tag':
    case 'tagGroup':
    case 'node':
      return z.string().max(200);
    case 'channel':
      return f.allowNone ? z.union([z.enum(CHANNELS), z.literal('')]) : z.enum(CHANNELS);
    case 'weekdays':
      return z.array(z.number().int().min(1).max(7)).max(7);
    case 'branches':
      return z
        .array(BranchSchema)
        .min(f.min)
        .max(f.max)
        .superRefine((bs, ctx) => {
          const seen = new Set<string>();
          bs.forEach((b, i) => {
            if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `branch id '${b.id}' is used twice` });
            seen.add(b.id);
          });
        });
  }
}

export function configSchema(fields: FieldMap): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of Object.entries(fields)) shape[k] = fieldSchema(f);
  return z.object(shape).strict();
}

function fieldDefault(f: Field): unknown {
  switch (f.kind) {
    case 'rule':
      return null;
    case 'audience':
    case 'tag':
    case 'tagGroup':
    case 'node':
      return '';
    case 'weekdays':
      return [...f.default];
    case 'branches':
      return f.default.map((b) => ({ ...b }));
    default:
      return f.default;
  }
}

export function configDefaults(fields: FieldMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = fieldDefault(f);
  return out;
}

/** Whether a field is shown (and so checked) given the other values. */
export function fieldActive(f: Field, config: Record<string, unknown>): boolean {
  return !f.when || f.when.is.includes(String(config[f.when.field]));
}

/** A required field left empty. */
export function fieldMissing(f: Field, value: unknown): boolean {
  switch (f.kind) {
    case 'text':
      return !!f.required && (typeof value !== 'string' || value.trim() === '');
    case 'content':
      return f.required && (typeof value !== 'string' || value.trim() === '');
    case 'rule':
      return f.required && (value === null || value === undefined);
    case 'date':
      return f.required && !value;
    case 'audience':
    case 'tag':
    case 'tagGroup':
    case 'node':
      return f.required && (typeof value !== 'string' || value === '');
    default:
      return false;
  }
}

export type { Rule };

// ---- shared field declarations, so every node that sends a message asks the same things ----

export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], Text> = {
  wecom_1v1: L('WeCom 1:1', '企微 1 对 1'),
  wecom_moments: L('WeCom moments', '企微朋友圈'),
  wecom_group: L('WeCom group', '企微社群'),
  oa_template: L('Official-account template', '公众号模板消息'),
  sms: L('SMS', '短信'),
  mp_coupon: L('Mini-program coupon', '小程序优惠券'),
  email: L('Email', '邮件'),
  live: L('Live stream', '直播'),
};

export const durationFields = (defaultAmount: number, defaultUnit: 'minutes' | 'hours' | 'days' | 'weeks'): FieldMap => ({
  amount: { kind: 'int', label: L('Wait for', '等待时长'), default: defaultAmount, min: 1, max: 10000 },
  unit: {
    kind: 'enum',
    label: L('Unit', '单位'),
    default: defaultUnit,
    options: [
      { value: 'minutes', label: L('minutes', '分钟') },
      { value: 'hours', label: L('hours', '小时') },
      { value: 'days', label: L('days', '天') },
      { value: 'weeks', label: L('weeks', '周') },
    ],
  },
});

/** Every message action: its content, what a touch costs, and where to fall back to. */
export function messageFields(defaultCost: number, contentDefault = ''): FieldMap {
  return {
    content: {
      kind: 'content',
      label: L('Content', '内容'),
      help: L('Member variables: {{name}}, {{city}}, {{level}}, {{guide}}, {{store}}, {{coupon}}.', '会员变量：{{name}}、{{city}}、{{level}}、{{guide}}、{{store}}、{{coupon}}。'),
      default: contentDefault,
      max: 2000,
      required: true,
    },
    costPerTouch: { kind: 'money', label: L('Cost per touch', '单次触达成本'), default: defaultCost, min: 0, max: 1000 },
    fallback: {
      kind: 'channel',
      label: L('Fallback channel', '备用渠道'),
      help: L('Used when the member cannot be reached on this channel.', '会员在本渠道不可达时改用此渠道。'),
      default: '',
      allowNone: true,
    },
  };
}
