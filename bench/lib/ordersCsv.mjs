// A deterministic, realistic order-line CSV of any size, in the UCI Online Retail layout
// (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country),
// so the importer recognises it with its UCI preset: "C" invoices are refunds, GBP.
//
// Shape (what a consumer brand's export looks like): ~1M customers whose order counts are
// long-tailed (most buy once or twice, a few hundred buy weekly), guest orders without a
// customer id, refunds, 1–N lines per order over a Zipf-popular catalogue, invoices in time
// order over two years. Streamed: what is held is one slot per order (4 bytes) and one bit
// per customer, never the rows. Same seed and size, same bytes.
//
//   node bench/lib/ordersCsv.mjs [lines=10000000] [out=bench/.cache/orders-<lines>.csv.gz]
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

export const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
const GENERATOR_VERSION = 1;

/** mulberry32: small, fast, good enough for data shapes; a seed gives one sequence. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLOURS = ['WHITE', 'RED', 'PINK', 'BLUE', 'GREEN', 'IVORY', 'BLACK', 'VINTAGE', 'RETRO', 'PASTEL', 'GOLD', 'SILVER'];
const THINGS = ['HEART', 'STAR', 'SPOT', 'FLOWER', 'BIRD', 'OWL', 'ROSE', 'PAISLEY', 'BUNTING', 'DOILY', 'CHRISTMAS', 'POLKADOT'];
const ITEMS = ['T-LIGHT HOLDER', 'LANTERN', 'MUG', 'BAG', 'CUSHION COVER', 'NOTEBOOK', 'CAKE TIN', 'JAR', 'TEA TOWEL', 'CANDLE', 'DOORMAT', 'CLOCK', 'PURSE', 'WRAP', 'BOTTLE', 'FRAME'];
const COUNTRIES = [
  ['United Kingdom', 80], ['Germany', 4], ['France', 4], ['EIRE', 3], ['Spain', 1.5], ['Netherlands', 1.5], ['Belgium', 1],
  ['Switzerland', 1], ['Portugal', 0.8], ['Australia', 0.8], ['Norway', 0.5], ['Italy', 0.5], ['Channel Islands', 0.4], ['Japan', 0.3],
];

/** Defaults: 10M lines, ~1.35M customers drawn (~1.2M of them get an order before the lines run out), 8% guest orders, 3% refunds. */
export function defaults(lines = 10_000_000) {
  return { lines, customers: Math.round(lines / 7.4), seed: 20261201, guestShare: 0.08, refundShare: 0.03, products: 5000, start: Date.UTC(2023, 0, 1), days: 730 };
}

function catalogue(n, rand) {
  const skus = [];
  const names = [];
  const prices = [];
  for (let i = 0; i < n; i++) {
    skus.push(String(20000 + i) + (rand() < 0.3 ? 'ABCDEFG'[Math.floor(rand() * 7)] : ''));
    names.push(`${COLOURS[Math.floor(rand() * COLOURS.length)]} ${THINGS[Math.floor(rand() * THINGS.length)]} ${ITEMS[Math.floor(rand() * ITEMS.length)]}`);
    // Prices in pence, written as pounds with 2 decimals: 0.29 .. ~50, most under 5.
    prices.push(29 + Math.floor(Math.pow(rand(), 3) * 4970));
  }
  return { skus, names, prices };
}

/** Zipf-ish pick over 0..n-1: low indices are the best sellers. */
const zipf = (rand, n) => Math.min(n - 1, Math.floor(Math.pow(rand(), 2.2) * n));

/** Orders per customer: Pareto (alpha 1.25) floored, capped at 400; mean ≈ 4.5. */
const ordersOf = (rand) => Math.min(400, Math.floor(1 / Math.pow(1 - rand(), 1 / 1.25)));

/** Lines per order: 1 (55%), 2 (25%), 3 (11%), then a tail to 12; mean ≈ 1.8. */
function linesOf(rand) {
  const u = rand();
  if (u < 0.55) return 1;
  if (u < 0.8) return 2;
  if (u < 0.91) return 3;
  return 4 + Math.floor(Math.pow(rand(), 2) * 9);
}

const COUNTRY_WEIGHT = COUNTRIES.reduce((s, [, w]) => s + w, 0);
/** Index into COUNTRIES, by weight. */
function pickCountry(rand) {
  let u = rand() * COUNTRY_WEIGHT;
  for (let i = 0; i < COUNTRIES.length; i++) if ((u -= COUNTRIES[i][1]) <= 0) return i;
  return 0;
}

const pad = (n) => (n < 10 ? '0' : '') + n;
/** UCI's own date form: month/day/year hour:minute, no leading zeros on month, day, hour. */
function ukDate(ms) {
  const d = new Date(ms);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}`;
}

/**
 * Writes the CSV to `out` (gzip when it ends in .gz) and returns what it holds, counted as
 * written: lines, orders, sales, refunds, guestOrders, members (customers with an order).
 */
export async function writeOrdersCsv(out, options = {}) {
  const o = { ...defaults(options.lines), ...options };
  const rand = rng(o.seed);
  const cat = catalogue(o.products, rand);
  // One slot per order, in time order: customer index, or -1 for a guest.
  const perCustomer = new Uint16Array(o.customers);
  let slots = 0;
  for (let c = 0; c < o.customers; c++) slots += perCustomer[c] = ordersOf(rand);
  const guests = Math.round((slots * o.guestShare) / (1 - o.guestShare));
  const order = new Int32Array(slots + guests);
  let k = 0;
  for (let c = 0; c < o.customers; c++) for (let j = 0; j < perCustomer[c]; j++) order[k++] = c;
  order.fill(-1, k);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const country = new Uint8Array(o.customers);
  for (let c = 0; c < o.customers; c++) country[c] = pickCountry(rand);
  const seen = new Uint8Array(o.customers);

  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.part`;
  const file = createWriteStream(tmp);
  const gz = out.endsWith('.gz') ? createGzip({ level: 4 }) : null;
  if (gz) gz.pipe(file);
  const sink = gz ?? file;
  const done = new Promise((res, rej) => {
    file.on('finish', res);
    file.on('error', rej);
  });
  const facts = { lines: 0, orders: 0, sales: 0, refunds: 0, guestOrders: 0, members: 0, grossPence: 0 };
  let chunk = HEADER + '\n';
  const total = order.length;
  for (let n = 0; n < total && facts.lines < o.lines; n++) {
    const c = order[n];
    // Invoices in time order; shops sell from 07:00 to 22:59 of each day.
    const pos = (n / total) * o.days;
    const day = Math.floor(pos);
    const when = ukDate(o.start + day * 86_400_000 + (420 + Math.floor((pos - day) * 960)) * 60_000);
    const refund = c >= 0 && rand() < o.refundShare;
    const invoice = (refund ? 'C' : '') + String(1_000_000 + n);
    const customer = c >= 0 ? String(10_000 + c) : '';
    const where = COUNTRIES[c >= 0 ? country[c] : 0][0];
    const nLines = Math.min(linesOf(rand), o.lines - facts.lines);
    for (let l = 0; l < nLines; l++) {
      const p = zipf(rand, o.products);
      const qty = (refund ? -1 : 1) * (1 + Math.floor(Math.pow(rand(), 3) * 24));
      facts.grossPence += qty * cat.prices[p];
      chunk += `${invoice},${cat.skus[p]},${cat.names[p]},${qty},${when},${(cat.prices[p] / 100).toFixed(2)},${customer},${where}\n`;
    }
    facts.lines += nLines;
    facts.orders += 1;
    if (refund) facts.refunds += 1;
    else facts.sales += 1;
    if (c < 0) facts.guestOrders += 1;
    else if (!seen[c]) {
      seen[c] = 1;
      facts.members += 1;
    }
    if (chunk.length > 1 << 20) {
      if (!sink.write(chunk)) await new Promise((r) => sink.once('drain', r));
      chunk = '';
    }
  }
  sink.end(chunk);
  await done;
  renameSync(tmp, out);
  return { ...facts, customersDrawn: o.customers, seed: o.seed, generator: GENERATOR_VERSION };
}

/**
 * The cached file for `lines` (bench/.cache, gitignored), generated once; its facts sit beside it
 * in a .json so a later run checks against the same numbers without reading the file.
 */
export async function cachedOrdersCsv(root, lines = 10_000_000, log = () => {}) {
  const file = join(root, 'bench', '.cache', `orders-${lines}.csv.gz`);
  const factsFile = `${file}.json`;
  if (existsSync(file) && existsSync(factsFile)) {
    const facts = JSON.parse(readFileSync(factsFile, 'utf8'));
    if (facts.generator === GENERATOR_VERSION) return { file, facts, generatedMs: null };
  }
  log(`generating ${lines.toLocaleString('en')} order lines into ${file}`);
  const t0 = Date.now();
  const facts = await writeOrdersCsv(file, { lines });
  writeFileSync(factsFile, JSON.stringify(facts, null, 2));
  return { file, facts, generatedMs: Date.now() - t0 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = Number(process.argv[2] ?? 10_000_000);
  const out = process.argv[3] ? resolve(process.argv[3]) : null;
  const t0 = Date.now();
  const r = out ? { file: out, facts: await writeOrdersCsv(out, { lines }) } : await cachedOrdersCsv(resolve(import.meta.dirname, '..', '..'), lines, console.error);
  console.log(JSON.stringify({ ...r, ms: Date.now() - t0 }));
}
