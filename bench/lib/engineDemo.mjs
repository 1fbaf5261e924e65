// Shared by the engine benchmarks (tags.all, audience.count): a disk-backed Chromium on a page
// loaded with `?bench` so the engine hook (src/engine/devHook.ts → window.__meridianEngine) is
// there, with the 10k first-run demo. Data for `members`, by BENCH_ENGINE_DATA:
//  - 'stored' (default up to 100k): a demo of that size generated and stored through the UI
//    (Settings → New demo); the engine builds its snapshot from IndexedDB.
//  - 'generated' (default for 1M, whose IndexedDB write takes ~40 min here): the engine worker
//    regenerates the first-run demo (same template and seed) at `members` members in memory
//    (client.benchDemo → workers/engine/benchDemo.ts): the columns a stored demo of that size
//    gives (held equal by workers/engine/benchDemo.test.ts).
const SIZE_LABEL = { 10000: '10k', 100000: '100k', 1000000: '1M' };

export function engineDataMode(members) {
  const mode = process.env.BENCH_ENGINE_DATA || (members > 100000 ? 'generated' : 'stored');
  if (mode !== 'stored' && mode !== 'generated') throw new Error(`BENCH_ENGINE_DATA must be stored or generated, got ${mode}`);
  return mode;
}

export async function openEngineDemo(ctx, members, log = () => undefined) {
  if (!SIZE_LABEL[members]) throw new Error(`members must be one of ${Object.keys(SIZE_LABEL).join(', ')}`);
  const mode = engineDataMode(members);
  const base = await ctx.preview();
  const disk = await ctx.diskContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US' });
  const { page } = disk;
  try {
    await allowDuckdbWasm(disk.context);
    log(`first-run 10k demo`);
    await page.goto(base + '/data?bench');
    await page.getByTestId('count-members').filter({ hasText: '10,000' }).waitFor({ timeout: 300_000 });
    if (members !== 10000 && mode === 'stored') {
      log(`generating the ${SIZE_LABEL[members]} demo`);
      await page.goto(base + '/settings?bench');
      await page.getByTestId('new-demo').click();
      await page.getByTestId(`demo-size-${members}`).check();
      await page.getByTestId('new-demo-create').click();
      await page.getByTestId('workspace-name').filter({ hasText: `· ${SIZE_LABEL[members]}` }).waitFor({ timeout: 3 * 3600_000 });
    }
    await page.waitForFunction(() => !!window.__meridianEngine, null, { timeout: 60_000 });
    const workspaceId = await page.evaluate(() => window.__meridianEngine.activeWorkspaceId());
    return { disk, page, workspaceId, mode };
  } catch (e) {
    await disk.close();
    throw e;
  }
}

/**
 * The app's CSP (vite.config.ts) has no 'wasm-unsafe-eval', and a worker's CSP comes from its
 * own response, so DuckDB's worker cannot compile its wasm (Playwright's bypassCSP does not
 * reach workers). For the tags.all comparison only, DuckDB's worker script is served with
 * 'wasm-unsafe-eval' added — still no 'unsafe-eval', and the app itself is left as it ships.
 */
export async function allowDuckdbWasm(context) {
  await context.route(/\/assets\/duckdb-browser-eh\.worker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    const csp = headers['content-security-policy'];
    if (csp) headers['content-security-policy'] = csp.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
    await route.fulfill({ response, headers });
  });
}
