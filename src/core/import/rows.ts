import type { ColumnMapping } from './fields';
import type { IssueCode, RowIssue } from './report';
import { normaliseId, parseDecimalUnits, parseLocalDateTime, parseQuantity, type DateOrder } from './values';

/** One valid line of an order, read from one row. Money in 1/10,000 units until the order is summed. */
export interface ParsedLine {
  orderKey: string;
  placedAt: string;
  customerId: string;
  phone: string;
  sku: string;
  name: string;
  category: string;
  qty: number;
  priceUnits: number;
  /** qty × price, or the row's amount when the file gives one. */
  lineUnits: number;
  region: string;
  city: string;
  channel: string;
  store: string;
}

export interface RowResult {
  /** The order the row belongs to, when it can be read, so a bad line skips its whole order. */
  orderKey: string | null;
  line: ParsedLine | null;
  issues: RowIssue[];
}

export const MAX_FIELD_CHARS = 10_000;
export const MAX_LINE_CHARS = 1_048_576;
/** Field limits of the stored records (order.externalId, line.sku). */
const MAX_ORDER_ID = 100;
const MAX_SKU = 64;
const MAX_CUSTOMER_ID = 150;

function cellOf(fields: readonly string[], i: number | undefined): string {
  if (i === undefined) return '';
  const v = fields[i];
  return v === undefined ? '' : v.trim();
}

const NO_ISSUES: RowIssue[] = [];

// Lines of one order share their date string: remember the last one read.
let lastDate = { raw: '', order: 'mdy' as DateOrder, result: parseLocalDateTime('', 'mdy') };
function cachedDate(raw: string, order: DateOrder) {
  if (raw !== lastDate.raw || order !== lastDate.order) lastDate = { raw, order, result: parseLocalDateTime(raw, order) };
  return lastDate.result;
}

/**
 * Read one data row. `rowNo` is the spreadsheet row (header = 1). Every problem in the row is
 * reported, not only the first, so one pass over the report fixes the file.
 */
export function readRow(fields: readonly string[], rowNo: number, header: readonly string[], mapping: ColumnMapping, dateOrder: DateOrder): RowResult {
  // Hot path (half a million rows): no issue array is allocated until a problem shows up.
  let issues: RowIssue[] | null = null;
  const fail = (i: number | undefined, code: IssueCode) => {
    (issues ??= []).push({ row: rowNo, column: i === undefined ? '' : (header[i] ?? `#${i + 1}`), value: cellOf(fields, i), code });
  };
  let total = 0;
  for (let i = 0; i < fields.length; i++) {
    const len = fields[i].length;
    total += len;
    // Only the start of a huge value travels on to the report.
    if (len > MAX_FIELD_CHARS) (issues ??= []).push({ row: rowNo, column: header[i] ?? `#${i + 1}`, value: `${fields[i].slice(0, 200)}…`, code: 'field-too-long' });
  }
  if (total > MAX_LINE_CHARS) (issues ??= []).push({ row: rowNo, column: '', value: '', code: 'line-too-long' });
  if (issues) return { orderKey: null, line: null, issues };

  const orderKey = cellOf(fields, mapping.orderId);
  if (!orderKey) fail(mapping.orderId, 'required');
  else if (orderKey.length > MAX_ORDER_ID) fail(mapping.orderId, 'value-too-long');

  let placedAt = '';
  const rawDate = cellOf(fields, mapping.placedAt);
  if (!rawDate) fail(mapping.placedAt, 'required');
  else {
    const d = cachedDate(rawDate, dateOrder);
    if (d.ok) placedAt = d.value;
    else fail(mapping.placedAt, d.code);
  }

  let qty = 1;
  if (mapping.quantity !== undefined) {
    const raw = cellOf(fields, mapping.quantity);
    if (!raw) fail(mapping.quantity, 'required');
    else {
      const q = parseQuantity(raw);
      if (q.ok) qty = q.value;
      else fail(mapping.quantity, q.code);
    }
  }

  let priceUnits = 0;
  let priceOk = false;
  const rawPrice = cellOf(fields, mapping.unitPrice);
  if (rawPrice) {
    const p = parseDecimalUnits(rawPrice);
    if (p.ok) {
      priceUnits = p.value;
      priceOk = true;
    } else fail(mapping.unitPrice, p.code);
  }
  let lineUnits = qty * priceUnits;
  const rawAmount = cellOf(fields, mapping.amount);
  if (rawAmount) {
    const a = parseDecimalUnits(rawAmount);
    if (a.ok) {
      lineUnits = a.value;
      // Without a unit price the line's price is its amount spread over its quantity.
      if (!priceOk && !rawPrice) priceUnits = qty !== 0 ? Math.round(a.value / qty) : a.value;
    } else fail(mapping.amount, a.code);
  } else if (!rawPrice) {
    fail(mapping.unitPrice ?? mapping.amount, 'required');
  }

  const sku = cellOf(fields, mapping.sku);
  if (sku.length > MAX_SKU) fail(mapping.sku, 'value-too-long');
  const customerId = normaliseId(cellOf(fields, mapping.customerId));
  if (customerId.length > MAX_CUSTOMER_ID) fail(mapping.customerId, 'value-too-long');
  const phone = mapping.phone === undefined ? '' : cellOf(fields, mapping.phone).replace(/[\s-]/g, '');
  if (phone.length > MAX_CUSTOMER_ID) fail(mapping.phone, 'value-too-long');

  const key = orderKey && orderKey.length <= MAX_ORDER_ID ? orderKey : null;
  if (issues) return { orderKey: key, line: null, issues };
  return {
    orderKey: key,
    issues: NO_ISSUES,
    line: {
      orderKey,
      placedAt,
      customerId,
      phone,
      sku,
      name: cellOf(fields, mapping.productName),
      category: cellOf(fields, mapping.category),
      qty,
      priceUnits,
      lineUnits,
      region: cellOf(fields, mapping.region),
      city: cellOf(fields, mapping.city),
      channel: cellOf(fields, mapping.channel),
      store: cellOf(fields, mapping.store),
    },
  };
}
