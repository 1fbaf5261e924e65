import type { IdentityKind, Order, Platform, Product, Store } from '../model';
import { AssembledImport } from './assembled';
import { Dictionary, flags, float64s, int32s, ownString } from './columns';
import type { ParsedLine } from './rows';
import type { RowIssue } from './report';
import { categoryFor, type ImportPreset } from './presets';
import { unitsToCents } from './values';

/** An order before commit: its member is named by key and resolved against the workspace then. */
export interface StagedOrder extends Omit<Order, 'memberId'> {
  memberKey: string | null;
}

/** A customer seen in the file; at commit it matches an existing member by identity or becomes one. */
export interface StagedMember {
  key: string;
  /** The id a new member gets: "C<customer id>" or "P<phone>". */
  id: string;
  identities: { kind: IdentityKind; value: string }[];
  region: string;
  city: string;
  joinedAt: string;
  firstPlatform: Platform;
  homeStoreId: string | null;
}

export interface StagedImport {
  orders: StagedOrder[];
  members: StagedMember[];
  products: Product[];
  stores: Store[];
  /** Data rows read (header excluded, blank lines excluded). */
  rows: number;
  /** Rows not imported: rows with errors and the other rows of their orders. */
  skippedRows: number;
  skippedOrders: number;
  /** Rows that had at least one problem. */
  errorRows: number;
  issues: RowIssue[];
  firstAt: string | null;
  lastAt: string | null;
}

export { platformOf } from './assembled';
export type { StagedBatch } from './assembled';
export { AssembledImport };

/** Per-order columns, one entry per order id seen (valid or not), in order of first appearance. */
export interface OrderColumns {
  keys: string[];
  placedAt: string[];
  firstRow: Int32Array;
  rows: Int32Array;
  validRows: Int32Array;
  bad: Uint8Array;
  /** Σ line amounts in 1/10,000 units (exact: integers far below 2^53). */
  units: Float64Array;
  /** Dictionary codes (0 = empty) of the first non-empty value among the order's lines. */
  customer: Int32Array;
  phone: Int32Array;
  region: Int32Array;
  city: Int32Array;
  channel: Int32Array;
  store: Int32Array;
}

/** Per-line columns of valid lines that name a SKU, in file order. */
export interface LineColumns {
  count: number;
  order: Int32Array;
  product: Int32Array;
  qty: Float64Array;
  unitPrice: Float64Array;
}

export interface Dictionaries {
  customer: Dictionary;
  phone: Dictionary;
  region: Dictionary;
  city: Dictionary;
  channel: Dictionary;
  store: Dictionary;
}

/**
 * Groups valid lines into orders (one order per order id, wherever its lines are in the
 * file), holding them as columns rather than objects (see columns.ts). `assemble()` hands
 * them to AssembledImport, which resolves members and gives orders out in batches.
 */
export class OrderAssembler {
  private index = new Map<string, number>();
  private keys: string[] = [];
  private placedAt: string[] = [];
  private firstRow = int32s();
  private rowCount = int32s();
  private validRows = int32s();
  private bad = flags();
  private units = float64s();
  private cols = { customer: int32s(), phone: int32s(), region: int32s(), city: int32s(), channel: int32s(), store: int32s() };
  private dict: Dictionaries = { customer: new Dictionary(), phone: new Dictionary(), region: new Dictionary(), city: new Dictionary(), channel: new Dictionary(), store: new Dictionary() };
  private lines = { order: int32s(), product: int32s(), qty: float64s(), unitPrice: float64s() };
  private products: Product[] = [];
  private productCode = new Map<string, number>();
  private issues: RowIssue[] = [];
  private errorRows = 0;
  private rows = 0;
  private loneBadRows = 0;
  // Lines of one order are usually adjacent: the last order found skips a map lookup.
  private lastKey: string | null = null;
  private last = -1;

  constructor(private preset: ImportPreset, private orderColumn: string, private customerColumn: string, private maxIssues = 100_000) {}

  private report(issues: RowIssue[]): void {
    this.errorRows += 1;
    for (const i of issues) if (this.issues.length < this.maxIssues) this.issues.push(i);
  }

  private group(key: string, rowNo: number): number {
    let g = key === this.lastKey ? this.last : this.index.get(key);
    if (g === undefined) {
      const own = ownString(key);
      g = this.keys.length;
      this.index.set(own, g);
      this.keys.push(own);
      this.placedAt.push('');
      this.firstRow.push(rowNo);
      this.rowCount.push(0);
      this.validRows.push(0);
      this.bad.push(0);
      this.units.push(0);
      const c = this.cols;
      c.customer.push(0);
      c.phone.push(0);
      c.region.push(0);
      c.city.push(0);
      c.channel.push(0);
      c.store.push(0);
    }
    this.lastKey = key;
    this.last = g;
    this.rowCount.data[g] += 1;
    return g;
  }

  /** A row that could not be read: its order (if known) is skipped whole. */
  addBad(orderKey: string | null, rowNo: number, issues: RowIssue[]): void {
    this.rows += 1;
    this.report(issues);
    if (orderKey === null) this.loneBadRows += 1;
    else this.bad.data[this.group(orderKey, rowNo)] = 1;
  }

  add(line: ParsedLine, rowNo: number): void {
    this.rows += 1;
    const g = this.group(line.orderKey, rowNo);
    this.validRows.data[g] += 1;
    const cols = this.cols;
    const dict = this.dict;
    // Hot path: a dictionary lookup only for an order's first value of each field.
    const had = cols.customer.data[g];
    if (line.customerId) {
      if (!had) cols.customer.data[g] = dict.customer.code(line.customerId);
      else if (dict.customer.values[had] !== line.customerId) {
        this.bad.data[g] = 1;
        this.report([{ row: rowNo, column: this.customerColumn, value: line.customerId, code: 'customer-conflict' }]);
        return;
      }
    }
    // An order placed across a minute boundary keeps its earliest time.
    if (!this.placedAt[g] || line.placedAt < this.placedAt[g]) this.placedAt[g] = line.placedAt;
    if (line.phone && !cols.phone.data[g]) cols.phone.data[g] = dict.phone.code(line.phone);
    if (line.region && !cols.region.data[g]) cols.region.data[g] = dict.region.code(line.region);
    if (line.city && !cols.city.data[g]) cols.city.data[g] = dict.city.code(line.city);
    if (line.channel && !cols.channel.data[g]) cols.channel.data[g] = dict.channel.code(line.channel);
    if (line.store && !cols.store.data[g]) cols.store.data[g] = dict.store.code(line.store);
    this.units.data[g] += line.lineUnits;
    if (line.sku) {
      this.lines.order.push(g);
      this.lines.product.push(this.noteProduct(line));
      this.lines.qty.push(line.qty);
      this.lines.unitPrice.push(unitsToCents(line.priceUnits));
    }
  }

  private noteProduct(line: ParsedLine): number {
    const code = this.productCode.get(line.sku);
    if (code !== undefined) {
      const p = this.products[code];
      if (!p.name && line.name) {
        p.name = ownString(line.name.slice(0, 300));
        if (!line.category) p.category = categoryFor(this.preset, line.sku, line.name);
      }
      return code;
    }
    const sku = ownString(line.sku);
    this.productCode.set(sku, this.products.length);
    this.products.push({
      v: 1,
      sku,
      name: ownString(line.name.slice(0, 300)),
      category: ownString((line.category || categoryFor(this.preset, line.sku, line.name)).slice(0, 100)),
      role: 'unknown',
      price: unitsToCents(line.priceUnits),
    });
    return this.products.length - 1;
  }

  /** Done reading: resolve members and hand the columns over (this assembler is spent). */
  assemble(): AssembledImport {
    const n = this.keys.length;
    const c = this.cols;
    // Trimmed one by one, so at most one column is ever held twice.
    const orders: OrderColumns = {
      keys: this.keys, placedAt: this.placedAt, firstRow: this.firstRow.trimmed(), rows: this.rowCount.trimmed(), validRows: this.validRows.trimmed(),
      bad: this.bad.trimmed(), units: this.units.trimmed(), customer: c.customer.trimmed(), phone: c.phone.trimmed(), region: c.region.trimmed(),
      city: c.city.trimmed(), channel: c.channel.trimmed(), store: c.store.trimmed(),
    };
    const l = this.lines;
    const lines: LineColumns = { count: l.order.length, order: l.order.trimmed(), product: l.product.trimmed(), qty: l.qty.trimmed(), unitPrice: l.unitPrice.trimmed() };
    this.index.clear();
    return new AssembledImport(this.preset, this.orderColumn, { count: n, orders, lines, dict: this.dict, products: this.products },
      { rows: this.rows, errorRows: this.errorRows, loneBadRows: this.loneBadRows, issues: this.issues, maxIssues: this.maxIssues });
  }

  /** Everything as plain objects (tests, the CLI, small files): assemble().toStaged(). */
  finish(): StagedImport {
    return this.assemble().toStaged();
  }
}
