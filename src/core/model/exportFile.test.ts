import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCounts, describeIssue, headerLine, readHeader, readRecordLine, recordLine, WORKSPACE_FILE_VERSION } from './exportFile';
import type { Workspace } from './workspace';

const fx = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.v1.json`), 'utf8')) as Record<string, unknown>;
// The current workspace version (v1 headers are migrated on read, so they would not round-trip).
const ws = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'workspace.v2.json'), 'utf8')) as Workspace;

describe('workspace file header', () => {
  it('round-trips the header', () => {
    const r = readHeader(headerLine(ws, { members: 2 }, '2026-01-01T00:00:00'));
    expect(r.ok && r.value.workspace).toEqual(ws);
    expect(r.ok && r.value.counts).toEqual({ members: 2 });
    expect(r.ok && r.value.version).toBe(WORKSPACE_FILE_VERSION);
  });

  it('tolerates a byte-order mark and a CR line end', () => {
    expect(readHeader('\uFEFF' + headerLine(ws, {}, 'x') + '\r').ok).toBe(true);
  });

  it('refuses another format, a future version, and a broken workspace, saying why', () => {
    const other = readHeader(JSON.stringify({ format: 'excalidraw', version: 1 }));
    expect(!other.ok && other.issue.reason).toBe('wrong-format');
    const notJson = readHeader('id,name');
    expect(!notJson.ok && notJson.issue.reason).toBe('wrong-format');
    const future = readHeader(JSON.stringify({ ...JSON.parse(headerLine(ws, {}, 'x')), version: 2 }));
    expect(!future.ok && future.issue.reason).toBe('from-the-future');
    expect(!future.ok && future.issue.message).toMatch(/version 2.*update Meridian/);
    const bad = readHeader(headerLine({ ...ws, currency: 'EURO' }, {}, 'x'));
    expect(!bad.ok && bad.issue.path).toBe('workspace.currency');
  });
});

describe('workspace file record lines', () => {
  it('reads a valid record and skips blank lines', () => {
    const r = readRecordLine(recordLine('orders', fx('orders')), 2, 1);
    expect(r?.ok && r.value.table).toBe('orders');
    expect(readRecordLine('   ', 3, 1)).toBeNull();
  });

  it('restores a record missing its v in a version-1 file', () => {
    const { v: _v, ...noV } = fx('members');
    const r = readRecordLine(recordLine('members', noV), 2, 1);
    expect(r?.ok && r.value.record.v).toBe(1);
  });

  it('names line, table and field of an invalid record', () => {
    const order = { ...fx('orders'), lines: [{ sku: 'X', qty: 'two', unitPrice: 1 }] };
    const r = readRecordLine(recordLine('orders', order), 17, 1);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.issue).toMatchObject({ reason: 'invalid-record', line: 17, table: 'orders', path: 'lines.0.qty' });
      expect(describeIssue(r.issue)).toMatch(/^line 17, table orders, field lines\.0\.qty: /);
    }
  });

  it('refuses an unknown table and non-JSON', () => {
    const u = readRecordLine(JSON.stringify({ t: 'secrets', r: {} }), 4, 1);
    expect(u && !u.ok && u.issue).toMatchObject({ reason: 'unknown-table', line: 4, table: 'secrets' });
    const j = readRecordLine('{"t":"members","r":', 5, 1);
    expect(j && !j.ok && j.issue).toMatchObject({ reason: 'not-json', line: 5 });
  });

  it('catches a cut-off file by its counts', () => {
    const h = readHeader(headerLine(ws, { members: 3, orders: 1 }, 'x'));
    if (!h.ok) throw new Error('header');
    expect(checkCounts(h.value, { members: 3, orders: 1 })).toBeNull();
    expect(checkCounts(h.value, { members: 2, orders: 1 })).toMatchObject({ reason: 'count-mismatch', table: 'members' });
  });
});
