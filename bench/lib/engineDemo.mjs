// Shared by the engine benchmarks (tags.all, audience.count): a disk-backed Chromium with a
// demo workspace of `members` generated through the UI (the 10k first-run demo, or Settings →
// New demo for 100k / 1M), on a page loaded with `?bench` so the engine hook
// (src/engine/devHook.ts → window.__meridianEngine) is there.
const SIZE_LABEL = { 10000: '10k', 100000: '100k', 1000000: '1M' };

export async function openEngineDemo(ctx, members, log = () => undefined) {
  if (!SIZE_LABEL[members]) throw new Error(`members must be one of ${Object.keys(SIZE_LABEL).join(', ')}`);
  const base = await ctx.preview();
  const disk = await ctx.diskContext({ viewport: { width: 1024, height: 768 }, locale: 'en-US' });
  const { page } = disk;
  try {
    log(`first-run 10k demo`);
    await page.goto(base + '/data?bench');
    await page.getByTestId('count-members').filter({ hasText: '10,000' }).waitFor({ timeout: 300_000 });
    if (members !== 10000) {
      log(`generating the ${SIZE_LABEL[members]} demo`);
      await page.goto(base + '/settings?bench');
      await page.getByTestId('new-demo').click();
      await page.getByTestId(`demo-size-${members}`).check();
      await page.getByTestId('new-demo-create').click();
      await page.getByTestId('workspace-name').filter({ hasText: `· ${SIZE_LABEL[members]}` }).waitFor({ timeout: 3 * 3600_000 });
    }
    await page.waitForFunction(() => !!window.__meridianEngine, null, { timeout: 60_000 });
    const workspaceId = await page.evaluate(() => window.__meridianEngine.activeWorkspaceId());
    return { disk, page, workspaceId };
  } catch (e) {
    await disk.close();
    throw e;
  }
}
