import { expect, test } from '@playwright/test';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectedUciCounts, numberIn, openWithWorkspace } from './helpers';

const FIXTURE = join(import.meta.dirname, '..', 'test', 'fixtures', 'online-retail-sample.csv');

test('importing the Online Retail slice shows the right orders, refunds, members and guests', async ({ page }) => {
  const want = expectedUciCounts(FIXTURE);
  expect(want.refunds).toBeGreaterThan(0);
  expect(want.guests).toBeGreaterThan(0);

  await openWithWorkspace(page);
  const ordersBefore = numberIn(await page.getByTestId('count-orders').textContent());
  await page.getByTestId('open-import').click();
  await page.locator('input[type=file]').setInputFiles(FIXTURE);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-count-orders')).toBeVisible({ timeout: 60_000 });
  expect(numberIn(await page.getByTestId('import-count-orders').textContent())).toBe(want.orders);
  expect(numberIn(await page.getByTestId('import-count-refunds').textContent())).toBe(want.refunds);
  expect(numberIn(await page.getByTestId('import-count-members').textContent())).toBe(want.members);
  expect(numberIn(await page.getByTestId('import-count-guests').textContent())).toBe(want.guests);

  await page.goto('/data');
  await expect(page.getByTestId('count-orders')).toBeVisible();
  await expect.poll(async () => numberIn(await page.getByTestId('count-orders').textContent())).toBe(ordersBefore + want.orders);
});

test('a broken CSV shows its error report and changes nothing', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'meridian-e2e-'));
  const broken = join(dir, 'broken.csv');
  writeFileSync(
    broken,
    [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '536365,85123A,WHITE HANGING HEART,six,12/1/2010 8:26,2.55,17850,United Kingdom',
      '536366,22633,HAND WARMER,6,13/45/2010 8:28,1.85,17850,United Kingdom',
      '536367,84879,ASSORTED BIRD,32,12/1/2010 8:34,abc,13047,United Kingdom',
    ].join('\n'),
  );
  await openWithWorkspace(page);
  const before = {
    orders: numberIn(await page.getByTestId('count-orders').textContent()),
    members: numberIn(await page.getByTestId('count-members').textContent()),
  };
  await page.getByTestId('open-import').click();
  await page.locator('input[type=file]').setInputFiles(broken);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-count-errors')).toBeVisible({ timeout: 30_000 });
  expect(numberIn(await page.getByTestId('import-count-errors').textContent())).toBeGreaterThanOrEqual(3);

  const download = page.waitForEvent('download');
  await page.getByTestId('import-error-report').click();
  const report = await (await download).path();
  const text = (await import('node:fs')).readFileSync(report!, 'utf8');
  expect(text).toMatch(/row/i);
  expect(text).toContain('six');
  expect(text).toContain('13/45/2010 8:28');

  await page.goto('/data');
  await expect.poll(async () => numberIn(await page.getByTestId('count-orders').textContent())).toBe(before.orders);
  expect(numberIn(await page.getByTestId('count-members').textContent())).toBe(before.members);
});
