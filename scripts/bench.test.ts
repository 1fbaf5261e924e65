import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectBenchmarks } from './bench.mjs';
import { distIsStale, newestMtime } from '../bench/lib/context.mjs';

const benches = ['bundle.initial', 'import.online-retail', 'demo.generate'].map((name) => ({ name }));

describe('selectBenchmarks', () => {
  it('runs everything when nothing is named', () => {
    expect(selectBenchmarks(benches, []).map((b) => b.name)).toEqual(benches.map((b) => b.name));
  });
  it('selects by exact name or by the prefix before a dot, in catalogue order', () => {
    expect(selectBenchmarks(benches, ['demo.generate', 'bundle']).map((b) => b.name)).toEqual([
      'bundle.initial',
      'demo.generate',
    ]);
  });
  it('rejects an unknown name and lists the known ones', () => {
    expect(() => selectBenchmarks(benches, ['bundl'])).toThrow(/unknown benchmark\(s\): bundl; known: bundle.initial/);
  });
});

describe('distIsStale', () => {
  const touch = (file: string, seconds: number) => {
    writeFileSync(file, 'x');
    utimesSync(file, seconds, seconds);
  };
  const repo = () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-'));
    mkdirSync(join(root, 'src', 'app'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    touch(join(root, 'src', 'app', 'a.ts'), 1_000);
    return root;
  };

  it('is stale with no build, or a build without its service worker', () => {
    const root = repo();
    expect(distIsStale(root)).toBe(true);
    touch(join(root, 'dist', 'index.html'), 2_000);
    expect(distIsStale(root)).toBe(true);
  });
  it('is fresh when the build is newer than every input, stale once a source changes', () => {
    const root = repo();
    touch(join(root, 'dist', 'index.html'), 2_000);
    touch(join(root, 'dist', 'sw.js'), 2_000);
    expect(distIsStale(root)).toBe(false);
    touch(join(root, 'src', 'app', 'a.ts'), 3_000);
    expect(distIsStale(root)).toBe(true);
    expect(newestMtime([join(root, 'src'), join(root, 'missing')])).toBe(3_000_000);
  });
});
