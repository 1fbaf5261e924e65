import { describe, expect, it } from 'vitest';
import { CancelToken, JobCancelled } from '../core/jobs';
import { commitLedgers } from './ledgers';
import { countAll } from './repositories';
import { dumpRows, member, order, seedWorkspace } from './testWorkspace';
import { exportWorkspace, importWorkspaceFile, workspaceFileName, WorkspaceFileError } from './workspaceFile';
import { getCatalogue, openWorkspace, readWorkspace } from './workspaces';

const dump = dumpRows;

async function gunzipText(blob: Blob): Promise<string> {
  return new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

const ids = async () => (await getCatalogue().workspaces.toArray()).map((w) => w.id).sort();

async function failure(p: Promise<unknown>): Promise<WorkspaceFileError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkspaceFileError);
    return e as WorkspaceFileError;
  }
  throw new Error('expected the import to fail');
}

describe('workspace file export and import', () => {
  it('round-trips every table of a workspace through a gzip file (small batches)', async () => {
    const { db } = await seedWorkspace(37, { guests: 3 });
    const progress: number[] = [];
    const blob = await exportWorkspace(db, (p) => progress.push(p.done), undefined, { batchSize: 10 });
    const magic = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    expect([...magic]).toEqual([0x1f, 0x8b]);
    expect(progress.at(-1)).toBe(37 + 37 + 114 + 12);

    const result = await importWorkspaceFile(blob, undefined, undefined, { batchSize: 7 });
    const restored = openWorkspace(result.workspaceId);
    expect(result.workspaceId).not.toBe(db.name.slice('meridian-ws-'.length));
    expect(await dump(restored)).toEqual(await dump(db));
    // The ledgers themselves come back the same (members merged across batches, guests chunked).
    expect(await restored.ledgers.toArray()).toEqual(await db.ledgers.toArray());
    expect(result.counts).toEqual(await countAll(db));
    expect(result.counts.guestOrders).toBe(3);
    const ws = await readWorkspace(restored);
    expect(ws?.name).toBe((await readWorkspace(db))?.name);
    expect((await getCatalogue().workspaces.get(result.workspaceId))?.complete).toBe(true);
  });

  it('writes NDJSON: a header line, then one {t, r} line per record', async () => {
    const { db } = await seedWorkspace(2);
    const text = await (await exportWorkspace(db, undefined, undefined, { compress: false })).text();
    const lines = text.trimEnd().split('\n');
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({ format: 'meridian-workspace', version: 1, counts: { members: 2, orders: 6 } });
    expect(lines).toHaveLength(1 + 2 + 2 + 6 + 12);
    // Member by member: each member's rows follow its member line.
    expect(lines.slice(1, 7).map((l) => JSON.parse(l).t)).toEqual(['members', 'identities', 'orders', 'orders', 'orders', 'touches']);
    expect(JSON.parse(lines[1])).toMatchObject({ t: 'members', r: { id: 'M0000001', v: 1 } });
    expect(lines.slice(1, 10).map((l) => JSON.parse(l).r.memberId ?? JSON.parse(l).r.id)).toEqual(
      ['M0000001', 'M0000001', 'M0000001', 'M0000001', 'M0000001', 'M0000001', 'M0000001', 'M0000001', 'M0000002'],
    );
    // An uncompressed file imports too.
    const r = await importWorkspaceFile(new Blob([text]));
    expect(r.counts.orders).toBe(6);
  });

  it('a broken line mid-file names its line, table and field and leaves no workspace behind', async () => {
    const { db } = await seedWorkspace(30);
    const text = await (await exportWorkspace(db, undefined, undefined, { compress: false })).text();
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('"O0000050"'));
    const bad = JSON.parse(lines[at]);
    bad.r.lines[0].qty = 'two';
    lines[at] = JSON.stringify(bad);
    const before = await ids();
    const gz = await new Response(new Blob([lines.join('\n')]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
    const e = await failure(importWorkspaceFile(gz, undefined, undefined, { batchSize: 5 }));
    expect(e.issue).toMatchObject({ reason: 'invalid-record', line: at + 1, table: 'orders', path: 'lines.0.qty' });
    expect(e.message).toMatch(new RegExp(`^line ${at + 1}, table orders, field lines\\.0\\.qty`));
    expect(await ids()).toEqual(before);
  });

  it('refuses a file from the future, another format and a 0-byte file, clearly', async () => {
    const { db } = await seedWorkspace(1);
    const text = await (await exportWorkspace(db, undefined, undefined, { compress: false })).text();
    const [first, ...rest] = text.split('\n');
    const before = await ids();
    const future = await failure(importWorkspaceFile(new Blob([JSON.stringify({ ...JSON.parse(first), version: 2 }) + '\n' + rest.join('\n')])));
    expect(future.issue.reason).toBe('from-the-future');
    expect(future.message).toMatch(/version 2, newer than this app reads \(1\)/);
    const csv = await failure(importWorkspaceFile(new Blob(['InvoiceNo,StockCode\n536365,85123A\n'])));
    expect(csv.issue.reason).toBe('wrong-format');
    const other = await failure(importWorkspaceFile(new Blob([JSON.stringify({ format: 'tldraw', version: 1 }) + '\n'])));
    expect(other.message).toMatch(/not a Meridian workspace file/);
    const empty = await failure(importWorkspaceFile(new Blob([])));
    expect(empty.issue.reason).toBe('empty');
    expect(await ids()).toEqual(before);
  });

  it('catches a cut-off file, a duplicate id and an unknown table', async () => {
    const { db } = await seedWorkspace(6);
    const text = await (await exportWorkspace(db, undefined, undefined, { compress: false })).text();
    const lines = text.trimEnd().split('\n');
    const before = await ids();
    const cut = await failure(importWorkspaceFile(new Blob([lines.slice(0, -3).join('\n')])));
    expect(cut.issue.reason).toBe('count-mismatch');
    const dup = [...lines];
    dup.splice(3, 0, lines[2]);
    const d = await failure(importWorkspaceFile(new Blob([dup.join('\n')]), undefined, undefined, { batchSize: 100 }));
    expect(d.issue).toMatchObject({ reason: 'duplicate-record', line: 4, table: 'identities', path: 'id' });
    // A duplicate member in a later batch than the first one is caught too (merge reports it).
    const late = [...lines, lines[1]];
    const d2 = await failure(importWorkspaceFile(new Blob([late.join('\n')]), undefined, undefined, { batchSize: 3 }));
    expect(d2.issue).toMatchObject({ reason: 'duplicate-record', line: late.length, table: 'members' });
    const ownDup = [...lines, lines.find((l) => l.startsWith('{"t":"products"'))!];
    const d3 = await failure(importWorkspaceFile(new Blob([ownDup.join('\n')])));
    expect(d3.issue).toMatchObject({ reason: 'duplicate-record', line: ownDup.length, table: 'products', path: 'sku' });
    const unknown = await failure(importWorkspaceFile(new Blob([[lines[0], '{"t":"passwords","r":{}}'].join('\n')])));
    expect(unknown.issue).toMatchObject({ reason: 'unknown-table', line: 2, table: 'passwords' });
    // A damaged gzip stream.
    const gz = new Uint8Array(await (await exportWorkspace(db)).arrayBuffer());
    const damaged = await failure(importWorkspaceFile(new Blob([gz.slice(0, Math.floor(gz.length / 2))])));
    expect(damaged.issue.reason).toBe('unreadable');
    expect(await ids()).toEqual(before);
  });

  it('exports members without a ledger and ledgers without a member row, and restores them', async () => {
    const { db } = await seedWorkspace(3);
    await db.members.put(member(50)); // written around writeLedgers: no ledger
    await commitLedgers(db, { orders: [order(60, 60)] }); // rows whose member row is missing
    const blob = await exportWorkspace(db, undefined, undefined, { compress: false, batchSize: 20 });
    const r = await importWorkspaceFile(blob);
    const restored = openWorkspace(r.workspaceId);
    expect((await dump(restored)).members.map((m) => m.id)).toEqual(['M0000001', 'M0000002', 'M0000003', 'M0000050']);
    expect((await dump(restored)).orders).toHaveLength(10);
    expect(r.counts.members).toBe(4);
  });

  it('an export whose stored counts are stale recounts instead of writing a file restore would refuse', async () => {
    const { db } = await seedWorkspace(4);
    const row = (await db.stats.get('counts'))!;
    await db.stats.put({ ...row, counts: { ...row.counts, orders: 999 } });
    const text = await (await exportWorkspace(db, undefined, undefined, { compress: false })).text();
    expect(JSON.parse(text.split('\n')[0]).counts.orders).toBe(12);
    expect((await countAll(db)).orders).toBe(12);
  });

  it('cancel mid-restore removes the half-built workspace', async () => {
    const { db } = await seedWorkspace(40);
    const blob = await exportWorkspace(db);
    const token = new CancelToken();
    const before = await ids();
    let calls = 0;
    const run = importWorkspaceFile(blob, () => {
      if (++calls === 2) token.cancel();
    }, token, { batchSize: 10 });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(await ids()).toEqual(before);
  });

  it('cancel stops an export', async () => {
    const { db } = await seedWorkspace(20);
    const token = new CancelToken();
    token.cancel();
    await expect(exportWorkspace(db, undefined, token)).rejects.toBeInstanceOf(JobCancelled);
  });

  it('names files after the workspace and day', () => {
    expect(workspaceFileName('Demo · Mother & Baby', '2026-11-23T09:00:00', true)).toBe('demo-mother-baby-2026-11-23.meridian.ndjson.gz');
    expect(workspaceFileName('王芳的店', '2026-11-23T09:00:00', false)).toBe('workspace-2026-11-23.meridian.ndjson');
  });
});

it('gunzips to the same text as the uncompressed export', async () => {
  const { db } = await seedWorkspace(3);
  const plain = await (await exportWorkspace(db, undefined, undefined, { compress: false })).text();
  const gz = await gunzipText(await exportWorkspace(db));
  // exportedAt may differ by a second; compare the records.
  expect(gz.split('\n').slice(1)).toEqual(plain.split('\n').slice(1));
});
