import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { tableFromArrays } from 'apache-arrow';
import type { EngineClient } from './engineClient';

/**
 * Bench-only: DuckDB-WASM (the single-threaded "eh" bundle, served from our own dist/, no CDN)
 * loaded with the engine's member columns, for the tags.all comparison (bench/tags.all.bench.mjs
 * holds the SQL). Reached only through the `?bench` dev hook as a lazy chunk; the 33 MB wasm
 * and this chunk are kept out of the PWA precache (vite.config.ts globIgnores).
 */
type Typed = Int32Array | Uint32Array | Uint8Array;
/** Rows per Arrow insert: bounds the IPC copy made for each one. */
const INSERT_ROWS = 1 << 21;
const NO_DAY = -2147483648;

export interface BenchDuckdb {
  /** Run one statement; rows as plain objects (numbers, not bigints), and its wall time. */
  query(sql: string): Promise<{ rows: Record<string, unknown>[]; ms: number }>;
  close(): Promise<void>;
}

export async function openDuckdb(): Promise<BenchDuckdb & { loadMs: number; conn: duckdb.AsyncDuckDBConnection }> {
  const t0 = performance.now();
  const worker = new Worker(ehWorkerUrl);
  // DuckDB's instantiate never settles when its worker fails (e.g. a CSP refusing the wasm).
  const failed = new Promise<never>((_, reject) => worker.addEventListener('error', (e) => reject(new Error(`DuckDB worker: ${e.message || 'failed to start'}`))));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await Promise.race([db.instantiate(ehWasmUrl), failed]);
  const conn = await db.connect();
  return {
    loadMs: performance.now() - t0,
    conn,
    async query(sql) {
      const t = performance.now();
      const table = await conn.query(sql);
      const ms = performance.now() - t;
      const rows = table.toArray().map((r) => {
        const o = r.toJSON() as Record<string, unknown>;
        for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
        return o;
      });
      return { rows, ms };
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}

/** Expand CSR offsets into one owner index per row (member of each order, order of each line). */
function owners(offsets: Uint32Array): Int32Array {
  const out = new Int32Array(offsets[offsets.length - 1]);
  for (let i = 0; i + 1 < offsets.length; i++) out.fill(i, offsets[i], offsets[i + 1]);
  return out;
}

async function insert(conn: duckdb.AsyncDuckDBConnection, name: string, cols: Record<string, Typed>): Promise<void> {
  const n = Object.values(cols)[0].length;
  for (let from = 0; from < Math.max(n, 1); from += INSERT_ROWS) {
    const part = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.subarray(from, from + INSERT_ROWS)]));
    await conn.insertArrowTable(tableFromArrays(part), { name, create: from === 0 });
  }
}

/**
 * Open DuckDB and load the engine worker's columns into tables (not timed as a query):
 * m(id, level), o(id, m, day, kind, plat, paid, refund, discount), l(o, cat),
 * t(m, day, ch, outcome), c(m, grant_day, redeem_day, tpl), s(m, kind, birth, due) with
 * NULL for a missing date, and d_<dict>(code, v) for the dictionary-coded strings.
 */
export async function duckdbWithMembers(engine: EngineClient): Promise<BenchDuckdb & { loadMs: number; insertMs: number; rows: Record<string, number> }> {
  const duck = await openDuckdb();
  const t0 = performance.now();
  const names = ['level', 'orderOffsets', 'oDay', 'oKind', 'oPlatform', 'oPaid', 'oRefund', 'oDiscount', 'lineOffsets', 'lSku', 'skuCategory',
    'touchOffsets', 'tDay', 'tChannel', 'tOutcome', 'couponOffsets', 'cGrantDay', 'cRedeemDay', 'cTemplate', 'subOffsets', 'sKind', 'sBirthDay', 'sDueDay'];
  const got = await engine.benchColumns(names);
  const c = got.columns as Record<string, Typed>;
  const { conn } = duck;
  const M = got.memberCount;
  const ids = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
  await insert(conn, 'm', { id: ids(M), level: c.level });
  const nOrders = c.oDay.length;
  await insert(conn, 'o', { id: ids(nOrders), m: owners(c.orderOffsets as Uint32Array), day: c.oDay, kind: c.oKind, plat: c.oPlatform, paid: c.oPaid, refund: c.oRefund, discount: c.oDiscount });
  const lSku = c.lSku as Uint32Array;
  const cat = new Int32Array(lSku.length);
  for (let i = 0; i < lSku.length; i++) cat[i] = (c.skuCategory as Uint32Array)[lSku[i]];
  await insert(conn, 'l', { o: owners(c.lineOffsets as Uint32Array), cat });
  await insert(conn, 't', { m: owners(c.touchOffsets as Uint32Array), day: c.tDay, ch: c.tChannel, outcome: c.tOutcome });
  await insert(conn, 'c_raw', { m: owners(c.couponOffsets as Uint32Array), grant_day: c.cGrantDay, redeem_day: c.cRedeemDay, tpl: c.cTemplate });
  await insert(conn, 's_raw', { m: owners(c.subOffsets as Uint32Array), kind: c.sKind, birth: c.sBirthDay, due: c.sDueDay });
  await conn.query(`CREATE TABLE c AS SELECT m, nullif(grant_day, ${NO_DAY}) AS grant_day, nullif(redeem_day, ${NO_DAY}) AS redeem_day, tpl FROM c_raw; DROP TABLE c_raw`);
  await conn.query(`CREATE TABLE s AS SELECT m, kind, nullif(birth, ${NO_DAY}) AS birth, nullif(due, ${NO_DAY}) AS due FROM s_raw; DROP TABLE s_raw`);
  for (const [dict, values] of Object.entries(got.dicts) as [string, string[]][]) {
    await conn.query(`CREATE TABLE d_${dict} (code INTEGER, v VARCHAR)`);
    if (!values.length) continue;
    const list = values.map((v, i) => `(${i}, '${v.replaceAll("'", "''")}')`).join(', ');
    await conn.query(`INSERT INTO d_${dict} VALUES ${list}`);
  }
  return { ...duck, insertMs: performance.now() - t0, rows: { m: M, o: nOrders, l: lSku.length, t: c.tDay.length, c: c.cGrantDay.length, s: c.sKind.length } };
}
