/**
 * Did-you-mean: the indexed search (src/diagnostics/name-index.ts) suggests exactly what
 * comparing with every candidate suggests, on the cases the rest of the suite relies on, on
 * random name sets and on a large set of near-identical names.
 */
import { describe, expect, test } from 'vitest';
import { NameIndex, suggestionLimit } from '../../src/diagnostics/name-index.js';
import { closestName, didYouMean, didYouMeanInYaml, editDistance } from '../../src/diagnostics/suggest.js';

/** The suggestion by comparing with every candidate (what kpic did before the index). */
function exhaustive(name: string, candidates: readonly string[]): string | undefined {
  const limit = suggestionLimit(name);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const score = c.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name.toLowerCase(), c.toLowerCase());
    if (score <= limit && (score < bestScore || (score === bestScore && best !== undefined && c < best))) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('did you mean', () => {
  test.each([
    ['formual', ['kpi', 'title', 'formula', 'unit', 'owner'], 'formula'],
    ['requird', ['type', 'required', 'unique', 'values', 'from'], 'required'],
    ['percnt', ['count', 'money', 'percent', 'ratio', 'days', 'number'], 'percent'],
    ['kpis', ['kpi', 'seats', 'rules'], 'kpi'],
    ['ammount', ['amount', 'region', 'stage'], 'amount'],
    ['sume', ['sum', 'avg', 'min', 'max', 'count'], 'sum'],
    ['Amount', ['amount', 'AMOUNT', 'mount'], 'AMOUNT'],
    ['amount', ['Amount', 'amount'], 'Amount'],
    ['owner_di', ['owner_id', 'owner', 'id'], 'owner_id'],
    ['regoin', ['region', 'reigon'], 'region'],
    ['bookngs', ['bookings', 'booking', 'bookings_total'], 'bookings'],
    ['x', ['y', 'xx', 'ab'], 'xx'],
    ['close_dte', ['close_date', 'Close Date'], 'close_date'],
    ['valdate', ['validate', 'run', 'compile'], 'validate'],
    ['nothing_like_it', ['amount', 'region'], undefined],
    ['', ['a'], 'a'],
  ] as const)('%s → %s', (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
    expect(new NameIndex(candidates).closest(name)).toBe(exhaustive(name, candidates));
  });

  test('a name is never suggested for itself, only another spelling of it', () => {
    expect(closestName('amount', ['amount'])).toBeUndefined();
    expect(closestName('amount', ['amount', 'Amount'])).toBe('Amount');
  });

  test('on random name sets the index suggests what comparing with every name suggests', () => {
    const next = random(20261204);
    const alphabet = 'abcde_Ab1';
    const word = (length: number): string => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)] ?? 'a').join('');
    for (let round = 0; round < 200; round++) {
      const names = Array.from({ length: 1 + Math.floor(next() * 60) }, () => word(1 + Math.floor(next() * 9)));
      const index = new NameIndex(names);
      for (let q = 0; q < 20; q++) {
        // Half the queries are edits of a name in the set, half are random.
        const base = names[Math.floor(next() * names.length)] ?? '';
        const i = Math.floor(next() * (base.length + 1));
        const query = q % 2 === 0 ? base.slice(0, i) + word(Math.floor(next() * 2)) + base.slice(i + 1) : word(1 + Math.floor(next() * 9));
        expect([query, index.closest(query)]).toEqual([query, exhaustive(query, names)]);
      }
    }
  });

  test('150,000 near-identical KPI ids: the right one, for a typo at either end of the set', () => {
    const names: string[] = [];
    for (let d = 0; d < 3000; d++) {
      names.push(`win_rate_${d}_0`);
      for (let i = 1; i < 50; i++) names.push(`k_${d}_${i}`);
    }
    const index = new NameIndex(names);
    expect(index.size).toBe(150_000);
    expect(index.closest('k_12_7x')).toBe('k_12_7');
    expect(index.closest('k_2999_49x')).toBe('k_2999_49');
    expect(index.closest('k_0_1x')).toBe('k_0_1');
    expect(index.closest('win_rate_2999_O')).toBe('win_rate_2999_0');
    expect(index.closest('wni_rate_1500_0')).toBe('win_rate_1500_0');
    expect(index.closest('K_17_3')).toBe('k_17_3');
    expect(index.closest('bookings')).toBeUndefined();
    // The same answers as comparing with all 150,000 names, on a sample of typos.
    for (const query of ['k_2_7x', 'k_100_', 'k_9_99', 'win_rate_3000_0', 'k__5_5']) {
      expect([query, index.closest(query)]).toEqual([query, exhaustive(query, names)]);
    }
  });

  test('hints: in a formula as the name is written, in YAML as the value must be written', () => {
    expect(didYouMean('tru', ['true'])).toBe('did you mean `true`?');
    expect(didYouMeanInYaml('tru', ['true'])).toBe('did you mean `"true"`?');
    expect(didYouMeanInYaml('deal', ['deals'])).toBe('did you mean `deals`?');
    expect(didYouMeanInYaml('#id', ['# id'])).toBe('did you mean `"# id"`?');
  });
});
