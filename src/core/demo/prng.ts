/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the distributions the demo
 * generator needs. Our own code so the stream never changes under a library upgrade: the
 * same seed gives the same data, byte for byte, in the same JS engine.
 *
 * Note: gamma/normal draws use Math.log/sqrt/cos; V8 computes them identically everywhere,
 * but another engine could round Math.log's last bit differently.
 */

/** murmur3's 32-bit finaliser: a bijection on uint32 with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fold any safe integer seed into 32 bits (negative and > 2^32 seeds stay distinct enough). */
export function seed32(seed: number): number {
  const hi = Math.floor(seed / 4294967296);
  return fmix32((seed >>> 0) ^ fmix32(hi ^ 0x5bd1e995));
}

/** Hash (seed, stream, index) to a 32-bit value: the root of every member's own stream. */
export function hash3(seed: number, stream: number, index: number): number {
  return fmix32(fmix32(seed ^ Math.imul(stream + 1, 0x9e3779b9)) ^ fmix32(index + 0x632be5ab));
}

/**
 * A bijective scramble of a uint32 under a salt: distinct inputs give distinct outputs, so
 * identity values derived from member indexes never collide (no accidental OneID merges).
 */
export function scramble32(i: number, salt: number): number {
  let x = (i + salt) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 expands one 32-bit seed into sfc32's four words.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 8; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)];
  }

  /** Index drawn from cumulative weights (last entry = total). */
  weighted(cum: readonly number[]): number {
    const x = this.next() * cum[cum.length - 1];
    let i = 0;
    while (cum[i] <= x) i++;
    return i;
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Gamma(shape, scale) by Marsaglia–Tsang; shape < 1 through the u^(1/shape) boost. */
  gamma(shape: number, scale: number): number {
    if (shape < 1) {
      const u = 1 - this.next();
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a, 1);
    const y = this.gamma(b, 1);
    return x / (x + y);
  }

  /** Poisson by Knuth's product method (means here are small). */
  poisson(mean: number): number {
    const l = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > l) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/** Cumulative weights for Rng.weighted. */
export function cumulative(weights: readonly number[]): number[] {
  const out: number[] = [];
  let s = 0;
  for (const w of weights) {
    s += w;
    out.push(s);
  }
  return out;
}
