import { demoColumns } from '../../src/core/columnar/fromDemo';
import type { MemberColumns } from '../../src/core/columnar/types';
import { DEMO_TEMPLATES, type DemoTemplate } from '../../src/core/demo';
import { CancelToken, type ProgressFn } from '../../src/core/jobs';
import type { Workspace } from '../../src/core/model';
import type { Snapshot } from '../../src/storage/snapshots';
import { EngineError } from './resolve';

/**
 * Bench-only (reached through the `?bench` dev hook, never the product UI): the snapshot a
 * stored demo of `members` members would give, generated in the worker instead of read from
 * IndexedDB, because writing a 1M-member demo into IndexedDB takes ~40 min on the bench
 * machine. The workspace must itself be a demo of the generator: its template and seed are
 * used, so the columns equal those of that demo at the asked size (benchDemo.test.ts), and the
 * workspace's own settings (as-of day, lifecycle) are those any demo of that template has.
 */
export const BENCH_DEMO_MAX_MEMBERS = 2_000_000;

export async function benchDemoSnapshot(ws: Workspace, members: number, onProgress?: ProgressFn, token = new CancelToken()): Promise<Snapshot> {
  if (ws.source.kind !== 'demo') throw new EngineError(`bench demo: workspace '${ws.name}' is not a demo workspace (its columns could not be regenerated)`);
  if (!Number.isInteger(members) || members < 1 || members > BENCH_DEMO_MAX_MEMBERS) {
    throw new EngineError(`bench demo: members must be an integer from 1 to ${BENCH_DEMO_MAX_MEMBERS}, got ${JSON.stringify(members)}`);
  }
  const { template, seed } = ws.source;
  if (!DEMO_TEMPLATES.includes(template as DemoTemplate)) throw new EngineError(`bench demo: the generator has no template '${template}'`);
  const d = await demoColumns({ template: template as DemoTemplate, members, seed }, onProgress, token);
  return {
    cols: d.cols,
    extras: { gender: d.gender, firstPlatform: d.firstPlatform },
    // Never equal to a stored data stamp, so nothing stored is mistaken for these columns.
    stamp: `bench-demo:${template}:${seed}:${members}`,
    orders: d.orders,
  };
}

/** Bytes held by the typed-array columns (what the worker keeps in memory for the engine). */
export function columnBytes(snap: Snapshot): number {
  let n = 0;
  for (const v of [...Object.values(snap.cols), ...Object.values(snap.extras)]) if (ArrayBuffer.isView(v)) n += v.byteLength;
  return n;
}

/** Copies of named columns for the benchmark's DuckDB comparison (structured-cloned to the page). */
export function pickColumns(snap: Snapshot, names: string[]): { columns: Record<string, ArrayBufferView>; dicts: MemberColumns['dicts']; memberCount: number } {
  const columns: Record<string, ArrayBufferView> = {};
  for (const name of names) {
    const v = (snap.cols as unknown as Record<string, unknown>)[name];
    if (!ArrayBuffer.isView(v)) throw new EngineError(`bench columns: no typed-array column '${name}'`);
    columns[name] = v;
  }
  return { columns, dicts: snap.cols.dicts, memberCount: snap.cols.memberCount };
}
