// Child process for the demo.generate benchmark (run with `node --import tsx`), so the
// generator's TypeScript loads as-is and its memory is measured apart from the runner.
// Prints one JSON line: the figures, or {"skipped": "why"}.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Args = { members: number; seed: number; template?: string };

function parseArgs(argv: string[]): Args {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { members: Number(get('--members') ?? 100_000), seed: Number(get('--seed') ?? 1), template: get('--template') };
}

/** The first template the module names, else a guess: the generator's own default wins. */
function pickTemplate(mod: Record<string, unknown>, asked?: string): string | undefined {
  if (asked) return asked;
  for (const key of ['DEMO_TEMPLATES', 'TEMPLATES', 'templates', 'demoTemplates']) {
    const t = mod[key];
    if (Array.isArray(t) && t.length) return typeof t[0] === 'string' ? t[0] : (t[0] as { id?: string }).id;
    if (t && typeof t === 'object') return Object.keys(t)[0];
  }
  return undefined;
}

/** Adds up every array in a batch by its key (members, orders, identities, …). */
function tally(counts: Record<string, number>, batch: unknown) {
  if (!batch || typeof batch !== 'object') return;
  for (const [k, v] of Object.entries(batch)) if (Array.isArray(v)) counts[k] = (counts[k] ?? 0) + v.length;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const entry = ['src/core/demo/index.ts', 'src/core/demo/generate.ts'].map((p) => join(root, p)).find(existsSync);
  if (!entry) return { skipped: 'src/core/demo has no index.ts yet' };
  const mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const generateDemo = mod.generateDemo as undefined | ((o: object) => unknown);
  if (typeof generateDemo !== 'function') return { skipped: 'src/core/demo does not export generateDemo yet' };
  const template = pickTemplate(mod, args.template);

  const t0 = performance.now();
  const demo = (await generateDemo({ template, members: args.members, seed: args.seed })) as {
    batches: () => Iterable<unknown> | AsyncIterable<unknown>;
    stores?: unknown[];
    products?: unknown[];
  };
  const counts: Record<string, number> = {};
  let batches = 0;
  for await (const batch of demo.batches()) {
    batches++;
    tally(counts, batch);
  }
  const ms = performance.now() - t0;
  const perSec = (n: number | undefined) => (n ? Math.round(n / (ms / 1000)) : null);
  return {
    ms: Math.round(ms),
    template: template ?? null,
    membersAsked: args.members,
    seed: args.seed,
    members: counts.members ?? null,
    orders: counts.orders ?? null,
    membersPerSec: perSec(counts.members),
    ordersPerSec: perSec(counts.orders),
    batches,
    stores: demo.stores?.length ?? null,
    products: demo.products?.length ?? null,
    records: counts,
    peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

main().then(
  (r) => console.log(JSON.stringify(r)),
  (e: unknown) => {
    console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
    process.exitCode = 1;
  },
);
