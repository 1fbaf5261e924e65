import { generateDemo, type DemoOptions } from '../demo';
import { CancelToken, yieldToLoop, type ProgressFn } from '../jobs';
import { Gender, PLATFORMS } from '../model';
import { ColumnsBuilder, type MemberBundle } from './build';
import type { MemberColumns } from './types';

/** What a snapshot built from the stored demo would hold: the columns and the persona extras. */
export interface DemoColumns {
  cols: MemberColumns;
  /** index into Gender.options (the snapshot's GENDERS) */
  gender: Uint8Array;
  /** index into PLATFORMS */
  firstPlatform: Uint8Array;
  /** sale and refund orders of members */
  orders: number;
}

/** Members generated (and turned into columns) between two yields: progress and cancel land. */
const STEP = 2500;

/**
 * The columns of a demo brand built straight from the seeded generator, for benchmarks at a
 * size that would take most of an hour to write into IndexedDB (1M members). The generator
 * makes the same records the stored demo holds, and they go through the same ColumnsBuilder
 * the snapshot builder feeds from the ledgers, in the same member order (member ids are fixed
 * width, so id order = generation order) — fromDemo.test.ts holds the two equal.
 */
export async function demoColumns(opts: DemoOptions, onProgress: ProgressFn = () => undefined, token = new CancelToken()): Promise<DemoColumns> {
  const demo = generateDemo(opts);
  const builder = new ColumnsBuilder(new Map(demo.products.map((p) => [p.sku, p])));
  const gender = new Uint8Array(opts.members);
  const firstPlatform = new Uint8Array(opts.members);
  let orders = 0;
  for (let from = 0; from < opts.members; from += STEP) {
    onProgress({ phase: 'generate', done: from, total: opts.members });
    await yieldToLoop();
    token.throwIfCancelled();
    const b = demo.range(from, from + STEP);
    // A member's rows are contiguous in the batch (generateMember appends them in turn).
    const at = { o: 0, t: 0, c: 0, s: 0 };
    for (let k = 0; k < b.members.length; k++) {
      const member = b.members[k];
      const take = <T extends { memberId: string | null }>(rows: T[], key: keyof typeof at): T[] => {
        const start = at[key];
        while (at[key] < rows.length && rows[at[key]].memberId === member.id) at[key]++;
        return rows.slice(start, at[key]);
      };
      const bundle: MemberBundle = { member, orders: take(b.orders, 'o'), touches: take(b.touches, 't'), coupons: take(b.coupons, 'c'), subprofiles: take(b.subprofiles, 's') };
      builder.add(bundle);
      orders += bundle.orders.length;
      gender[from + k] = Math.max(0, Gender.options.indexOf(member.gender));
      firstPlatform[from + k] = Math.max(0, PLATFORMS.indexOf(member.firstPlatform));
    }
    // Rows of another member left over would mean the batch was not member-contiguous.
    if (at.o !== b.orders.length || at.t !== b.touches.length || at.c !== b.coupons.length || at.s !== b.subprofiles.length) {
      throw new Error(`demo columns: rows of members ${from}–${from + b.members.length} are not grouped by member`);
    }
  }
  onProgress({ phase: 'generate', done: opts.members, total: opts.members });
  return { cols: builder.finish(), gender, firstPlatform, orders };
}
