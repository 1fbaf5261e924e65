#!/usr/bin/env node
// Finds a Chromium for Playwright: $CHROMIUM_PATH, a system chromium/chrome, Playwright's
// own download, else (Debian, root) `apt-get install -y chromium`, else one line saying what
// to do. Prints the path it found; `--quiet` prints only the path.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

const quiet = process.argv.includes('--quiet');
const log = (m) => { if (!quiet) console.error(`[chromium] ${m}`); };

function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function playwrightOwn() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return null;
  for (const d of readdirSync(root).filter((d) => d.startsWith('chromium')).sort().reverse()) {
    for (const rel of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      const p = join(root, d, rel);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

export function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const n of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']) {
    const p = which(n);
    if (p) return p;
  }
  return playwrightOwn();
}

function tryApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  log('no Chromium found; installing Debian chromium with apt-get (about a minute)…');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: quiet ? 'ignore' : 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: quiet ? 'ignore' : 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch (e) {
    log(`apt-get failed: ${e.message}`);
    return false;
  }
}

let path = findChromium();
if (!path && tryApt()) path = findChromium();
if (!path) {
  console.error('No Chromium found: install one (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH=/path/to/chrome.');
  process.exit(1);
}
log(`using ${path}`);
process.stdout.write(path + '\n');
