import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openWithWorkspace } from './helpers';

/** The list row whose name link is exactly `name`. */
const row = (page: Page, name: string) => page.getByTestId('journey-row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function openJourneys(page: Page): Promise<number> {
  await openWithWorkspace(page);
  await page.getByTestId('nav-journeys').click();
  await expect(page.getByTestId('journeys-page')).toBeVisible();
  // The list renders with the page (busy until loaded): wait until it has loaded.
  await expect(page.locator('table[aria-busy]')).toHaveCount(0);
  return page.getByTestId('journey-row').count();
}

test('journeys: create from a template, duplicate, export, import it back, refuse a broken file, delete', async ({ page }, info) => {
  test.setTimeout(240_000);
  const start = await openJourneys(page);
  const rows = page.getByTestId('journey-row');

  // From a template: the dialog lists templates, asks for its placeholders, creates the journey.
  await page.getByTestId('journey-from-template').click();
  const dialog = page.getByTestId('journey-template-dialog');
  await expect(dialog).toBeVisible();
  const options = dialog.getByTestId('template-option');
  expect(await options.count()).toBeGreaterThan(0);
  await options.first().click();
  // An audience placeholder, if the template has one: take the first saved audience when there is one.
  for (const select of await dialog.locator('select[data-testid^="template-field-"]').all()) {
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (values.length) await select.selectOption(values[0]);
  }
  await page.screenshot({ path: info.outputPath('template-dialog.png') });
  await dialog.getByTestId('template-create').click();
  await expect(dialog).toHaveCount(0);
  const notice = page.getByTestId('journeys-notice');
  await expect(notice).toBeVisible();
  const name = /“(.+)”/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
  expect(name.length).toBeGreaterThan(0);
  await expect(rows).toHaveCount(start + 1);
  const created = row(page, name);
  await expect(created).toHaveCount(1);
  await expect(created.getByTestId('journey-status')).toContainText(/Draft/);
  await expect(created.locator('td').nth(2)).not.toHaveText('0'); // the template drew nodes
  await expect(created.getByTestId('journey-open')).toHaveAttribute('href', /^\/journeys\/j/);
  await page.screenshot({ path: info.outputPath('journeys-list.png') });

  // Versions: nothing published yet.
  await created.getByTestId('journey-versions').click();
  await expect(page.getByTestId('versions-empty')).toBeVisible();
  await page.getByTestId('versions-close').click();
  await expect(page.getByTestId('journey-versions-dialog')).toHaveCount(0);

  // Duplicate.
  await created.getByTestId('journey-duplicate').click();
  await expect(rows).toHaveCount(start + 2);
  await expect(row(page, `${name} (copy)`)).toHaveCount(1);

  // Export: a download holding the journey file.
  const [download] = await Promise.all([page.waitForEvent('download'), created.getByTestId('journey-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.journey\.json$/);
  const path = (await download.path())!;
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file.format).toBe('meridian.journey');
  expect(file.journey.name).toBe(name);
  expect(file.journey.nodes.length).toBeGreaterThan(0);

  // Import it back: a second journey of that name, with a new id.
  await page.getByTestId('journey-import-input').setInputFiles(path);
  await expect(page.getByTestId('journeys-notice')).toContainText(`Imported “${name}”`);
  await expect(rows).toHaveCount(start + 3);
  await expect(row(page, name)).toHaveCount(2);
  const hrefs = await row(page, name).getByTestId('journey-open').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(new Set(hrefs).size).toBe(2);

  // A broken file: the error is shown and nothing is created.
  await page.getByTestId('journey-import-input').setInputFiles({ name: 'broken.journey.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "meridian.journey", "journey": ') });
  await expect(page.getByTestId('journeys-error')).toContainText(/not valid JSON/);
  await page.getByTestId('journey-import-input').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByTestId('journeys-error')).toContainText(/not a Meridian journey file/);
  await expect(rows).toHaveCount(start + 3);

  // Delete the copy, after confirming.
  await row(page, `${name} (copy)`).getByTestId('journey-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`${name} (copy)`);
  await page.getByTestId('confirm-ok').click();
  await expect(rows).toHaveCount(start + 2);
  await expect(row(page, `${name} (copy)`)).toHaveCount(0);

  // It stays deleted after a reload; the others are still there.
  await page.reload();
  await expect(page.getByTestId('journeys-page')).toBeVisible();
  await expect(rows).toHaveCount(start + 2);
  await expect(row(page, name)).toHaveCount(2);
});

test('journeys: a new blank journey opens the editor', async ({ page }) => {
  const start = await openJourneys(page);
  await page.getByTestId('journey-new').click();
  await expect(page).toHaveURL(/\/journeys\/j[0-9a-z]+$/);
  await page.getByTestId('nav-journeys').click();
  await expect(page.getByTestId('journey-row')).toHaveCount(start + 1);
  await expect(row(page, 'Untitled journey').first()).toBeVisible();
});
