import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWithWorkspace } from './helpers';

/**
 * The journey canvas, driven as a marketer (mouse) and a trainer on a tablet (real touch events
 * through CDP) would: drag an SMS node from the palette, connect it, configure it, undo, redo, fix
 * every issue and publish.
 */

const AUDIENCE = 'Canvas e2e audience';
test.use({ screenshot: 'only-on-failure' });

async function saveAudience(page: Page): Promise<void> {
  await page.getByTestId('nav-audiences').click();
  await expect(page.getByTestId('audiences-page')).toBeVisible();
  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill(AUDIENCE);
  await page.getByTestId('audience-save').click();
  await expect(page.getByTestId('audiences-page')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(AUDIENCE)).toBeVisible();
}

/** A new blank journey made on the list page; returns once the editor shows its nodes. */
async function newJourney(page: Page): Promise<void> {
  await page.getByTestId('nav-journeys').click();
  await expect(page.getByTestId('journeys-page')).toBeVisible();
  await page.getByTestId('journey-new').click();
  await expect(page.getByTestId('journey-editor')).toBeVisible();
  await expect(page.getByTestId('canvas-node')).toHaveCount(2);
}

const node = (page: Page, type: string): Locator => page.locator(`.react-flow__node:has([data-node-type="${type}"])`);
const centre = async (l: Locator) => {
  const b = (await l.boundingBox())!;
  expect(b).not.toBeNull();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Canvas points for a drop: right of the existing nodes, in the visible pane. */
async function dropPoint(page: Page) {
  const pane = (await page.getByTestId('canvas').boundingBox())!;
  return { x: pane.x + pane.width * 0.35, y: pane.y + pane.height * 0.8 };
}

async function expectContent(page: Page, value: string) {
  await expect(page.getByTestId('field-f-content')).toHaveValue(value);
}

test('mouse: drag, connect, configure, undo, redo, fix and publish', async ({ page }) => {
  test.setTimeout(180_000);
  await openWithWorkspace(page);
  await saveAudience(page);
  await newJourney(page);
  await page.screenshot({ path: '/tmp/shots/canvas-mouse-open.png' });

  // Drag an SMS node from the palette onto the canvas: a ghost follows, the drop adds the node.
  const item = page.getByTestId('palette-action.sms');
  await item.scrollIntoViewIfNeeded();
  const from = await centre(item);
  const to = await dropPoint(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 5, { steps: 3 });
  await expect(page.getByTestId('palette-ghost')).toBeVisible();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByTestId('palette-ghost')).toHaveCount(0);
  await expect(page.getByTestId('canvas-node')).toHaveCount(3);
  const sms = node(page, 'action.sms');
  await expect(sms).toHaveClass(/selected/);
  // It landed where it was dropped (the node's box contains the drop point).
  const box = (await sms.boundingBox())!;
  expect(to.x).toBeGreaterThan(box.x);
  expect(to.x).toBeLessThan(box.x + box.width);
  await expect(page.getByTestId('node-form')).toBeVisible();
  await expect(page.getByTestId('issue').filter({ hasText: 'Content is required' })).toHaveCount(1);
  // The inspector opened beside the canvas: zoom to fit brings every node into view.
  await page.getByTestId('tool-fitView').click();
  await page.waitForTimeout(400);

  // Connect entry → SMS (replaces entry → exit) and SMS → exit by dragging between handles.
  await mouseDrag(page, await centre(node(page, 'entry.audience').getByTestId('handle-out-next')), await centre(sms.getByTestId('handle-in')));
  // The entry's one output now leads to the SMS, so nothing reaches the exit any more.
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(node(page, 'flow.exit').getByTestId('node-errors')).toHaveCount(1);
  await mouseDrag(page, await centre(sms.getByTestId('handle-out-next')), await centre(node(page, 'flow.exit').getByTestId('handle-in')));
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(node(page, 'flow.exit').getByTestId('node-errors')).toHaveCount(0);
  // The issues list (toolbar) still names the SMS's missing content; clicking it selects the node.
  await page.getByTestId('issues-toggle').click();
  await expect(page.getByTestId('issues-panel').getByTestId('issue')).toHaveCount(2);
  await page.getByTestId('issues-panel').getByTestId('issue').filter({ hasText: 'Content is required' }).click();
  await expect(sms).toHaveClass(/selected/);

  // Configure its content in the inspector; the preview fills the variable with a sample member.
  await sms.click();
  await page.getByTestId('field-f-content').fill('Hi {{name}}, your coupon is ready');
  await expect(page.getByTestId('preview-f-content')).toHaveText('Hi Li Na, your coupon is ready');
  await page.screenshot({ path: '/tmp/shots/canvas-mouse-configured.png' });

  // Undo (the content reverts), redo (it comes back): toolbar and keyboard.
  await page.getByTestId('tool-undo').click();
  await expectContent(page, '');
  await page.getByTestId('tool-redo').click();
  await expectContent(page, 'Hi {{name}}, your coupon is ready');
  await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+z');
  await sms.click();
  await expectContent(page, '');
  await page.keyboard.press('Control+Shift+z');
  await expectContent(page, 'Hi {{name}}, your coupon is ready');

  // Fix the last issue: the entry needs an audience. Publish is blocked until then.
  await expect(page.getByTestId('publish')).toBeDisabled();
  await node(page, 'entry.audience').click();
  const audienceSelect = page.getByTestId('field-f-audienceId');
  await audienceSelect.selectOption({ label: AUDIENCE });
  await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
  await expect(page.getByTestId('issues-list')).toHaveCount(0);
  await expect(page.getByTestId('publish')).toBeEnabled();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-note').fill('first version');
  await page.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('publish-ok')).toContainText('revision 1');
  await page.getByTestId('publish-done').click();
  await expect(page.getByTestId('journey-status')).toContainText('Published');
  await page.screenshot({ path: '/tmp/shots/canvas-mouse-published.png' });

  // Presentation (P): read-only, no palette or inspector; Esc leaves it.
  await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('p');
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(node(page, 'action.sms')).not.toHaveClass(/draggable/);
  await page.screenshot({ path: '/tmp/shots/canvas-mouse-present.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('palette')).toBeVisible();
  await expect(page.getByTestId('save-state')).toBeVisible();

  // What was published is what is stored: reload and see the journey as left.
  await page.reload();
  await expect(page.getByTestId('canvas-node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('journey-status')).toContainText('Published');

  // Editing the published journey's draft says it has unpublished changes; undoing the edit clears it.
  await expect(page.getByTestId('draft-changed')).toHaveCount(0);
  await node(page, 'action.sms').click();
  await page.getByTestId('field-label').fill('Coupon SMS');
  await expect(page.getByTestId('draft-changed')).toBeVisible();
  await page.getByTestId('tool-undo').click();
  await expect(page.getByTestId('field-label')).toHaveValue('');
  await expect(page.getByTestId('draft-changed')).toHaveCount(0);

  // Copy the SMS here and paste it into another journey (system clipboard, or the tab's copy).
  await node(page, 'action.sms').click();
  await page.keyboard.press('Control+c');
  await page.getByRole('link', { name: 'Back to the journeys' }).click();
  await page.getByTestId('journey-new').click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(2);
  await page.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('canvas-node')).toHaveCount(3);
  await expect(node(page, 'action.sms')).toContainText('Hi {{name}}, your coupon');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('canvas-node')).toHaveCount(2);
});

async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, opts: { horizontalFirst?: boolean } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y) }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from.x, from.y) });
  const steps = 14;
  const mid = opts.horizontalFirst ? { x: from.x + 40, y: from.y } : from;
  if (opts.horizontalFirst)
    for (let i = 1; i <= 4; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(from.x + i * 10, from.y) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(mid.x + ((to.x - mid.x) * i) / steps, mid.y + ((to.y - mid.y) * i) / steps) });
    await page.waitForTimeout(16);
  }
  // A finger comes to rest before it lifts: without this the drag ends as a fling, and the
  // browser spends the next tap on stopping the fling instead of clicking.
  for (let i = 0; i < 3; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(to.x, to.y) });
    await page.waitForTimeout(40);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The canvas viewport's zoom and offset, read from its transform. */
async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(t);
  expect(m, t).not.toBeNull();
  return { x: Number(m![1]), y: Number(m![2]), zoom: Number(m![3]) };
}

/** Two fingers on the empty pane moving apart (spread > 0) or together, through CDP touch events. */
async function pinch(page: Page, at: { x: number; y: number }, from: number, to: number) {
  const cdp = await page.context().newCDPSession(page);
  const points = (d: number) => [{ x: Math.round(at.x - d), y: Math.round(at.y), id: 0 }, { x: Math.round(at.x + d), y: Math.round(at.y), id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let i = 1; i <= 12; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / 12) });
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test.describe('touch', () => {
  test.use({ hasTouch: true, isMobile: false, viewport: { width: 1024, height: 768 } });

  test('touch: drag from the palette, connect by touch, configure, undo, redo, publish', async ({ page }) => {
    test.setTimeout(180_000);
    await openWithWorkspace(page);
    await saveAudience(page);
    await newJourney(page);

    // A real touch drag from the palette onto the canvas.
    await page.getByTestId('palette-action.sms').scrollIntoViewIfNeeded();
    const from = await centre(page.getByTestId('palette-action.sms'));
    const to = await dropPoint(page);
    await touchDrag(page, from, to, { horizontalFirst: true });
    await expect(page.getByTestId('canvas-node')).toHaveCount(3);
    const sms = node(page, 'action.sms');
    await page.getByTestId('tool-fitView').tap();
    await page.waitForTimeout(400);
    await page.screenshot({ path: '/tmp/shots/canvas-touch-dropped.png' });

    // Connect by touch between handles (the handles have a finger-sized hit area).
    await touchDrag(page, await centre(node(page, 'entry.audience').getByTestId('handle-out-next')), await centre(sms.getByTestId('handle-in')));
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);
    await expect(node(page, 'flow.exit').getByTestId('node-errors')).toHaveCount(1);
    await touchDrag(page, await centre(sms.getByTestId('handle-out-next')), await centre(node(page, 'flow.exit').getByTestId('handle-in')));
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
    await expect(node(page, 'flow.exit').getByTestId('node-errors')).toHaveCount(0);

    // Pinch to zoom in and out on the empty pane; a one-finger drag on the pane pans.
    const pane = (await page.getByTestId('canvas').boundingBox())!;
    const empty = { x: pane.x + pane.width * 0.5, y: pane.y + pane.height * 0.12 };
    const before = await viewport(page);
    await pinch(page, empty, 40, 160);
    const zoomedIn = await viewport(page);
    expect(zoomedIn.zoom).toBeGreaterThan(before.zoom * 1.3);
    await pinch(page, empty, 160, 40);
    expect((await viewport(page)).zoom).toBeLessThan(zoomedIn.zoom * 0.8);
    const beforePan = await viewport(page);
    await touchDrag(page, empty, { x: empty.x - 120, y: empty.y + 60 });
    const panned = await viewport(page);
    expect(panned.x).toBeLessThan(beforePan.x - 60);
    await page.getByTestId('tool-fitView').tap();
    await page.waitForTimeout(400);

    // Configure, undo, redo with taps.
    await sms.tap();
    await page.getByTestId('field-f-content').fill('Hello {{name}}');
    await expect(page.getByTestId('preview-f-content')).toHaveText('Hello Li Na');
    await page.getByTestId('tool-undo').tap();
    await expectContent(page, '');
    await page.getByTestId('tool-redo').tap();
    await expectContent(page, 'Hello {{name}}');

    // Long-press a node opens its menu.
    const exitBox = await centre(node(page, 'flow.exit'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: Math.round(exitBox.x), y: Math.round(exitBox.y) }] });
    await page.waitForTimeout(700);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    await expect(page.getByTestId('node-menu')).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/canvas-touch-menu.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('node-menu')).toHaveCount(0);

    await node(page, 'entry.audience').tap();
    await page.getByTestId('field-f-audienceId').selectOption({ label: AUDIENCE });
    await expect(page.getByTestId('publish')).toBeEnabled();
    await page.getByTestId('publish').tap();
    await page.getByTestId('publish-confirm').tap();
    await expect(page.getByTestId('publish-ok')).toBeVisible();
    await page.getByTestId('publish-done').tap();
    await expect(page.getByTestId('journey-status')).toContainText('Published');
    await page.screenshot({ path: '/tmp/shots/canvas-touch-published.png' });
  });
});
