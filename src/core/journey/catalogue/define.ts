import { configSchema } from '../fields';
import { L } from '../text';
import type { Channel } from '../../model/common';
import type { Step } from '../plan/ir';
import type { CompileContext, Config, NodeType, Port } from './types';

type Def = Omit<NodeType, 'schema' | 'hasInput' | 'delays' | 'touch' | 'summary' | 'outputs'> &
  Partial<Pick<NodeType, 'hasInput' | 'delays' | 'touch' | 'summary' | 'outputs'>>;

export const NEXT: Port = { id: 'next', label: L('Next', '下一步') };

/** A node type with its schema derived from its fields and the common defaults filled in. */
export function defineNode(def: Def): NodeType {
  return {
    hasInput: def.category !== 'entry',
    delays: false,
    touch: null,
    outputs: () => [NEXT],
    summary: () => '',
    ...def,
    schema: configSchema(def.fields),
  };
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const MINUTES = { minutes: 1, hours: 60, days: 1440, weeks: 10080 } as const;
/** `amount` in `unit` (a durationFields pair) as minutes. */
export const minutesOf = (c: Config): number => num(c.amount) * (MINUTES[str(c.unit) as keyof typeof MINUTES] ?? 1440);

/** A message action's step: content, cost, fallback (messageFields) plus what else it carries. */
export function touchStep(channel: Channel, c: Config, cx: CompileContext, detail: Record<string, string | number | boolean | null> = {}): Step {
  return { k: 'touch', channel, fallback: (strOrNull(c.fallback) as Channel | null) ?? null, costCents: cx.cents(c.costPerTouch), content: str(c.content), detail };
}
