#!/usr/bin/env node
// Renders public/icons/icon.svg to the PNGs the web manifest names, with headless Chromium
// (no ImageMagick here). The maskable icon fills the whole square with the background and
// shrinks the artwork into the 80 % safe zone, since launchers crop it to any shape.
// Usage: node scripts/gen-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'public', 'icons');
const svg = readFileSync(join(iconsDir, 'icon.svg'), 'utf8');

/** The same drawing, full-bleed, artwork scaled into the maskable safe zone. */
export function maskableSvg(source) {
  const bg = source.match(/<rect [^>]*\/>/);
  if (!bg) throw new Error('icon.svg: expected a background <rect …/> to make the maskable icon from');
  const start = source.indexOf(bg[0]) + bg[0].length;
  const end = source.lastIndexOf('</svg>');
  const fullBleed = bg[0].replace(/\srx="[^"]*"/, '');
  const artwork = source.slice(start, end);
  return (
    source.slice(0, source.indexOf(bg[0])) +
    fullBleed +
    `<g transform="translate(256 256) scale(0.78) translate(-256 -256)">${artwork}</g></svg>`
  );
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('node', [join(root, 'scripts', 'ensure-chromium.mjs'), '--quiet'], { encoding: 'utf8' }).trim();
}

const targets = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'icon-512-maskable.png', size: 512, source: maskableSvg(svg) },
  { file: 'apple-touch-icon.png', size: 180, source: maskableSvg(svg) },
];

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const t of targets) {
    await page.setViewportSize({ width: t.size, height: t.size });
    const sized = t.source.replace(/<svg([^>]*?)\swidth="\d+"\sheight="\d+"/, `<svg$1 width="${t.size}" height="${t.size}"`);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(join(iconsDir, t.file), png);
    console.log(`wrote public/icons/${t.file} (${t.size}×${t.size}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
