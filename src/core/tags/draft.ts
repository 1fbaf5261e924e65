import type { TagDefinition } from '../model';

/**
 * What a person fills in to create or edit a tag, and the checks that must pass before it is
 * written (the storage layer runs them again inside its transaction). Issues carry a code the
 * UI translates and the field they are about; `detail` fills the message.
 */
export interface TagDraft {
  id?: string;
  name: string;
  group: string;
  priority: number;
  kind: TagDefinition['kind'];
  /** Rule AST (or text) for rule and dynamic tags; ignored for manual and result tags. */
  rule?: unknown;
  description: string;
}

export type TagDraftIssue =
  | { field: 'name'; code: 'nameRequired' | 'nameTooLong' | 'nameTaken'; detail?: string }
  | { field: 'group'; code: 'groupTooLong' }
  | { field: 'priority'; code: 'priorityInteger' }
  | { field: 'rule'; code: 'ruleRequired' }
  | { field: 'description'; code: 'descriptionTooLong' };

export const needsRule = (kind: TagDefinition['kind']): boolean => kind === 'rule' || kind === 'dynamic';

/** Names are compared trimmed and case-blind: "VIP" and "vip" in one workspace would confuse every rule that names them. */
export const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function checkTagDraft(draft: TagDraft, existing: readonly Pick<TagDefinition, 'id' | 'name'>[]): TagDraftIssue[] {
  const issues: TagDraftIssue[] = [];
  const name = draft.name.trim();
  if (!name) issues.push({ field: 'name', code: 'nameRequired' });
  else if (name.length > 100) issues.push({ field: 'name', code: 'nameTooLong' });
  else {
    const clash = existing.find((t) => t.id !== draft.id && sameName(t.name, name));
    if (clash) issues.push({ field: 'name', code: 'nameTaken', detail: clash.name });
  }
  if (draft.group.trim().length > 100) issues.push({ field: 'group', code: 'groupTooLong' });
  if (!Number.isInteger(draft.priority)) issues.push({ field: 'priority', code: 'priorityInteger' });
  if (needsRule(draft.kind) && (draft.rule === undefined || draft.rule === null || draft.rule === '')) issues.push({ field: 'rule', code: 'ruleRequired' });
  if (draft.description.length > 2000) issues.push({ field: 'description', code: 'descriptionTooLong' });
  return issues;
}

/** English text of an issue (storage errors and the CLI; the UI translates the code). */
export function draftIssueText(i: TagDraftIssue): string {
  switch (i.code) {
    case 'nameRequired': return 'name: a tag needs a name';
    case 'nameTooLong': return 'name: at most 100 characters';
    case 'nameTaken': return `name: a tag named '${i.detail ?? ''}' already exists`;
    case 'groupTooLong': return 'group: at most 100 characters';
    case 'priorityInteger': return 'priority: must be a whole number';
    case 'ruleRequired': return 'rule: rule and dynamic tags need a rule';
    case 'descriptionTooLong': return 'description: at most 2000 characters';
  }
}

/** Tags listed by group (groups by name, ungrouped last), highest priority first within a group. */
export function groupTags<T extends Pick<TagDefinition, 'name' | 'group' | 'priority'>>(tags: readonly T[]): { group: string | null; tags: T[] }[] {
  const by = new Map<string | null, T[]>();
  for (const t of tags) by.set(t.group, [...(by.get(t.group) ?? []), t]);
  const keys = [...by.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return keys.map((group) => ({
    group,
    tags: [...by.get(group)!].sort((a, b) => (group === null ? a.name.localeCompare(b.name) : b.priority - a.priority || a.name.localeCompare(b.name))),
  }));
}
