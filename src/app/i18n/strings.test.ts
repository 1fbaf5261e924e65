import { describe, expect, it } from 'vitest';
import { FEATURE_STRINGS } from './features';
import { buildResources } from './index';
import type { StringTree } from './strings';

/** Every leaf path of a string tree, with its value. */
function leaves(tree: StringTree, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') out.push(...leaves(v as StringTree, path));
    else out.push([path, v]);
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const placeholders = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();

describe('feature strings', () => {
  it('registers at least the shell, and each feature once', () => {
    const names = FEATURE_STRINGS.map((f) => f.feature);
    expect(names).toContain('shell');
    expect(new Set(names).size).toBe(names.length);
  });

  for (const f of FEATURE_STRINGS) {
    describe(f.feature, () => {
      const en = new Map(leaves(f.en));
      const zh = new Map(leaves(f.zh));

      it('has the same keys in en and zh-CN', () => {
        expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      });

      it('has no empty or non-string values', () => {
        for (const [path, v] of [...en, ...zh]) {
          expect(typeof v, `${f.feature}.${path}`).toBe('string');
          expect((v as string).trim().length, `${f.feature}.${path} is empty`).toBeGreaterThan(0);
        }
      });

      it('uses the same {{placeholders}} in both languages', () => {
        for (const [path, v] of en) {
          const other = zh.get(path);
          if (typeof v !== 'string' || typeof other !== 'string') continue;
          expect(placeholders(other), `${f.feature}.${path}`).toEqual(placeholders(v));
        }
      });
    });
  }

  it('builds i18next resources with every feature under its own namespace key', () => {
    const r = buildResources();
    for (const f of FEATURE_STRINGS) {
      expect(r.en.translation[f.feature]).toBe(f.en);
      expect(r['zh-CN'].translation[f.feature]).toBe(f.zh);
    }
  });
});
