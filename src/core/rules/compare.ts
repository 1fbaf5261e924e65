import type { CmpOp } from './ast';

/** Where `in audience`, `has tag` and `stage =` read their member masks from. */
export interface MaskProvider {
  audience?(id: string): Uint8Array | undefined;
  tag?(name: string, ever: boolean): Uint8Array | undefined;
  stage?(name: string): Uint8Array | undefined;
}

/**
 * Missing values are NaN (the aov of a member with no order) and make every comparison
 * false; "days since last order" of a member who never ordered is +Infinity (it has been
 * forever), so `days_since_last_order >= 180` holds for them.
 */
export function compare(a: number, op: CmpOp, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}
