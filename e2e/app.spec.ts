import { expect, test } from '@playwright/test';
import { numberIn, openWithWorkspace } from './helpers';

test('first visit generates the demo workspace; a member page shows one person whole', async ({ page }) => {
  await openWithWorkspace(page);
  const members = numberIn(await page.getByTestId('count-members').textContent());
  expect(members).toBe(10_000);
  expect(numberIn(await page.getByTestId('count-orders').textContent())).toBeGreaterThan(50_000);

  await expect(page.getByTestId('members-table')).toBeVisible();
  await page.getByTestId('member-row').first().click();
  await expect(page.getByTestId('member-page')).toBeVisible();
  await expect(page.getByTestId('member-identities')).toBeVisible();
  await expect(page.getByTestId('member-orders')).toBeVisible();
});

test('search and paging over members', async ({ page }) => {
  await openWithWorkspace(page);
  const firstPage = await page.getByTestId('member-row').first().textContent();
  await page.getByTestId('page-next').click();
  await expect(page.getByTestId('member-row').first()).not.toHaveText(firstPage ?? '');
  await page.getByTestId('page-prev').click();
  await expect(page.getByTestId('member-row').first()).toHaveText(firstPage ?? '');

  await page.getByTestId('search-input').fill('M0000123');
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row').first()).toContainText('M0000123');
});

for (const [locale, navText] of [
  ['en-US', 'Journeys'],
  ['zh-CN', '旅程'],
] as const) {
  test.describe(`language ${locale}`, () => {
    test.use({ locale });
    test(`defaults to the browser's language (${locale})`, async ({ page }) => {
      await openWithWorkspace(page);
      await expect(page.getByRole('navigation').first()).toContainText(navText);
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh-CN' ? 'zh-CN' : 'en');
    });
  });
}

test('a second tab is read-only until it takes over', async ({ page, context }) => {
  await openWithWorkspace(page);
  const second = await context.newPage();
  await second.goto('/data');
  await expect(second.getByTestId('tab-readonly')).toBeVisible();
  await second.getByTestId('tab-takeover').click();
  await expect(second.getByTestId('tab-readonly')).toBeHidden();
  await expect(page.getByTestId('tab-readonly')).toBeVisible();
});
