import * as actions from './actions';
import * as entries from './entries';
import * as flow from './flow';
import type { NodeCategory, NodeType } from './types';

export * from './types';
export { ENTRY_EVENTS, WAIT_EVENTS, STAGE_OPTIONS, WEEKDAY_OPTIONS, optionLabel } from './events';
export { branchesOf } from './flow';

const isNode = (v: unknown): v is NodeType => typeof v === 'object' && v !== null && 'type' in v && 'fields' in v;

/** Every node type, in palette order: entries, flow, actions. */
export const NODE_TYPES: readonly NodeType[] = [
  ...Object.values(entries).filter(isNode),
  ...Object.values(flow).filter(isNode),
  ...Object.values(actions).filter(isNode),
];

const BY_TYPE = new Map(NODE_TYPES.map((n) => [n.type, n]));

export function nodeType(type: string): NodeType | undefined {
  return BY_TYPE.get(type);
}

export const CATEGORIES: readonly NodeCategory[] = ['entry', 'flow', 'action'];
