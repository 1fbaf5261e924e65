// Resident memory of Chromium's renderer processes (the page and its dedicated workers — the
// engine worker and DuckDB's — live in the renderer), read from /proc on Linux; null elsewhere.
import { readdirSync, readFileSync } from 'node:fs';

/** `profile`: the disk context's profile directory, so other Chromiums on the machine are left out. */
export function rendererRssMB(profile) {
  if (process.platform !== 'linux') return null;
  let max = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // Chromium rewrites a child's argv into one space-separated title, so match a whole word.
      const words = cmd.split(/[\0 ]/);
      if (!words.includes('--type=renderer') || !words.includes(`--user-data-dir=${profile}`)) continue;
      const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (rss) max = Math.max(max, Number(rss[1]) / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return max ? Math.round(max) : null;
}

/** Samples rendererRssMB every `ms` until stopped; returns the peak seen. */
export function watchRendererRss(profile, ms = 500) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rendererRssMB(profile) ?? 0);
  }, ms);
  return { stop: () => (clearInterval(timer), peak ? Math.round(peak) : null), peek: () => peak || null };
}
