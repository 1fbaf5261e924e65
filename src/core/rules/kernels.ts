import type { MemberColumns } from '../columnar/types';
import type { KernelPlan } from './compile';
import { runPlans } from './execute';
import type { MaskProvider } from './compare';

export { topK } from './topK';

export { compare, type MaskProvider } from './compare';

/** Run one compiled plan over the columns; returns a 0/1 mask over members. Several plans at once: runPlans (one fused pass over orders). */
export function runPlan(plan: KernelPlan, cols: MemberColumns, masks: MaskProvider = {}): Uint8Array {
  return runPlans([plan], cols, masks)[0];
}
