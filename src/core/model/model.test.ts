import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TABLE_RECORDS, WorkspaceRecord, defineRecord, load, type RecordType } from './index';

const FIXTURES = join(__dirname, 'fixtures');
const ALL: Record<string, RecordType<z.ZodType>> = { ...TABLE_RECORDS, workspace: WorkspaceRecord };

/** Fixture files are named `<table>.v<version>.json`: one for every version of every record. */
function fixtures(table: string): { version: number; doc: unknown }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.startsWith(`${table}.v`) && f.endsWith('.json'))
    .map((f) => ({ version: Number(f.slice(table.length + 2, -5)), doc: JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) }));
}

describe('record fixtures of every version load and migrate to the current version', () => {
  for (const [table, rt] of Object.entries(ALL)) {
    it(`${table}: a fixture exists for every version 1..${rt.version}, each loads`, () => {
      const fx = fixtures(table);
      expect(fx.map((f) => f.version).sort()).toEqual(Array.from({ length: rt.version }, (_, i) => i + 1));
      for (const f of fx) {
        const r = load(rt, f.doc);
        if (!r.ok) throw new Error(r.error.message);
        expect(r.migratedFrom).toBe(f.version);
        expect((r.value as { v: number }).v).toBe(rt.version);
      }
    });
  }
});

describe('load() says why a document was refused', () => {
  const member = fixtures('members')[0].doc as Record<string, unknown>;
  it('refuses a non-object', () => {
    const r = load(TABLE_RECORDS.members, 'hello');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toBe('not-an-object');
  });
  it('refuses a document without a version', () => {
    const { v: _v, ...rest } = member;
    const r = load(TABLE_RECORDS.members, rest);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toBe('no-version');
  });
  it('refuses a document from a newer app', () => {
    const r = load(TABLE_RECORDS.members, { ...member, v: 99 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/newer than this app/);
  });
  it('names the field path of an invalid value', () => {
    const r = load(TABLE_RECORDS.orders, { ...(fixtures('orders')[0].doc as object), lines: [{ sku: 'X', qty: 'two', unitPrice: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.reason).toBe('invalid');
      expect(r.error.issues?.[0].path).toBe('lines.0.qty');
    }
  });
  it('rejects money that is not integer minor units', () => {
    const r = load(TABLE_RECORDS.orders, { ...(fixtures('orders')[0].doc as object), paid: 12.5 });
    expect(r.ok).toBe(false);
  });
  it('rejects local date-times with a zone or in another format', () => {
    for (const placedAt of ['2024-05-01T10:15:00Z', '12/1/2010 8:26', '2024-05-01']) {
      const r = load(TABLE_RECORDS.orders, { ...(fixtures('orders')[0].doc as object), placedAt });
      expect(r.ok, placedAt).toBe(false);
    }
  });
});

describe('migration chains', () => {
  const V3 = z.object({ v: z.literal(3), id: z.string(), fullName: z.string(), cents: z.number().int() });
  const rt = defineRecord({
    name: 'example',
    version: 3,
    schema: V3,
    migrations: [
      { from: 1, to: 2, description: 'name -> fullName', up: ({ name, ...d }) => ({ ...d, fullName: name }) },
      { from: 2, to: 3, description: 'yuan -> cents', up: ({ yuan, ...d }) => ({ ...d, cents: Math.round((yuan as number) * 100) }) },
    ],
  });
  it('lifts every past version to the current one', () => {
    expect(load(rt, { v: 1, id: 'a', name: 'A', yuan: 1.5 })).toEqual({ ok: true, value: { v: 3, id: 'a', fullName: 'A', cents: 150 }, migratedFrom: 1 });
    expect(load(rt, { v: 2, id: 'a', fullName: 'A', yuan: 2 })).toEqual({ ok: true, value: { v: 3, id: 'a', fullName: 'A', cents: 200 }, migratedFrom: 2 });
  });
  it('reports a migration that throws instead of throwing', () => {
    const bad = defineRecord({
      name: 'bad',
      version: 2,
      schema: z.object({ v: z.literal(2) }),
      migrations: [{ from: 1, to: 2, description: 'boom', up: () => { throw new Error('boom'); } }],
    });
    const r = load(bad, { v: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/migration 1->2 failed: boom/);
  });
  it('refuses chains with gaps or the wrong length', () => {
    expect(() => defineRecord({ name: 'gap', version: 3, schema: V3, migrations: [{ from: 1, to: 2, description: '', up: (d) => d }, { from: 3, to: 4, description: '', up: (d) => d }] })).toThrow(/expected 2->3/);
    expect(() => defineRecord({ name: 'short', version: 2, schema: V3, migrations: [] })).toThrow(/needs 1 migrations/);
  });
});
