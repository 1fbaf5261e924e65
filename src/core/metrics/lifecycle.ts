import type { MemberColumns } from '../columnar/types';
import type { LifecycleSetting } from '../model/workspace';
import { compileRule, parseRule, runPlan, typecheck, LIFECYCLE_STAGES, type MaskProvider, type Rule, type Span } from '../rules';
import { lifecycleFromPreset } from './presets';

/**
 * Lifecycle stages are the business's own definition (domain §3): an ordered list of
 * (stage, rule); a member is in the first stage whose rule holds. Each workspace stores its
 * rules (Workspace.lifecycle, made from a preset in presets.ts or written by hand);
 * stageDefinitions() is the one way from that setting to rules, used by the engine, the CLI
 * and the UI alike.
 */
export type Stage = (typeof LIFECYCLE_STAGES)[number];
export interface StageDefinition {
  stage: Stage;
  rule: Rule;
}

/** One problem with a lifecycle setting: which stage rule (index into `stages`), what, where in its text. */
export interface LifecycleIssue {
  index: number;
  stage: string;
  message: string;
  span?: Span;
}

export class LifecycleError extends Error {
  constructor(readonly issues: LifecycleIssue[]) {
    super(`lifecycle: ${issues.map((i) => `${i.stage} rule: ${i.message}`).join('; ')}`);
    this.name = 'LifecycleError';
  }
}

/**
 * Parse and check every stage rule. Stage rules read members' own data only: a `stage = …`
 * inside them would define a stage by itself, and tags and audiences may themselves be defined
 * with stages, so those three are refused (no cycle can form).
 */
export function checkLifecycle(setting: LifecycleSetting): { defs: StageDefinition[]; issues: LifecycleIssue[] } {
  const issues: LifecycleIssue[] = [];
  const defs: StageDefinition[] = [];
  const seen = new Set<string>();
  if (setting.stages.length === 0) issues.push({ index: -1, stage: '(none)', message: 'at least one stage needs a rule' });
  setting.stages.forEach((s, index) => {
    const add = (message: string, span?: Span) => issues.push({ index, stage: s.stage, message, span });
    if (!(LIFECYCLE_STAGES as readonly string[]).includes(s.stage)) return add(`unknown stage '${s.stage}'; expected one of ${LIFECYCLE_STAGES.join(', ')}`);
    if (seen.has(s.stage)) add(`stage '${s.stage}' is defined twice`);
    seen.add(s.stage);
    let rule: Rule;
    try {
      rule = parseRule(s.rule);
    } catch (e) {
      const err = e as Error & { start?: number; end?: number };
      return add(err.message, typeof err.start === 'number' ? { start: err.start, end: err.end ?? err.start + 1 } : undefined);
    }
    for (const i of typecheck(rule)) add(i.message, i.span);
    for (const r of forbiddenRefs(rule)) {
      add(
        r.k === 'stage'
          ? `a stage rule cannot ask for a lifecycle stage ('stage = ${r.name}'): stages are defined by these rules`
          : `a stage rule cannot use ${r.k === 'tag' ? `tag '${r.name}'` : `audience '${r.name}'`}: tags and audiences may be defined by stage, so stages read member data only`,
        r.span,
      );
    }
    defs.push({ stage: s.stage as Stage, rule });
  });
  return { defs: issues.length ? [] : defs, issues };
}

/** The workspace's stage definitions; throws LifecycleError (listing every issue) if a rule is invalid. */
export function stageDefinitions(setting: LifecycleSetting): StageDefinition[] {
  const { defs, issues } = checkLifecycle(setting);
  if (issues.length) throw new LifecycleError(issues);
  return defs;
}

function forbiddenRefs(rule: Rule): { k: 'stage' | 'tag' | 'audience'; name: string; span?: Span }[] {
  const out: { k: 'stage' | 'tag' | 'audience'; name: string; span?: Span }[] = [];
  const visit = (r: Rule): void => {
    if (r.k === 'and' || r.k === 'or') r.args.forEach(visit);
    else if (r.k === 'not') visit(r.arg);
    else if (r.k === 'stage') out.push({ k: 'stage', name: r.stage, span: r.span });
    else if (r.k === 'tag') out.push({ k: 'tag', name: r.tag, span: r.span });
    else if (r.k === 'audience') out.push({ k: 'audience', name: r.id, span: r.span });
  };
  visit(rule);
  return out;
}

/** The food preset's rules with these thresholds (what v1 workspaces derived). */
export function defaultLifecycle(activeDays: number, churnDays: number): StageDefinition[] {
  return stageDefinitions(lifecycleFromPreset('food', { activeDays, churnDays }));
}

export const NO_STAGE = 255;

/**
 * Stage codes from each definition's mask, first match wins. A member who had not joined by
 * `day` has no stage that day (time travel: stages as of a past day are those of the members
 * of that day). The engine's fused evaluation and assignStages both end here.
 */
export function stagesFromMasks(defs: readonly StageDefinition[], masks: readonly Uint8Array[], joinDay: Int32Array, day: number): Uint8Array {
  const out = new Uint8Array(joinDay.length).fill(NO_STAGE);
  for (let k = 0; k < defs.length; k++) {
    const code = LIFECYCLE_STAGES.indexOf(defs[k].stage);
    const m = masks[k];
    for (let i = 0; i < out.length; i++) if (out[i] === NO_STAGE && m[i] && joinDay[i] <= day) out[i] = code;
  }
  return out;
}

/** Stage index (into LIFECYCLE_STAGES) per member; NO_STAGE where no definition matched. */
export function assignStages(cols: MemberColumns, defs: StageDefinition[], asOfDay: number, masks: MaskProvider = {}): Uint8Array {
  const ms = defs.map((d) => runPlan(compileRule(d.rule, cols, asOfDay), cols, masks));
  return stagesFromMasks(defs, ms, cols.joinDay, asOfDay);
}

export type StageCount = { stage: Stage | 'none'; count: number };

/** Members per stage, in LIFECYCLE_STAGES order, plus those in none. */
export function stageCounts(stages: Uint8Array): StageCount[] {
  const counts = new Array(LIFECYCLE_STAGES.length + 1).fill(0);
  for (const s of stages) counts[s === NO_STAGE ? LIFECYCLE_STAGES.length : s]++;
  return [...LIFECYCLE_STAGES.map((stage, i) => ({ stage, count: counts[i] })), { stage: 'none' as const, count: counts[LIFECYCLE_STAGES.length] }];
}
