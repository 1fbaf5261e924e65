// Generates a demo workspace in Chromium the way a person does (Settings -> New demo
// workspace -> size -> Create) and times it until the new workspace is active, while
// watching the page's main thread: long tasks (> 50 ms) and the longest gap between
// animation frames, to show that generating does not freeze the UI.
// Size: BENCH_DEMO_WRITE_MEMBERS (default 100000; 10000, 100000 or 1000000).
// The browser runs with a real profile directory (launchPersistentContext): a plain
// Playwright context is incognito, where IndexedDB lives in memory under a small quota —
// neither what a user has nor able to hold a 1M-member workspace.

const SIZE_LABEL = { 10000: '10k', 100000: '100k', 1000000: '1M' };

export const name = 'demo.write';
export const description = 'generate and store a demo workspace in Chromium from Settings; main-thread long tasks meanwhile';

export async function run(ctx) {
  const members = Number(process.env.BENCH_DEMO_WRITE_MEMBERS || 100000);
  if (!SIZE_LABEL[members]) return { skipped: `BENCH_DEMO_WRITE_MEMBERS must be one of ${Object.keys(SIZE_LABEL).join(', ')}` };
  const base = await ctx.preview();
  const disk = await ctx.diskContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US' });
  const { page } = disk;
  const failure = page.getByTestId('demo-error').or(page.locator('.k-error, [role=alert]'));
  try {
    const t0 = Date.now();
    await page.goto(base + '/data');
    await page.getByTestId('count-members').filter({ hasText: '10,000' }).waitFor({ timeout: 300_000 });
    const firstRunMs = Date.now() - t0;

    await page.goto(base + '/settings');
    await page.getByTestId('new-demo').click();
    await page.getByTestId(`demo-size-${members}`).check();
    await page.evaluate(() => {
      const w = window;
      w.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
      w.__maxGap = 0;
      let last = performance.now();
      const tick = (now) => {
        w.__maxGap = Math.max(w.__maxGap, now - last);
        last = now;
        if (!w.__stopFrames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t1 = Date.now();
    await page.getByTestId('new-demo-create').click();
    const done = page.getByTestId('workspace-name').filter({ hasText: `· ${SIZE_LABEL[members]}` });
    await done.or(failure).first().waitFor({ timeout: 3 * 3600_000 });
    if (!(await done.isVisible())) return { error: `generation failed: ${(await failure.first().textContent())?.trim()}`, members };
    const ms = Date.now() - t1;
    const ui = await page.evaluate(() => {
      window.__stopFrames = true;
      const lt = window.__longTasks;
      return { longTasks: lt.length, longestTaskMs: Math.round(Math.max(0, ...lt)), longestFrameGapMs: Math.round(window.__maxGap) };
    });
    await page.goto(base + '/data');
    const shown = await page.getByTestId('count-members').textContent();
    return {
      ms,
      members,
      membersShown: Number((shown ?? '').replace(/[^\d]/g, '')),
      membersPerSec: Math.round(members / (ms / 1000)),
      firstRun10kMs: firstRunMs,
      ...ui,
    };
  } finally {
    await disk.close();
  }
}
