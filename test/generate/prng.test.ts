import { describe, expect, it } from 'vitest';
import { createRng, hashString } from '../../generator/prng.js';

const draw = (seed: number, stream: string, index: number, n: number): number[] => {
  const rng = createRng(seed, stream, index);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same sequence for the same seed, stream and index', () => {
    expect(draw(42, 'account', 7, 50)).toEqual(draw(42, 'account', 7, 50));
  });

  it.each([
    ['another seed', [43, 'account', 7]],
    ['another stream', [42, 'rep', 7]],
    ['another index', [42, 'account', 8]],
  ] as const)('gives a different sequence for %s', (_name, [seed, stream, index]) => {
    expect(draw(seed, stream, index, 8)).not.toEqual(draw(42, 'account', 7, 8));
  });

  it('draws floats in [0, 1) with a uniform mean and spread', () => {
    const xs = draw(1, 'uniformity', 0, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    const buckets = new Array<number>(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]! += 1;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('int covers both ends of its range and nothing outside', () => {
    const rng = createRng(3, 'ints');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(-2, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('weighted follows the weights', () => {
    const rng = createRng(5, 'weights');
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const k = rng.weighted(['a', 'b', 'c'], [0.7, 0.2, 0.1]);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect((counts.get('a') ?? 0) / 20_000).toBeCloseTo(0.7, 1);
    expect((counts.get('c') ?? 0) / 20_000).toBeCloseTo(0.1, 1);
  });

  it('normal has mean 0 and standard deviation 1', () => {
    const rng = createRng(9, 'normal');
    const xs = Array.from({ length: 50_000 }, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(0, 1);
    expect(sd).toBeCloseTo(1, 1);
  });

  it('is pinned: these numbers must not change, or every committed data set would', () => {
    expect(draw(42, 'account', 0, 3).map((x) => x.toFixed(10))).toMatchInlineSnapshot(`
      [
        "0.6339194190",
        "0.1260036891",
        "0.2844755379",
      ]
    `);
  });
});

describe('hashString', () => {
  it('is FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
