import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { sum } from '../../src/plans/decimal-math.js';
import { earned, piecesFor } from '../../src/plans/rate-table.js';
import type { Band, CommissionComponent, Tier } from '../../src/plans/resolved.js';

const d = (s: string): Decimal => Decimal.parse(s);

const TIERS: Tier[] = [
  { upTo: d('300000'), rate: d('0.03') },
  { upTo: d('500000'), rate: d('0.05') },
  { upTo: undefined, rate: d('0.07') },
];

function table(method: CommissionComponent['method'], extra: Partial<CommissionComponent> = {}): CommissionComponent {
  return {
    kind: 'commission',
    id: 'c',
    title: 'c',
    method,
    on: 'credit',
    tiers: TIERS,
    bands: [],
    cap: undefined,
    taper: undefined,
    ...extra,
  };
}

describe('rate tables (the issue’s worked numbers)', () => {
  test('3% to 300k, 5% to 500k, 7% above, on 600k: marginal 26,000', () => {
    // 300,000 × 3% + 200,000 × 5% + 100,000 × 7% = 9,000 + 10,000 + 7,000
    expect(earned(table('marginal'), d('600000'), undefined).toString()).toBe('26000');
  });

  test('the same table retroactive on 600k: 42,000 (all credit at 7%)', () => {
    expect(earned(table('retroactive'), d('600000'), undefined).toString()).toBe('42000');
  });

  test('flat: one rate on everything', () => {
    const flat = table('flat', { tiers: [{ upTo: undefined, rate: d('0.04') }] });
    expect(earned(flat, d('600000'), undefined).toString()).toBe('24000');
  });

  test('bounds are inclusive: exactly 300,000 retroactive stays at 3%; one cent more moves all to 5%', () => {
    expect(earned(table('retroactive'), d('300000'), undefined).toString()).toBe('9000');
    expect(earned(table('retroactive'), d('300000.01'), undefined).toString()).toBe('15000.0005');
    expect(earned(table('marginal'), d('300000.01'), undefined).toString()).toBe('9000.0005');
  });

  test('a deal crossing two tiers is split into pieces that add up to the difference', () => {
    const c = table('marginal');
    const pieces = piecesFor(c, d('250000'), d('550000'), undefined);
    expect(pieces.map((p) => [p.credit.toString(), p.rate.toString(), p.amount.toString()])).toEqual([
      ['50000', '0.03', '1500'],
      ['200000', '0.05', '10000'],
      ['50000', '0.07', '3500'],
    ]);
    const diff = earned(c, d('550000'), undefined).minus(earned(c, d('250000'), undefined));
    expect(sum(pieces.map((p) => p.amount)).compare(diff)).toBe(0);
  });

  test('retroactive: crossing a tier re-pays the earlier credit as a true-up piece', () => {
    const c = table('retroactive');
    const pieces = piecesFor(c, d('280000'), d('320000'), undefined);
    // earlier 280,000 re-paid from 3% to 5% (+5,600); the new 40,000 at 5% (2,000)
    expect(pieces.map((p) => [p.kind, p.credit.toString(), p.rate.toString(), p.amount.toString()])).toEqual([
      ['true-up', '280000', '0.02', '5600'],
      ['rate', '40000', '0.05', '2000'],
    ]);
    expect(
      earned(c, d('320000'), undefined)
        .minus(earned(c, d('280000'), undefined))
        .toString(),
    ).toBe('7600');
  });
});

describe('accelerators and decelerators by attainment band', () => {
  // ×0.5 up to 50%, ×1.5 above 100%, ×2 above 120% — on a flat 10% and a quota of 100,000.
  const bands: Band[] = [
    { from: d('0'), to: d('0.5'), multiplier: d('0.5') },
    { from: d('1'), to: d('1.2'), multiplier: d('1.5') },
    { from: d('1.2'), to: undefined, multiplier: d('2') },
  ];
  const c = table('flat', { tiers: [{ upTo: undefined, rate: d('0.1') }], bands });

  test('credit of 150,000 against 100,000: 50k×10%×0.5 + 50k×10% + 20k×10%×1.5 + 30k×10%×2', () => {
    // 2,500 + 5,000 + 3,000 + 6,000 = 16,500
    expect(earned(c, d('150000'), d('100000')).toString()).toBe('16500');
  });

  test('at exactly 100% nothing is accelerated', () => {
    expect(earned(c, d('100000'), d('100000')).toString()).toBe('7500');
  });

  test('tiers on attainment are shares of the quota', () => {
    const onAttainment = table('marginal', {
      on: 'attainment',
      tiers: [
        { upTo: d('1'), rate: d('0.05') },
        { upTo: undefined, rate: d('0.08') },
      ],
    });
    // quota 200,000: 200,000 × 5% + 50,000 × 8%
    expect(earned(onAttainment, d('250000'), d('200000')).toString()).toBe('14000');
  });
});
