// Imports 10 million generated order lines (bench/lib/ordersCsv.mjs, cached in bench/.cache)
// the way a person does: /data/import in Chromium on a disk-backed profile, choose the .csv.gz,
// "into a new workspace", press Import, wait for the counts. Timed from the click to the
// counts showing ("committed"). Meanwhile the RSS of every Chromium process of this browser is
// sampled from /proc twice a second; the goal is on the renderer processes (the page and its
// workers are threads of the page's renderer), the browser process (where IndexedDB writes)
// is reported beside it. Afterwards the new workspace is counted straight from IndexedDB
// (members: a native count; orders: entries of the orderKeys index / 2) and compared with
// what the generator wrote.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { cachedOrdersCsv } from './lib/ordersCsv.mjs';
import { CHROMIUM_ARGS } from './lib/context.mjs';

const GOAL_MS = 60_000;
const GOAL_PEAK_MB = 1536;
const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 10_000_000);
const RESULT_TIMEOUT_MS = Number(process.env.BENCH_IMPORT_TIMEOUT_MS ?? 40 * 60_000);
const APP_READY_MS = 180_000;

export const name = 'import.orders-10m';
export const description = `import ${LINES.toLocaleString('en')} generated order lines through the UI into a new workspace (goal < ${GOAL_MS / 1000} s, renderer peak RSS < ${GOAL_PEAK_MB} MB)`;

const mb = (kb) => Math.round(kb / 1024);

/** pid → {ppid, rssKB, type} for every process, from /proc. */
function processes() {
  const out = new Map();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const status = readFileSync(`/proc/${e}/status`, 'utf8');
      // Zygote-forked children rewrite their argv into one space-separated string.
      const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').split(/[\0 ]/);
      const ppid = Number(status.match(/^PPid:\s+(\d+)/m)?.[1]);
      const rssKB = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
      out.set(Number(e), { ppid, rssKB, cmd, type: cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser' });
    } catch {
      /* the process ended while we looked */
    }
  }
  return out;
}

/** The browser started with our tag, and all its descendants. */
function browserTree(tag) {
  const all = processes();
  const root = [...all.entries()].find(([, p]) => p.type === 'browser' && p.cmd.includes(tag))?.[0];
  if (root === undefined) return null;
  const tree = new Map([[root, all.get(root)]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of all) {
      if (tree.has(pid) || !tree.has(p.ppid)) continue;
      tree.set(pid, p);
      grew = true;
    }
  }
  return tree;
}

function memorySampler(tag) {
  const peak = { rendererMB: 0, largestRendererMB: 0, browserMB: 0, allMB: 0, byType: {} };
  const timeline = [];
  const t0 = Date.now();
  const sample = () => {
    const tree = browserTree(tag);
    if (!tree) return;
    let renderer = 0;
    let largest = 0;
    let browser = 0;
    let all = 0;
    const byType = {};
    for (const p of tree.values()) {
      all += p.rssKB;
      byType[p.type] = (byType[p.type] ?? 0) + p.rssKB;
      if (p.type === 'renderer') {
        renderer += p.rssKB;
        largest = Math.max(largest, p.rssKB);
      }
      if (p.type === 'browser') browser += p.rssKB;
    }
    peak.rendererMB = Math.max(peak.rendererMB, mb(renderer));
    peak.largestRendererMB = Math.max(peak.largestRendererMB, mb(largest));
    peak.browserMB = Math.max(peak.browserMB, mb(browser));
    peak.allMB = Math.max(peak.allMB, mb(all));
    for (const [t, kb] of Object.entries(byType)) peak.byType[t] = Math.max(peak.byType[t] ?? 0, mb(kb));
    timeline.push([Math.round((Date.now() - t0) / 1000), mb(renderer), mb(browser)]);
  };
  const timer = setInterval(sample, 500);
  return {
    peak,
    sample,
    /** Forget the peaks so far (the first-run demo the app generates is not the import's). */
    reset() {
      for (const k of Object.keys(peak)) peak[k] = k === 'byType' ? {} : 0;
    },
    stop() {
      clearInterval(timer);
      sample();
      // Every 10th sample is enough to see the shape.
      return timeline.filter((_, i) => i % 10 === 0);
    },
  };
}

/** Runs in the page: the active workspace counted from IndexedDB itself, not from the app's stats row. */
async function countWorkspace() {
  const open = (n) => new Promise((res, rej) => {
    const r = indexedDB.open(n);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const req = (r) => new Promise((res, rej) => {
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const cat = await open('meridian');
  const active = (await req(cat.transaction('settings').objectStore('settings').get('activeWorkspace')))?.value;
  cat.close();
  const db = await open(`meridian-ws-${active}`);
  const tx = db.transaction(['members', 'ledgers', 'stats'], 'readonly');
  const members = await req(tx.objectStore('members').count());
  const orderKeys = await req(tx.objectStore('ledgers').index('orderKeys').count());
  const stats = (await req(tx.objectStore('stats').get('counts')))?.counts ?? null;
  db.close();
  return { workspaceId: active, members, orders: orderKeys / 2, stats };
}

const toInt = (text) => {
  const digits = (text ?? '').replace(/[^\d]/g, '');
  return digits ? Number(digits) : null;
};

export async function run(ctx) {
  const { file, facts, generatedMs } = await cachedOrdersCsv(ctx.root, LINES, ctx.log);
  const base = await ctx.preview();
  const tag = `--meridian-bench=${randomUUID()}`;
  const disk = await ctx.diskContext({ viewport: { width: 1024, height: 768 }, args: [...CHROMIUM_ARGS, tag] });
  const { page } = disk;
  const pageErrors = [];
  let crashed = false;
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('crash', () => (crashed = true));
  const memory = memorySampler(tag);
  try {
    await page.goto(base + '/data/import', { waitUntil: 'load' });
    const input = page.locator('input[type=file]').first();
    await input.waitFor({ state: 'attached', timeout: APP_READY_MS });
    await input.setInputFiles(file);
    await page.getByTestId('import-target-new').check({ timeout: 60_000 });
    const start = page.getByTestId('import-start');
    await start.waitFor({ state: 'visible', timeout: 60_000 });
    memory.reset();
    memory.sample();
    const idleMB = JSON.parse(JSON.stringify(memory.peak));

    const orders = page.getByTestId('import-count-orders');
    const review = page.getByTestId('import-review');
    const failure = page.getByTestId('import-error');
    const phases = [];
    const saving = [];
    const t0 = Date.now();
    await start.click();
    let outcome = null;
    while (!outcome) {
      await new Promise((r) => setTimeout(r, 1000));
      if (crashed) outcome = 'crashed';
      else if (Date.now() - t0 > RESULT_TIMEOUT_MS) outcome = 'timeout';
      else {
        const state = await page.evaluate(() => ({
          phase: document.querySelector('[data-testid="import-phase"]')?.textContent ?? null,
          saved: document.querySelector('[data-testid="import-saved"]')?.textContent ?? null,
          done: !!document.querySelector('[data-testid="import-count-orders"],[data-testid="import-review"],[data-testid="import-error"]'),
        })).catch(() => ({ phase: null, done: false }));
        if (state.phase && phases.at(-1)?.phase !== state.phase) phases.push({ phase: state.phase, atS: Math.round((Date.now() - t0) / 1000) });
        // How far saving got, once a minute: the rate, and where a timeout stopped.
        if (state.saved && (!saving.length || Date.now() - t0 - saving.at(-1).atS * 1000 >= 60_000)) saving.push({ atS: Math.round((Date.now() - t0) / 1000), saved: state.saved });
        if (state.done) outcome = 'shown';
      }
    }
    const ms = Date.now() - t0;
    const timeline = memory.stop();
    const common = { lines: facts.lines, fileMB: Math.round(statSync(file).size / 2 ** 20), generatedMs, phases, saving, peakMB: memory.peak, idleMB, memoryTimeline: timeline };
    if (outcome !== 'shown') return { error: `import ${outcome} after ${Math.round(ms / 1000)} s`, ms, ...common, pageErrors: pageErrors.slice(0, 5) };
    if (await failure.isVisible()) throw new Error(`import failed in the UI: ${(await failure.innerText()).slice(0, 300)}`);
    if (await review.isVisible()) throw new Error('the generated file has no bad rows, yet the page asks for a review');
    await orders.waitFor();
    const shown = {
      orders: toInt(await orders.innerText()),
      members: toInt(await page.getByTestId('import-count-members').innerText()),
      refunds: toInt(await page.getByTestId('import-count-refunds').innerText()),
      guests: toInt(await page.getByTestId('import-count-guests').innerText()),
    };
    const stored = await page.evaluate(countWorkspace);
    const want = { orders: facts.orders, members: facts.members, refunds: facts.refunds, guestOrders: facts.guestOrders };
    const got = { orders: stored.orders, members: stored.members, refunds: stored.stats?.refunds, guestOrders: stored.stats?.guestOrders };
    const countsMatch = Object.keys(want).every((k) => want[k] === got[k]) && shown.orders === want.orders && shown.members === want.members;
    return {
      ms,
      goalMs: GOAL_MS,
      withinGoal: ms < GOAL_MS,
      rowsPerSec: Math.round(facts.lines / (ms / 1000)),
      peakRendererMB: memory.peak.rendererMB,
      goalPeakMB: GOAL_PEAK_MB,
      withinMemoryGoal: memory.peak.rendererMB < GOAL_PEAK_MB,
      memorySource: '/proc/<pid>/status VmRSS of this Chromium\'s processes, every 500 ms; renderer = sum over renderer processes (page + its workers)',
      countsMatch,
      expected: want,
      stored: got,
      shown,
      ...common,
      ...(pageErrors.length ? { pageErrors: pageErrors.slice(0, 5) } : {}),
    };
  } finally {
    memory.stop();
    await disk.close();
  }
}
