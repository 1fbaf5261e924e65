import type { IdentityKind, Platform } from '../model';
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
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private parent = new Int32Array(1024);
  private size = new Int32Array(1024);
  /** per root: index of the cluster's smallest profile id */
  private minOf = new Int32Array(1024);
  /** evidence key -> first non-isolated profile that holds it */
  private readonly holder = new Map<string, number>();
  private readonly isolatedHolders = new Map<string, number[]>();
  private readonly joinedA: number[] = [];
  private readonly joinedB: number[] = [];
  private readonly joinedKey: string[] = [];
  private readonly hintA: number[] = [];
  private readonly hintB: number[] = [];
  private readonly hintKey: string[] = [];

  constructor(trust: Partial<Record<IdentityKind, Trust>> = {}, splits: readonly SplitLike[] = []) {
    this.t = { ...DEFAULT_TRUST, ...trust };
    this.isolated = new Set(splits.map((s) => s.profileId));
  }

  /** Profiles added so far. */
  get profileCount(): number {
    return this.ids.length;
  }

  private node(id: string): number {
    let n = this.index.get(id);
    if (n !== undefined) return n;
    n = this.ids.length;
    this.ids.push(id);
    this.index.set(id, n);
    if (n >= this.parent.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
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
    if (this.ids[mb] < this.ids[ma]) this.minOf[ra] = mb;
    return true;
  }

  add(p: SourceProfile): void {
    const me = this.node(p.id);
    const iso = this.isolated.has(p.id);
    for (const idn of p.identities) {
      const norm = normalizeIdentity(idn.kind, idn.value);
      if (norm === null) continue;
      const key = evidenceKey(idn.kind, norm, idn.scope ?? null);
      const h = this.holder.get(key);
      if (iso) {
        // a split-out profile joins nobody; what it shares is only a hint
        if (h !== undefined) this.hint(h, me, key);
        const list = this.isolatedHolders.get(key);
        if (list) list.push(me);
        else this.isolatedHolders.set(key, [me]);
        continue;
      }
      const isoList = this.isolatedHolders.get(key);
      if (isoList) for (const other of isoList) this.hint(other, me, key);
      if (h === undefined) {
        this.holder.set(key, me);
      } else if (h !== me) {
        if (this.t[idn.kind] !== 'merge') this.hint(h, me, key);
        else if (this.union(h, me)) {
          this.joinedA.push(h);
          this.joinedB.push(me);
          this.joinedKey.push(key);
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
    for (let i = 0; i < this.ids.length; i++) if (this.parent[i] === i) n++;
    return n;
  }

  /** Person key (smallest profile id of its cluster) of a profile added before, else undefined. */
  personOf(profileId: string): string | undefined {
    const n = this.index.get(profileId);
    return n === undefined ? undefined : this.ids[this.minOf[this.find(n)]];
  }

  resolution(): Resolution {
    const ids = this.ids;
    const key = (n: number) => ids[this.minOf[this.find(n)]];
    const people = new Map<string, string[]>();
    const personOf = new Map<string, string>();
    for (let n = 0; n < ids.length; n++) {
      const k = key(n);
      personOf.set(ids[n], k);
      const list = people.get(k);
      if (list) list.push(ids[n]);
      else people.set(k, [ids[n]]);
    }
    for (const list of people.values()) if (list.length > 1) list.sort();
    const edges = new Map<string, MergeEdge[]>();
    for (let i = 0; i < this.joinedA.length; i++) {
      const e = { a: ids[this.joinedA[i]], b: ids[this.joinedB[i]], evidence: this.joinedKey[i] };
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
