import { z } from 'zod';

/**
 * Every persisted document carries `v`, its schema version. A record type owns its schema,
 * its current version and the chain of migrations that lifts any older version to it
 * (tldraw's one-file-per-record pattern). Loading never throws: it returns why it failed.
 */
export interface Migration {
  from: number;
  to: number;
  description: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export interface RecordType<S extends z.ZodType> {
  name: string;
  version: number;
  schema: S;
  migrations: readonly Migration[];
}

export type LoadResult<T> =
  | { ok: true; value: T; migratedFrom: number }
  | { ok: false; error: LoadError };

export interface LoadError {
  record: string;
  reason: 'not-an-object' | 'no-version' | 'from-the-future' | 'migration-failed' | 'invalid';
  message: string;
  issues?: { path: string; message: string }[];
}

export function defineRecord<S extends z.ZodType>(def: RecordType<S>): RecordType<S> {
  // Migration ids must be sequential from 1 up to the current version, with no gaps.
  def.migrations.forEach((m, i) => {
    if (m.from !== i + 1 || m.to !== i + 2) {
      throw new Error(`${def.name}: migration #${i} goes ${m.from}->${m.to}, expected ${i + 1}->${i + 2}`);
    }
  });
  if (def.migrations.length !== def.version - 1) {
    throw new Error(`${def.name}: version ${def.version} needs ${def.version - 1} migrations, has ${def.migrations.length}`);
  }
  return def;
}

export function formatIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Lift `input` to the record's current version and validate it. */
export function load<S extends z.ZodType>(rt: RecordType<S>, input: unknown): LoadResult<z.infer<S>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: { record: rt.name, reason: 'not-an-object', message: `${rt.name}: expected an object` } };
  }
  let doc = input as Record<string, unknown>;
  const v = doc.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return { ok: false, error: { record: rt.name, reason: 'no-version', message: `${rt.name}: missing or bad version field "v"` } };
  }
  if (v > rt.version) {
    return {
      ok: false,
      error: { record: rt.name, reason: 'from-the-future', message: `${rt.name}: version ${v} is newer than this app knows (${rt.version}); update Meridian` },
    };
  }
  for (const m of rt.migrations.slice(v - 1)) {
    try {
      doc = { ...m.up(doc), v: m.to };
    } catch (e) {
      return {
        ok: false,
        error: { record: rt.name, reason: 'migration-failed', message: `${rt.name}: migration ${m.from}->${m.to} failed: ${(e as Error).message}` },
      };
    }
  }
  const parsed = rt.schema.safeParse(doc);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    return {
      ok: false,
      error: {
        record: rt.name,
        reason: 'invalid',
        message: `${rt.name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      },
    };
  }
  return { ok: true, value: parsed.data, migratedFrom: v };
}
