import { IDENTITY_KINDS, type IdentityKind, type Platform } from '../model';
import { InternTable } from './intern';
import { evidenceKey, normalizeIdentity } from './normalize';
import { DEFAULT_TRUST, type Trust } from './trust';

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

/** An operator's split: `profileId` is a person of its own, whatever evidence it shares. */
export interface SplitOverride {
  profileId: string;
  by: string;
  at: string;
  note: string;
}

/** What the graph needs of a split: the profile (the rest is history, kept by the caller). */
export type SplitLike = Pick<SplitOverride, 'profileId'> & Partial<SplitOverride>;

export interface MergeEdge {
  a: string;
  b: string;
  evidence: string;
}

export interface Resolution {
  /** person key (the smallest profile id in the cluster) -> profile ids, sorted */
  people: Map<string, string[]>;
  personOf: Map<string, string>;
  /** the edges that joined each person's profiles: the explanation */
  edges: Map<string, MergeEdge[]>;
  /** evidence shared across different people that is not trusted to merge */
  hints: MergeEdge[];
}

/**
 * The identity graph, built incrementally: add profiles as they arrive (imports, syncs);
 * connected components over trusted evidence are people. A split (rare) needs a rebuild.
 *
 * Built for millions of links: profiles and evidence are interned to integers and the
 * union-find runs over typed arrays (union by size, path halving), so the only per-link
 * allocation is the evidence key string. Person keys stay "the smallest profile id" (kept per
 * root), so they do not depend on the order profiles arrive in.
 */
export class IdentityGraph {
  private readonly t: Record<IdentityKind, Trust>;
  private readonly isolated: Set<string>;
  /** profile id -> node (dense: node n is the n-th profile added) */
  private readonly profiles = new InternTable();
  private parent = new Int32Array(1024);
  private size = new Int32Array(1024);
  /** per root: node of the cluster's smallest profile id */
  private minOf = new Int32Array(1024);
  /**
   * Evidence, interned per kind (tag = kind, key = normalised value; cards `scope:value`), so
   * no `kind:value` string is built per link: keys are made only for the links that join or hint.
   */
  private readonly evidence = new InternTable();
  /** per evidence: the first non-isolated profile holding it, -1 for none yet */
  private holderOf = new Int32Array(1024);
  private readonly isolatedHolders = new Map<string, number[]>();
  private readonly joinedA: number[] = [];
  private readonly joinedB: number[] = [];
  /** the evidence (interned) of each join: its `kind:value` key is built only when asked */
  private readonly joinedE: number[] = [];
  private readonly hintA: number[] = [];
  private readonly hintB: number[] = [];
  private readonly hintKey: string[] = [];

  constructor(trust: Partial<Record<IdentityKind, Trust>> = {}, splits: readonly SplitLike[] = []) {
    this.t = { ...DEFAULT_TRUST, ...trust };
    this.isolated = new Set(splits.map((s) => s.profileId));
  }

  /** Profiles added so far. */
  get profileCount(): number {
    return this.profiles.size;
  }

  private node(id: string): number {
    const n = this.profiles.intern(0, id);
    if (!this.profiles.added) return n;
    if (n >= this.parent.length) {
      this.parent = grow(this.parent);
      this.size = grow(this.size);
      this.minOf = grow(this.minOf);
    }
    this.parent[n] = n;
    this.size[n] = 1;
    this.minOf[n] = n;
    return n;
  }

  private find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  private union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    const ma = this.minOf[ra];
    const mb = this.minOf[rb];
    if (this.profiles.key(mb) < this.profiles.key(ma)) this.minOf[ra] = mb;
    return true;
  }

  add(p: SourceProfile): void {
    const me = this.node(p.id);
    const iso = this.isolated.size > 0 && this.isolated.has(p.id);
    const anyIsolated = this.isolatedHolders.size > 0;
    for (const idn of p.identities) {
      const norm = normalizeIdentity(idn.kind, idn.value);
      if (norm === null) continue;
      const e = this.evidence.intern(KIND_TAG[idn.kind], idn.kind === 'member_card' ? `${idn.scope ?? ''}:${norm}` : norm);
      if (this.evidence.added) {
        if (e >= this.holderOf.length) this.holderOf = grow(this.holderOf);
        this.holderOf[e] = -1;
      }
      const h = this.holderOf[e];
      if (iso || anyIsolated) {
        const key = evidenceKey(idn.kind, norm, idn.scope ?? null);
        if (iso) {
          // a split-out profile joins nobody; what it shares is only a hint
          if (h !== -1) this.hint(h, me, key);
          const list = this.isolatedHolders.get(key);
          if (list) list.push(me);
          else this.isolatedHolders.set(key, [me]);
          continue;
        }
        const isoList = this.isolatedHolders.get(key);
        if (isoList) for (const other of isoList) this.hint(other, me, key);
      }
      if (h === -1) {
        this.holderOf[e] = me;
      } else if (h !== me) {
        if (this.t[idn.kind] !== 'merge') this.hint(h, me, evidenceKey(idn.kind, norm, idn.scope ?? null));
        else if (this.union(h, me)) {
          this.joinedA.push(h);
          this.joinedB.push(me);
          this.joinedE.push(e);
        }
      }
    }
  }

  private hint(a: number, b: number, key: string): void {
    this.hintA.push(a);
    this.hintB.push(b);
    this.hintKey.push(key);
  }

  /** Number of people (connected components) so far: cheap, no strings built. */
  peopleCount(): number {
    let n = 0;
    for (let i = 0; i < this.profiles.size; i++) if (this.parent[i] === i) n++;
    return n;
  }

  /** Person key (smallest profile id of its cluster) of a profile added before, else undefined. */
  personOf(profileId: string): string | undefined {
    const n = this.profiles.find(0, profileId);
    return n === -1 ? undefined : this.profiles.key(this.minOf[this.find(n)]);
  }

  resolution(): Resolution {
    const count = this.profiles.size;
    const ids: string[] = new Array<string>(count);
    for (let n = 0; n < count; n++) ids[n] = this.profiles.key(n);
    const key = (n: number) => ids[this.minOf[this.find(n)]];
    const people = new Map<string, string[]>();
    const personOf = new Map<string, string>();
    for (let n = 0; n < count; n++) {
      const k = key(n);
      personOf.set(ids[n], k);
      const list = people.get(k);
      if (list) list.push(ids[n]);
      else people.set(k, [ids[n]]);
    }
    for (const list of people.values()) if (list.length > 1) list.sort();
    const edges = new Map<string, MergeEdge[]>();
    for (let i = 0; i < this.joinedA.length; i++) {
      const x = this.joinedE[i];
      const e = { a: ids[this.joinedA[i]], b: ids[this.joinedB[i]], evidence: `${IDENTITY_KINDS[this.evidence.tag(x) - 1]}:${this.evidence.key(x)}` };
      const k = key(this.joinedA[i]);
      const list = edges.get(k);
      if (list) list.push(e);
      else edges.set(k, [e]);
    }
    const seen = new Set<string>();
    const hints: MergeEdge[] = [];
    for (let i = 0; i < this.hintA.length; i++) {
      const a = this.hintA[i];
      const b = this.hintB[i];
      const s = `${a}|${b}|${this.hintKey[i]}`;
      if (seen.has(s) || this.find(a) === this.find(b)) continue;
      seen.add(s);
      hints.push({ a: ids[a], b: ids[b], evidence: this.hintKey[i] });
    }
    return { people, personOf, edges, hints };
  }
}

const KIND_TAG = Object.fromEntries(IDENTITY_KINDS.map((k, i) => [k, i + 1])) as Record<IdentityKind, number>;

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function resolve(
  profiles: readonly SourceProfile[], trust: Partial<Record<IdentityKind, Trust>> = {}, splits: readonly SplitLike[] = [],
): Resolution {
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
    for (const n of [e.a, e.b]) {
      const list = adj.get(n);
      if (list) list.push(e);
      else adj.set(n, [e]);
    }
  }
  const prev = new Map<string, MergeEdge>();
  const queue = [from];
  const seen = new Set([from]);
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q];
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
