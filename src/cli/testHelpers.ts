import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { main } from './main';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_CSV = join(REPO_ROOT, 'test/fixtures/online-retail-sample.csv');
export const FULL_CSV_GZ = resolve(REPO_ROOT, '../shared/data/online-retail.csv.gz');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: unknown;
  error: { message: string; where?: Record<string, unknown> } | undefined;
}

/** Run the CLI in-process, as the bin does, collecting its output. */
export async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  const parse = (t: string) => {
    try {
      return JSON.parse(t);
    } catch {
      return undefined;
    }
  };
  return { code, stdout, stderr, json: parse(stdout), error: parse(stderr)?.error };
}

export const tempDir = (prefix = 'meridian-cli-') => mkdtemp(join(tmpdir(), prefix));

/**
 * The UCI file counted independently of the importer (papaparse over the raw CSV): invoices,
 * cancellations (C-invoices), distinct customers, guest invoices, and each customer's net
 * spend in pence (sales' positive totals minus the cancellations' amounts).
 */
export function independentCounts(csvText: string) {
  const rows = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true }).data;
  const invoices = new Map<string, { customer: string; pence: number }>();
  for (const r of rows) {
    const inv = r.InvoiceNo.trim();
    const cust = r.CustomerID.trim().replace(/\.0$/, '');
    const i = invoices.get(inv) ?? { customer: '', pence: 0 };
    i.customer ||= cust;
    // In 1/10,000 of a pound until the invoice is summed, then rounded half away from zero.
    i.pence += Number(r.Quantity) * Math.round(Number(r.UnitPrice) * 10_000);
    invoices.set(inv, i);
  }
  const net = new Map<string, number>();
  const orders = new Map<string, number>();
  const refunders = new Set<string>();
  let refunds = 0;
  let guests = 0;
  for (const [inv, i] of invoices) {
    i.pence = Math.sign(i.pence) * Math.round(Math.abs(i.pence) / 100);
    const refund = inv.startsWith('C');
    if (refund) refunds++;
    if (!i.customer) {
      guests++;
      continue;
    }
    if (refund) refunders.add(i.customer);
    else orders.set(i.customer, (orders.get(i.customer) ?? 0) + 1);
    net.set(i.customer, (net.get(i.customer) ?? 0) + (refund ? -Math.abs(i.pence) : Math.max(i.pence, 0)));
  }
  return { orders: invoices.size, refunds, members: net.size, guestOrders: guests, lines: rows.length, net, ordersPerMember: orders, refunders };
}

export const sampleText = () => readFileSync(SAMPLE_CSV, 'utf8');
