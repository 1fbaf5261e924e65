import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runImport } from './import';
import { openWorkspace } from '../src/storage/workspaces';
import { countAll } from '../src/storage/stats';

/** The whole UCI Online Retail file lives beside the repo (../shared/data); CI has it. */
const FULL = fileURLToPath(new URL('../../shared/data/online-retail.csv.gz', import.meta.url));

// Figures computed independently with Python's csv module and Decimal arithmetic (see docs/import.md).
const FACTS = {
  lines: 541_909,
  invoices: 25_900,
  customers: 4_372,
  refunds: 3_836,
  guestInvoices: 3_710,
  grossCents: 974_774_793,
  paidCents: 1_066_668_454,
  refundCents: 89_681_249,
};

describe.runIf(existsSync(FULL))('the full UCI Online Retail file', () => {
  it('imports every invoice with the known counts and exact money', async () => {
    const t0 = performance.now();
    const r = await runImport({ source: new Blob([readFileSync(FULL)]), fileName: 'online-retail.csv.gz', target: 'new' });
    const ms = performance.now() - t0;
    expect(r.errors.count).toBe(0);
    expect(r.counts).toMatchObject({
      rows: FACTS.lines, lines: FACTS.lines, orders: FACTS.invoices, refunds: FACTS.refunds, sales: FACTS.invoices - FACTS.refunds,
      members: FACTS.customers, membersNew: FACTS.customers, guestOrders: FACTS.guestInvoices, skippedRows: 0, duplicates: 0,
    });
    const db = openWorkspace(r.workspaceId!);
    let gross = 0;
    let paid = 0;
    let refund = 0;
    await db.ledgers.each((l) => {
      for (const o of l.orders) {
        gross += o.gross;
        paid += o.paid;
        refund += o.refund;
      }
    });
    expect({ gross, paid, refund }).toEqual({ gross: FACTS.grossCents, paid: FACTS.paidCents, refund: FACTS.refundCents });
    expect(await db.members.count()).toBe(FACTS.customers);
    const first = await db.ledgers.where('orderKeys').equals('imp:536365').first();
    expect(first!.orders.find((o) => o.id === 'imp:536365')!.placedAt).toBe('2010-12-01T08:26:00');
    const counts = await countAll(db);
    expect(counts).toMatchObject({ orders: FACTS.invoices, refunds: FACTS.refunds, guestOrders: FACTS.guestInvoices, members: FACTS.customers, identities: FACTS.customers });
    expect((await db.meta.get('workspace'))!.value.asOf).toBe('2011-12-09');
    console.log(`full UCI import in Node (fake-indexeddb): ${Math.round(ms)} ms`);
  }, 120_000);
});
