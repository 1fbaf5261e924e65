import { CancelToken, type ProgressFn } from '../../src/core/jobs';
import { LocalDate, type Audience, type TagDefinition, type TagEvent, type Workspace } from '../../src/core/model';
import type { Rule } from '../../src/core/rules';
import { dayNumber } from '../../src/core/time';
import { diffTags } from '../../src/core/tags';
import type { WorkspaceDB } from '../../src/storage/db';
import { dataStamp, ensureSnapshot, type Snapshot } from '../../src/storage/snapshots';
import { holdersFromEvents, holdersMask, writeTagResults, type TagHoldersRow } from '../../src/storage/tagHolders';
import { readWorkspace } from '../../src/storage/workspaces';
import { benchDemoSnapshot, columnBytes, pickColumns } from './benchDemo';
import { Evaluator } from './evaluator';
import { persona, type Persona } from './persona';
import { checkRule, EngineError, findTag, isRuleTag, tagsNeeded } from './resolve';
import { countsAsOf, evaluatorFor, flowsBetween, rfmAsOf, trend, type TrendPoint } from './lifecycleCalls';
import type { StageFlows } from '../../src/core/metrics/flows';
import type { RfmConfig, RfmResult } from '../../src/core/metrics/rfm';

export interface CountResult { count: number; total: number; ms: number; asOf: string }
export interface SnapshotInfo { members: number; orders: number; built: boolean; ms: number }
export interface TagsResult { counts: Record<string, number>; added: number; removed: number; ms: number }

/**
 * The engine over one workspace database: loads (or builds) the snapshot once, then answers
 * queries. Runs in a worker (engine.worker.ts) and, unchanged, in Node tests and the CLI.
 * Audiences, tag definitions and holders are re-read per query (small tables), so edits made
 * elsewhere are seen at once; the Evaluator (and its caches) is reused while they are unchanged.
 */
export class WorkspaceEngine {
  private snapshot: Snapshot | null = null;
  private evaluator: Evaluator | null = null;
  private signature = '';
  private index: Map<string, number> | null = null;
  private pinned = false;

  constructor(private readonly db: WorkspaceDB) {}

  /**
   * Bench-only (workers/engine/benchDemo.ts): evaluate over the columns of this demo workspace
   * regenerated at `members` members in memory, instead of the stored snapshot, until the worker ends.
   */
  async pinBenchDemo(members: number, onProgress?: ProgressFn, token?: CancelToken): Promise<SnapshotInfo & { columnBytes: number }> {
    const t0 = performance.now();
    const snap = await benchDemoSnapshot(await this.workspace(), members, onProgress, token);
    this.snapshot = snap;
    this.pinned = true;
    this.evaluator = null;
    this.index = null;
    return { members: snap.cols.memberCount, orders: snap.orders, built: true, ms: Math.round(performance.now() - t0), columnBytes: columnBytes(snap) };
  }

  /** Bench-only: copies of some columns of the current snapshot (the DuckDB comparison loads them). */
  async benchColumns(names: string[]): Promise<ReturnType<typeof pickColumns>> {
    return pickColumns(await this.snap(), names);
  }

  async ensureSnapshot(onProgress?: ProgressFn, token?: CancelToken): Promise<SnapshotInfo> {
    // A pinned bench snapshot stays until the worker ends: the stored one is not what is measured.
    if (this.pinned && this.snapshot) return { members: this.snapshot.cols.memberCount, orders: this.snapshot.orders, built: false, ms: 0 };
    const r = await ensureSnapshot(this.db, onProgress, token);
    if (r.snapshot !== this.snapshot) {
      this.snapshot = r.snapshot;
      this.evaluator = null;
      this.index = null;
    }
    return { members: r.snapshot.cols.memberCount, orders: r.snapshot.orders, built: r.built, ms: r.ms };
  }

  /** Reload or rebuild the snapshot only when the data stamp moved (otherwise a cheap check). */
  private async refresh(onProgress?: ProgressFn, token?: CancelToken): Promise<void> {
    if (this.snapshot && this.snapshot.stamp === (await dataStamp(this.db))) return;
    await this.ensureSnapshot(onProgress, token);
  }

  private async snap(): Promise<Snapshot> {
    if (!this.snapshot) await this.ensureSnapshot();
    return this.snapshot!;
  }

  private async workspace(): Promise<Workspace> {
    const ws = await readWorkspace(this.db);
    if (!ws) throw new EngineError('this workspace has no settings record (meta.workspace)');
    return ws;
  }

  private asOf(ws: Workspace, asOf?: string): { asOf: string; day: number } {
    const value = asOf ?? ws.asOf;
    if (!LocalDate.safeParse(value).success) throw new EngineError(`asOf must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return { asOf: value, day: dayNumber(value) };
  }

  private memberIndex(snap: Snapshot): Map<string, number> {
    this.index ??= new Map(snap.cols.memberIds.map((id, i) => [id, i]));
    return this.index;
  }

  /** The evaluator for the current definitions, holding the masks of the tags `needed`. */
  private async prepare(ws: Workspace, needed: (audiences: Audience[], tags: TagDefinition[]) => { id: string; ever: boolean }[]): Promise<{ ev: Evaluator; audiences: Audience[]; tags: TagDefinition[] }> {
    const snap = await this.snap();
    const [audiences, tags] = await Promise.all([this.db.audiences.toArray(), this.db.tags.toArray()]);
    const wanted = needed(audiences, tags).filter((t) => tags.some((d) => d.id === t.id));
    const tagIds = [...new Set(wanted.map((t) => t.id))];
    const everIds = new Set(wanted.filter((t) => t.ever).map((t) => t.id));
    const rows = (await this.db.tagHolders.bulkGet(tagIds)) as (TagHoldersRow | undefined)[];
    const sig = JSON.stringify([[...everIds], ws.lifecycle, audiences.map((a) => [a.id, a.name, a.updatedAt, a.rule]), tags.map((t) => [t.id, t.name, t.group, t.priority, t.kind, t.rule]), rows.map((r, i) => [tagIds[i], r?.asOf, r?.count, r?.stamp])]);
    if (this.evaluator && sig === this.signature) return { ev: this.evaluator, audiences, tags };
    const stored = new Map<string, Uint8Array>();
    const ever = new Map<string, Uint8Array>();
    for (let i = 0; i < tagIds.length; i++) {
      const def = tags.find((t) => t.id === tagIds[i])!;
      const row = rows[i];
      if (row) stored.set(def.id, holdersMask(row, snap.stamp, snap.cols.memberIds, () => this.memberIndex(snap)));
      // Events are replayed only when needed: manual tags, or `ever` (a big table at 1M).
      if ((row || isRuleTag(def)) && !everIds.has(def.id)) continue;
      const events = await holdersFromEvents(this.db, def.id);
      if (!row && !isRuleTag(def)) stored.set(def.id, this.toMask(snap, events.now));
      if (events.ever.size) ever.set(def.id, this.toMask(snap, events.ever));
    }
    this.evaluator = new Evaluator({ snapshot: snap, audiences, tags, lifecycle: ws.lifecycle, stored, ever });
    this.signature = sig;
    return { ev: this.evaluator, audiences, tags };
  }

  private toMask(snap: Snapshot, ids: Set<string>): Uint8Array {
    const out = new Uint8Array(snap.cols.memberCount);
    const at = this.memberIndex(snap);
    for (const id of ids) {
      const i = at.get(id);
      if (i !== undefined) out[i] = 1;
    }
    return out;
  }

  /** Check a rule and evaluate it; the tags it needs (through audiences too) are loaded first. */
  private async select(input: unknown, asOf?: string): Promise<{ mask: Uint8Array; asOf: string; day: number; ev: Evaluator }> {
    const ws = await this.workspace();
    const when = this.asOf(ws, asOf);
    let rule: Rule | null = null;
    const { ev } = await this.prepare(ws, (audiences, tags) => {
      rule = checkRule(input, audiences, tags);
      return tagsNeeded(rule, audiences, tags).map((t) => ({ id: findTag(tags, t.key)?.id ?? t.key, ever: t.ever }));
    });
    return { mask: ev.mask(rule!, when.day), ev, ...when };
  }

  async count(rule: unknown, opts: { asOf?: string } = {}): Promise<CountResult> {
    const t0 = performance.now();
    const { mask, asOf } = await this.select(rule, opts.asOf);
    let count = 0;
    for (let i = 0; i < mask.length; i++) count += mask[i];
    return { count, total: mask.length, ms: Math.round((performance.now() - t0) * 10) / 10, asOf };
  }

  async members(rule: unknown, opts: { asOf?: string; offset?: number; limit?: number } = {}): Promise<{ ids: string[]; count: number }> {
    const { mask } = await this.select(rule, opts.asOf);
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = Math.max(0, opts.limit ?? 100);
    const ids: string[] = [];
    const memberIds = this.snapshot!.cols.memberIds;
    let count = 0;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      if (count >= offset && ids.length < limit) ids.push(memberIds[i]);
      count++;
    }
    return { ids, count };
  }

  async persona(rule: unknown, opts: { asOf?: string } = {}): Promise<Persona> {
    const { mask, day, ev } = await this.select(rule, opts.asOf);
    return persona(this.snapshot!, mask, day, ev.stages(day));
  }

  /** Members per stage as of a day; `lifecycle` counts with a draft of the stage rules instead of the saved ones. */
  async stageCounts(opts: { asOf?: string; lifecycle?: unknown } = {}): Promise<{ stage: string; count: number }[]> {
    const ws = await this.workspace();
    const { day } = this.asOf(ws, opts.asOf);
    const { ev } = await this.prepare(ws, () => []);
    return countsAsOf(evaluatorFor(ev, opts.lifecycle), day);
  }

  /** Who moved from which stage to which between two days (lifecycleCalls.ts). */
  async stageFlows(opts: { from: string; to: string; lifecycle?: unknown }): Promise<StageFlows> {
    const ws = await this.workspace();
    const { ev } = await this.prepare(ws, () => []);
    return flowsBetween(evaluatorFor(ev, opts.lifecycle), opts.from, opts.to);
  }

  /** Stage counts on each of `dates` (one pass per date: a job with progress and cancel). */
  async stageTrend(dates: string[], opts: { lifecycle?: unknown } = {}, token?: CancelToken, onProgress?: ProgressFn): Promise<TrendPoint[]> {
    const ws = await this.workspace();
    const { ev } = await this.prepare(ws, () => []);
    return trend(evaluatorFor(ev, opts.lifecycle), dates, token, onProgress);
  }

  /** RFM scores with the given bins as of a day, counted per R/F/M cell. */
  async rfm(config: RfmConfig, opts: { asOf?: string } = {}): Promise<RfmResult> {
    const ws = await this.workspace();
    const { asOf } = this.asOf(ws, opts.asOf);
    const { ev } = await this.prepare(ws, () => []);
    return rfmAsOf(ev, config, asOf);
  }

  /**
   * Evaluate every rule tag as of a day. With write=true the add/remove events against the
   * stored holders and the new holders are written in one transaction.
   */
  async evaluateTags(opts: { asOf?: string; write?: boolean } = {}, token = new CancelToken(), onProgress?: ProgressFn): Promise<TagsResult> {
    const t0 = performance.now();
    // Bench columns are not the stored members: their tag results must never be written.
    if (opts.write && this.pinned) throw new EngineError('this engine evaluates bench demo columns (not the stored data): writing tag results is refused');
    // The data may have changed since the snapshot was loaded (an import, a sync): evaluate the new data.
    await this.refresh(onProgress, token);
    onProgress?.({ phase: 'evaluate', done: 0, total: 1 });
    const ws = await this.workspace();
    const { asOf, day } = this.asOf(ws, opts.asOf);
    const { ev, tags } = await this.prepare(ws, (audiences, tags) => {
      const own = tags.filter(isRuleTag);
      // Each rule tag's stored holders (the "before"), plus what the tag rules read.
      const read = own.flatMap((t) => tagsNeeded(checkRule(t.rule, audiences, tags, `tag '${t.name}'`), audiences, tags));
      return [...own.map((t) => ({ id: t.id, ever: false })), ...read.map((r) => ({ id: findTag(tags, r.key)?.id ?? r.key, ever: r.ever }))];
    });
    const after = ev.evaluateRuleTags(day);
    token.throwIfCancelled();
    const counts: Record<string, number> = {};
    for (const [id, m] of after) counts[id] = m.reduce((s, x) => s + x, 0);
    let added = 0, removed = 0;
    if (opts.write) {
      onProgress?.({ phase: 'write', done: 0, total: 1 });
      const snap = this.snapshot!;
      const before = new Map<string, Uint8Array>();
      for (const id of after.keys()) {
        const m = ev.data.stored.get(id);
        if (m) before.set(id, m);
      }
      const changes = diffTags(before, after, snap.cols.memberCount);
      const run = `${Date.now().toString(36)}`;
      const at = `${asOf}T00:00:00`;
      const events: TagEvent[] = changes.map((c, k) => ({
        v: 1, id: `te-${run}-${String(k).padStart(8, '0')}`, memberId: snap.cols.memberIds[c.member], tagId: c.tagId, op: c.op, at, reason: 'rule',
      }));
      for (const c of changes) {
        if (c.op === 'add') added++;
        else removed++;
      }
      const ids = snap.cols.memberIds;
      const holders: TagHoldersRow[] = [...after].map(([tagId, mask]) => ({
        tagId, asOf, stamp: snap.stamp, count: counts[tagId], mask, memberIds: ids.filter((_, i) => mask[i] === 1),
      }));
      const gone = (await this.db.tagHolders.toCollection().primaryKeys()).filter((id) => !tags.some((t) => t.id === id && isRuleTag(t)));
      token.throwIfCancelled();
      await writeTagResults(this.db, holders, events, gone as string[]);
      onProgress?.({ phase: 'write', done: 1, total: 1 });
    }
    return { counts, added, removed, ms: Math.round(performance.now() - t0) };
  }

  /** Evaluate rules without touching storage (benchmarks, CLI): masks and ms per rule set. */
  async evaluateRules(rules: unknown[], opts: { asOf?: string; fused?: boolean } = {}): Promise<{ counts: number[]; ms: number }> {
    const ws = await this.workspace();
    const { day } = this.asOf(ws, opts.asOf);
    const { ev, audiences, tags } = await this.prepare(ws, () => []);
    const checked = rules.map((r, i) => checkRule(r, audiences, tags, `rule ${i + 1}`));
    const t0 = performance.now();
    // Uncached on purpose (masks, not mask): these figures are full evaluations.
    const masks = opts.fused === false ? checked.map((r) => ev.masks([r], day)[0]) : ev.masks(checked, day);
    const ms = performance.now() - t0;
    return { counts: masks.map((m) => m.reduce((s, x) => s + x, 0)), ms };
  }
}
