import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { CancelToken, JobCancelled, type Progress } from '../src/core/jobs';
import { ImportFileError } from '../src/core/import/errors';
import { analyzeFile, runImport, stageImport } from './import';
import { createWorkspace, getCatalogue, newWorkspaceId, openWorkspace, setActiveWorkspace, markComplete, getActiveWorkspaceId } from '../src/storage/workspaces';
import { commitLedgers } from '../src/storage/ledgers';
import { setTrust } from '../src/storage/oneid';
import { countAll, recount, writeStats, zeroCounts } from '../src/storage/stats';
import { dumpRows } from '../src/storage/testWorkspace';
import type { WorkspaceDB } from '../src/storage/db';
import { defaultLifecycleSetting } from '../src/core/metrics/presets';
import type { Identity, Order } from '../src/core/model';

const allOrders = async (db: WorkspaceDB): Promise<Order[]> => (await db.ledgers.toArray()).flatMap((l) => l.orders);
const allIdentities = async (db: WorkspaceDB): Promise<Identity[]> => (await db.ledgers.toArray()).flatMap((l) => l.identities);
async function orderById(db: WorkspaceDB, id: string): Promise<Order | undefined> {
  return (await db.ledgers.where('orderKeys').equals(id).first())?.orders.find((o) => o.id === id);
}

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url));
const blob = (name: string) => new Blob([fixture(name)]);

/** Independent count of a UCI-shaped file (papaparse's header mode, no code of the importer). */
function expected(text: string) {
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const inv = new Map<string, string>();
  for (const r of rows) inv.set(r.InvoiceNo, (inv.get(r.InvoiceNo) ?? '') + r.CustomerID.trim());
  return {
    lines: rows.length,
    orders: inv.size,
    refunds: [...inv.keys()].filter((k) => k.startsWith('C')).length,
    guests: [...inv.values()].filter((c) => c === '').length,
    members: new Set(rows.map((r) => r.CustomerID.trim()).filter(Boolean)).size,
  };
}

async function fileError(p: Promise<unknown>): Promise<ImportFileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected a file error');
}

async function activeWorkspaceWithData(): Promise<string> {
  const id = newWorkspaceId();
  const db = await createWorkspace({
    v: 2, id, name: 'Shop', brandTemplate: 'food', currency: 'CNY', createdAt: new Date().toISOString(), asOf: '2024-01-01',
    source: { kind: 'empty' }, lifecycle: defaultLifecycleSetting('food'),
  });
  await db.transaction('rw', db.stats, () => writeStats(db, zeroCounts()));
  // Customer 17850 is already known here: OneID must tie the imported orders to m1.
  await commitLedgers(db, {
    members: [{ v: 1, id: 'm1', name: 'A', gender: 'f', birthday: null, region: 'UK', city: '', level: 1, joinedAt: '2020-01-01T00:00:00', firstPlatform: 'pos', homeStoreId: null, guideId: null, wecomFriend: false, attributes: {} }],
    identities: [{ v: 2, id: 'i1', memberId: 'm1', kind: 'customer_id', value: '17850', platform: 'pos', scope: null, firstSeen: '2020-01-01T00:00:00', profileId: 'pos:m1' }],
    orders: [
      { v: 1, id: 'o1', memberId: 'm1', externalId: 'X1', kind: 'sale', platform: 'pos', storeId: null, placedAt: '2020-01-01T10:00:00', gross: 100, discount: 0, storeCredit: 0, paid: 100, refund: 0, couponId: null, lines: [] },
      // A guest order already stored: imported guest orders are appended next to it, never over it.
      { v: 1, id: 'g1', memberId: null, externalId: 'G1', kind: 'sale', platform: 'pos', storeId: null, placedAt: '2020-01-02T10:00:00', gross: 50, discount: 0, storeCredit: 0, paid: 50, refund: 0, couponId: null, lines: [] },
    ],
  });
  await markComplete(id);
  await setActiveWorkspace(id);
  return id;
}

/** Every table of a workspace, raw (ledgers, stats and the journal included). */
async function snapshot(id: string) {
  const db = openWorkspace(id);
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return { raw: out, rows: await dumpRows(db) };
}

describe('reading files', () => {
  it('analyzes the UCI sample: preset, mapping, preview rows', async () => {
    const a = await analyzeFile(blob('online-retail-sample.csv'));
    expect(a.preset.id).toBe('uci-online-retail');
    expect(a.header).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(a.sample).toHaveLength(20);
    expect(a.encoding).toBe('utf-8');
    expect(a.compressed).toBe(false);
  });

  it('reads .csv.gz by its magic bytes, whatever its name', async () => {
    const a = await analyzeFile(new Blob([gzipSync(fixture('online-retail-sample.csv'))]));
    expect(a.compressed).toBe(true);
    expect(a.sample[0][0]).toBe('536365');
  });

  it('reads a GBK file as GB18030 and says so', async () => {
    const a = await analyzeFile(blob('online-retail-gbk.csv'));
    expect(a.encoding).toBe('gb18030');
    expect(a.encodingNote).toBe('decoded-as-gb18030');
    expect(a.header.slice(0, 3)).toEqual(['订单号', '商品编码', '商品名称']);
    const utf8 = await analyzeFile(blob('online-retail-zh.csv'));
    expect(utf8.encodingNote).toBeNull();
    expect(utf8.sample).toEqual(a.sample);
  });

  it('gives clear whole-file errors', async () => {
    expect((await fileError(analyzeFile(blob('online-retail-zero.csv')))).code).toBe('empty-file');
    expect((await fileError(analyzeFile(blob('online-retail-empty.csv')))).code).toBe('no-data-rows');
    const t = new CancelToken();
    expect((await fileError(stageImport(blob('online-retail-empty.csv'), {}, () => {}, t))).code).toBe('no-data-rows');
    const missing = await fileError(stageImport(blob('online-retail-missing-column.csv'), {}, () => {}, t));
    expect(missing.code).toBe('missing-columns');
    expect(missing.message).toContain('placedAt');
    expect((await fileError(analyzeFile(new Blob([new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5])])))).code).toBe('bad-gzip');
    expect((await fileError(analyzeFile(new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])])))).code).toBe('not-text');
  });

  it('stops on a line over 1 MB with a clear error instead of hanging', async () => {
    // An unclosed quote swallows the rest of a big file: stopped as soon as the row passes 1 MB.
    const huge = 'InvoiceNo,InvoiceDate,UnitPrice\n1,2010-12-01 08:00,1\n2,2010-12-01 08:00,"' + 'x'.repeat(9 << 20) + '\n';
    const e = await fileError(stageImport(new Blob([huge]), {}, () => {}, new CancelToken()));
    expect(e.code).toBe('line-too-long');
    expect(e.detail.row).toBe(3);
    // A complete row with a 2 MB field is one bad row; the rest of the file still imports.
    const wide = 'InvoiceNo,InvoiceDate,UnitPrice,Description\n1,2010-12-01 08:00,1,a\n2,2010-12-01 08:00,1,"' + 'y'.repeat(2 << 20) + '"\n3,2010-12-01 09:00,2,b\n';
    const { staged } = await stageImport(new Blob([wide]), {}, () => {}, new CancelToken());
    expect(staged.orders.map((o) => o.externalId)).toEqual(['1', '3']);
    expect(staged.issues.map((i) => [i.row, i.code])).toEqual([[3, 'field-too-long'], [3, 'line-too-long']]);
    expect(staged.issues[0].value).toBe(`${'y'.repeat(200)}…`);
  });

  it('reports bad bytes beyond the sniffed start of a UTF-8 file', async () => {
    const head = new TextEncoder().encode('InvoiceNo,InvoiceDate,UnitPrice\n' + '1,2010-12-01 08:00,1\n'.repeat(10_000));
    const bytes = new Uint8Array([...head, 0xff, 0xfe, 0x0a]);
    expect((await fileError(stageImport(new Blob([bytes]), {}, () => {}, new CancelToken()))).code).toBe('bad-encoding');
  });
});

describe('importing', () => {
  it('imports the UCI sample into a new workspace with the independently counted figures', async () => {
    const want = expected(fixture('online-retail-sample.csv').toString('utf8'));
    expect(want.refunds).toBeGreaterThan(0);
    expect(want.guests).toBeGreaterThan(0);
    const phases = new Set<string>();
    const r = await runImport({ source: blob('online-retail-sample.csv'), fileName: 'online-retail-sample.csv', target: 'new' }, (p) => phases.add(p.phase));
    expect([...phases]).toEqual(['parse', 'validate', 'commit']);
    expect(r.errors.count).toBe(0);
    expect(r.counts).toMatchObject({ rows: want.lines, lines: want.lines, orders: want.orders, refunds: want.refunds, guestOrders: want.guests, members: want.members, membersNew: want.members, duplicates: 0 });
    const db = openWorkspace(r.workspaceId!);
    expect((await allOrders(db)).length).toBe(want.orders);
    expect(await db.members.count()).toBe(want.members);
    expect((await allIdentities(db)).filter((i) => i.kind === 'customer_id').length).toBe(want.members);
    // The stats row was kept exact in the same transaction: no recount needed, and it agrees with one.
    expect(await countAll(db)).toEqual(await recount(db));
    expect((await countAll(db)).guestOrders).toBe(want.guests);
    expect(await getActiveWorkspaceId()).toBe(r.workspaceId);
    const ws = (await db.meta.get('workspace'))!.value;
    expect(ws).toMatchObject({ brandTemplate: 'imported', currency: 'GBP', source: { kind: 'import', fileName: 'online-retail-sample.csv' }, asOf: '2010-12-01' });
    expect(await db.imports.count()).toBe(1);
    const o = (await orderById(db, 'imp:536365'))!;
    expect(o).toMatchObject({ memberId: 'C17850', placedAt: '2010-12-01T08:26:00', kind: 'sale', gross: 13912, paid: 13912 });
  });

  it('adds to the active workspace, ties known customers by identity, and never duplicates on re-import', async () => {
    const id = await activeWorkspaceWithData();
    const first = await runImport({ source: blob('online-retail-sample.csv'), fileName: 's.csv', target: 'active' });
    expect(first.workspaceId).toBe(id);
    const db = openWorkspace(id);
    expect((await orderById(db, 'imp:536365'))!.memberId).toBe('m1');
    const want = expected(fixture('online-retail-sample.csv').toString('utf8'));
    expect(first.counts.membersNew).toBe(want.members - 1);
    expect((await allOrders(db)).length).toBe(want.orders + 2);
    expect(await orderById(db, 'g1')).toMatchObject({ memberId: null, gross: 50 });
    expect((await countAll(db)).guestOrders).toBe(want.guests + 1);
    expect(await countAll(db)).toEqual(await recount(db));
    const before = await snapshot(id);
    const again = await runImport({ source: blob('online-retail-sample.csv'), fileName: 's.csv', target: 'active' });
    expect(again.counts).toMatchObject({ orders: 0, duplicates: want.orders, membersNew: 0 });
    const after = await snapshot(id);
    expect(after.rows).toEqual(before.rows);
    expect(after.raw.imports).toHaveLength(2);
  });

  it('ties a customer to a stored member only by evidence the workspace trusts to merge', async () => {
    const id = await activeWorkspaceWithData();
    await setTrust(openWorkspace(id), 'customer_id', 'hint', 'test');
    const r = await runImport({ source: blob('online-retail-sample.csv'), fileName: 's.csv', target: 'active' });
    const want = expected(fixture('online-retail-sample.csv').toString('utf8'));
    expect(r.counts.membersNew).toBe(want.members); // 17850 is a new member, not m1
    expect((await orderById(openWorkspace(id), 'imp:536365'))!.memberId).not.toBe('m1');
    // ...but OneID saw the shared customer id (looked up before the new ledgers were written) and left a hint.
    const hints = (await openWorkspace(id).oneidHistory.toArray()).filter((h) => h.action === 'hint');
    expect(hints.some((h) => h.members.includes('m1'))).toBe(true);
  });

  it('reports bad dates and text in numbers, imports only whole valid orders', async () => {
    const r = await runImport({ source: blob('online-retail-text-in-numbers.csv'), fileName: 'x.csv', target: 'new' });
    expect(r.errors.count).toBe(4);
    expect(r.counts.orders).toBe(2); // 536369 and the refund C536370; 536365 lost a line, so it is skipped whole
    expect(r.counts.refunds).toBe(1);
    expect(r.counts.skippedRows).toBe(5);
    const report = Papa.parse<string[]>(r.errors.reportCsv!).data;
    expect(report[0]).toEqual(['row', 'column', 'value', 'reason']);
    expect(report).toContainEqual(['2', 'Quantity', 'six', 'not a number']);
    expect(report).toContainEqual(['6', 'UnitPrice', "'=1+2", 'not a number']);
    expect(report).toContainEqual(['2', 'InvoiceNo', '536365', 'order skipped: another line of it has an error']);

    const d = await runImport({ source: blob('online-retail-bad-dates.csv'), fileName: 'd.csv', target: 'new' });
    expect(d.errors.issues.map((i) => [i.row, i.value, i.code])).toEqual([
      [4, '13/45/2010 8:28', 'not-a-date'], [5, '2/30/2011 8:34', 'not-a-date'], [6, 'yesterday', 'not-a-date'], [7, '', 'required'],
    ]);
    expect(d.counts.orders).toBe(2);
    const o = (await orderById(openWorkspace(d.workspaceId!), 'imp:536370'))!;
    expect(o.placedAt).toBe('2010-12-01T08:45:00');
  });

  it('imports Chinese headers from a GBK file with channels, stores and phones', async () => {
    const r = await runImport({ source: blob('online-retail-gbk.csv'), fileName: 'zh.csv', target: 'new' });
    expect(r.errors.count).toBe(0);
    expect(r.counts).toMatchObject({ orders: 3, members: 2, guestOrders: 1, lines: 4 });
    const db = openWorkspace(r.workspaceId!);
    expect(await orderById(db, 'imp:100001')).toMatchObject({ platform: 'tmall', gross: 2 * 12850 + 3 * 1990, memberId: 'CM001' });
    expect(await orderById(db, 'imp:100002')).toMatchObject({ platform: 'pos', storeId: 'imp-store:杭州西湖店', placedAt: '2023-05-07T09:15:00', memberId: null });
    expect((await allIdentities(db)).filter((i) => i.kind === 'phone' && i.value === '13800000002')).toHaveLength(1);
    expect(await db.stores.count()).toBe(1);
    expect((await db.meta.get('workspace'))!.value.currency).toBe('CNY');
  });

  it('writes nothing when every row is bad', async () => {
    const before = (await getCatalogue().workspaces.toArray()).length;
    const r = await runImport({ source: 'InvoiceNo,InvoiceDate,UnitPrice\n1,nope,1\n', fileName: 'bad.csv', target: 'new' });
    expect(r.workspaceId).toBeNull();
    expect(r.errors.count).toBe(1);
    expect((await getCatalogue().workspaces.toArray()).length).toBe(before);
  });
});

describe('atomic commit', () => {
  it('a failure inside the commit leaves the active workspace exactly as it was', async () => {
    const id = await activeWorkspaceWithData();
    const before = await snapshot(id);
    const { staged } = await stageImport(blob('online-retail-sample.csv'), {}, () => {}, new CancelToken());
    const { commitImport } = await import('./importCommit');
    await expect(
      commitImport(staged, { target: 'active', fileName: 's.csv', currency: 'GBP', hooks: { beforeJournal: () => { throw new Error('disk full'); } } }, () => {}, new CancelToken()),
    ).rejects.toThrow('disk full');
    expect(await snapshot(id)).toEqual(before);
  });

  it('a failed import into a new workspace leaves no workspace behind', async () => {
    const active = await getActiveWorkspaceId();
    const ids = (await getCatalogue().workspaces.toArray()).map((w) => w.id);
    const { staged } = await stageImport(blob('online-retail-sample.csv'), {}, () => {}, new CancelToken());
    const { commitImport } = await import('./importCommit');
    await expect(
      commitImport(staged, { target: 'new', fileName: 's.csv', currency: 'GBP', hooks: { beforeJournal: () => { throw new Error('boom'); } } }, () => {}, new CancelToken()),
    ).rejects.toThrow('boom');
    expect((await getCatalogue().workspaces.toArray()).map((w) => w.id)).toEqual(ids);
    expect(await getActiveWorkspaceId()).toBe(active);
  });

  it.each(['parse', 'commit'])('cancelling during %s leaves nothing', async (phase) => {
    const id = await activeWorkspaceWithData();
    const before = await snapshot(id);
    const token = new CancelToken();
    const onProgress = (p: Progress) => {
      if (p.phase === phase) token.cancel();
    };
    await expect(runImport({ source: blob('online-retail-sample.csv'), fileName: 's.csv', target: 'active' }, onProgress, token)).rejects.toBeInstanceOf(JobCancelled);
    expect(await snapshot(id)).toEqual(before);
  });
});
