import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OrderAssembler } from './assemble';
import { ReferenceAssembler } from './assembleReference';
import { detectMapping } from './fields';
import { GENERIC_PRESET, UCI_PRESET } from './presets';
import { readRow } from './rows';

// A header with every optional column, so phones, channels and stores are exercised too.
const HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Phone', 'Country', 'City', 'Channel', 'Store'];
const mapping = detectMapping(HEADER);

/** Rows drawn from small pools so order ids, customers and phones collide often (scattered lines, conflicts, bad rows). */
const row = fc.tuple(
  fc.constantFrom('1', '2', '3', 'C4', 'C5', '6', '7', ''),
  fc.constantFrom('85123A', '71053', 'POST', ''),
  fc.constantFrom('WHITE HANGING HEART T-LIGHT HOLDER', 'LANTERN', ''),
  fc.constantFrom('1', '6', '-2', 'two', '0'),
  fc.constantFrom('12/1/2010 8:26', '12/1/2010 8:25', '1/3/2011 10:00', '2/30/2011 8:00', ''),
  fc.constantFrom('2.55', '0.001', '-11062.06', 'abc', ''),
  fc.constantFrom('17850', '17850.0', '13047', '', ''),
  fc.constantFrom('138 0013 8000', '13800138000', '', ''),
  fc.constantFrom('United Kingdom', 'EIRE', ''),
  fc.constantFrom('London', ''),
  fc.constantFrom('天猫', 'JD', 'store', ''),
  fc.constantFrom('杭州西湖店 (a store name long enough to be a sliced string)', ''),
).map((r) => [...r]);

function both(rows: string[][], preset = UCI_PRESET) {
  const a = new OrderAssembler(preset, 'InvoiceNo', 'CustomerID');
  const ref = new ReferenceAssembler(preset, 'InvoiceNo', 'CustomerID');
  rows.forEach((r, i) => {
    const res = readRow(r, i + 2, HEADER, mapping, 'mdy');
    for (const x of [a, ref]) {
      if (res.line) x.add(res.line, i + 2);
      else x.addBad(res.orderKey, i + 2, res.issues);
    }
  });
  return { columns: a, reference: ref.finish() };
}

describe('the column assembler', () => {
  it('stages exactly what the one-object-per-line reference stages', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (rows, generic) => {
        const { columns, reference } = both(rows, generic ? GENERIC_PRESET : UCI_PRESET);
        expect(columns.finish()).toEqual(reference);
      }),
      { numRuns: 400 },
    );
  });

  it('gives every kept order out once in batches (capped in members and orders), each member with all its orders, guests last', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (rows, size, maxOrders) => {
        const { columns, reference } = both(rows);
        const batches = [...columns.assemble().batches(size, maxOrders)];
        const orders = batches.flatMap((b) => b.orders);
        expect(orders.map((o) => o.id).sort()).toEqual(reference.orders.map((o) => o.id).sort());
        expect(batches.flatMap((b) => b.members)).toEqual(reference.members);
        for (const b of batches) {
          const keys = new Set(b.members.map((m) => m.key));
          // A batch with members holds only their orders; a batch without holds only guests.
          for (const o of b.orders) expect(b.members.length ? keys.has(o.memberKey!) : o.memberKey === null).toBe(true);
          expect(b.members.length <= size).toBe(true);
          // Over the cap only when one member alone has more orders.
          expect(b.orders.length <= maxOrders || b.members.length === 1).toBe(true);
        }
        const guestsFrom = batches.findIndex((b) => b.members.length === 0);
        if (guestsFrom >= 0) expect(batches.slice(guestsFrom).every((b) => b.members.length === 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('counts what the review step shows without building the orders', () => {
    const { columns, reference } = both([
      ['1', '85123A', 'X', '6', '12/1/2010 8:26', '2.55', '17850', '', 'United Kingdom', '', '', ''],
      ['C4', '85123A', 'X', '-1', '12/1/2010 9:26', '2.55', '17850', '', 'United Kingdom', '', '', ''],
      ['2', '71053', 'Y', '1', '12/1/2010 9:30', '1.00', '', '', 'EIRE', '', '', ''],
      ['3', '71053', 'Y', 'two', '12/1/2010 9:31', '1.00', '13047', '', 'EIRE', '', '', ''],
    ]);
    const a = columns.assemble();
    expect({ orders: a.orders, refunds: a.refunds, guestOrders: a.guestOrders, members: a.members, lines: a.lines, skippedOrders: a.skippedOrders, errorRows: a.errorRows })
      .toEqual({ orders: 3, refunds: 1, guestOrders: 1, members: 1, lines: 3, skippedOrders: 1, errorRows: 1 });
    expect(a.orders).toBe(reference.orders.length);
  });
});
