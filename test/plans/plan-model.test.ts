/**
 * The payout curve of a plan (plan modelling) against hand computation: a year at each attainment
 * from 0% to 200%, through the same commission code as real payouts.
 */
import { describe, expect, test } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { calendarOf } from '../../src/model/calendar.js';
import { Decimal } from '../../src/model/decimal.js';
import { checkPlans } from '../../src/plans/check.js';
import { planCurve } from '../../src/plans/plan-model.js';
import { catalogFiles } from './fixture.js';

const plan = (quota: string): string => `plan: m
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01 }
pay_period: quarter
credit: { source: deals, where: won, rep: owner_id, amount: amount }
quota: ${quota}
components:
  - component: commission
    type: commission
    method: marginal
    on: attainment
    tiers:
      - { up_to: 100%, rate: 10% }
      - { rate: 15% }
    accelerators:
      - { above: 120%, multiplier: 2 }
    cap: { amount: 30000 }
    taper: { above: 50000, rate: 1% }
  - component: spiff
    type: spiff
    to: 2026-06-30
    where: product = 'Security'
    amount: 100
`;

function curve(quotaYaml: string, quota?: Decimal) {
  const checked = checkCatalogFiles(catalogFiles({ 'm.yaml': plan(quotaYaml) }));
  expect(checked.diagnostics.map((d) => d.message)).toEqual([]);
  const p = checkPlans(checked.resolved).value.get('m');
  if (p === undefined) throw new Error('no plan');
  return planCurve(p, calendarOf(checked.resolved.catalog), quota);
}

describe('plan modelling: the payout curve', () => {
  test('10% to quota, 15% above, ×2 above 120%, capped at 30,000 a year', () => {
    const c = curve('{ annual: 100000, seasonal: { q1: 10%, q2: 20%, q3: 30%, q4: 40% } }');
    if (typeof c === 'string') throw new Error(c);
    const at = (pct: number) => c.points.find((p) => p.attainment.compare(new Decimal(BigInt(pct), 2)) === 0);
    // 50%: 5,000; 100%: 10,000; 110%: 10,000 + 1,500; 120%: 13,000; 150%: 13,000 + 30,000 × 30% = 22,000;
    // 170%: 28,000; 180%: 31,000 capped to 30,000; 200%: 30,000
    expect([50, 100, 110, 120, 150, 170, 180, 200].map((pct) => [pct, at(pct)?.credit.toString(), at(pct)?.pay.toString()])).toEqual([
      [50, '50000', '5000'],
      [100, '100000', '10000'],
      [110, '110000', '11500'],
      [120, '120000', '13000'],
      [150, '150000', '22000'],
      [170, '170000', '28000'],
      [180, '180000', '30000'],
      [200, '200000', '30000'],
    ]);
    expect(at(0)?.pay.toString()).toBe('0');
    expect(at(150)?.effectiveRate).toBeCloseTo(22000 / 150000, 12);
    expect(c.points).toHaveLength(21);
    expect(c.notes).toEqual([
      'spiff (spiff) is not modelled: it does not depend on attainment',
      'the taper of commission is not modelled: it depends on deal sizes',
    ]);
  });

  test('a KPI quota needs the quota to model; given one, it is spread evenly over the year', () => {
    expect(curve('{ kpi: bookings }')).toBe('plan `m` takes its quota from KPI `bookings`: give the quota to model with `--quota AMOUNT`');
    const c = curve('{ kpi: bookings }', new Decimal(200000n, 0));
    if (typeof c === 'string') throw new Error(c);
    // at 100%: 200,000 × 10% = 20,000; at 130%: 20,000 + 40,000 × 15% + 20,000 × 30% = 32,000 → capped 30,000
    expect(c.points.filter((p) => ['1', '1.3'].includes(p.attainment.toString())).map((p) => p.pay.toString())).toEqual(['20000', '30000']);
  });
});
