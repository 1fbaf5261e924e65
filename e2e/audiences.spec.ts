import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { numberIn, openWithWorkspace } from './helpers';

async function openAudiences(page: Page): Promise<number> {
  await openWithWorkspace(page);
  const members = numberIn(await page.getByTestId('count-members').textContent());
  await page.getByTestId('nav-audiences').click();
  await expect(page.getByTestId('audiences-page')).toBeVisible();
  return members;
}

/** The settled count (not "counting…"). */
async function settledCount(page: Page): Promise<number> {
  const count = page.getByTestId('audience-count');
  await expect(count).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  return numberIn(await count.textContent());
}

async function typeRule(page: Page, text: string): Promise<void> {
  await page.getByTestId('rule-mode-text').click();
  await page.getByTestId('rule-text').fill(text);
}

test('select an audience by text, refine it in the builder, save it, and export it', async ({ page }) => {
  const members = await openAudiences(page);
  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill('Spent over 1000 in 90 days');
  await typeRule(page, 'net_spend(last 90 days) > 1000');
  await expect(page.getByTestId('rule-error')).toHaveCount(0);
  const at1000 = await settledCount(page);
  expect(at1000).toBeGreaterThan(0);
  expect(at1000).toBeLessThan(members);
  await expect(page.getByTestId('audience-count-ms')).toContainText(/\d/);

  // The same rule in the builder: one measure row, threshold 1000.
  await page.getByTestId('rule-mode-builder').click();
  await expect(page.getByTestId('rule-row')).toHaveCount(1);
  await expect(page.getByTestId('rule-metric')).toHaveValue('net_spend');
  await expect(page.getByTestId('rule-days')).toHaveValue('90');
  await expect(page.getByTestId('rule-value')).toHaveValue('1000');
  await page.getByTestId('rule-value').fill('2000');
  await expect(page.getByTestId('audience-count')).not.toHaveText(String(at1000).replace(/\B(?=(\d{3})+(?!\d))/g, ','), { timeout: 30_000 });
  const at2000 = await settledCount(page);
  expect(at2000).toBeLessThan(at1000);

  // Back in text mode the builder's edit is there.
  await page.getByTestId('rule-mode-text').click();
  await expect(page.getByTestId('rule-text')).toHaveValue('net_spend(last 90 days) > 2000');

  // A sample of members links to their pages; the persona draws.
  await expect(page.getByTestId('audience-member').first()).toBeVisible();
  await expect(page.getByTestId('persona').locator('canvas').first()).toBeVisible({ timeout: 30_000 });

  // Export: every selected member, with the CSV's header.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audience-export').click()]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
  const rows = Papa.parse<string[]>(csv.trim()).data;
  expect(rows[0]).toEqual(['id', 'name', 'region', 'city']);
  expect(rows.length - 1).toBe(at2000);

  await page.getByTestId('audience-save').click();
  await expect(page.getByTestId('audience-row')).toHaveCount(1);
  await expect(page.getByTestId('audience-row').first()).toContainText('Spent over 1000 in 90 days');
  await expect(page.getByTestId('audience-row').first()).toContainText(String(at2000).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
});

test('a bad rule shows its error with the position, and cannot be saved', async ({ page }) => {
  await openAudiences(page);
  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill('Broken');
  await typeRule(page, 'net_spend(last -5 days) > 1');
  await expect(page.getByTestId('rule-error')).toHaveCount(1);
  await expect(page.getByTestId('rule-error')).toContainText(/column 16/);
  await expect(page.locator('.rule-text-err')).toHaveText('-');
  // The builder cannot show text that does not parse.
  await expect(page.getByTestId('rule-mode-builder')).toBeDisabled();

  // An unknown measure: a type error, named, with its place.
  await page.getByTestId('rule-text').fill('net_spnd(last 5 days) > 1');
  await expect(page.getByTestId('rule-error')).toContainText(/column 1: unknown measure 'net_spnd'/);
});

test('an audience that uses itself is refused with the cycle named', async ({ page }) => {
  await openAudiences(page);
  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill('Loop');
  await typeRule(page, 'orders(last 180 days) = 0');
  await settledCount(page);
  await page.getByTestId('audience-save').click();
  await page.getByTestId('audience-row').filter({ hasText: 'Loop' }).click();
  await typeRule(page, 'in audience "Loop" and orders > 1');
  await expect(page.getByTestId('rule-error')).toContainText(/cycle: Loop → Loop/i);
});

test('the as-of day moves the count (time travel)', async ({ page }) => {
  await openAudiences(page);
  await page.getByTestId('audience-new').click();
  await typeRule(page, 'orders(last 30 days) > 0');
  const today = await settledCount(page);
  const asOf = await page.getByTestId('audience-asof').inputValue();
  const earlier = new Date(`${asOf}T00:00:00Z`);
  earlier.setUTCFullYear(earlier.getUTCFullYear() - 1);
  await page.getByTestId('audience-asof').fill(earlier.toISOString().slice(0, 10));
  await expect(page.getByTestId('audience-count')).not.toHaveText(new Intl.NumberFormat('en').format(today), { timeout: 30_000 });
  const before = await settledCount(page);
  expect(before).not.toBe(today);
});
