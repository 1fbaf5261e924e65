import { beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRule } from '../core/rules';
import { dateOfDay, dayNumber } from '../core/time';
import { saveAudience } from '../storage/audiences';
import { exportWorkspace } from '../storage/workspaceFile';
import { demoSlice, type DemoSlice } from '../../workers/engine/testData';
import { WorkspaceEngine } from '../../workers/engine/workspaceEngine';
import { GZ_FILE_NAME } from './workspaceDir';
import { run, tempDir } from './testHelpers';

/**
 * The browser's engine (WorkspaceEngine over the workspace's IndexedDB, the code the engine
 * worker runs) and the CLI (over the same workspace exported to a file, as a user moves it)
 * select the same members, one by one, for the same rule and as-of day.
 */
let slice: DemoSlice;
let engine: WorkspaceEngine;
let dir = '';

const RULES = [
  'net_spend(last 90 days) > 1000',
  'orders(last 180 days) = 0',
  'days_since_last_order >= 180 or orders = 0',
  'any baby(age_months between 6 and 12)',
  'touches(channel = sms, last 30 days) > 0',
  'top 10% by net_spend(last 365 days)',
  'distinct_platforms(last 365 days) >= 2 and aov > 150',
  'coupons_redeemed(last 180 days) > 0 or count(device) > 1',
  'stage = dormant',
  'stage = churned or stage = introduction',
  'in audience "buyers" and not touches(channel = sms, last 30 days) > 0',
  'in audience "buyers minus recent" or level >= 3',
];

beforeAll(async () => {
  slice = await demoSlice(400, 'mother_baby', 23);
  await saveAudience(slice.db, { name: 'buyers', description: '', rule: parseRule('orders(last 365 days) >= 1'), lastCount: null });
  await saveAudience(slice.db, {
    name: 'buyers minus recent',
    description: '',
    rule: parseRule('in audience "buyers" and not orders(last 30 days) > 0'),
    lastCount: null,
  });
  engine = new WorkspaceEngine(slice.db);
  await engine.ensureSnapshot();
  dir = join(await tempDir(), 'ws');
  await mkdir(dir);
  await writeFile(join(dir, GZ_FILE_NAME), new Uint8Array(await (await exportWorkspace(slice.db)).arrayBuffer()));
}, 60_000);

describe('browser engine = CLI on the same workspace', () => {
  it('selects the same members for every rule, as of several days', async () => {
    const base = dayNumber(slice.asOf);
    let nonEmpty = 0;
    for (const shift of [0, -45, -200]) {
      const asOf = dateOfDay(base + shift);
      for (const text of RULES) {
        const browser = await engine.members(parseRule(text), { asOf, limit: 1_000_000 });
        const cli = await run('members', dir, text, '--as-of', asOf);
        expect(cli.stderr, `${text} as of ${asOf}`).toBe('');
        const out = cli.json as { count: number; total: number; members: { id: string }[] };
        expect(out.total).toBe(400);
        expect({ rule: text, asOf, ids: out.members.map((m) => m.id) }).toEqual({ rule: text, asOf, ids: browser.ids });
        expect(out.count).toBe(browser.count);
        if (browser.count > 0 && browser.count < 400) nonEmpty++;
      }
    }
    // The comparison means something only if most rules select some but not all members.
    expect(nonEmpty).toBeGreaterThan(RULES.length * 2);
  }, 120_000);

  it('counts the same as `meridian count`', async () => {
    for (const text of RULES.slice(0, 4)) {
      const browser = await engine.count(parseRule(text));
      const cli = await run('count', dir, text);
      expect((cli.json as { count: number }).count).toBe(browser.count);
    }
  }, 60_000);
});
