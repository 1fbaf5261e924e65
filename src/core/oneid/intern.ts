/**
 * Interns (tag, string) pairs to dense integers 0, 1, 2…: an open-addressing hash table over
 * typed arrays. OneID meets millions of identity values; V8's Map costs ~2× this per lookup at
 * that size (measured in bench oneid.3m), and the tag (the identity kind) keeps `kind:value`
 * strings from being built per link.
 */
export class InternTable {
  private readonly keys: string[] = [];
  private tags = new Uint8Array(1024);
  private hashes = new Int32Array(1024);
  private slots: Int32Array;
  private mask: number;
  /** true when the last `intern` call added its key */
  added = false;

  constructor(capacity = 1 << 12) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  key(n: number): string {
    return this.keys[n];
  }

  tag(n: number): number {
    return this.tags[n];
  }

  private static hash(tag: number, s: string): number {
    let h = Math.imul(0x811c9dc5 ^ tag, 16777619);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h ^ (h >>> 15);
  }

  /** The integer of (tag, s), added when new (then `added` is true). */
  intern(tag: number, s: string): number {
    const h = InternTable.hash(tag, s);
    const { keys, slots, mask } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = slots[i];
      if (k === -1) break;
      if (this.hashes[k] === h && this.tags[k] === tag && keys[k] === s) {
        this.added = false;
        return k;
      }
    }
    const n = keys.length;
    keys.push(s);
    if (n >= this.tags.length) {
      const tags = new Uint8Array(this.tags.length * 2);
      tags.set(this.tags);
      this.tags = tags;
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.tags[n] = tag;
    this.hashes[n] = h;
    if ((n + 1) * 2 > slots.length) this.rehash(slots.length * 2);
    else this.place(n, h);
    this.added = true;
    return n;
  }

  /** The integer of (tag, s), or -1 when never interned. */
  find(tag: number, s: string): number {
    const h = InternTable.hash(tag, s);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.slots[i];
      if (k === -1) return -1;
      if (this.hashes[k] === h && this.tags[k] === tag && this.keys[k] === s) return k;
    }
  }

  private place(n: number, h: number): void {
    let i = h & this.mask;
    while (this.slots[i] !== -1) i = (i + 1) & this.mask;
    this.slots[i] = n;
  }

  private rehash(cap: number): void {
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let n = 0; n < this.keys.length; n++) this.place(n, this.hashes[n]);
  }
}
