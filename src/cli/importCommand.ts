import { existsSync, openAsBlob, statSync } from 'node:fs';
import { basename } from 'node:path';
import { planCommit, evidenceKey, type ImportCounts, type KnownRecords } from '../core/import/commitPlan';
import { ImportFileError } from '../core/import/errors';
import { ISSUE_TEXT_EN, type RowIssue } from '../core/import/report';
import { CancelToken } from '../core/jobs';
import type { Identity, Workspace } from '../core/model';
import { defaultLifecycleSetting } from '../core/metrics/presets';
import { stageImport } from '../../workers/importStage';
import { CliError } from './errors';
import { emptyTables, readWorkspaceDir, workspaceFileIn, writeWorkspaceDir, type WorkspaceData } from './workspaceDir';

export interface ImportOptions {
  file: string;
  out: string;
  preset?: 'uci' | 'generic';
  into?: boolean;
  gzip?: boolean;
}

export interface ImportResult extends ImportCounts {
  errors: number;
  /** The first problems found (row, column, value, reason), at most 20. */
  issues: (RowIssue & { reason: string })[];
  workspace: string;
  file: string;
}

const PRESET_IDS = { uci: 'uci-online-retail', generic: 'generic' } as const;

function localNow(): string {
  const d = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function knownOf(data: WorkspaceData): KnownRecords {
  const t = data.tables;
  return {
    orderIds: new Set(t.orders.map((o) => o.id as string)),
    memberByEvidence: new Map((t.identities as unknown as Identity[]).map((i) => [evidenceKey(i.kind, i.value), i.memberId])),
    memberIdTaken: ((ids) => (id: string) => ids.has(id))(new Set(t.members.map((m) => m.id as string))),
    hasProduct: ((s) => (sku: string) => s.has(sku))(new Set(t.products.map((p) => p.sku as string))),
    hasStore: ((s) => (id: string) => s.has(id))(new Set(t.stores.map((x) => x.id as string))),
  };
}

/**
 * Parse and validate a CSV (plain or gzip) with the browser importer's own staging code,
 * resolve it against the target workspace with the shared commit plan, and write the
 * workspace file atomically. Rows with errors are skipped (their whole order), as in the app.
 */
export async function importCommand(o: ImportOptions): Promise<ImportResult> {
  if (!existsSync(o.file) || !statSync(o.file).isFile()) throw new CliError(`file not found: ${o.file}`, { file: o.file });
  const hasWorkspace = existsSync(o.out) && workspaceFileIn(o.out) !== null;
  if (hasWorkspace && !o.into) throw new CliError(`${o.out} already holds a workspace; add --into to import into it`, { dir: o.out }, 2);
  if (o.into && !hasWorkspace) throw new CliError(`--into: no workspace in ${o.out}`, { dir: o.out });
  const existing = o.into ? await readWorkspaceDir(o.out) : null;

  let stagedFile;
  try {
    stagedFile = await stageImport(await openAsBlob(o.file), { preset: o.preset ? PRESET_IDS[o.preset] : undefined }, () => {}, new CancelToken());
  } catch (e) {
    if (e instanceof ImportFileError) throw new CliError(`${o.file}: ${e.message}`, { file: o.file, code: e.code, ...e.detail });
    throw e;
  }
  const { staged, preset } = stagedFile;
  if (staged.orders.length === 0) {
    throw new CliError(`${o.file}: no row of the file could be imported (${staged.errorRows} rows with errors)`, { file: o.file, issues: staged.issues.slice(0, 5) });
  }
  const plan = planCommit(staged, existing ? knownOf(existing) : undefined);

  const fileName = basename(o.file);
  const workspace: Workspace = existing?.workspace ?? {
    v: 2,
    id: `cli-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
    name: fileName.replace(/\.(csv)(\.gz)?$/i, '').replace(/\.gz$/i, '').slice(0, 200) || 'Import',
    brandTemplate: 'imported',
    currency: preset.currency,
    createdAt: new Date().toISOString(),
    asOf: (staged.lastAt ?? localNow()).slice(0, 10),
    source: { kind: 'import', fileName: fileName.slice(0, 500) },
    lifecycle: defaultLifecycleSetting('imported'),
  };
  const tables = existing?.tables ?? emptyTables();
  const push = (list: Record<string, unknown>[], rows: readonly object[]) => {
    for (const r of rows) list.push(r as Record<string, unknown>);
  };
  push(tables.members, plan.newMembers);
  push(tables.identities, plan.identities);
  push(tables.orders, plan.orders);
  push(tables.products, plan.newProducts);
  push(tables.stores, plan.newStores);
  // Nothing valid to write: leave the directory as it was (never half-write).
  const path = plan.orders.length > 0 || !existing ? await writeWorkspaceDir(o.out, { workspace, tables }, { gzip: o.gzip }) : workspaceFileIn(o.out)!;
  return {
    ...plan.counts,
    errors: staged.errorRows,
    issues: staged.issues.slice(0, 20).map((i) => ({ ...i, reason: ISSUE_TEXT_EN[i.code] })),
    workspace: o.out,
    file: path,
  };
}
