import { LIFECYCLE_STAGES } from '../../core/rules';
import { checkLifecycle, type LifecycleIssue } from '../../core/metrics/lifecycle';
import { lifecycleFromPreset } from '../../core/metrics/presets';
import type { LifecyclePreset, LifecycleSetting, StageRuleText } from '../../core/model';

/**
 * The editor's draft of the stage definitions and the edits a person makes to it. A preset
 * regenerates its rules when a threshold changes; editing, moving, adding or removing a rule
 * makes the draft custom (the rules are then the business's own).
 */
export function choosePreset(draft: LifecycleSetting, preset: LifecyclePreset): LifecycleSetting {
  return preset === 'custom' ? { ...draft, preset } : lifecycleFromPreset(preset);
}

export function setThresholds(draft: LifecycleSetting, t: { activeDays?: number; churnDays?: number }): LifecycleSetting {
  const activeDays = t.activeDays ?? draft.activeDays;
  const churnDays = t.churnDays ?? draft.churnDays;
  if (!isDays(activeDays) || !isDays(churnDays)) return draft;
  if (draft.preset === 'custom') return { ...draft, activeDays, churnDays };
  return lifecycleFromPreset(draft.preset, { activeDays, churnDays });
}

const isDays = (n: number) => Number.isInteger(n) && n > 0 && n <= 36500;

const custom = (draft: LifecycleSetting, stages: StageRuleText[]): LifecycleSetting => ({ ...draft, preset: 'custom', stages });

export function setStageRule(draft: LifecycleSetting, index: number, rule: string): LifecycleSetting {
  if (draft.stages[index]?.rule === rule) return draft;
  return custom(draft, draft.stages.map((s, i) => (i === index ? { ...s, rule } : s)));
}

export function moveStage(draft: LifecycleSetting, index: number, by: -1 | 1): LifecycleSetting {
  const j = index + by;
  if (j < 0 || j >= draft.stages.length) return draft;
  const stages = [...draft.stages];
  [stages[index], stages[j]] = [stages[j], stages[index]];
  return custom(draft, stages);
}

export function removeStage(draft: LifecycleSetting, index: number): LifecycleSetting {
  if (draft.stages.length <= 1) return draft;
  return custom(draft, draft.stages.filter((_, i) => i !== index));
}

/** Stages not defined yet, which can be added (at the end, matching nobody until edited). */
export function missingStages(draft: LifecycleSetting): string[] {
  return LIFECYCLE_STAGES.filter((s) => !draft.stages.some((x) => x.stage === s));
}

export function addStage(draft: LifecycleSetting, stage: StageRuleText['stage']): LifecycleSetting {
  if (draft.stages.some((s) => s.stage === stage)) return draft;
  return custom(draft, [...draft.stages, { stage, rule: 'orders = 0' }]);
}

export interface DraftCheck {
  issues: LifecycleIssue[];
  /** The draft can be counted and saved. */
  ok: boolean;
  /** Warning only: dormant can never happen when churn comes first. */
  thresholdOrder: boolean;
}

export function checkDraft(draft: LifecycleSetting): DraftCheck {
  const { issues } = checkLifecycle(draft);
  return { issues, ok: issues.length === 0, thresholdOrder: draft.preset !== 'custom' && draft.churnDays <= draft.activeDays };
}

export const sameSetting = (a: LifecycleSetting, b: LifecycleSetting): boolean => JSON.stringify(a) === JSON.stringify(b);
