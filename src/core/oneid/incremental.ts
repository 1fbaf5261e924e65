import type { Identity, IdentityKind } from '../model';
import { evidenceKind, identityEvidence } from './profiles';
import { trustTable, type Trust } from './trust';

/**
 * Incremental OneID over stored members: new identities (an import, a sync) that hit evidence
 * another member already holds join the two members when the kind is trusted, or leave a hint
 * when it is hint-only. Only evidence that just arrived acts: two stored members that already
 * shared a hint-only email are not re-examined on every import.
 */
export interface EvidenceMerge {
  /** the member that keeps its id (the longest known) */
  into: string;
  /** the member folded into it */
  from: string;
  /** the evidence (kind:value) that joined them, and the profiles on each side */
  evidence: string;
  profiles: [string, string];
}

export interface EvidenceHint {
  a: string;
  b: string;
  evidence: string;
  profiles: [string, string];
}

export interface EvidencePlan {
  /** in an order that can be applied one by one: a `from` is never an `into` later */
  merges: EvidenceMerge[];
  hints: EvidenceHint[];
}

interface Holding {
  memberId: string;
  profileId: string;
  kind: IdentityKind;
  incoming: boolean;
}

/**
 * `incoming`: identities just written; `held`: stored identities of other members that may share
 * their evidence (the caller finds them through the identity index). `isolated`: profiles an
 * operator split out (they merge with nobody). `seniority`: sort key of a member, smallest kept.
 */
export function planEvidenceMerges(
  incoming: readonly Identity[], held: readonly Identity[], trust: Partial<Record<IdentityKind, Trust>>,
  isolated: ReadonlySet<string>, seniority: (memberId: string) => string,
): EvidencePlan {
  const t = trustTable(trust);
  const byKey = new Map<string, Holding[]>();
  const seen = new Set<string>();
  const put = (i: Identity, inc: boolean) => {
    if (seen.has(i.id)) return;
    seen.add(i.id);
    const key = identityEvidence(i);
    if (key === null) return;
    const list = byKey.get(key) ?? [];
    list.push({ memberId: i.memberId, profileId: i.profileId, kind: i.kind, incoming: inc });
    byKey.set(key, list);
  };
  for (const i of incoming) put(i, true);
  for (const i of held) put(i, false);

  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const edges: { a: string; b: string; evidence: string; profiles: [string, string] }[] = [];
  const hintPairs: EvidenceHint[] = [];
  for (const [evidence, list] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (list.length < 2) continue;
    const trusted = t[evidenceKind(evidence)] === 'merge';
    for (const x of list) {
      if (!x.incoming) continue;
      for (const y of list) {
        if (y.memberId === x.memberId || (y.incoming && y.memberId < x.memberId)) continue;
        const profiles: [string, string] = [x.profileId, y.profileId];
        if (trusted && !isolated.has(x.profileId) && !isolated.has(y.profileId)) {
          const [ra, rb] = [find(x.memberId), find(y.memberId)];
          if (ra === rb) continue;
          const [keep, fold] = seniority(ra) <= seniority(rb) ? [ra, rb] : [rb, ra];
          parent.set(fold, keep);
          edges.push({ a: x.memberId, b: y.memberId, evidence, profiles });
        } else hintPairs.push({ a: x.memberId, b: y.memberId, evidence, profiles });
      }
    }
  }
  // Each group folds into its most senior member (the final union root), in the order the edges
  // joined; `profiles` is [the group's side, the folded member's side] of the joining evidence.
  const merges: EvidenceMerge[] = [];
  const folded = new Set<string>();
  for (const e of edges) {
    const into = find(e.a);
    if (e.a !== into && !folded.has(e.a)) {
      folded.add(e.a);
      merges.push({ into, from: e.a, evidence: e.evidence, profiles: [e.profiles[1], e.profiles[0]] });
    }
    if (e.b !== into && !folded.has(e.b)) {
      folded.add(e.b);
      merges.push({ into, from: e.b, evidence: e.evidence, profiles: [e.profiles[0], e.profiles[1]] });
    }
  }
  const hintSeen = new Set<string>();
  const hints = hintPairs.filter((h) => {
    const [a, b] = h.a < h.b ? [h.a, h.b] : [h.b, h.a];
    const k = `${a}|${b}|${h.evidence}`;
    if (hintSeen.has(k) || find(a) === find(b)) return false;
    hintSeen.add(k);
    return true;
  });
  return { merges, hints };
}
