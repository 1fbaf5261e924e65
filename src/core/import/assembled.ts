import type { Platform, Product, Store } from '../model';
import { normalizeIdentity } from '../oneid';
import { groupBy } from './columns';
import type { Dictionaries, LineColumns, OrderColumns, StagedImport, StagedMember, StagedOrder } from './assemble';
import type { ImportPreset } from './presets';
import type { RowIssue } from './report';
import { unitsToCents } from './values';

const PLATFORM_WORDS: [RegExp, Platform][] = [
  [/tmall|taobao|天猫|淘宝/i, 'tmall'],
  [/\bjd\b|jingdong|京东/i, 'jd'],
  [/douyin|tiktok|抖音/i, 'douyin'],
  [/mini ?program|wechat|weixin|小程序|微信/i, 'miniprogram'],
  [/\bpos\b|offline|store|shop|门店|线下/i, 'pos'],
];
export function platformOf(channel: string): Platform {
  for (const [re, p] of PLATFORM_WORDS) if (re.test(channel)) return p;
  return 'import';
}

export interface AssembledParts {
  count: number;
  orders: OrderColumns;
  lines: LineColumns;
  dict: Dictionaries;
  products: Product[];
}

export interface ReadTally {
  rows: number;
  errorRows: number;
  loneBadRows: number;
  issues: RowIssue[];
  maxIssues: number;
}

/** A batch for the writer: some members with all their orders, or guest orders alone. */
export interface StagedBatch {
  members: StagedMember[];
  orders: StagedOrder[];
}

const SKIPPED = -2;
const GUEST = -1;

/**
 * A whole file read and checked, still as columns: who the members are (one per customer id,
 * else per phone; joined at their earliest order), which orders are kept, the totals the
 * review step shows. Orders become objects only when asked for: all at once (`toStaged`, for
 * small files and the CLI) or a batch of members at a time (`batches`, for the writer), so a
 * 10M-line file never exists as 10M objects.
 */
export class AssembledImport {
  readonly rows: number;
  readonly errorRows: number;
  readonly issues: RowIssue[];
  skippedRows: number;
  skippedOrders = 0;
  /** Kept orders, refunds and guest orders among them, their lines (with a SKU), members. */
  orders = 0;
  refunds = 0;
  guestOrders = 0;
  lines = 0;
  members = 0;
  firstAt: string | null = null;
  lastAt: string | null = null;
  readonly stores: Store[] = [];

  private memberOf: Int32Array;
  private m = { customer: [] as number[], phoneKey: [] as string[], phone: [] as number[], joinedAt: [] as string[], region: [] as number[], city: [] as number[], platform: [] as Platform[], store: [] as number[] };
  private platformByChannel: Platform[];
  private sold: Uint8Array;
  private linesOf: { start: Int32Array; at: Int32Array };

  constructor(private preset: ImportPreset, orderColumn: string, private p: AssembledParts, tally: ReadTally) {
    this.rows = tally.rows;
    this.errorRows = tally.errorRows;
    this.issues = tally.issues;
    this.skippedRows = tally.loneBadRows;
    this.platformByChannel = p.dict.channel.values.map(platformOf);
    const o = p.orders;
    this.memberOf = new Int32Array(p.count);
    const byCustomer = new Int32Array(p.dict.customer.size).fill(-1);
    const byPhone = new Map<string, number>();
    const storeIds = new Set<string>();
    const m = this.m;
    for (let g = 0; g < p.count; g++) {
      if (o.bad[g]) {
        this.skippedOrders += 1;
        this.skippedRows += o.rows[g];
        if (o.validRows[g] > 0 && this.issues.length < tally.maxIssues) this.issues.push({ row: o.firstRow[g], column: orderColumn, value: o.keys[g], code: 'order-skipped' });
        this.memberOf[g] = SKIPPED;
        continue;
      }
      const platform = this.platformByChannel[o.channel[g]];
      const storeId = this.storeIdOf(g);
      if (storeId && !storeIds.has(storeId)) {
        storeIds.add(storeId);
        const name = p.dict.store.values[o.store[g]];
        this.stores.push({ v: 1, id: storeId, name: name.slice(0, 200), platform, region: p.dict.region.values[o.region[g]].slice(0, 100), city: p.dict.city.values[o.city[g]].slice(0, 100), lat: null, lng: null });
      }
      const at = o.placedAt[g];
      let who = GUEST;
      const customer = o.customer[g];
      const rawPhone = p.dict.phone.values[o.phone[g]];
      const phoneKey = !customer && rawPhone ? (normalizeIdentity('phone', rawPhone) ?? rawPhone) : '';
      if (customer || phoneKey) {
        who = customer ? byCustomer[customer] : (byPhone.get(phoneKey) ?? -1);
        if (who < 0) {
          who = this.members++;
          if (customer) byCustomer[customer] = who;
          else byPhone.set(phoneKey, who);
          m.customer.push(customer);
          m.phoneKey.push(phoneKey);
          m.phone.push(o.phone[g]);
          m.joinedAt.push(at);
          m.region.push(o.region[g]);
          m.city.push(o.city[g]);
          m.platform.push(platform);
          m.store.push(o.store[g]);
        } else {
          // The member joined with their earliest order; region and platform come from that order.
          if (at < m.joinedAt[who]) {
            m.joinedAt[who] = at;
            m.region[who] = o.region[g];
            m.city[who] = o.city[g];
            m.platform[who] = platform;
            if (o.store[g]) m.store[who] = o.store[g];
          }
          if (o.phone[g] && !m.phone[who]) m.phone[who] = o.phone[g];
        }
      }
      this.memberOf[g] = who;
      this.orders += 1;
      if (this.isRefund(g)) this.refunds += 1;
      if (who === GUEST) this.guestOrders += 1;
      if (!this.firstAt || at < this.firstAt) this.firstAt = at;
      if (!this.lastAt || at > this.lastAt) this.lastAt = at;
    }
    this.issues.sort((a, b) => a.row - b.row);
    this.sold = new Uint8Array(p.products.length);
    const l = p.lines;
    for (let i = 0; i < l.count; i++) {
      if (this.memberOf[l.order[i]] === SKIPPED) continue;
      this.lines += 1;
      this.sold[l.product[i]] = 1;
    }
    this.linesOf = groupBy(l.order, l.count, p.count);
  }

  private storeIdOf(g: number): string | null {
    const name = this.p.dict.store.values[this.p.orders.store[g]];
    return name ? `imp-store:${name.slice(0, 150)}` : null;
  }

  private isRefund(g: number): boolean {
    return this.preset.refundRule === 'prefix-C' ? /^c/i.test(this.p.orders.keys[g]) : unitsToCents(this.p.orders.units[g]) < 0;
  }

  private memberKey(who: number): string | null {
    if (who < 0) return null;
    const c = this.m.customer[who];
    return c ? `customer_id:${this.p.dict.customer.values[c]}` : `phone:${this.m.phoneKey[who]}`;
  }

  private memberAt(who: number): StagedMember {
    const m = this.m;
    const d = this.p.dict;
    const customerId = d.customer.values[m.customer[who]];
    const identities: StagedMember['identities'] = [];
    if (customerId) identities.push({ kind: 'customer_id', value: customerId });
    if (m.phone[who]) identities.push({ kind: 'phone', value: d.phone.values[m.phone[who]] });
    const store = d.store.values[m.store[who]];
    return {
      key: this.memberKey(who)!,
      id: customerId ? `C${customerId}` : `P${m.phoneKey[who]}`,
      identities,
      region: d.region.values[m.region[who]].slice(0, 100),
      city: d.city.values[m.city[who]].slice(0, 100),
      joinedAt: m.joinedAt[who],
      firstPlatform: m.platform[who],
      homeStoreId: store ? `imp-store:${store.slice(0, 150)}` : null,
    };
  }

  private orderAt(g: number): StagedOrder {
    const o = this.p.orders;
    const l = this.p.lines;
    const lines = [];
    for (let k = this.linesOf.start[g]; k < this.linesOf.start[g + 1]; k++) {
      const i = this.linesOf.at[k];
      lines.push({ sku: this.p.products[l.product[i]].sku, qty: l.qty[i], unitPrice: l.unitPrice[i] });
    }
    const gross = unitsToCents(o.units[g]);
    const refund = this.isRefund(g);
    return {
      v: 1,
      id: `imp:${o.keys[g]}`,
      memberKey: this.memberKey(this.memberOf[g]),
      externalId: o.keys[g],
      kind: refund ? 'refund' : 'sale',
      platform: this.platformByChannel[o.channel[g]],
      storeId: this.storeIdOf(g),
      placedAt: o.placedAt[g],
      gross,
      discount: 0,
      storeCredit: 0,
      paid: refund ? 0 : Math.max(gross, 0),
      refund: refund ? Math.abs(gross) : 0,
      couponId: null,
      lines,
    };
  }

  /** Only products that a kept order sells: a skipped order leaves no trace. */
  get products(): Product[] {
    return this.p.products.filter((_, i) => this.sold[i]);
  }

  /**
   * Members with their orders, at most `size` members and (unless one member alone has more)
   * `maxOrders` orders a batch, each member's orders in file order; then guest orders. Members
   * come in order of first appearance, so the heavy buyers come first: a cap on orders keeps
   * the first batches from being ten times the others.
   */
  *batches(size: number, maxOrders = size * 5): Generator<StagedBatch> {
    const { start, at } = groupBy(this.memberOf, this.memberOf.length, this.members);
    let batch: StagedBatch = { members: [], orders: [] };
    for (let who = 0; who < this.members; who++) {
      const n = start[who + 1] - start[who];
      if (batch.members.length >= size || (batch.members.length > 0 && batch.orders.length + n > maxOrders)) {
        yield batch;
        batch = { members: [], orders: [] };
      }
      batch.members.push(this.memberAt(who));
      for (let k = start[who]; k < start[who + 1]; k++) batch.orders.push(this.orderAt(at[k]));
    }
    if (batch.members.length) yield batch;
    let guests: StagedOrder[] = [];
    for (let g = 0; g < this.memberOf.length; g++) {
      if (this.memberOf[g] !== GUEST) continue;
      guests.push(this.orderAt(g));
      if (guests.length >= maxOrders) {
        yield { members: [], orders: guests };
        guests = [];
      }
    }
    if (guests.length) yield { members: [], orders: guests };
  }

  /** Everything as objects, in the file's order: what the CLI, tests and small commits use. */
  toStaged(): StagedImport {
    const orders: StagedOrder[] = [];
    for (let g = 0; g < this.memberOf.length; g++) if (this.memberOf[g] !== SKIPPED) orders.push(this.orderAt(g));
    const members: StagedMember[] = [];
    for (let who = 0; who < this.members; who++) members.push(this.memberAt(who));
    return {
      orders, members, products: this.products, stores: this.stores, rows: this.rows, skippedRows: this.skippedRows, skippedOrders: this.skippedOrders,
      errorRows: this.errorRows, issues: this.issues, firstAt: this.firstAt, lastAt: this.lastAt,
    };
  }
}
