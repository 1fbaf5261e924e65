import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  analyzeSample, detectMapping, errorReportCsv, guardFormula, guessDateOrder, missingRequired, normaliseId, OrderAssembler,
  parseCents, parseLocalDateTime, parseQuantity, previewRows, readRow, UCI_PRESET, GENERIC_PRESET, categoryFor,
} from './index';
import { OrderSchema, MemberSchema, ProductSchema } from '../model';

const UCI_HEADER = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];

describe('column mapping', () => {
  it('detects the UCI header and its preset', () => {
    expect(detectMapping(UCI_HEADER)).toEqual({ orderId: 0, sku: 1, productName: 2, quantity: 3, placedAt: 4, unitPrice: 5, customerId: 6, region: 7 });
    const a = analyzeSample(UCI_HEADER.join(',') + '\n536365,85123A,X,6,12/1/2010 8:26,2.55,17850,United Kingdom\n');
    expect(a?.preset.id).toBe('uci-online-retail');
    expect(a?.missing).toEqual([]);
  });

  it('detects a Chinese header', () => {
    const h = ['订单号', '商品编码', '商品名称', '数量', '下单时间', '单价', '会员ID', '地区', '手机号', '平台', '门店', '金额'];
    expect(detectMapping(h)).toEqual({
      orderId: 0, sku: 1, productName: 2, quantity: 3, placedAt: 4, unitPrice: 5, customerId: 6, region: 7, phone: 8, channel: 9, store: 10, amount: 11,
    });
    expect(detectMapping(['客户ID', '订单编号', '支付时间', '实付金额']).customerId).toBe(0);
    expect(analyzeSample(h.join(',') + '\n1,a,b,1,2023-01-01,1,M1,广东,1,天猫,,1\n')?.preset.id).toBe('generic');
  });

  it('names the required fields a mapping lacks', () => {
    expect(missingRequired({ sku: 0 })).toEqual(['orderId', 'placedAt', 'unitPrice']);
    expect(missingRequired({ orderId: 0, placedAt: 1, amount: 2 })).toEqual([]);
  });
});

describe('cell values', () => {
  it('reads dates exactly as written, no time zone', () => {
    expect(parseLocalDateTime('12/1/2010 8:26')).toEqual({ ok: true, value: '2010-12-01T08:26:00' });
    expect(parseLocalDateTime('2010-12-01 08:26:00')).toEqual({ ok: true, value: '2010-12-01T08:26:00' });
    expect(parseLocalDateTime('12/9/2011 12:50')).toEqual({ ok: true, value: '2011-12-09T12:50:00' });
    expect(parseLocalDateTime('1/2/2011 12:05 AM')).toEqual({ ok: true, value: '2011-01-02T00:05:00' });
    expect(parseLocalDateTime('1/2/2011 1:05 pm')).toEqual({ ok: true, value: '2011-01-02T13:05:00' });
    expect(parseLocalDateTime('2023年5月7日 9:15')).toEqual({ ok: true, value: '2023-05-07T09:15:00' });
    expect(parseLocalDateTime('2023/05/08')).toEqual({ ok: true, value: '2023-05-08T00:00:00' });
    expect(parseLocalDateTime('1/12/2010 8:26', 'dmy')).toEqual({ ok: true, value: '2010-12-01T08:26:00' });
    expect(parseLocalDateTime('2/29/2012 0:00').ok).toBe(true);
    for (const bad of ['13/45/2010 8:28', '2/30/2011 8:34', '2/29/2011 1:00', 'yesterday', '2010-12-01T08:26:00Z', '12/1/2010 24:00', '']) {
      expect(parseLocalDateTime(bad)).toEqual({ ok: false, code: 'not-a-date' });
    }
  });

  it('guesses day-first dates from the sample', () => {
    expect(guessDateOrder(['12/1/2010 8:26', '1/12/2010 9:00'])).toBe('mdy');
    expect(guessDateOrder(['25/1/2010 8:26'])).toBe('dmy');
  });

  it('keeps a round trip for every valid date and time', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2150, 0, 1)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 19);
        const [date, time] = iso.split('T');
        const [y, m, day] = date.split('-').map(Number);
        const [hh, mm] = time.split(':').map(Number);
        expect(parseLocalDateTime(`${m}/${day}/${y} ${hh}:${String(mm).padStart(2, '0')}`)).toEqual({ ok: true, value: `${date}T${time.slice(0, 5)}:00` });
        expect(parseLocalDateTime(iso.replace('T', ' '))).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('reads money into exact cents', () => {
    expect(parseCents('2.55')).toEqual({ ok: true, value: 255 });
    expect(parseCents('1.5')).toEqual({ ok: true, value: 150 });
    expect(parseCents('0.001')).toEqual({ ok: true, value: 0 });
    expect(parseCents('0.005')).toEqual({ ok: true, value: 1 });
    expect(parseCents('-0.005')).toEqual({ ok: true, value: -1 });
    expect(parseCents('-11062.06')).toEqual({ ok: true, value: -1106206 });
    expect(parseCents('1,234.50')).toEqual({ ok: true, value: 123450 });
    expect(parseCents('￥128.50')).toEqual({ ok: true, value: 12850 });
    expect(parseCents('.5')).toEqual({ ok: true, value: 50 });
    expect(parseCents('4.')).toEqual({ ok: true, value: 400 });
    expect(parseCents('0.00001')).toEqual({ ok: false, code: 'too-many-decimals' });
    for (const bad of ['abc', '=1+2', '1.2.3', '-', '.', '1,23.4', '']) expect(parseCents(bad).ok).toBe(false);
    // Never through a float: 0.1 + 0.2 style errors cannot appear.
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (c) => {
        const s = `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
        expect(parseCents(s)).toEqual({ ok: true, value: c === 0 ? 0 : c });
      }),
    );
  });

  it('reads whole quantities and spreadsheet ids', () => {
    expect(parseQuantity('6')).toEqual({ ok: true, value: 6 });
    expect(parseQuantity('-12')).toEqual({ ok: true, value: -12 });
    expect(parseQuantity('6.0')).toEqual({ ok: true, value: 6 });
    expect(parseQuantity('1.5')).toEqual({ ok: false, code: 'not-an-integer' });
    expect(parseQuantity('six')).toEqual({ ok: false, code: 'not-a-number' });
    expect(normaliseId('17850.0')).toBe('17850');
    expect(normaliseId(' M001 ')).toBe('M001');
  });
});

function assemble(rows: string[][], preset = UCI_PRESET) {
  const mapping = detectMapping(UCI_HEADER);
  const a = new OrderAssembler(preset, 'InvoiceNo', 'CustomerID');
  rows.forEach((r, i) => {
    const res = readRow(r, i + 2, UCI_HEADER, mapping, 'mdy');
    if (res.line) a.add(res.line, i + 2);
    else a.addBad(res.orderKey, i + 2, res.issues);
  });
  return a.finish();
}

describe('orders from lines', () => {
  const rows = [
    ['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '6', '12/1/2010 8:26', '2.55', '17850.0', 'United Kingdom'],
    ['536365', '71053', 'WHITE METAL LANTERN', '6', '12/1/2010 8:27', '3.39', '17850.0', 'United Kingdom'],
    ['C536379', 'D', 'Discount', '-1', '12/1/2010 9:41', '27.50', '14527.0', 'United Kingdom'],
    ['536414', '22139', '', '56', '12/1/2010 11:52', '0', '', 'United Kingdom'],
    ['A563186', 'B', 'Adjust bad debt', '1', '8/12/2011 14:51', '-11062.06', '', 'United Kingdom'],
    ['536366', '22633', 'HAND WARMER', '6', '12/2/2010 8:28', '1.85', '17850.0', 'Norway'],
  ];

  it('groups the lines of an invoice into one order with an exact total', () => {
    const s = assemble(rows);
    expect(s.orders.map((o) => o.id)).toEqual(['imp:536365', 'imp:C536379', 'imp:536414', 'imp:A563186', 'imp:536366']);
    const o = s.orders[0];
    expect(o).toMatchObject({ kind: 'sale', gross: 6 * 255 + 6 * 339, paid: 6 * 255 + 6 * 339, refund: 0, discount: 0, placedAt: '2010-12-01T08:26:00', memberKey: 'customer_id:17850', platform: 'import', storeId: null });
    expect(o.lines).toEqual([{ sku: '85123A', qty: 6, unitPrice: 255 }, { sku: '71053', qty: 6, unitPrice: 339 }]);
    const { memberKey: _k, ...order } = o;
    expect(OrderSchema.safeParse({ ...order, memberId: 'C17850' }).success).toBe(true);
  });

  it('makes C invoices refunds and keeps guests and bad-debt adjustments', () => {
    const s = assemble(rows);
    expect(s.orders[1]).toMatchObject({ kind: 'refund', gross: -2750, refund: 2750, paid: 0 });
    expect(s.orders[2]).toMatchObject({ kind: 'sale', memberKey: null, gross: 0 });
    expect(s.orders[3]).toMatchObject({ kind: 'sale', memberKey: null, gross: -1106206, paid: 0, refund: 0 });
    expect(assemble([rows[4]], GENERIC_PRESET).orders[0]).toMatchObject({ kind: 'refund', refund: 1106206 });
  });

  it('makes one member per customer, joined at the first order, with a customer_id identity', () => {
    const s = assemble(rows);
    expect(s.members.map((m) => m.id).sort()).toEqual(['C14527', 'C17850']);
    const m = s.members.find((x) => x.id === 'C17850')!;
    expect(m).toMatchObject({ joinedAt: '2010-12-01T08:26:00', region: 'United Kingdom', city: '', identities: [{ kind: 'customer_id', value: '17850' }] });
    expect(MemberSchema.safeParse({ v: 1, id: m.id, name: '', gender: 'u', birthday: null, region: m.region, city: m.city, level: 0, joinedAt: m.joinedAt, firstPlatform: 'import', homeStoreId: null, guideId: null, wecomFriend: false, attributes: {} }).success).toBe(true);
  });

  it('makes one product per SKU, named and priced from its first line', () => {
    const s = assemble(rows);
    const p = s.products.find((x) => x.sku === '85123A')!;
    expect(p).toEqual({ v: 1, sku: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', category: 'holder', role: 'unknown', price: 255 });
    expect(ProductSchema.safeParse(p).success).toBe(true);
    expect(categoryFor(UCI_PRESET, 'POST', 'POSTAGE')).toBe('service');
  });

  it('skips a whole order when one of its lines is bad, and says so', () => {
    const bad = [...rows.slice(0, 2), ['536365', '22752', 'SET 7 BABUSHKA', 'two', '12/1/2010 8:26', '7.65', '17850', 'United Kingdom']];
    const s = assemble(bad);
    expect(s.orders).toEqual([]);
    expect(s.skippedRows).toBe(3);
    expect(s.errorRows).toBe(1);
    expect(s.issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, 'InvoiceNo', 'order-skipped'], [4, 'Quantity', 'not-a-number']]);
  });

  it('reports every bad cell, empty required ones and over-long fields', () => {
    const s = assemble([
      ['', 'X', '', '1', '', '', '1', 'UK'],
      ['9', 'X', 'x'.repeat(10_001), '1', '12/1/2010 8:26', '1', '1', 'UK'],
    ]);
    expect(s.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'InvoiceNo', 'required'], [2, 'InvoiceDate', 'required'], [2, 'UnitPrice', 'required'], [3, 'Description', 'field-too-long'],
    ]);
    expect(s.skippedRows).toBe(2);
  });

  it('refuses an order whose lines name different customers', () => {
    const s = assemble([rows[0], ['536365', '1', 'x', '1', '12/1/2010 8:26', '1', '99999', 'UK']]);
    expect(s.orders).toEqual([]);
    expect(s.issues.some((i) => i.code === 'customer-conflict' && i.value === '99999')).toBe(true);
  });
});

describe('error report', () => {
  it('is valid CSV, escapes quotes and commas, and disarms formulas', () => {
    const csv = errorReportCsv([
      { row: 2, column: 'Quantity', value: 'six, "6"', code: 'not-a-number' },
      { row: 3, column: 'UnitPrice', value: '=HYPERLINK("x")', code: 'not-a-number' },
      { row: 4, column: 'Quantity', value: '-2', code: 'not-an-integer' },
      { row: 5, column: '@SUM', value: '+1', code: 'not-a-date' },
    ]);
    const back = Papa.parse<string[]>(csv).data;
    expect(back[0]).toEqual(['row', 'column', 'value', 'reason']);
    expect(back[1]).toEqual(['2', 'Quantity', 'six, "6"', 'not a number']);
    expect(back[2][2]).toBe(`'=HYPERLINK("x")`);
    expect(back[3][2]).toBe(`'-2`);
    expect(back[4].slice(1, 3)).toEqual([`'@SUM`, `'+1`]);
    expect(guardFormula('plain')).toBe('plain');
  });
});

describe('preview', () => {
  it('shows the sample through the mapping with stored values and flagged cells', () => {
    const a = analyzeSample(UCI_HEADER.join(',') + '\n536365,85123A,X,6,12/1/2010 8:26,2.55,17850.0,UK\n536366,1,Y,six,13/45/2010 8:26,1,,UK\n')!;
    const p = previewRows(a, a.mapping, a.dateOrder);
    expect(p[0].placedAt).toEqual({ raw: '12/1/2010 8:26', value: '2010-12-01 08:26:00', issue: null });
    expect(p[0].unitPrice?.value).toBe('2.55');
    expect(p[0].customerId?.value).toBe('17850');
    expect(p[1].quantity?.issue).toBe('not-a-number');
    expect(p[1].placedAt?.issue).toBe('not-a-date');
  });
});
