/**
 * Automated tags: each rule tag holds for the members its rule selects; within a group the
 * tags are exclusive by priority (higher wins), so "high-value" replaces "mid-value" and a
 * member falling back below the high threshold returns to mid-value. Recomputing produces
 * the add/remove events between what members held and what they hold now.
 */
export interface TagRuleResult {
  tagId: string;
  group: string | null;
  priority: number;
  /** 0/1 per member: the rule holds */
  mask: Uint8Array;
}

/** Apply group exclusivity: per member, only the highest-priority matching tag of a group stays. */
export function exclusiveMasks(results: TagRuleResult[], memberCount: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const groups = new Map<string, TagRuleResult[]>();
  for (const r of results) {
    if (r.group === null) out.set(r.tagId, r.mask);
    else groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  }
  for (const members of groups.values()) {
    // Highest priority first; ties by tag id so the result never depends on input order.
    const ordered = [...members].sort((a, b) => b.priority - a.priority || (a.tagId < b.tagId ? -1 : 1));
    const taken = new Uint8Array(memberCount);
    for (const r of ordered) {
      const m = new Uint8Array(memberCount);
      for (let i = 0; i < memberCount; i++) {
        if (r.mask[i] && !taken[i]) {
          m[i] = 1;
          taken[i] = 1;
        }
      }
      out.set(r.tagId, m);
    }
  }
  return out;
}

export interface TagChange {
  member: number;
  tagId: string;
  op: 'add' | 'remove';
}

/** The events that take members from `before` to `after` (tags absent from a map are held by nobody). */
export function diffTags(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>, memberCount: number): TagChange[] {
  const changes: TagChange[] = [];
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const tagId of ids) {
    const b = before.get(tagId);
    const a = after.get(tagId);
    for (let i = 0; i < memberCount; i++) {
      const had = b ? b[i] : 0;
      const has = a ? a[i] : 0;
      if (had !== has) changes.push({ member: i, tagId, op: has ? 'add' : 'remove' });
    }
  }
  // Removals before additions for the same member, so history reads "left mid, joined high".
  return changes.sort((x, y) => x.member - y.member || (x.op === y.op ? 0 : x.op === 'remove' ? -1 : 1));
}
