import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { buildSnapshot } from './evaluate';
import { FILE_NAME, readWorkspaceDir } from './workspaceDir';
import { referenceEvaluate, parseRule } from '../core/rules';
import type { MemberBundle } from '../core/columnar/build';
import type { Order, Product } from '../core/model';
import { independentCounts, run, SAMPLE_CSV, sampleText, tempDir } from './testHelpers';

/** The domain's example rules (docs/rules.md, domain.md §2 and §5) as they apply to order data. */
const DOMAIN_RULES = [
  'net_spend(last 90 days) > 1000',
  'net_spend(last 90 days) > 2000',
  'orders(sku = "85123A", last 90 days) > 2',
  'orders(last 180 days) = 0',
  'top 10% by net_spend(last 365 days)',
];

let dir: string;
let imported: Record<string, number>;
const expected = independentCounts(sampleText());

beforeAll(async () => {
  dir = join(await tempDir(), 'ws');
  const r = await run('import', SAMPLE_CSV, '--out', dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  imported = r.json as Record<string, number>;
});

describe('meridian import', () => {
  it('counts what an independent reading of the CSV counts', () => {
    expect(imported).toMatchObject({
      orders: expected.orders,
      refunds: expected.refunds,
      members: expected.members,
      guestOrders: expected.guestOrders,
      lines: expected.lines,
      errors: 0,
    });
    // The fixture is not trivial: it has refunds and guests.
    expect(expected.refunds).toBeGreaterThan(0);
    expect(expected.guestOrders).toBeGreaterThan(0);
  });

  it('refuses to overwrite a workspace without --into, and --into skips the same orders as duplicates', async () => {
    const again = await run('import', SAMPLE_CSV, '--out', dir);
    expect(again.code).toBe(2);
    expect(again.error?.message).toMatch(/--into/);
    const into = await run('import', SAMPLE_CSV, '--out', dir, '--into');
    expect(into.code).toBe(0);
    expect(into.json).toMatchObject({ orders: 0, duplicates: expected.orders, membersNew: 0 });
    expect((await run('count', dir, 'true')).json).toMatchObject({ count: expected.members, total: expected.members });
  });

  it('reports bad rows with row, column and reason, and imports the rest', async () => {
    const bad = join(await tempDir(), 'bad.csv');
    const lines = sampleText().split('\n');
    lines[2] = lines[2].replace('2010-12-01 08:26:00', 'yesterday');
    await writeFile(bad, lines.join('\n'));
    const out = join(await tempDir(), 'ws');
    const r = await run('import', bad, '--out', out);
    expect(r.code).toBe(0);
    const json = r.json as { orders: number; errors: number; skippedOrders: number; issues: { row: number; column: string; reason: string }[] };
    expect(json.errors).toBe(1);
    expect(json.skippedOrders).toBe(1);
    expect(json.orders).toBe(expected.orders - 1);
    const date = json.issues.find((i) => i.column === 'InvoiceDate');
    expect(date).toMatchObject({ row: 3, column: 'InvoiceDate' });
    expect(date?.reason).toMatch(/not a date/);
  });

  it('reads a gzip CSV like the plain one', async () => {
    const gz = join(await tempDir(), 'sample.csv.gz');
    await writeFile(gz, gzipSync(sampleText()));
    const r = await run('import', gz, '--out', join(await tempDir(), 'ws'), '--preset', 'uci');
    expect(r.json).toMatchObject({ orders: expected.orders, refunds: expected.refunds, members: expected.members });
  });

  it('a file that cannot be imported leaves an existing workspace byte for byte as it was', async () => {
    const before = readFileSync(join(dir, FILE_NAME));
    const bad = join(await tempDir(), 'bad.csv');
    await writeFile(bad, 'a,b\n1,2\n');
    const r = await run('import', bad, '--out', dir, '--into');
    expect(r.code).toBe(1);
    expect(r.error).toMatchObject({ message: expect.stringMatching(/Required columns are missing/), where: { code: 'missing-columns' } });
    expect(readFileSync(join(dir, FILE_NAME)).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual([FILE_NAME]);
  });

  it('a missing CSV is a clear error and writes nothing', async () => {
    const out = join(await tempDir(), 'ws');
    const r = await run('import', '/no/such/file.csv', '--out', out);
    expect(r.code).toBe(1);
    expect(r.error?.message).toMatch(/file not found: \/no\/such\/file.csv/);
    expect((await run('count', out, 'true')).error?.message).toMatch(/not found/);
  });
});

describe('meridian count', () => {
  it('counts the domain example rules as the naive reference evaluator does', async () => {
    const data = await readWorkspaceDir(dir);
    const snap = buildSnapshot(data);
    const orders = data.tables.orders as unknown as Order[];
    const bundles: MemberBundle[] = snap.members.map((member) => ({ member, orders: orders.filter((o) => o.memberId === member.id), touches: [], coupons: [], subprofiles: [] }));
    const products = new Map((data.tables.products as unknown as Product[]).map((p) => [p.sku, p]));
    const counts: number[] = [];
    for (const text of DOMAIN_RULES.filter((t) => !t.startsWith('top'))) {
      const r = await run('count', dir, text);
      expect(r.code, text).toBe(0);
      const want = referenceEvaluate(parseRule(text), bundles, { asOf: data.workspace.asOf, products }).filter(Boolean).length;
      expect(r.json, text).toMatchObject({ count: want, total: expected.members, asOf: '2010-12-01' });
      expect(typeof (r.json as { ms: number }).ms).toBe('number');
      counts.push(want);
    }
    expect(counts.some((c) => c > 0)).toBe(true);
  });

  it('top 10% by net spend selects a tenth of the members, none spending less than one left out', async () => {
    const rule = DOMAIN_RULES.find((t) => t.startsWith('top'))!;
    const r = (await run('members', dir, rule)).json as { count: number; members: { id: string }[] };
    expect((await run('count', dir, rule)).json).toMatchObject({ count: r.count });
    expect(Math.abs(r.count - expected.members / 10)).toBeLessThanOrEqual(1);
    const spend = (id: string) => expected.net.get(id.slice(1)) ?? 0;
    const chosen = new Set(r.members.map((m) => m.id));
    const minChosen = Math.min(...[...chosen].map(spend));
    const maxOther = Math.max(...[...expected.net.keys()].map((c) => `C${c}`).filter((id) => !chosen.has(id)).map(spend));
    expect(minChosen).toBeGreaterThanOrEqual(maxOther);
  });

  it('agrees with the raw CSV on net spend, refunds and repeat buyers', async () => {
    const above = (pounds: number) => [...expected.net.values()].filter((p) => p > pounds * 100).length;
    expect((await run('count', dir, 'net_spend > 1000')).json).toMatchObject({ count: above(1000) });
    expect((await run('count', dir, 'net_spend(last 90 days) > 2000')).json).toMatchObject({ count: above(2000) });
    expect((await run('count', dir, 'refunds > 0')).json).toMatchObject({ count: expected.refunders.size });
    const repeat = [...expected.ordersPerMember.values()].filter((n) => n >= 2).length;
    expect((await run('count', dir, 'orders >= 2')).json).toMatchObject({ count: repeat });
  });

  it('--as-of moves the windows: before the first order nobody has ordered', async () => {
    const r = await run('count', dir, 'orders(last 30 days) > 0', '--as-of', '2010-11-01');
    expect(r.json).toMatchObject({ count: 0, asOf: '2010-11-01' });
    expect((await run('count', dir, 'true', '--as-of', '2010-13-45')).code).toBe(2);
    expect((await run('count', dir, 'true', '--as-of', '2011-02-30')).error?.message).toMatch(/--as-of must be a date/);
  });

  it('a bad rule exits 1 with a JSON error naming the position', async () => {
    const r = await run('count', dir, 'net_spend(last 90 days) >');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.error?.where).toMatchObject({ rule: 'net_spend(last 90 days) >', start: expect.any(Number) });
    const typo = await run('count', dir, 'net_spnd > 10');
    expect(typo.code).toBe(1);
    expect(typo.error?.message).toMatch(/unknown measure 'net_spnd'/);
    expect(typo.error?.where).toMatchObject({ start: 0, end: expect.any(Number) });
  });

  it('a missing directory is a clear error', async () => {
    const r = await run('count', '/no/such/workspace', 'true');
    expect(r.code).toBe(1);
    expect(r.error).toEqual({ message: 'workspace directory not found: /no/such/workspace', where: { dir: '/no/such/workspace' } });
    const empty = await tempDir();
    expect((await run('count', empty, 'true')).error?.message).toMatch(/no workspace in .*meridian import/);
  });

  it('usage errors exit 2', async () => {
    expect((await run('count', dir)).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('count', dir, 'true', '--bogus')).error?.message).toMatch(/unknown option --bogus/);
    expect((await run('import', SAMPLE_CSV, '--out', dir, '--preset', 'sap')).code).toBe(2);
    expect((await run('import', SAMPLE_CSV)).error?.message).toMatch(/--out/);
    expect((await run('members', dir, 'true', '--limit', '-1')).code).toBe(2);
    expect((await run('members', dir, 'true', '--format', 'xml')).code).toBe(2);
  });
});

describe('meridian members', () => {
  it('lists the selected members in id order, as JSON or CSV, with a limit', async () => {
    const r = await run('members', dir, 'refunds > 0');
    const json = r.json as { count: number; members: { id: string; region: string }[] };
    expect(json.count).toBe(expected.refunders.size);
    expect(json.members.map((m) => m.id)).toEqual([...expected.refunders].map((c) => `C${c}`).sort());
    expect(json.members[0].region).toBeTruthy();
    const csv = await run('members', dir, 'refunds > 0', '--format', 'csv', '--limit', '2');
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('id,name,region');
    expect(rows.slice(1).map((l) => l.split(',')[0])).toEqual(json.members.slice(0, 2).map((m) => m.id));
  });
});

describe('help', () => {
  it('prints the overview and per-command help', async () => {
    const all = await run('--help');
    expect(all.code).toBe(0);
    for (const c of ['import', 'count', 'members', 'tags']) expect(all.stdout).toContain(`meridian ${c}`);
    expect((await run('tags', '--help')).stdout).toMatch(/exclusive/);
  });
});
