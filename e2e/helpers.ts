import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Open the app and wait until a workspace is loaded (the first visit generates the 10k demo). */
export async function openWithWorkspace(page: Page, path = '/data'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('workspace-name')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('count-members')).not.toHaveText(/^\s*0?\s*$/, { timeout: 120_000 });
}

export function numberIn(text: string | null): number {
  return Number((text ?? '').replace(/[^\d-]/g, ''));
}

/** Counts of a UCI-shaped CSV, computed here independently of the app's importer. */
export function expectedUciCounts(file: string) {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  const invoices = new Map<string, string>();
  for (const r of parsed.data) invoices.set(r.InvoiceNo, (invoices.get(r.InvoiceNo) || '') + (r.CustomerID ?? '').trim());
  const customers = new Set(parsed.data.map((r) => (r.CustomerID ?? '').trim()).filter(Boolean));
  return {
    lines: parsed.data.length,
    orders: invoices.size,
    refunds: [...invoices.keys()].filter((k) => k.startsWith('C')).length,
    guests: [...invoices.values()].filter((c) => c === '').length,
    members: customers.size,
  };
}
