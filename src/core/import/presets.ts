import { normaliseHeader } from './fields';

/**
 * A preset says how a known kind of file turns into orders, beyond the column mapping:
 * what marks a refund, the currency, where a product's category comes from.
 */
export interface ImportPreset {
  id: 'uci-online-retail' | 'generic';
  currency: string;
  /**
   * 'prefix-C': an order id starting with "C" is a refund (UCI cancellations); any other order
   * is a sale, even with a negative total (UCI's "Adjust bad debt" entries are accounting
   * adjustments: kept, with paid 0, never counted as money paid or returned).
   * 'negative-total': an order whose total is below zero is a refund.
   */
  refundRule: 'prefix-C' | 'negative-total';
  /**
   * Where a product's category comes from when no column holds one: 'description' takes the
   * last word of the product name ("… T-LIGHT HOLDER" -> "holder"; non-numeric UCI codes like
   * POST or BANK CHARGES -> "service"); 'none' leaves it blank.
   */
  categoryFrom: 'description' | 'none';
}

export const UCI_PRESET: ImportPreset = { id: 'uci-online-retail', currency: 'GBP', refundRule: 'prefix-C', categoryFrom: 'description' };
export const GENERIC_PRESET: ImportPreset = { id: 'generic', currency: 'CNY', refundRule: 'negative-total', categoryFrom: 'none' };
export const PRESETS = { 'uci-online-retail': UCI_PRESET, generic: GENERIC_PRESET } as const;

const UCI_HEADER = ['invoiceno', 'stockcode', 'description', 'quantity', 'invoicedate', 'unitprice', 'customerid', 'country'];

/** The UCI "Online Retail" layout is recognised by its eight column names, in any order. */
export function detectPreset(header: readonly string[]): ImportPreset {
  const norm = new Set(header.map(normaliseHeader));
  return UCI_HEADER.every((h) => norm.has(h)) ? UCI_PRESET : GENERIC_PRESET;
}

/** A category for a product without one (see ImportPreset.categoryFrom). */
export function categoryFor(preset: ImportPreset, sku: string, name: string): string {
  if (preset.categoryFrom !== 'description') return '';
  // UCI stock codes of goods start with digits; POST, DOT, M, BANK CHARGES, AMAZONFEE are services and fees.
  if (!/^\d/.test(sku)) return 'service';
  const words = name.toLowerCase().match(/[a-z]+/g);
  return words ? words[words.length - 1].slice(0, 100) : '';
}
