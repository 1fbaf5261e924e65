import { LifecycleError, NO_STAGE, stageDefinitions, stagesFromMasks, type StageDefinition } from '../../src/core/metrics/lifecycle';
import type { Audience, LifecycleSetting, TagDefinition } from '../../src/core/model';
import { compileRule, LIFECYCLE_STAGES, type MaskProvider, type Rule } from '../../src/core/rules';
import { exclusiveMasks } from '../../src/core/tags';
import type { Snapshot } from '../../src/storage/snapshots';
import { MeasureCache, runPlans } from '../../src/core/rules';
import { checkRule, cycleError, EngineError, findAudience, findTag, isRuleTag } from './resolve';

/**
 * Everything a rule can read, already loaded: the snapshot, saved audiences, tag definitions,
 * the stored current holders of tags and who ever held them. Built by the async layer
 * (workspaceEngine.ts) per query; the Evaluator itself is synchronous and pure over it.
 */
export interface EvalData {
  snapshot: Snapshot;
  audiences: Audience[];
  tags: TagDefinition[];
  /** The workspace's stage rules (Workspace.lifecycle). */
  lifecycle: LifecycleSetting;
  /** Current holders per tag id (stored by evaluateTags, or replayed from events). */
  stored: Map<string, Uint8Array>;
  /** Members who ever held each tag (from its add events). */
  ever: Map<string, Uint8Array>;
}

/**
 * Evaluates rules as of a day with caches that live as long as the data does: audience masks
 * per (audience id, day), lifecycle stages per day, rule-tag group masks per day.
 */
export class Evaluator {
  private audienceMasks = new Map<string, Uint8Array>();
  private stageCodes = new Map<number, Uint8Array>();
  private groupMasks = new Map<string, Map<string, Uint8Array>>();
  private resolving: string[] = [];
  private stageDefs: StageDefinition[] | null = null;
  private tagStack: string[] = [];
  /** true while evaluateTags runs: `has tag` reads the fresh result, not the stored one. */
  private fresh = false;

  constructor(readonly data: EvalData) {}

  get memberCount(): number {
    return this.data.snapshot.cols.memberCount;
  }

  /** Measure vectors of recent single-rule evaluations (the live count after an edit). */
  private readonly measures = new MeasureCache();

  /**
   * 0/1 per member: the rule holds as of `day`. The rule must be checked already. Its measure
   * vectors are kept, so re-running it after a threshold edit only compares again.
   */
  mask(rule: Rule, day: number): Uint8Array {
    const cols = this.data.snapshot.cols;
    return runPlans([compileRule(rule, cols, day)], cols, this.provider(day), this.measures)[0];
  }

  /** Several rules at once: their order metrics share passes (execute.ts). */
  masks(rules: Rule[], day: number): Uint8Array[] {
    const cols = this.data.snapshot.cols;
    const plans = rules.map((r) => compileRule(r, cols, day));
    return runPlans(plans, cols, this.provider(day));
  }

  provider(day: number): MaskProvider {
    return {
      audience: (key) => this.audience(key, day),
      tag: (key, ever) => this.tag(key, ever, day),
      stage: (name) => this.stage(name, day),
    };
  }

  private audience(key: string, day: number): Uint8Array {
    const { audiences, tags } = this.data;
    const a = findAudience(audiences, key);
    if (!a) throw new EngineError(`no saved audience named '${key}'`);
    const cacheKey = `${day}|${a.id}`;
    const hit = this.audienceMasks.get(cacheKey);
    if (hit) return hit;
    if (this.resolving.includes(a.id)) throw cycleError(audiences, [...this.resolving, a.id]);
    this.resolving.push(a.id);
    try {
      const m = this.mask(checkRule(a.rule, audiences, tags, `audience '${a.name}'`), day);
      this.audienceMasks.set(cacheKey, m);
      return m;
    } finally {
      this.resolving.pop();
    }
  }

  private tag(key: string, ever: boolean, day: number): Uint8Array {
    const def = findTag(this.data.tags, key);
    if (!def) throw new EngineError(`no tag named '${key}'`);
    const stored = this.data.stored.get(def.id);
    const now = isRuleTag(def) && (this.fresh || !stored) ? this.ruleTagMask(def, day) : (stored ?? new Uint8Array(this.memberCount));
    if (!ever) return now;
    const was = this.data.ever.get(def.id);
    if (!was) return now;
    const out = new Uint8Array(this.memberCount);
    for (let i = 0; i < out.length; i++) out[i] = now[i] | was[i];
    return out;
  }

  private stage(name: string, day: number): Uint8Array {
    const code = LIFECYCLE_STAGES.indexOf(name as (typeof LIFECYCLE_STAGES)[number]);
    if (code < 0) throw new EngineError(`unknown lifecycle stage '${name}'`);
    const stages = this.stages(day);
    const out = new Uint8Array(stages.length);
    for (let i = 0; i < out.length; i++) out[i] = stages[i] === code ? 1 : 0;
    return out;
  }

  /** Stage code (index into LIFECYCLE_STAGES, NO_STAGE for none) per member as of `day`. */
  stages(day: number): Uint8Array {
    let s = this.stageCodes.get(day);
    if (!s) {
      // Same result as core assignStages (first matching definition wins), the stage rules
      // evaluated in one fused pass.
      const defs = this.stageDefinitions();
      const masks = this.masks(defs.map((d) => d.rule), day);
      s = stagesFromMasks(defs, masks, this.data.snapshot.cols.joinDay, day);
      this.stageCodes.set(day, s);
    }
    return s;
  }

  /** The workspace's stage rules, checked once (they read member data only: no cycles). */
  stageDefinitions(): StageDefinition[] {
    if (!this.stageDefs) {
      try {
        this.stageDefs = stageDefinitions(this.data.lifecycle);
      } catch (e) {
        throw e instanceof LifecycleError ? new EngineError(e.message) : e;
      }
    }
    return this.stageDefs;
  }

  /** An evaluator over the same data with other stage rules (a draft being edited); its own caches. */
  withLifecycle(lifecycle: LifecycleSetting): Evaluator {
    return new Evaluator({ ...this.data, lifecycle });
  }

  /** The tag's mask after its group's exclusivity, as of `day` (whole group computed once). */
  private ruleTagMask(def: TagDefinition, day: number): Uint8Array {
    const group = def.group ?? `solo:${def.id}`;
    const key = `${day}|${group}`;
    let masks = this.groupMasks.get(key);
    if (!masks) {
      if (this.tagStack.includes(group)) throw new EngineError(`tag cycle: ${[...this.tagStack, group].join(' → ')}`);
      this.tagStack.push(group);
      try {
        const members = this.data.tags.filter((t) => isRuleTag(t) && (t.group ?? `solo:${t.id}`) === group);
        const rules = members.map((t) => checkRule(t.rule, this.data.audiences, this.data.tags, `tag '${t.name}'`));
        const raw = this.masks(rules, day);
        masks = exclusiveMasks(members.map((t, i) => ({ tagId: t.id, group: t.group, priority: t.priority, mask: raw[i] })), this.memberCount);
        this.groupMasks.set(key, masks);
      } finally {
        this.tagStack.pop();
      }
    }
    return masks.get(def.id)!;
  }

  /**
   * Every rule tag as of `day`, exclusive by priority within groups. Tags without a group
   * are evaluated together in one fused pass; `has tag` inside them reads fresh results.
   */
  evaluateRuleTags(day: number): Map<string, Uint8Array> {
    const defs = this.data.tags.filter(isRuleTag);
    this.fresh = true;
    try {
      const rules = defs.map((t) => checkRule(t.rule, this.data.audiences, this.data.tags, `tag '${t.name}'`));
      // One fused pass for all the rules that need nothing but the columns.
      const plain = defs.map((_, i) => i).filter((i) => !mentionsTagOrAudience(rules[i]));
      const fused = this.masks(plain.map((i) => rules[i]), day);
      const raw = new Map<string, Uint8Array>(plain.map((i, k) => [defs[i].id, fused[k]]));
      for (let i = 0; i < defs.length; i++) if (!raw.has(defs[i].id)) raw.set(defs[i].id, this.mask(rules[i], day));
      const out = exclusiveMasks(defs.map((t) => ({ tagId: t.id, group: t.group, priority: t.priority, mask: raw.get(t.id)! })), this.memberCount);
      return out;
    } finally {
      this.fresh = false;
    }
  }
}

function mentionsTagOrAudience(r: Rule): boolean {
  switch (r.k) {
    case 'and':
    case 'or':
      return r.args.some(mentionsTagOrAudience);
    case 'not':
      return mentionsTagOrAudience(r.arg);
    case 'tag':
    case 'audience':
    case 'stage':
      return true;
    default:
      return false;
  }
}

export { NO_STAGE };
