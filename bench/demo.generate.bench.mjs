// Node-side speed of the demo generator (src/core/demo generateDemo) for 100k members:
// members/s and orders/s, consuming every batch it yields. Runs in a child process
// (node --import tsx) so the TypeScript loads unbuilt. BENCH_DEMO_MEMBERS and
// BENCH_DEMO_TEMPLATE (mother_baby, beauty, food) override the size and the brand.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const name = 'demo.generate';
export const description = 'generateDemo speed in Node: members/s and orders/s for 100k members';

export async function run(ctx) {
  const members = Number(process.env.BENCH_DEMO_MEMBERS || 100_000);
  const script = join(ctx.root, 'bench', 'lib', 'demo-generate.ts');
  const out = await new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--max-old-space-size=4096', script, '--members', String(members), '--seed', '1', ...(process.env.BENCH_DEMO_TEMPLATE ? ['--template', process.env.BENCH_DEMO_TEMPLATE] : [])],
      { cwd: ctx.root, maxBuffer: 16 * 2 ** 20, timeout: 10 * 60_000 },
      (err, stdout, stderr) => {
        const last = stdout.trim().split('\n').pop();
        if (!last) return reject(err ?? new Error(`no output from demo-generate: ${stderr.slice(0, 500)}`));
        resolve(last);
      },
    );
  });
  const result = JSON.parse(out);
  if (result.error) throw new Error(`generateDemo failed: ${result.error}`);
  return result;
}
