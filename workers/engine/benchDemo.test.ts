import { describe, expect, it } from 'vitest';
import { parseRule } from '../../src/core/rules';
import { buildSnapshot } from '../../src/storage/snapshots';
import { readWorkspace } from '../../src/storage/workspaces';
import { benchDemoSnapshot, columnBytes } from './benchDemo';
import { demoSlice } from './testData';
import { WorkspaceEngine } from './workspaceEngine';

describe('bench demo columns (generated in memory)', () => {
  it('equal the columns built from the same demo stored in IndexedDB', async () => {
    for (const [members, template, seed] of [[700, 'mother_baby', 20261123], [260, 'beauty', 5]] as const) {
      const { db } = await demoSlice(members, template, seed);
      const stored = await buildSnapshot(db);
      const generated = await benchDemoSnapshot((await readWorkspace(db))!, members);
      expect(stored.cols.oDay.length).toBeGreaterThan(members); // a real demo, not an empty one
      expect(generated.cols).toEqual(stored.cols);
      expect(generated.extras).toEqual(stored.extras);
      expect(generated.orders).toBe(stored.orders);
      expect(generated.stamp).not.toBe(stored.stamp);
      expect(columnBytes(generated)).toBe(columnBytes(stored));
    }
  });

  it('a pinned bench demo answers queries at its own size, and ensureSnapshot keeps it', async () => {
    const { db } = await demoSlice(120, 'mother_baby', 3);
    const engine = new WorkspaceEngine(db);
    const rule = parseRule('orders >= 1');
    const small = await engine.count(rule);
    expect(small.total).toBe(120);
    const info = await engine.pinBenchDemo(400);
    expect(info.members).toBe(400);
    expect(info.columnBytes).toBeGreaterThan(0);
    expect((await engine.ensureSnapshot()).members).toBe(400);
    const big = await engine.count(rule);
    expect(big.total).toBe(400);
    // The first 120 members of the 400 are the 120 stored ones (per-member seeding).
    const cols = (await engine.benchColumns(['orderOffsets'])).columns.orderOffsets as Uint32Array;
    expect(cols[120]).toBe((await buildSnapshot(db)).cols.orderOffsets[120]);
    expect(big.count).toBeGreaterThanOrEqual(small.count);
    // Never written back as if they were the stored members.
    await expect(engine.evaluateTags({ write: true })).rejects.toThrow(/writing tag results is refused/);
    expect((await engine.evaluateTags({ write: false })).counts).toBeDefined();
    expect((await engine.count(rule)).total).toBe(400);
  });

  it('refuses a non-demo workspace and a bad size with a clear error', async () => {
    const { db } = await demoSlice(10);
    const ws = (await readWorkspace(db))!;
    await expect(benchDemoSnapshot({ ...ws, source: { kind: 'import' } } as never, 10)).rejects.toThrow(/not a demo workspace/);
    await expect(benchDemoSnapshot(ws, 0)).rejects.toThrow(/members must be an integer/);
    await expect(new WorkspaceEngine(db).benchColumns(['nope'])).rejects.toThrow(/no typed-array column 'nope'/);
  });
});
