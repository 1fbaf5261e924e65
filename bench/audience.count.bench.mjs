// Audience builder latency: count() after a condition edit, as the Audiences page does it.
// The threshold of a rule is changed 20 times; each count is timed from the page (round trip
// through the worker pool). Demo size: BENCH_AUDIENCE_MEMBERS (default 100000; 10000, 1000000);
// a 1M demo is generated in the engine worker (BENCH_ENGINE_DATA, bench/lib/engineDemo.mjs).
import { loadavg } from 'node:os';
import { openEngineDemo } from './lib/engineDemo.mjs';
import { watchRendererRss } from './lib/memory.mjs';

export const name = 'audience.count';
export const description = 'median count() latency after a condition edit (20 threshold changes), goal < 100 ms';

export async function run(ctx) {
  const members = Number(process.env.BENCH_AUDIENCE_MEMBERS || process.env.BENCH_TAGS_MEMBERS || 100000);
  const { disk, page, workspaceId, mode } = await openEngineDemo(ctx, members, (m) => console.error(`[audience.count] ${m}`));
  const rss = watchRendererRss(disk.profile);
  try {
    console.error(`[audience.count] counting (${mode} data)`);
    const r = await page.evaluate(async ({ workspaceId, members, mode }) => {
      const h = window.__meridianEngine;
      // A pool of its own (the same policy as getEngine's), so the app's own engine calls in this
      // tab (e.g. the writer tab's tag recompute) neither share nor wait on the measured workers.
      const engine = h.createEngineClient(workspaceId);
      // 'generated': the pool's first worker regenerates the demo at `members` (engineDemo.mjs).
      const snap = mode === 'generated' ? await engine.benchDemo(members) : await engine.ensureSnapshot();
      const times = [];
      const counts = [];
      for (let i = 0; i < 20; i++) {
        const threshold = 200 + i * 100;
        const rule = h.parseRule(`net_spend(last 90 days) > ${threshold} and not touches(channel = sms, last 30 days) > 0`);
        const t = performance.now();
        const c = await engine.count(rule);
        times.push(performance.now() - t);
        counts.push(c.count);
      }
      const poolSize = engine.poolSize;
      engine.dispose();
      return { snap, times, counts, poolSize };
    }, { workspaceId, members, mode });
    const sorted = [...r.times].sort((a, b) => a - b);
    const median = (sorted[9] + sorted[10]) / 2;
    return {
      ms: Math.round(median * 10) / 10,
      members,
      orders: r.snap.orders,
      medianMs: Math.round(median * 10) / 10,
      p90Ms: Math.round(sorted[17] * 10) / 10,
      maxMs: Math.round(sorted[19] * 10) / 10,
      firstMs: Math.round(r.times[0] * 10) / 10,
      edits: 20,
      poolSize: r.poolSize,
      counts: r.counts,
      data: mode,
      snapshot: r.snap,
      rendererPeakRssMB: rss.stop(),
      loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
      goalMs: 100,
    };
  } finally {
    rss.stop();
    await disk.close();
  }
}
