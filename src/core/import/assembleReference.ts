import type { OrderLine, Platform, Product, Store } from '../model';
import { normalizeIdentity } from '../oneid';
import type { ParsedLine } from './rows';
import type { RowIssue } from './report';
import { categoryFor, type ImportPreset } from './presets';
import { unitsToCents } from './values';
import { platformOf, type StagedImport, type StagedMember, type StagedOrder } from './assemble';

/**
 * TEST ORACLE: the first assembler, one object per order and per line, kept as the naive
 * reference the column-based OrderAssembler (assemble.ts) is checked against. Not used by
 * the app: at 10M lines it needs several GB.
 */
interface Group {
  key: string;
  firstRow: number;
  rows: number;
  validRows: number;
  bad: boolean;
  placedAt: string;
  customerId: string;
  phone: string;
  region: string;
  city: string;
  channel: string;
  store: string;
  units: number;
  lines: OrderLine[];
}

/** Groups valid lines into orders (one order per order id), in the file's order. */
export class ReferenceAssembler {
  private groups = new Map<string, Group>();
  private issues: RowIssue[] = [];
  private errorRows = 0;
  private rows = 0;
  private loneBadRows = 0;

  constructor(private preset: ImportPreset, private orderColumn: string, private customerColumn: string, private maxIssues = 100_000) {}

  private report(issues: RowIssue[]): void {
    this.errorRows += 1;
    for (const i of issues) if (this.issues.length < this.maxIssues) this.issues.push(i);
  }

  private group(key: string, rowNo: number): Group {
    let g = this.groups.get(key);
    if (!g) {
      g = { key, firstRow: rowNo, rows: 0, validRows: 0, bad: false, placedAt: '', customerId: '', phone: '', region: '', city: '', channel: '', store: '', units: 0, lines: [] };
      this.groups.set(key, g);
    }
    g.rows += 1;
    return g;
  }

  /** A row that could not be read: its order (if known) is skipped whole. */
  addBad(orderKey: string | null, rowNo: number, issues: RowIssue[]): void {
    this.rows += 1;
    this.report(issues);
    if (orderKey === null) this.loneBadRows += 1;
    else this.group(orderKey, rowNo).bad = true;
  }

  add(line: ParsedLine, rowNo: number): void {
    this.rows += 1;
    const g = this.group(line.orderKey, rowNo);
    g.validRows += 1;
    if (line.customerId && g.customerId && line.customerId !== g.customerId) {
      g.bad = true;
      this.report([{ row: rowNo, column: this.customerColumn, value: line.customerId, code: 'customer-conflict' }]);
      return;
    }
    // An order placed across a minute boundary keeps its earliest time.
    if (!g.placedAt || line.placedAt < g.placedAt) g.placedAt = line.placedAt;
    g.customerId ||= line.customerId;
    g.phone ||= line.phone;
    g.region ||= line.region;
    g.city ||= line.city;
    g.channel ||= line.channel;
    g.store ||= line.store;
    g.units += line.lineUnits;
    if (line.sku) g.lines.push({ sku: line.sku, qty: line.qty, unitPrice: unitsToCents(line.priceUnits) });
    this.noteProduct(line);
  }

  private products = new Map<string, Product>();
  private noteProduct(line: ParsedLine): void {
    if (!line.sku) return;
    const p = this.products.get(line.sku);
    if (p) {
      if (!p.name && line.name) {
        p.name = line.name.slice(0, 300);
        if (!line.category) p.category = categoryFor(this.preset, line.sku, line.name);
      }
      return;
    }
    this.products.set(line.sku, {
      v: 1,
      sku: line.sku,
      name: line.name.slice(0, 300),
      category: (line.category || categoryFor(this.preset, line.sku, line.name)).slice(0, 100),
      role: 'unknown',
      price: unitsToCents(line.priceUnits),
    });
  }

  finish(): StagedImport {
    const orders: StagedOrder[] = [];
    const members = new Map<string, StagedMember>();
    const stores = new Map<string, Store>();
    let skippedRows = this.loneBadRows;
    let skippedOrders = 0;
    let firstAt: string | null = null;
    let lastAt: string | null = null;
    for (const g of this.groups.values()) {
      if (g.bad) {
        skippedOrders += 1;
        skippedRows += g.rows;
        if (g.validRows > 0 && this.issues.length < this.maxIssues) {
          this.issues.push({ row: g.firstRow, column: this.orderColumn, value: g.key, code: 'order-skipped' });
        }
        continue;
      }
      const platform = platformOf(g.channel);
      const storeId = g.store ? `imp-store:${g.store.slice(0, 150)}` : null;
      if (storeId && !stores.has(storeId)) {
        stores.set(storeId, { v: 1, id: storeId, name: g.store.slice(0, 200), platform, region: g.region.slice(0, 100), city: g.city.slice(0, 100), lat: null, lng: null });
      }
      const memberKey = this.noteMember(members, g, platform, storeId);
      const gross = unitsToCents(g.units);
      const refund = this.preset.refundRule === 'prefix-C' ? /^c/i.test(g.key) : gross < 0;
      orders.push({
        v: 1,
        id: `imp:${g.key}`,
        memberKey,
        externalId: g.key,
        kind: refund ? 'refund' : 'sale',
        platform,
        storeId,
        placedAt: g.placedAt,
        gross,
        discount: 0,
        storeCredit: 0,
        paid: refund ? 0 : Math.max(gross, 0),
        refund: refund ? Math.abs(gross) : 0,
        couponId: null,
        lines: g.lines,
      });
      if (!firstAt || g.placedAt < firstAt) firstAt = g.placedAt;
      if (!lastAt || g.placedAt > lastAt) lastAt = g.placedAt;
    }
    // Only products that a kept order sells: a skipped order leaves no trace.
    const sold = new Set<string>();
    for (const o of orders) for (const l of o.lines) sold.add(l.sku);
    return {
      orders,
      members: [...members.values()],
      products: [...this.products.values()].filter((p) => sold.has(p.sku)),
      stores: [...stores.values()],
      rows: this.rows,
      skippedRows,
      skippedOrders,
      errorRows: this.errorRows,
      issues: this.issues.sort((a, b) => a.row - b.row),
      firstAt,
      lastAt,
    };
  }

  private noteMember(members: Map<string, StagedMember>, g: Group, platform: Platform, storeId: string | null): string | null {
    const phone = g.phone ? (normalizeIdentity('phone', g.phone) ?? g.phone) : '';
    const key = g.customerId ? `customer_id:${g.customerId}` : phone ? `phone:${phone}` : null;
    if (!key) return null;
    const m = members.get(key);
    if (m) {
      // The member joined with their earliest order; region and platform come from that order.
      if (g.placedAt < m.joinedAt) Object.assign(m, { joinedAt: g.placedAt, region: g.region.slice(0, 100), city: g.city.slice(0, 100), firstPlatform: platform, homeStoreId: storeId ?? m.homeStoreId });
      if (g.phone && !m.identities.some((i) => i.kind === 'phone')) m.identities.push({ kind: 'phone', value: g.phone });
      return key;
    }
    const identities: StagedMember['identities'] = [];
    if (g.customerId) identities.push({ kind: 'customer_id', value: g.customerId });
    if (g.phone) identities.push({ kind: 'phone', value: g.phone });
    members.set(key, {
      key,
      id: g.customerId ? `C${g.customerId}` : `P${phone}`,
      identities,
      region: g.region.slice(0, 100),
      city: g.city.slice(0, 100),
      joinedAt: g.placedAt,
      firstPlatform: platform,
      homeStoreId: storeId,
    });
    return key;
  }
}
