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
  // The new journey opens on the canvas; back to the list, where it is listed.
  await expect(page.getByTestId('journey-editor')).toBeVisible();
  await expect(page.getByTestId('canvas-node').first()).toBeVisible();
  const name = (await page.getByTestId('journey-name').inputValue()).trim();
  expect(name.length).toBeGreaterThan(0);
  await page.getByRole('link', { name: /^Journeys$/ }).first().click();
  await expect(rows).toHaveCount(start + 1);
  const created = row(page, name);
  await expect(created).toHaveCount(1);
  await expect(created.getByTestId('journey-status')).toContainText(/Draft/);
  await expect(created.getByTestId('journey-node-count')).not.toHaveText('0'); // the template drew nodes
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

test('journeys: versions after publishing in the editor — compare with the draft, restore', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openJourneys(page);
  await page.getByTestId('journey-from-template').click();
  const dialog = page.getByTestId('journey-template-dialog');
  await dialog.locator('[data-template="birthday"]').click();
  for (const select of await dialog.locator('select[data-testid^="template-field-"]').all()) {
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (values.length) await select.selectOption(values[0]);
  }
  await dialog.getByTestId('template-create').click();
  // The new journey opens on the canvas: publish it there.
  await expect(page.getByTestId('publish')).toBeVisible({ timeout: 30_000 });
  const name = (await page.getByTestId('journey-name').inputValue()).trim();
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-note').fill('first one');
  await page.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('publish-ok')).toBeVisible();
  await page.getByTestId('publish-done').click();
  await page.getByTestId('nav-journeys').click();
  const published = row(page, name);
  await expect(published.getByTestId('journey-status')).toContainText(/Published.*v1.*draft = published/);
  const nodes = await published.getByTestId('journey-node-count').textContent();
  await published.getByTestId('journey-versions').click();
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  await expect(page.getByTestId('version-row')).toContainText('first one');
  await page.getByTestId('version-compare').click();
  await expect(page.getByTestId('version-diff-same')).toBeVisible();
  await page.getByTestId('versions-close').click();
  // Edit the draft on the canvas: rename the journey, relabel a node, delete another (with its connections).
  await published.getByTestId('journey-open').click();
  await expect(page.getByTestId('journey-editor')).toBeVisible();
  await page.getByTestId('journey-name').fill(`${name} v2`);
  await page.getByTestId('canvas-node').nth(1).click();
  await page.getByTestId('field-label').fill('Renamed');
  await page.getByTestId('canvas-node').nth(2).click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('save-state')).toHaveText(/Saved/, { timeout: 10_000 });
  await page.getByTestId('nav-journeys').click();
  await expect(row(page, `${name} v2`).getByTestId('journey-changed')).toBeVisible();
  await row(page, `${name} v2`).getByTestId('journey-versions').click();
  await page.getByTestId('version-compare').click();
  const diff = page.getByTestId('version-diff');
  await expect(diff).toContainText(`Name: ${name} → ${name} v2`);
  await expect(page.getByTestId('diff-removed')).toHaveCount(1);
  await expect(page.getByTestId('diff-changed')).toContainText(/Title: .* → Renamed/);
  await expect(page.getByTestId('diff-edges-removed')).toBeVisible();
  await page.screenshot({ path: info.outputPath('versions.png') });
  await page.getByTestId('version-restore').click();
  await page.getByTestId('version-restore-ok').click();
  await expect(page.getByTestId('versions-restored')).toBeVisible();
  // The name is not part of a restore: it stays the draft's, and is the only change left.
  await expect(page.getByTestId('version-diff')).toContainText(`${name} v2`);
  await expect(page.getByTestId('diff-removed')).toHaveCount(0);
  await expect(page.getByTestId('diff-changed')).toHaveCount(0);
  await page.getByTestId('versions-close').click();
  // The list fits 1024 px: no sideways scrolling for the row actions.
  const [scroll, client] = await page.locator('.k-table-wrap').evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
  await expect(row(page, `${name} v2`).getByTestId('journey-node-count')).toHaveText(nodes ?? '');
  await expect(row(page, `${name} v2`).getByTestId('journey-changed')).toBeVisible(); // the rename
  await page.screenshot({ path: info.outputPath('restored.png') });
});
