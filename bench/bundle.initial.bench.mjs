// How much JavaScript (gzip) the first page costs, measured in Chromium against the built
// app: every script the page itself requests from navigation until the network is idle
// (at least SETTLE_MS after load). Worker scripts are counted apart: they load off the
// main thread and don't delay first render. The service worker is blocked so its
// precaching of every asset doesn't pass for page loads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipBytes, kb, listJs } from './lib/gzip.mjs';

const GOAL_KB = 250;
const SETTLE_MS = 3000;

export const name = 'bundle.initial';
export const description = `gzip KB of the JS the first page loads (goal ≤ ${GOAL_KB})`;

export async function run(ctx) {
  const base = await ctx.preview();
  const browser = await ctx.browser();
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  // A CDP session on the page sees only the page's own requests, not those of its workers.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const pageScripts = new Set();
  const allScripts = new Set();
  const workerEntries = new Set();
  let collecting = true;
  const isJs = (url) => /\.m?js(\?|$)/.test(new URL(url).pathname);
  cdp.on('Network.requestWillBeSent', (e) => {
    if (collecting && isJs(e.request.url)) pageScripts.add(e.request.url);
  });
  page.on('request', (r) => {
    if (collecting && isJs(r.url())) allScripts.add(r.url());
  });
  page.on('worker', (w) => workerEntries.add(w.url()));

  const t0 = Date.now();
  await page.goto(base + '/', { waitUntil: 'load' });
  const loadMs = Date.now() - t0;
  // First render: the root has content (the shell, or the first-run demo progress screen).
  const rendered = await page
    .locator('#root > *')
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  const firstRenderMs = Date.now() - t0;
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  const settle = SETTLE_MS - (Date.now() - t0 - loadMs);
  if (settle > 0) await page.waitForTimeout(settle);
  collecting = false;
  await context.close();

  const toFile = (url) => decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
  const sizeOf = (rel) => {
    const p = join(ctx.distDir, rel);
    return existsSync(p) ? gzipBytes(p) : 0;
  };
  const pageFiles = [...pageScripts].filter((u) => !workerEntries.has(u)).map(toFile);
  const workerFiles = [...allScripts].filter((u) => !pageFiles.includes(toFile(u))).map(toFile);
  const measure = (list) => list.map((f) => ({ file: f, bytes: sizeOf(f) })).sort((a, b) => b.bytes - a.bytes);
  const pageSized = measure(pageFiles);
  const workerSized = measure(workerFiles);
  const files = pageSized.map(({ file, bytes }) => ({ file, gzipKB: kb(bytes) }));
  const workers = workerSized.map(({ file, bytes }) => ({ file, gzipKB: kb(bytes) }));
  const missing = [...pageFiles, ...workerFiles].filter((f) => !existsSync(join(ctx.distDir, f)));

  const distJs = listJs(ctx.distDir);
  const isSw = (f) => f === 'sw.js' || /^workbox-[\w-]+\.js$/.test(f);
  const sumKB = (list) => kb(list.reduce((s, x) => s + x.bytes, 0));
  const gzipKB = sumKB(pageSized);
  return {
    ms: firstRenderMs,
    gzipKB,
    goalKB: GOAL_KB,
    withinGoal: gzipKB <= GOAL_KB,
    files,
    workerGzipKB: sumKB(workerSized),
    workerFiles: workers,
    distJsGzipKB: kb(distJs.filter((f) => !isSw(f)).reduce((s, f) => s + gzipBytes(join(ctx.distDir, f)), 0)),
    distJsFiles: distJs.filter((f) => !isSw(f)).length,
    serviceWorkerGzipKB: kb(distJs.filter(isSw).reduce((s, f) => s + gzipBytes(join(ctx.distDir, f)), 0)),
    loadMs,
    firstRenderMs,
    rendered,
    ...(missing.length ? { notInDist: missing } : {}),
  };
}
