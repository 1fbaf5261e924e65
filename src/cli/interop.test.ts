import { describe, expect, it } from 'vitest';
import { openAsBlob, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedWorkspace } from '../storage/testWorkspace';
import { exportWorkspace, importWorkspaceFile } from '../storage/workspaceFile';
import { countAll } from '../storage/repositories';
import { openWorkspace } from '../storage/workspaces';
import { FILE_NAME, GZ_FILE_NAME } from './workspaceDir';
import { independentCounts, run, SAMPLE_CSV, sampleText, tempDir } from './testHelpers';

/** The CLI's workspace directory holds the browser's own export format, both ways. */
describe('workspace files shared with the browser', () => {
  it('the browser restores a workspace the CLI imported (plain and gzip)', async () => {
    const expected = independentCounts(sampleText());
    for (const gzip of [false, true]) {
      const dir = join(await tempDir(), 'ws');
      expect((await run('import', SAMPLE_CSV, '--out', dir, ...(gzip ? ['--gzip'] : []))).code).toBe(0);
      const restored = await importWorkspaceFile(await openAsBlob(join(dir, gzip ? GZ_FILE_NAME : FILE_NAME)));
      const counts = await countAll(openWorkspace(restored.workspaceId));
      expect(counts).toMatchObject({ orders: expected.orders, members: expected.members, identities: expected.members });
    }
  });

  it('the CLI reads a workspace the browser exported', async () => {
    const { db, orders } = await seedWorkspace(12, { guests: 2 });
    const blob = await exportWorkspace(db);
    const dir = join(await tempDir(), 'exported');
    await mkdir(dir);
    await writeFile(join(dir, GZ_FILE_NAME), new Uint8Array(await blob.arrayBuffer()));
    const r = await run('count', dir, 'orders(kind = sale) >= 1', '--as-of', '2024-06-30');
    expect(r.stderr).toBe('');
    const withSale = new Set(orders.filter((o) => o.memberId && o.kind === 'sale').map((o) => o.memberId)).size;
    expect(r.json).toMatchObject({ count: withSale, total: 12 });
  });

  it('a damaged file is refused with the line and table', async () => {
    const dir = join(await tempDir(), 'ws');
    expect((await run('import', SAMPLE_CSV, '--out', dir)).code).toBe(0);
    const path = join(dir, FILE_NAME);
    const text = readFileSync(path, 'utf8').split('\n');
    expect(text[3]).toMatch(/^\{"t":"members"/);
    text[3] = text[3].replace('"gender":"u"', '"gender":9');
    await writeFile(path, text.join('\n'));
    const r = await run('count', dir, 'true');
    expect(r.code).toBe(1);
    expect(r.error?.where).toMatchObject({ line: 4 });
    expect(r.error?.message).toMatch(/line 4, table members, field gender/);
  });
});
