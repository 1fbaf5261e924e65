/**
 * Growable typed-array columns and string dictionaries: how staging holds 10M order lines in
 * a few hundred MB. One object per line (the first design) cost ~500 bytes a line and a
 * garbage collector that rescanned millions of objects; a typed array is one allocation
 * outside the JS heap that the collector never walks.
 */
type Numbers = Int32Array | Float64Array | Uint8Array;

export class Column<A extends Numbers> {
  data: A;
  length = 0;
  constructor(private make: (n: number) => A, initial = 4096) {
    this.data = make(initial);
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      // 1.5× rather than 2×: at 10M lines the slack of doubling was hundreds of MB.
      const next = this.make(Math.ceil(this.data.length * 1.5));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  /** The values as an array of exactly `length` (the slack is given back). */
  trimmed(): A {
    if (this.data.length !== this.length) this.data = this.data.slice(0, this.length) as A;
    return this.data;
  }
}

export const int32s = (): Column<Int32Array> => new Column((n) => new Int32Array(n));
export const float64s = (): Column<Float64Array> => new Column((n) => new Float64Array(n));
export const flags = (): Column<Uint8Array> => new Column((n) => new Uint8Array(n));

/**
 * A copy of `s` that does not point into the text it was cut from. V8 keeps a substring of
 * 13+ characters as a view of its parent; a parser's field is a view of a 4 MB chunk, so
 * keeping one country name per chunk would keep the whole file's text alive.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Strings coded as small integers; code 0 is always the empty string. */
export class Dictionary {
  private codes = new Map<string, number>([['', 0]]);
  readonly values: string[] = [''];

  code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.values.length;
      const own = ownString(s);
      this.codes.set(own, c);
      this.values.push(own);
    }
    return c;
  }

  get size(): number {
    return this.values.length;
  }
}

/** Items grouped by an owner (compressed sparse rows): items of owner g are at[start[g] … start[g+1]). */
export function groupBy(owner: Int32Array, count: number, owners: number): { start: Int32Array; at: Int32Array } {
  const start = new Int32Array(owners + 1);
  for (let i = 0; i < count; i++) if (owner[i] >= 0) start[owner[i] + 1]++;
  for (let g = 0; g < owners; g++) start[g + 1] += start[g];
  const fill = start.slice(0, owners);
  const at = new Int32Array(start[owners]);
  // In item order, so an owner's items keep the file's order.
  for (let i = 0; i < count; i++) if (owner[i] >= 0) at[fill[owner[i]]++] = i;
  return { start, at };
}
