import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FULL_CSV_GZ, run, tempDir } from './testHelpers';

/**
 * The whole UCI Online Retail file (541,909 lines), when the shared data folder holds it.
 * The expected counts were computed independently of Meridian's importer.
 */
describe.runIf(existsSync(FULL_CSV_GZ))('meridian import of the full UCI file', () => {
  it('imports 25,900 orders, 3,836 refunds, 4,372 members, 3,710 guest orders', async () => {
    const dir = join(await tempDir(), 'full');
    const r = await run('import', FULL_CSV_GZ, '--out', dir, '--gzip');
    expect(r.stderr).toBe('');
    expect(r.json).toMatchObject({ orders: 25_900, refunds: 3_836, members: 4_372, guestOrders: 3_710, lines: 541_909, errors: 0 });
    const count = await run('count', dir, 'net_spend(last 90 days) > 2000');
    expect(count.json).toMatchObject({ total: 4_372, asOf: '2011-12-09' });
    expect((count.json as { count: number }).count).toBeGreaterThan(0);
  }, 120_000);
});
