/**
 * The generator's only source of randomness: a small seeded PRNG (xoshiro128**), never
 * `Math.random` or the clock, so the same seed always gives byte-identical files.
 *
 * Streams are derived from (seed, stream name, index): each account, rep or table draws from its
 * own stream, so a change in how one entity is generated never shifts the numbers of another.
 */

/** A seeded stream of pseudo-random numbers with the helpers the generator needs. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** A float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element of a non-empty list, with the given relative weights (same length). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
  /** A log-normal deviate with the given median and log-scale sigma. */
  logNormal(median: number, sigma: number): number;
}

/** FNV-1a: turns a stream name into 32 bits. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One step of splitmix32, used only to spread a seed over the four state words. */
function splitmix(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A generator for stream `stream` (and optional `index`) of `seed`. Two calls with the same
 * arguments produce the same sequence.
 */
export function createRng(seed: number, stream: string, index = 0): Rng {
  const mix = { s: (seed ^ Math.imul(hashString(stream), 0x27d4eb2d) ^ Math.imul(index + 1, 0x165667b1)) | 0 };
  let a = splitmix(mix);
  let b = splitmix(mix);
  let c = splitmix(mix);
  let d = splitmix(mix);
  if ((a | b | c | d) === 0) a = 1; // xoshiro's all-zero state never leaves zero

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  }

  const next = (): number => nextUint32() / 4294967296;
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    uniform: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i] as T;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error('weighted pick from an empty list');
      return last;
    },
    normal() {
      const u = 1 - next(); // (0, 1]: log(0) is -Infinity
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
