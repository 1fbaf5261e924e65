import type { Identity, IdentityKind, Platform } from '../model';
import { evidenceKey, normalizeIdentity } from './normalize';
import { explain, resolve, type MergeEdge, type Resolution, type SourceProfile, type SplitLike } from './resolve';
import { trustTable, type Trust } from './trust';

/** Source profiles from stored identity rows: the rows of one profileId were seen together. */
export function profilesOf(identities: readonly Identity[]): SourceProfile[] {
  const byId = new Map<string, SourceProfile>();
  for (const i of identities) {
    let p = byId.get(i.profileId);
    if (!p) byId.set(i.profileId, (p = { id: i.profileId, platform: i.platform, identities: [] }));
    p.identities.push({ kind: i.kind, value: i.value, scope: i.scope });
  }
  return [...byId.values()];
}

/** The evidence key of a stored identity, or null when its value is not evidence. */
export function identityEvidence(i: Pick<Identity, 'kind' | 'value' | 'scope'>): string | null {
  const n = normalizeIdentity(i.kind, i.value);
  return n === null ? null : evidenceKey(i.kind, n, i.scope);
}

/** The kind named by an evidence key (`phone:138…` -> phone). */
export const evidenceKind = (key: string): IdentityKind => key.slice(0, key.indexOf(':')) as IdentityKind;

export interface ProfileNode {
  id: string;
  platform: Platform;
  /** the identities this profile observed, in the order stored */
  identities: Identity[];
  /** split out by an operator: joins nobody */
  isolated: boolean;
}

/** Two profiles observed the same evidence. `trusted`: this kind merges and neither is split out. */
export interface SharedEvidence {
  a: string;
  b: string;
  evidence: string;
  kind: IdentityKind;
  trusted: boolean;
}

export interface MemberIdentityGraph {
  nodes: ProfileNode[];
  /** profiles sharing a piece of evidence: from its first holder to each other one */
  edges: SharedEvidence[];
  resolution: Resolution;
  /** true when the member's profiles are one person by the evidence they hold */
  connected: boolean;
}

/**
 * What the member page draws: the member's source profiles, the evidence they share, and how
 * OneID resolves them under the workspace's trust and splits.
 */
export function memberIdentityGraph(
  identities: readonly Identity[], trust: Partial<Record<IdentityKind, Trust>> = {}, splits: readonly SplitLike[] = [],
): MemberIdentityGraph {
  const t = trustTable(trust);
  const isolated = new Set(splits.map((s) => s.profileId));
  const nodes = new Map<string, ProfileNode>();
  const holders = new Map<string, string[]>();
  for (const i of identities) {
    let n = nodes.get(i.profileId);
    if (!n) nodes.set(i.profileId, (n = { id: i.profileId, platform: i.platform, identities: [], isolated: isolated.has(i.profileId) }));
    n.identities.push(i);
    const key = identityEvidence(i);
    if (key === null) continue;
    const list = holders.get(key) ?? [];
    if (!list.includes(i.profileId)) list.push(i.profileId);
    holders.set(key, list);
  }
  // Evidence held by k profiles is drawn as k-1 lines from its first holder (a star), not every
  // pair: four WeChat surfaces sharing a unionid read as one hub instead of a tangle of six lines.
  const edges: SharedEvidence[] = [];
  for (const [evidence, list] of holders) {
    const kind = evidenceKind(evidence);
    for (let y = 1; y < list.length; y++) {
      const [a, b] = list[0] < list[y] ? [list[0], list[y]] : [list[y], list[0]];
      edges.push({ a, b, evidence, kind, trusted: t[kind] === 'merge' && !isolated.has(a) && !isolated.has(b) });
    }
  }
  const resolution = resolve(profilesOf(identities), trust, splits);
  return { nodes: [...nodes.values()], edges, resolution, connected: resolution.people.size <= 1 };
}

/** The chain of evidence that makes `to` the same person as `from` (null: it does not). */
export function whyOnePerson(g: MemberIdentityGraph, from: string, to: string): MergeEdge[] | null {
  return explain(g.resolution, from, to);
}
