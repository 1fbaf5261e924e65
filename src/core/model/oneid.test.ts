import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { IdentityRecord, load, OneIdHistoryRecord, OneIdSettingsRecord, legacyProfileId, type RecordType } from './index';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

describe('OneID records (kept apart from TABLE_RECORDS: they are not member data)', () => {
  for (const rt of [OneIdSettingsRecord, OneIdHistoryRecord] as RecordType<z.ZodType>[]) {
    it(`${rt.name}: a fixture for every version 1..${rt.version}, each loads`, () => {
      const files = readdirSync(FIXTURES).filter((f) => f.startsWith(`${rt.name}.v`));
      expect(files.map((f) => Number(f.slice(rt.name.length + 2, -5))).sort()).toEqual(Array.from({ length: rt.version }, (_, i) => i + 1));
      for (const f of files) {
        const r = load(rt, fixture(f));
        if (!r.ok) throw new Error(r.error.message);
      }
    });
  }
  it('refuses a trust value that is neither merge nor hint, naming the kind', () => {
    const r = load(OneIdSettingsRecord, { ...fixture('oneidSettings.v1.json'), trust: { phone: 'always' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0].path).toBe('trust.phone');
  });
});

describe('identity v1 -> v2', () => {
  it('gives a v1 row the profile of its member on its platform', () => {
    const r = load(IdentityRecord, fixture('identities.v1.json'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.v).toBe(2);
    expect(r.value.profileId).toBe('M0000001@tmall');
    expect(r.value.profileId).toBe(legacyProfileId('M0000001', 'tmall'));
  });
  it('a v2 row without a profile is refused', () => {
    const { profileId: _p, ...rest } = fixture('identities.v2.json');
    const r = load(IdentityRecord, rest);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0].path).toBe('profileId');
  });
});
