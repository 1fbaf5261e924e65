// OneID at scale: 3M identity links of ~1M people (profiles sharing phones, unionids, Tmall
// nicks and loyalty cards; some hint-only emails, a few shared across people) through
// src/core/oneid's IdentityGraph in Node. `ms` = every profile added + components counted;
// `resolutionMs` = building the person maps afterwards; `correct` checks people = persons.
// Runs in a child process (node --import tsx) so the TypeScript loads unbuilt and its memory
// is measured apart. BENCH_ONEID_LINKS changes the size.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const name = 'oneid.3m';
export const description = 'IdentityGraph over 3M identity links (~1M people) in Node: ms, links/s, peak RSS';

export async function run(ctx) {
  const links = Number(process.env.BENCH_ONEID_LINKS || 3_000_000);
  const script = join(ctx.root, 'bench', 'lib', 'oneid-3m.ts');
  const out = await new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096', script, '--links', String(links)],
      { cwd: ctx.root, maxBuffer: 16 * 2 ** 20, timeout: 10 * 60_000 },
      (err, stdout, stderr) => {
        const last = stdout.trim().split('\n').pop();
        if (!last) return reject(err ?? new Error(`no output from oneid-3m: ${stderr.slice(0, 500)}`));
        resolve(last);
      },
    );
  });
  const result = JSON.parse(out);
  if (result.error) throw new Error(`oneid.3m failed: ${result.error}`);
  return result;
}
