import type { IndexableType } from 'dexie';
import type { MemberLedger, WorkspaceDB } from './db';
import type { Hit, Phase } from './keyset';

/**
 * Keyset scans over ledgers for the list pages. Rows inside ledgers are addressed by
 * (ledger key, position), so a page token is `[ledgerKey, index]` (or, for an index search,
 * `[indexKey, ledgerKey, index]`); positions are zero-padded so tokens compare as strings.
 */
export const pos = (i: number): string => String(i).padStart(7, '0');

/** a > b, element by element (string keys). */
export function keyAfter(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x > y;
  }
  return false;
}

/**
 * A phase listing `rowsOf(ledger)` for the ledgers with keys in [lo, hi), ledger by ledger,
 * keyed [ledgerKey, position]. Reads ledgers in growing batches until it has `n` rows or the
 * range ends, so ledgers without rows never end a phase early.
 */
export function ledgerRowsPhase<T>(
  db: WorkspaceDB, name: string, lo: string, hi: IndexableType, rowsOf: (l: MemberLedger) => T[],
): Phase<T> {
  return {
    name,
    scan: async (a, n) => {
      const out: Hit<T>[] = [];
      let from = a ? a[0] : lo;
      let inclusive = true;
      let size = Math.min(200, Math.max(4, Math.ceil(n / 8)));
      for (;;) {
        const ledgers = await db.ledgers.where(':id').between(from, hi, inclusive, false).limit(size).toArray();
        for (const l of ledgers) {
          rowsOf(l).forEach((row, i) => {
            const key = [l.memberId, pos(i)];
            if (!a || keyAfter(key, a)) out.push({ key, row });
          });
        }
        if (out.length >= n || ledgers.length < size) return out;
        from = ledgers[ledgers.length - 1].memberId;
        inclusive = false;
        size = Math.min(size * 2, 1000);
      }
    },
  };
}

export interface Entry {
  /** The index key this entry matched (one element of idKeys / orderKeys). */
  key: string;
  ledger: MemberLedger;
}

/**
 * Up to `n` entries of a multiEntry index (`idKeys`, `orderKeys`) with keys in [lo, hi), in
 * (key, ledgerKey) order, starting AT `from` (inclusive) when given. A ledger with two keys in
 * the range comes twice, once per key.
 */
export function indexEntries(
  db: WorkspaceDB, index: 'idKeys' | 'orderKeys', lo: string, hi: string, from: [string, string] | null, n: number,
): Promise<Entry[]> {
  return db.transaction('r', db.ledgers, async () => {
    const out: Entry[] = [];
    let rest = db.ledgers.where(index).between(lo, hi, true, false);
    if (from) {
      const [k0, m0] = from;
      // Ties on the key are ordered by primary key (memberId): resume within them first.
      const tie = await db.ledgers.where(index).equals(k0).filter((l) => l.memberId >= m0).limit(n).toArray();
      for (const l of tie) out.push({ key: k0, ledger: l });
      if (out.length >= n) return out;
      rest = db.ledgers.where(index).between(k0, hi, false, false);
    }
    await rest.limit(n - out.length).each((l, cursor) => {
      out.push({ key: cursor.key as string, ledger: l });
    });
    return out;
  });
}

/**
 * A search phase over a multiEntry index: every entry whose key starts with q yields the rows
 * of its ledger that `match` under that key, each row once, at its smallest matching key
 * (`keysOf` lists the keys a row is indexed under). Keys are [indexKey, ledgerKey, position].
 * An entry yielding no row yields a placeholder (row null) that `keep` must drop, so a scan
 * returns fewer hits than asked only at the end of the range.
 */
export function indexSearchPhase<T>(
  db: WorkspaceDB, name: string, index: 'idKeys' | 'orderKeys', q: string, hi: string,
  rowsOf: (l: MemberLedger) => T[], keysOf: (row: T) => string[],
): Phase<T | null> {
  return {
    name,
    scan: async (a, n) => {
      const entries = await indexEntries(db, index, q, hi, a ? [a[0], a[1]] : null, n);
      const out: Hit<T | null>[] = [];
      for (const e of entries) {
        let any = false;
        rowsOf(e.ledger).forEach((row, i) => {
          let first: string | null = null;
          for (const k of keysOf(row)) if (k.startsWith(q) && (first === null || k < first)) first = k;
          if (first !== e.key) return;
          const key = [e.key, e.ledger.memberId, pos(i)];
          if (a && !keyAfter(key, a)) return;
          out.push({ key, row });
          any = true;
        });
        if (!any) out.push({ key: [e.key, e.ledger.memberId, '~'], row: null });
      }
      return out;
    },
  };
}
