import { configSchema } from '../fields';
import { L } from '../text';
import type { NodeType, Port } from './types';

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
