import { expect, test, type Page } from '@playwright/test';
import { numberIn, openWithWorkspace } from './helpers';

const STAGES = ['introduction', 'growth', 'maturity', 'dormant', 'churned'] as const;

/** Stage counts once the live count has settled (the total is shown, not "counting…"). */
async function stageCounts(page: Page): Promise<Record<string, number>> {
  await expect(page.getByTestId('lifecycle-total')).toHaveText(/\d/, { timeout: 60_000 });
  await expect(page.locator('.lc-stage-count.stale')).toHaveCount(0, { timeout: 60_000 });
  const out: Record<string, number> = {};
  for (const s of [...STAGES, 'none']) out[s] = numberIn(await page.getByTestId(`stage-count-${s}`).textContent());
  return out;
}

test('choose the food preset, see counts, change a threshold, see counts and flows change, save', async ({ page }) => {
  await openWithWorkspace(page);
  const members = numberIn(await page.getByTestId('count-members').textContent());
  await page.getByTestId('nav-audiences').click();
  await page.getByTestId('tab-lifecycle').click();
  await expect(page.getByTestId('lifecycle-page')).toBeVisible();

  await page.getByTestId('lifecycle-preset').selectOption('food');
  await expect(page.getByTestId('stage-rule-dormant')).toHaveText('days_since_last_order >= 90');
  await expect(page.getByTestId('stage-rule-churned')).toHaveText('days_since_last_order >= 180');
  const food = await stageCounts(page);
  expect(Object.values(food).reduce((s, n) => s + n, 0)).toBe(members);
  expect(food.dormant).toBeGreaterThan(0);

  // The flows between 90 days ago and as-of conserve members.
  await expect(page.getByTestId('flow-matrix')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('flow-sankey').locator('canvas')).toHaveCount(1);
  const colSum = async (stage: string) => {
    let n = 0;
    for (const from of [...STAGES, 'none']) n += numberIn(await page.getByTestId(`flow-${from}-${stage}`).textContent());
    return n;
  };
  expect(await colSum('dormant')).toBe(food.dormant);

  // Active within 30 days: more members are dormant, the rules follow the threshold.
  await page.getByTestId('lifecycle-active-days').fill('30');
  await expect(page.getByTestId('stage-rule-dormant')).toHaveText('days_since_last_order >= 30');
  await expect(page.getByTestId('lifecycle-unsaved')).toBeVisible();
  await expect.poll(async () => (await stageCounts(page)).dormant, { timeout: 30_000 }).toBeGreaterThan(food.dormant);
  const tighter = await stageCounts(page);
  expect(Object.values(tighter).reduce((s, n) => s + n, 0)).toBe(members);
  await expect.poll(() => colSum('dormant'), { timeout: 30_000 }).toBe(tighter.dormant);

  // An invalid rule is refused before saving.
  await page.getByTestId('stage-edit-growth').click();
  await page.getByTestId('rule-mode-text').click();
  await page.getByTestId('rule-text').fill('stage = growth');
  await expect(page.getByTestId('stage-row-growth')).toContainText('cannot ask for a lifecycle stage', { timeout: 10_000 });
  await expect(page.getByTestId('lifecycle-save')).toBeDisabled();
  await page.getByTestId('rule-text').fill('true');
  await expect(page.getByTestId('lifecycle-save')).toBeEnabled();
  await page.getByTestId('stage-edit-growth').click();

  await page.screenshot({ path: 'test-results/lifecycle-1024.png', fullPage: false });
  await page.getByTestId('lifecycle-save').click();
  await expect(page.getByTestId('lifecycle-saved')).toBeVisible();

  // The saved rules are what `stage = dormant` means in an audience.
  await page.getByTestId('tab-audiences').click();
  await page.getByTestId('audience-new').click();
  await page.getByTestId('rule-mode-text').click();
  await page.getByTestId('rule-text').fill('stage = dormant');
  const count = page.getByTestId('audience-count');
  await expect(page.getByTestId('rule-checking')).toHaveCount(0);
  await expect.poll(async () => ((await count.getAttribute('data-state')) === 'done' ? numberIn(await count.textContent()) : -1), { timeout: 60_000 }).toBe(tighter.dormant);

  // RFM grid and trend are there.
  await page.goto('/audiences/lifecycle');
  await expect(page.getByTestId('rfm-grid')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('rfm-scored')).toContainText(/\d/);
  await expect(page.getByTestId('trend-chart').locator('canvas')).toHaveCount(1, { timeout: 60_000 });
  const scored = await page.getByTestId('rfm-scored').textContent();
  expect(numberIn(await page.getByTestId('rfm-cell-5-3').textContent())).toBeGreaterThan(0);
  // Two frequency scores (one order / more): the F3..F5 columns empty, the same members scored.
  await page.getByTestId('rfm-thresholds-frequency').fill('1');
  await expect(page.getByTestId('rfm-cell-5-3')).toHaveText('·');
  await expect(page.getByTestId('rfm-scored')).toHaveText(scored ?? '');
  await page.getByTestId('rfm-grid').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/lifecycle-rfm-1024.png', fullPage: false });

  // In Chinese.
  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('tab-lifecycle')).toHaveText('生命周期');
  await expect(page.getByTestId('stage-row-dormant')).toContainText('休眠期');
});
