#!/usr/bin/env node
// Benchmark runner: `npm run bench -- [name…]` runs the named benchmarks (all when none are
// named; a name also selects every benchmark under it, e.g. `import`). Each prints ONE line
//   BENCH {"name":…,"ms":…,…,"machine":{…}}
// and writes bench/results/<name>.json. Benchmarks are bench/*.bench.mjs exporting
// { name, description?, run(ctx) } where run returns the figures, or { skipped: 'why' }.
// Progress goes to stderr so stdout stays one line per benchmark. See bench/README.md.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createContext } from '../bench/lib/context.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const resultsDir = join(benchDir, 'results');
const log = (m) => console.error(`[bench] ${m}`);

async function loadBenchmarks() {
  const files = readdirSync(benchDir).filter((f) => f.endsWith('.bench.mjs')).sort();
  const all = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(benchDir, f)).href);
    const b = mod.default ?? mod;
    if (typeof b.name !== 'string' || typeof b.run !== 'function') {
      throw new Error(`bench/${f}: export { name, run(ctx) } (default or named)`);
    }
    all.push(b);
  }
  return all;
}

export function selectBenchmarks(all, names) {
  if (names.length === 0) return all;
  const unknown = names.filter((n) => !all.some((b) => b.name === n || b.name.startsWith(n + '.')));
  if (unknown.length) {
    throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${all.map((b) => b.name).join(', ')}`);
  }
  return all.filter((b) => names.some((n) => b.name === n || b.name.startsWith(n + '.')));
}

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run bench -- [name…]   (env: BENCH_NO_BUILD=1, CHROMIUM_PATH=…)');
    return 0;
  }
  const all = await loadBenchmarks();
  if (args.includes('--list')) {
    for (const b of all) console.log(`${b.name}\t${b.description ?? ''}`);
    return 0;
  }
  const chosen = selectBenchmarks(all, args);
  const ctx = createContext({ root, log });
  mkdirSync(resultsDir, { recursive: true });
  let failed = 0;
  try {
    for (const b of chosen) {
      log(`${b.name}: running`);
      let figures;
      try {
        figures = (await b.run(ctx)) ?? {};
      } catch (e) {
        failed++;
        figures = { error: e instanceof Error ? e.message : String(e) };
        log(`${b.name}: FAILED ${e instanceof Error ? e.stack : e}`);
      }
      const result = { name: b.name, ...figures, machine: await ctx.machine(), at: new Date().toISOString() };
      console.log(`BENCH ${JSON.stringify(result)}`);
      writeFileSync(join(resultsDir, `${b.name}.json`), JSON.stringify(result, null, 2) + '\n');
    }
  } finally {
    await ctx.close();
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`[bench] ${e instanceof Error ? e.message : e}`);
      process.exit(2);
    },
  );
}
