/**
 * Times a whole import of a CSV (default: the UCI Online Retail file in ../shared/data) in Node,
 * on fake-indexeddb:  npx tsx workers/importBench.ts [file]
 * Prints wall and CPU milliseconds per step (CPU time is what to compare on a busy machine).
 * Node's fake IndexedDB is far slower than a browser's, so the commit time here is an upper bound.
 */
import 'fake-indexeddb/auto';
import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { CancelToken } from '../src/core/jobs';
import { stageImport } from './import';
import { commitAssembled } from './importBuild';

const file = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/data/online-retail.csv.gz'));
if (!existsSync(file)) {
  console.error(`no such file: ${file}`);
  process.exit(1);
}
const source = new Blob([readFileSync(file)]);
const token = new CancelToken();

async function timed<T>(fn: () => Promise<T>): Promise<[T, { wallMs: number; cpuMs: number }]> {
  const w = performance.now();
  const c = process.cpuUsage();
  const r = await fn();
  const used = process.cpuUsage(c);
  return [r, { wallMs: Math.round(performance.now() - w), cpuMs: Math.round((used.user + used.system) / 1000) }];
}

const [stagedFile, stage] = await timed(() => stageImport(source, {}, () => {}, token));
const [result, commit] = await timed(() =>
  commitAssembled(stagedFile.assembled, { target: 'new', fileName: basename(file), currency: stagedFile.preset.currency }, () => {}, token),
);
console.log(JSON.stringify({ file: basename(file), stage, commit, totalWallMs: stage.wallMs + commit.wallMs, counts: result.counts, errorRows: stagedFile.assembled.errorRows }, null, 2));
