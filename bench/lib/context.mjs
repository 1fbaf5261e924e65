// What a benchmark gets to work with: the built app (built once, only when stale), a
// `vite preview` on a free port, one real Chromium, and the machine it all ran on.
// Everything is started lazily, so a Node-only benchmark never pays for a browser.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';
export { CHROMIUM_ARGS };

/** Newest modification time (ms) of any file under the given paths; missing paths count 0. */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) walk(join(p, e));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) walk(p);
  return newest;
}

/** dist/ is stale when any input the build reads is newer than dist/index.html. */
export function distIsStale(root) {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built) || !existsSync(join(root, 'dist', 'sw.js'))) return true;
  const inputs = ['src', 'workers', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];
  return newestMtime(inputs.map((p) => join(root, p))) > statSync(built).mtimeMs;
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForHttp(url, ms, isAlive) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive()) throw new Error(`vite preview exited before serving ${url}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${ms} ms`);
}

export function createContext({ root, log }) {
  const distDir = join(root, 'dist');
  const dataDir = resolve(root, '..', 'shared', 'data');
  let chromiumPath = null;
  let built = false;
  let previewing = null;
  let browserP = null;
  let previewProc = null;

  const ctx = {
    root,
    distDir,
    dataDir,
    log,
    chromiumPath() {
      if (!chromiumPath) {
        chromiumPath =
          process.env.CHROMIUM_PATH ||
          execFileSync('node', [join(root, 'scripts', 'ensure-chromium.mjs'), '--quiet'], { encoding: 'utf8' }).trim();
      }
      return chromiumPath;
    },
    /** Builds with `vite build` unless dist/ is newer than every input (BENCH_NO_BUILD=1 skips). */
    ensureBuild() {
      if (built) return;
      built = true;
      if (process.env.BENCH_NO_BUILD === '1' && existsSync(join(distDir, 'index.html'))) return;
      if (!distIsStale(root)) return log('dist/ is up to date');
      log('dist/ is missing or stale: npx vite build');
      execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    },
    /** Serves dist/ with `vite preview` on a free port; returns its base URL. */
    preview() {
      previewing ??= (async () => {
        ctx.ensureBuild();
        const port = await freePort();
        const vite = join(root, 'node_modules', '.bin', 'vite');
        previewProc = spawn(vite, ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
          cwd: root,
          stdio: ['ignore', 'ignore', 'pipe'],
          detached: true,
        });
        let exited = false;
        previewProc.on('exit', () => (exited = true));
        previewProc.stderr.on('data', (d) => log(`[preview] ${String(d).trim()}`));
        const base = `http://127.0.0.1:${port}`;
        await waitForHttp(base + '/', 30_000, () => !exited);
        log(`vite preview on ${base}`);
        return base;
      })();
      return previewing;
    },
    /** One Chromium shared by all browser benchmarks; give each its own context. */
    browser() {
      browserP ??= (async () => {
        const { chromium } = await import('@playwright/test');
        return chromium.launch({ executablePath: ctx.chromiumPath(), args: CHROMIUM_ARGS });
      })();
      return browserP;
    },
    /**
     * A Chromium with a real profile directory, removed by close(). A plain context is
     * incognito: IndexedDB there lives in memory under a small quota, which neither matches
     * what a user has nor holds a large workspace.
     */
    async diskContext(options = {}) {
      const { chromium } = await import('@playwright/test');
      const { mkdtempSync, rmSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const profile = mkdtempSync(join(tmpdir(), 'meridian-bench-'));
      const context = await chromium.launchPersistentContext(profile, { executablePath: ctx.chromiumPath(), args: CHROMIUM_ARGS, ...options });
      const page = context.pages()[0] ?? (await context.newPage());
      return {
        context,
        page,
        profile,
        async close() {
          // A browser already gone (crashed, or closed by the runner) leaves only the profile to remove.
          await context.close().catch(() => undefined);
          rmSync(profile, { recursive: true, force: true });
        },
      };
    },
    async chromiumVersion() {
      if (browserP) return (await browserP).version();
      try {
        const out = execFileSync(ctx.chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        return out.match(/\d+\.\d+\.\d+\.\d+/)?.[0] ?? out.trim();
      } catch {
        return null;
      }
    },
    async machine() {
      const c = cpus();
      return {
        cpus: c.length,
        model: c[0]?.model?.trim() ?? 'unknown',
        memGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        chromium: await ctx.chromiumVersion(),
        platform: `${process.platform}-${process.arch}`,
        // Other work on the machine skews timings: the 1-minute load average says how much.
        load1: Math.round(loadavg()[0] * 100) / 100,
      };
    },
    async close() {
      if (browserP) await (await browserP).close().catch(() => undefined);
      if (previewProc && previewProc.exitCode === null) {
        try {
          process.kill(-previewProc.pid, 'SIGTERM'); // the whole group: vite may have children
        } catch {
          previewProc.kill('SIGTERM');
        }
      }
    },
  };
  return ctx;
}
