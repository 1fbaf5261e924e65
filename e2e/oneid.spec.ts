import { expect, test } from '@playwright/test';
import { generateDemo } from '../src/core/demo';
import { rowsOfProfile } from '../src/core/oneid';
import { numberIn, openWithWorkspace } from './helpers';

// The first-run demo (src/app/workspaceActions.ts FIRST_RUN_DEMO), regenerated here to know a
// member with several source profiles and what splitting one of them must take out.
const demo = generateDemo({ template: 'mother_baby', members: 10_000, seed: 20261123 }).range(0, 200);

function pickMember() {
  for (const m of demo.members) {
    const rows = {
      identities: demo.identities.filter((i) => i.memberId === m.id),
      orders: demo.orders.filter((o) => o.memberId === m.id),
      touches: demo.touches.filter((x) => x.memberId === m.id),
      coupons: demo.coupons.filter((c) => c.memberId === m.id),
      subprofiles: [],
    };
    const profiles = [...new Set(rows.identities.map((i) => i.profileId))];
    if (profiles.length < 4) continue;
    // a profile (not the reference, drawn first) whose split takes orders with it
    for (const p of profiles.slice(1)) {
      const moved = rowsOfProfile(rows, p);
      if (moved.orders.length > 0 && moved.orders.length < rows.orders.length) return { member: m, rows, profiles, profile: p, moved };
    }
  }
  throw new Error('no demo member with 4+ profiles and a splittable one among the first 200');
}

test('the member page shows the identity graph and why; a profile is split out and the split undone', async ({ page }) => {
  const pick = pickMember();
  await openWithWorkspace(page);
  await page.goto(`/data/members/${pick.member.id}`);
  const graph = page.getByTestId('identity-graph');
  await expect(graph).toBeVisible();
  await expect(page.getByTestId('member-identity')).toHaveCount(pick.rows.identities.length);
  await expect(graph.getByTestId('identity-profile')).toHaveCount(pick.profiles.length);
  await expect(graph.getByTestId('identity-edge').first()).toBeVisible();
  // Why: the chain of evidence from the reference profile to the one picked.
  await graph.locator(`[data-profile="${pick.profile}"]`).click();
  await expect(graph.getByTestId('identity-why-step').first()).toBeVisible();
  await expect(graph.getByTestId('identity-why')).toContainText(pick.profile);
  await graph.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/oneid-graph.png' });

  const orders = numberIn(await page.getByTestId('member-order-count').textContent());
  await graph.getByTestId('identity-split').click();
  const dialog = page.getByTestId('identity-split-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-ok').click();
  await expect(dialog.getByRole('alert')).toBeVisible(); // a note is required
  await dialog.getByTestId('identity-split-note').fill('e2e: shared family account');
  await page.screenshot({ path: 'test-results/oneid-split-dialog.png' });
  await dialog.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('identity-split-done')).toBeVisible();
  await expect(graph.getByTestId('identity-profile')).toHaveCount(pick.profiles.length - 1);
  const sales = (os: typeof pick.moved.orders) => os.filter((o) => o.kind === 'sale').length;
  await expect(page.getByTestId('member-order-count')).toHaveText(String(orders - sales(pick.moved.orders)));
  await expect(page.getByTestId('identity-history-entry').first()).toHaveAttribute('data-action', 'split');

  // The new member: the profile alone, its identities and orders, the split in its history.
  await page.getByTestId('identity-split-open').click();
  await expect(page.getByTestId('member-id')).toHaveText(`${pick.member.id}~1`);
  await expect(page.getByTestId('member-identity')).toHaveCount(pick.moved.identities.length);
  await expect(page.getByTestId('member-order-count')).toHaveText(String(sales(pick.moved.orders)));
  await expect(page.getByTestId('identity-profile')).toHaveCount(1);
  await page.getByTestId('identity-graph').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/oneid-new-member.png' });

  // Undo from the new member's history: back to the original member, whole again.
  await page.getByTestId('identity-undo').click();
  await page.getByTestId('identity-undo-dialog').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('member-id')).toHaveText(pick.member.id);
  await expect(page.getByTestId('identity-profile')).toHaveCount(pick.profiles.length);
  await expect(page.getByTestId('member-order-count')).toHaveText(String(orders));
  await expect(page.locator('[data-testid="identity-history-entry"][data-action="undo-split"]')).toHaveCount(1);
  await page.goto(`/data/members/${pick.member.id}~1`);
  await expect(page.getByTestId('member-not-found')).toBeVisible();
});

test('Settings › OneID: trust per kind is saved and shown', async ({ page }) => {
  await openWithWorkspace(page);
  await page.goto('/settings');
  const section = page.getByTestId('settings-oneid');
  await expect(section).toBeVisible();
  await expect(section.getByTestId('oneid-trust-email-hint')).toHaveAttribute('aria-checked', 'true');
  await section.getByTestId('oneid-trust-email-merge').click();
  await expect(section.getByTestId('oneid-trust-saved')).toBeVisible();
  await expect(section.getByTestId('oneid-trust-email-merge')).toHaveAttribute('aria-checked', 'true');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/oneid-settings.png' });
  await page.reload();
  await expect(page.getByTestId('settings-oneid').getByTestId('oneid-trust-email-merge')).toHaveAttribute('aria-checked', 'true');
});
