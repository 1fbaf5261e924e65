import type { MemberColumns } from '../columnar/types';
import { NO_DAY } from '../time';

/** A window that starts at an event of each member's own (ast.ts 'anchored'): its day and length. */
export interface Anchor {
  event: 'first_order' | 'joined';
  /** Days the window lasts from the anchor day (Infinity: up to the as-of day). */
  span: number;
}

/**
 * Each member's anchor day as of `asOf`, NO_DAY when they have none yet (no sale on or before
 * the as-of day; joined after it). Orders are sorted by day within a member, so the first
 * sale is found in a few steps.
 */
export function anchorDays(cols: MemberColumns, event: Anchor['event'], asOf: number): Int32Array {
  const M = cols.memberCount;
  const out = new Int32Array(M).fill(NO_DAY);
  if (event === 'joined') {
    for (let m = 0; m < M; m++) {
      const d = cols.joinDay[m];
      if (d !== NO_DAY && d <= asOf) out[m] = d;
    }
    return out;
  }
  const { orderOffsets: off, oDay, oKind } = cols;
  for (let m = 0; m < M; m++) {
    for (let o = off[m]; o < off[m + 1]; o++) {
      if (oDay[o] > asOf) break;
      if (oKind[o] === 0) {
        out[m] = oDay[o];
        break;
      }
    }
  }
  return out;
}

/**
 * The member's window: the rule's [from, to] narrowed to [anchor, anchor + span - 1]; an empty
 * window (from > to) when the member has no anchor. Written into `win` to allocate nothing.
 */
export function memberWindow(anchor: number, span: number, from: number, to: number, win: { from: number; to: number }): void {
  if (anchor === NO_DAY) {
    win.from = 1;
    win.to = 0;
    return;
  }
  win.from = Math.max(from, anchor);
  win.to = Math.min(to, anchor + span - 1);
}
