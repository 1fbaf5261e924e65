import { z } from 'zod';
import { JourneyRecord, type Journey, type JourneyNode } from '../model/journey';
import { formatIssues, load } from '../model/versioned';
import { nodeType } from './catalogue';
import { configDefaults } from './fields';
import type { IdFactory } from './ids';
import { jsonErrorPosition } from './jsonPosition';
import { L, type Text } from './text';

/**
 * The journey file: one journey as pretty JSON, to hand to a colleague or keep beside a
 * workspace. Two versions meet here (as in the workspace file): the FILE version (the envelope,
 * migrated by FILE_MIGRATIONS) and the journey's own `v` (migrated by JourneyRecord).
 *
 * Import is parse → check format/version → restore → migrate → validate. Restore is forgiving
 * and names each repair in `warnings`; it runs in two halves: the graph repairs (dangling edges,
 * duplicate ids) on the raw document, because they hold for every version, and the config
 * repairs after migration, because they are judged against the CURRENT catalogue and an older
 * config must first be lifted to today's keys. Nothing the user drew is dropped silently; nodes of
 * unknown types are kept for validation to report.
 */
export const JOURNEY_FILE_FORMAT = 'meridian.journey';
export const JOURNEY_FILE_VERSION = 1;
/** Larger than any journey a person draws by far; a bigger text is not a journey file. */
export const JOURNEY_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** What a file holds: the journey at its current version plus the names of the audiences it refers to, so an import elsewhere can re-link them by name. */
export interface JourneyFile {
  format: 'meridian.journey';
  fileVersion: number;
  exportedAt: string;
  journey: Journey;
  audiences: { id: string; name: string }[];
}

interface FileMigration {
  from: number;
  to: number;
  description: string;
  up: (file: Record<string, unknown>) => Record<string, unknown>;
}
/** From version 1 to the current one without gaps (none yet: version 1 is the first). */
const FILE_MIGRATIONS: readonly FileMigration[] = [];
FILE_MIGRATIONS.forEach((m, i) => {
  if (m.from !== i + 1 || m.to !== i + 2) throw new Error(`journey file migration #${i} goes ${m.from}->${m.to}`);
});
if (FILE_MIGRATIONS.length !== JOURNEY_FILE_VERSION - 1) throw new Error('journey file migrations do not reach the current version');

/** Ids of audiences the journey's nodes refer to (fields of kind 'audience'), in order of first use. */
function audienceIdsOf(nodes: readonly JourneyNode[]): string[] {
  const ids = new Set<string>();
  for (const n of nodes) {
    const nt = nodeType(n.type);
    if (!nt) continue;
    for (const [key, f] of Object.entries(nt.fields)) {
      const v = n.config[key];
      if (f.kind === 'audience' && typeof v === 'string' && v) ids.add(v);
    }
  }
  return [...ids];
}

export function exportJourneyFile(j: Journey, audiences: ReadonlyMap<string, string>, at: string): string {
  const file: JourneyFile = {
    format: JOURNEY_FILE_FORMAT,
    fileVersion: JOURNEY_FILE_VERSION,
    exportedAt: at,
    journey: j,
    // An audience deleted since keeps its id with no name: the import reports it unresolved.
    audiences: audienceIdsOf(j.nodes).map((id) => ({ id, name: audiences.get(id) ?? '' })),
  };
  return JSON.stringify(file, null, 2);
}

export type ImportOutcome =
  | {
      ok: true;
      journey: Journey;
      /** The version of the journey document in the file (JourneyRecord's `v`) before migration. */
      migratedFrom: number;
      warnings: Text[];
      unresolvedAudiences: { id: string; name: string }[];
    }
  | { ok: false; error: { message: Text; path?: string } };

type Fail = Extract<ImportOutcome, { ok: false }>;
const fail = (message: Text, path?: string): Fail => ({ ok: false, error: path === undefined ? { message } : { message, path } });
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const Envelope = z.object({
  format: z.literal(JOURNEY_FILE_FORMAT),
  fileVersion: z.number().int().positive(),
  exportedAt: z.string(),
  journey: z.record(z.string(), z.unknown()),
  audiences: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** UTF-8 length without allocating (the core has no TextEncoder guarantee in every runtime). */
function utf8Bytes(text: string, stopAbove: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function parseJson(text: string): { ok: true; value: unknown } | Fail {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const p = jsonErrorPosition(text, (e as Error).message);
    return p
      ? fail(L(`This file is not valid JSON (line ${p.line}, column ${p.column}).`, `文件不是有效的 JSON（第 ${p.line} 行，第 ${p.column} 列）。`))
      : fail(L('This file is not valid JSON.', '文件不是有效的 JSON。'));
  }
}

const newer = (what: Text, n: unknown, m: number): Fail =>
  fail(
    L(`This journey was made by a newer Meridian (${what.en} ${String(n)}, this app reads up to ${m}); update Meridian to open it.`, `此旅程由更新版本的 Meridian 创建（${what.zh} ${String(n)}，本应用最高支持 ${m}），请更新 Meridian 后再打开。`),
  );

function firstIssue(error: z.ZodError, prefix: string): { path: string; message: string } {
  const i = formatIssues(error)[0];
  return { path: i.path === '(root)' ? prefix || '(root)' : prefix ? `${prefix}.${i.path}` : i.path, message: i.message };
}

export function importJourneyFile(
  text: string,
  opts: { audiencesByName: ReadonlyMap<string, string>; newId: IdFactory; now: string },
): ImportOutcome {
  if (text.length > JOURNEY_FILE_MAX_BYTES || utf8Bytes(text, JOURNEY_FILE_MAX_BYTES) > JOURNEY_FILE_MAX_BYTES) {
    return fail(L('This file is larger than 20 MB: it is not a journey file.', '文件超过 20 MB，不是旅程文件。'));
  }
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (!isObject(raw) || raw.format !== JOURNEY_FILE_FORMAT) {
    return fail(L(`This is not a Meridian journey file (its "format" must be "${JOURNEY_FILE_FORMAT}").`, `这不是 Meridian 旅程文件（"format" 应为 "${JOURNEY_FILE_FORMAT}"）。`), 'format');
  }
  const fv = raw.fileVersion;
  if (typeof fv === 'number' && Number.isInteger(fv) && fv > JOURNEY_FILE_VERSION) return newer(L('file version', '文件版本'), fv, JOURNEY_FILE_VERSION);
  let file: Record<string, unknown> = raw;
  if (typeof fv === 'number' && Number.isInteger(fv) && fv >= 1) {
    for (const m of FILE_MIGRATIONS.slice(fv - 1)) file = { ...m.up(file), fileVersion: m.to };
  }
  const env = Envelope.safeParse(file);
  if (!env.success) {
    const i = firstIssue(env.error, '');
    return fail(L(`The journey file is damaged: ${i.path}: ${i.message}.`, `旅程文件已损坏：${i.path}：${i.message}。`), i.path);
  }
  const jv = env.data.journey.v;
  if (typeof jv === 'number' && jv > JourneyRecord.version) return newer(L('journey version', '旅程版本'), jv, JourneyRecord.version);

  const warnings: Text[] = [];
  const restored = restoreGraph(env.data.journey, opts.newId, warnings);
  const loaded = load(JourneyRecord, restored);
  if (!loaded.ok) {
    const i = loaded.error.issues?.[0];
    const path = i ? (i.path === '(root)' ? 'journey' : `journey.${i.path}`) : loaded.error.reason === 'no-version' ? 'journey.v' : 'journey';
    const why = i?.message ?? loaded.error.message;
    return fail(L(`The journey in this file is damaged: ${path}: ${why}.`, `文件中的旅程已损坏：${path}：${why}。`), path);
  }
  const nodes = loaded.value.nodes.map((n) => restoreConfig(n, warnings));
  const linked = relinkAudiences(nodes, env.data.audiences, opts.audiencesByName);
  const journey: Journey = {
    ...loaded.value,
    nodes: linked.nodes,
    id: opts.newId('j'),
    status: 'draft',
    revision: 0,
    createdAt: opts.now,
    updatedAt: opts.now,
  };
  return { ok: true, journey, migratedFrom: loaded.migratedFrom, warnings, unresolvedAudiences: linked.unresolved };
}

// ---------- restore ----------

/** A list to repair, or null to leave it to the schema (which names what is wrong and where). */
const records = (x: unknown): Record<string, unknown>[] | null => (Array.isArray(x) && x.every(isObject) ? (x as Record<string, unknown>[]) : null);

/** Give every record of a list a unique id; later duplicates get fresh ones (references keep meaning the first). */
function uniqueIds(list: Record<string, unknown>[], prefix: 'n' | 'e' | 's', taken: Set<string>, newId: IdFactory, warn: (id: string) => void): Record<string, unknown>[] {
  const seen = new Set<string>();
  return list.map((r) => {
    if (typeof r.id !== 'string' || !seen.has(r.id)) {
      if (typeof r.id === 'string') seen.add(r.id);
      return r;
    }
    let id = newId(prefix);
    for (let k = 0; taken.has(id) && k < 1000; k++) id = newId(prefix);
    taken.add(id);
    seen.add(id);
    warn(r.id);
    return { ...r, id };
  });
}

/** The repairs that hold for any version of the journey document: ids and edges. */
function restoreGraph(doc: Record<string, unknown>, newId: IdFactory, warnings: Text[]): Record<string, unknown> {
  const out = { ...doc };
  const nodes = records(doc.nodes);
  const edges = records(doc.edges);
  const notes = records(doc.notes);
  const taken = new Set<string>();
  for (const list of [nodes, edges, notes]) for (const r of list ?? []) if (typeof r.id === 'string') taken.add(r.id);

  if (nodes) {
    const configured = nodes.map((n) => (n.config === undefined ? { ...n, config: {} } : n));
    out.nodes = uniqueIds(configured, 'n', taken, newId, (id) =>
      warnings.push(L(`Two nodes had the id “${id}”; the second got a new id and lost its connections.`, `两个节点的 id 都是“${id}”，第二个已换用新 id，其连线已移除。`)),
    );
  }
  if (notes) {
    out.notes = uniqueIds(notes, 's', taken, newId, (id) => warnings.push(L(`Two notes had the id “${id}”; the second got a new id.`, `两个便签的 id 都是“${id}”，第二个已换用新 id。`)));
  }
  if (edges) {
    const nodeIds = new Set((nodes ?? []).map((n) => n.id));
    const ports = new Set<string>();
    let dangling = 0;
    let twice = 0;
    const kept = uniqueIds(edges, 'e', taken, newId, (id) =>
      warnings.push(L(`Two connections had the id “${id}”; the second got a new id.`, `两条连线的 id 都是“${id}”，第二条已换用新 id。`)),
    ).filter((e) => {
      if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) {
        dangling++;
        return false;
      }
      // An output port leads to one node (commands.connect); a second edge from it is dropped.
      const port = `${String(e.source)}\u0000${String(e.sourcePort)}`;
      if (ports.has(port)) {
        twice++;
        return false;
      }
      ports.add(port);
      return true;
    });
    out.edges = kept;
    if (dangling) warnings.push(L(`${dangling} connection(s) led to a missing node and were removed.`, `${dangling} 条连线指向不存在的节点，已移除。`));
    if (twice) warnings.push(L(`${twice} connection(s) left an output that already had one and were removed.`, `${twice} 条连线所在输出已有连线，已移除。`));
  }
  return out;
}

/** Config repairs against the current catalogue: unknown keys dropped, missing keys given defaults. */
function restoreConfig(n: JourneyNode, warnings: Text[]): JourneyNode {
  const nt = nodeType(n.type);
  if (!nt) return n; // kept as drawn; validation reports the unknown type
  const defaults = configDefaults(nt.fields);
  const unknown = Object.keys(n.config).filter((k) => !(k in nt.fields));
  const missing = Object.keys(nt.fields).filter((k) => !(k in n.config));
  if (!unknown.length && !missing.length) return n;
  const config: Record<string, unknown> = {};
  for (const k of Object.keys(nt.fields)) config[k] = k in n.config ? n.config[k] : defaults[k];
  const name = n.label || nt.title.en;
  const nameZh = n.label || nt.title.zh;
  if (unknown.length) warnings.push(L(`“${name}”: dropped settings this version does not know (${unknown.join(', ')}).`, `“${nameZh}”：已移除本版本不认识的设置（${unknown.join('、')}）。`));
  if (missing.length) warnings.push(L(`“${name}”: filled in missing settings with defaults (${missing.join(', ')}).`, `“${nameZh}”：缺少的设置已填入默认值（${missing.join('、')}）。`));
  return { ...n, config };
}

/**
 * Audience fields hold ids, which differ between workspaces: an id unknown here is re-linked
 * through the file's name for it. Rules name audiences by name already, so they need nothing.
 */
function relinkAudiences(
  nodes: JourneyNode[],
  fileAudiences: readonly { id: string; name: string }[],
  byName: ReadonlyMap<string, string>,
): { nodes: JourneyNode[]; unresolved: { id: string; name: string }[] } {
  const idsHere = new Set(byName.values());
  const nameInFile = new Map(fileAudiences.map((a) => [a.id, a.name]));
  const unresolved = new Map<string, { id: string; name: string }>();
  const out = nodes.map((n) => {
    const nt = nodeType(n.type);
    if (!nt) return n;
    let config = n.config;
    for (const [key, f] of Object.entries(nt.fields)) {
      const id = config[key];
      if (f.kind !== 'audience' || typeof id !== 'string' || !id || idsHere.has(id)) continue;
      const name = nameInFile.get(id) ?? '';
      const here = name ? byName.get(name) : undefined;
      if (here !== undefined) config = { ...config, [key]: here };
      else unresolved.set(id, { id, name });
    }
    return config === n.config ? n : { ...n, config };
  });
  return { nodes: out, unresolved: [...unresolved.values()] };
}
