import type { IdentityKind, Platform } from '../model';
import { evidenceKey, normalizeIdentity } from './normalize';

/**
 * OneID: source profiles (a Tmall buyer, a WeCom contact, a POS member, a mini-program user…)
 * each carry identities; profiles that share trusted evidence are one person. Merges are
 * explained by the evidence that joined them, and an operator can split a profile out, which
 * forbids that evidence from joining it again.
 */
export interface ProfileIdentity {
  kind: IdentityKind;
  value: string;
  scope?: string | null;
}
export interface SourceProfile {
  id: string;
  platform: Platform;
  identities: ProfileIdentity[];
}

/** merge = evidence joins profiles; hint = shown as a possible match only. */
export type Trust = 'merge' | 'hint';
export const DEFAULT_TRUST: Record<IdentityKind, Trust> = {
  phone: 'merge',
  unionid: 'merge',
  openid_oa: 'merge',
  openid_mp: 'merge',
  openid_channels: 'merge',
  wecom_external: 'merge',
  taobao_buyer: 'merge',
  jd_pin: 'merge',
  douyin_openid: 'merge',
  member_card: 'merge',
  pos_member: 'merge',
  email: 'hint',
  customer_id: 'merge',
};

/** An operator's split: `profileId` is a person of its own, whatever evidence it shares. */
export interface SplitOverride {
  profileId: string;
  by: string;
  at: string;
  note: string;
}

export interface MergeEdge {
  a: string;
  b: string;
  evidence: string;
}

export interface Resolution {
  /** person key (the smallest profile id in the cluster) -> profile ids */
  people: Map<string, string[]>;
  personOf: Map<string, string>;
  /** the edges that joined each person's profiles: the explanation */
  edges: Map<string, MergeEdge[]>;
  /** evidence shared across different people that is not trusted to merge */
  hints: { a: string; b: string; evidence: string }[];
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // the smaller id becomes the root so person keys are stable whatever the input order
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
    return true;
  }
}

/**
 * The identity graph, built incrementally: add profiles as they arrive (imports, syncs);
 * connected components over trusted evidence are people. A split (rare) needs a rebuild.
 */
export class IdentityGraph {
  private readonly t: Record<IdentityKind, Trust>;
  private readonly isolated: Set<string>;
  private readonly uf = new UnionFind();
  private readonly holder = new Map<string, string>();
  private readonly isolatedHolders = new Map<string, string[]>();
  private readonly joined: MergeEdge[] = [];
  private readonly hintPairs: { a: string; b: string; evidence: string }[] = [];
  private readonly ids: string[] = [];

  constructor(trust: Partial<Record<IdentityKind, Trust>> = {}, splits: SplitOverride[] = []) {
    this.t = { ...DEFAULT_TRUST, ...trust };
    this.isolated = new Set(splits.map((s) => s.profileId));
  }

  add(p: SourceProfile): void {
    this.ids.push(p.id);
    this.uf.find(p.id);
    const iso = this.isolated.has(p.id);
    for (const idn of p.identities) {
      const norm = normalizeIdentity(idn.kind, idn.value);
      if (norm === null) continue;
      const key = evidenceKey(idn.kind, norm, idn.scope ?? null);
      const h = this.holder.get(key);
      if (iso) {
        // a split-out profile joins nobody; what it shares is only a hint
        if (h !== undefined) this.hintPairs.push({ a: h, b: p.id, evidence: key });
        this.isolatedHolders.set(key, [...(this.isolatedHolders.get(key) ?? []), p.id]);
        continue;
      }
      for (const other of this.isolatedHolders.get(key) ?? []) this.hintPairs.push({ a: other, b: p.id, evidence: key });
      if (h === undefined) {
        this.holder.set(key, p.id);
      } else if (h !== p.id) {
        if (this.t[idn.kind] !== 'merge') this.hintPairs.push({ a: h, b: p.id, evidence: key });
        else if (this.uf.union(h, p.id)) this.joined.push({ a: h, b: p.id, evidence: key });
      }
    }
  }

  resolution(): Resolution {
    const uf = this.uf;
    const people = new Map<string, string[]>();
    const personOf = new Map<string, string>();
    for (const id of [...this.ids].sort()) {
      const root = uf.find(id);
      personOf.set(id, root);
      const list = people.get(root);
      if (list) list.push(id);
      else people.set(root, [id]);
    }
    const edges = new Map<string, MergeEdge[]>();
    for (const e of this.joined) {
      const root = uf.find(e.a);
      const list = edges.get(root);
      if (list) list.push(e);
      else edges.set(root, [e]);
    }
    const seen = new Set<string>();
    const hints = this.hintPairs.filter((h) => {
      const k = `${h.a}|${h.b}|${h.evidence}`;
      if (seen.has(k) || uf.find(h.a) === uf.find(h.b)) return false;
      seen.add(k);
      return true;
    });
    return { people, personOf, edges, hints };
  }
}

export function resolve(profiles: SourceProfile[], trust: Partial<Record<IdentityKind, Trust>> = {}, splits: SplitOverride[] = []): Resolution {
  const g = new IdentityGraph(trust, splits);
  for (const p of profiles) g.add(p);
  return g.resolution();
}

/**
 * Why are these two profiles the same person? The chain of evidence from one to the other
 * through the person's merge edges (breadth-first), or null if they are not one person.
 */
export function explain(res: Resolution, from: string, to: string): MergeEdge[] | null {
  const root = res.personOf.get(from);
  if (root === undefined || root !== res.personOf.get(to)) return null;
  if (from === to) return [];
  const adj = new Map<string, MergeEdge[]>();
  for (const e of res.edges.get(root) ?? []) {
    for (const n of [e.a, e.b]) adj.set(n, [...(adj.get(n) ?? []), e]);
  }
  const prev = new Map<string, MergeEdge>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const n = queue.shift()!;
    if (n === to) break;
    for (const e of adj.get(n) ?? []) {
      const m = e.a === n ? e.b : e.a;
      if (seen.has(m)) continue;
      seen.add(m);
      prev.set(m, e);
      queue.push(m);
    }
  }
  const path: MergeEdge[] = [];
  for (let n = to; n !== from; ) {
    const e = prev.get(n)!;
    path.unshift(e);
    n = e.a === n ? e.b : e.a;
  }
  return path;
}
