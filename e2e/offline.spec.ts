import { expect, test } from '@playwright/test';

// The first visit may generate the demo workspace (the nav is hidden meanwhile): be patient.
const APP_READY_MS = 120_000;

test('after the first visit the app opens offline, served by the service worker', async ({ page, context }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  // A workspace in IndexedDB (the first-run demo) is what there is to work on offline.
  await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: APP_READY_MS });
  await expect(page.getByRole('navigation').first()).toBeVisible();

  // ready resolves while the worker may still be activating: wait for an activated controller.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: APP_READY_MS,
  });

  await context.setOffline(true);
  try {
    // Really offline: anything not precached (a query string defeats the precache) fails.
    const networkReachable = await page.evaluate(() =>
      fetch(`/robots.txt?offline-check=${Date.now()}`, { cache: 'no-store' }).then(() => true, () => false),
    );
    expect(networkReachable).toBe(false);

    await page.reload();
    await expect(page.getByRole('navigation').first()).toBeVisible({ timeout: APP_READY_MS });
    await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: APP_READY_MS });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // A deep link never visited online falls back to the cached app shell.
    await page.goto('/settings');
    await expect(page.getByRole('navigation').first()).toBeVisible({ timeout: APP_READY_MS });
    await expect(page).toHaveURL(/\/settings$/);
  } finally {
    await context.setOffline(false);
  }
});
