import { describe, expect, test } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { lineColumnOf } from '../../src/diagnostics/span.js';
import { checkPlans } from '../../src/plans/check.js';
import { catalogFiles } from './fixture.js';

const PLAN = `plan: ae
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
credit:
  source: deals
  where: won
  rep: owner_id
  amount: amount * if(term >= 24, 1.5, 1)
quota: { annual: 100000, seasonal: { q1: 20%, q2: 20%, q3: 20%, q4: 40% } }
components:
  - component: commission
    type: commission
    method: marginal
    tiers:
      - { up_to: 300000, rate: 3% }
      - { up_to: 500000, rate: 5% }
      - { rate: 7% }
    accelerators:
      - { below: 50%, multiplier: 0.5 }
      - { above: 100%, multiplier: 1.5 }
      - { above: 120%, multiplier: 2 }
`;

function problems(plan: string): { code: string; line: number; column: number }[] {
  const checked = checkCatalogFiles(catalogFiles({ 'ae.yaml': plan }));
  return checked.diagnostics.map((d) => {
    const text = checked.catalog.files.get(d.span.file);
    const at = text === undefined ? { line: 0, column: 0 } : lineColumnOf(text, d.span.start);
    return { code: d.code, line: at.line, column: at.column };
  });
}

describe('plan checks', () => {
  test('a sound plan has no problems and resolves', () => {
    expect(problems(PLAN)).toEqual([]);
    const checked = checkCatalogFiles(catalogFiles({ 'ae.yaml': PLAN }));
    const plan = checkPlans(checked.resolved).value.get('ae');
    expect(plan?.payPeriod).toBe('quarter');
    expect(plan?.components[0]?.kind).toBe('commission');
    const c = plan?.components[0];
    if (c?.kind !== 'commission') throw new Error('no commission');
    expect(c.tiers.map((t) => [t.upTo?.toString(), t.rate.toString()])).toEqual([
      ['300000', '0.03'],
      ['500000', '0.05'],
      [undefined, '0.07'],
    ]);
    expect(c.bands.map((b) => [b.from.toString(), b.to?.toString(), b.multiplier.toString()])).toEqual([
      ['0', '0.5', '0.5'],
      ['1', '1.2', '1.5'],
      ['1.2', undefined, '2'],
    ]);
  });

  test('an unknown key of the plan is a schema error at the key', () => {
    expect(problems(PLAN.replace('pay_period: quarter', 'pay_periods: quarter'))).toEqual([
      { code: 'schema/unknown-key', line: 5, column: 1 },
    ]);
  });

  test('overlapping tiers at the bound that overlaps; a gap at the last bound', () => {
    expect(problems(PLAN.replace('{ up_to: 500000, rate: 5% }', '{ up_to: 200000, rate: 5% }'))).toEqual([
      { code: 'plan/bad-tiers', line: 18, column: 18 },
    ]);
    expect(problems(PLAN.replace('      - { rate: 7% }\n', ''))).toEqual([{ code: 'plan/bad-tiers', line: 18, column: 18 }]);
  });

  test('non-increasing accelerators, at the later band', () => {
    expect(problems(PLAN.replace('{ above: 120%, multiplier: 2 }', '{ above: 120%, multiplier: 1.2 }'))).toEqual([
      { code: 'plan/bad-accelerators', line: 23, column: 9 },
    ]);
  });

  test('a credit amount that divides is not exact money', () => {
    expect(problems(PLAN.replace('amount * if(term >= 24, 1.5, 1)', 'amount / 3'))).toEqual([
      { code: 'plan/not-exact', line: 10, column: 11 },
    ]);
  });

  test('an unknown column in a credit formula is the resolver’s own diagnostic, inside the formula', () => {
    expect(problems(PLAN.replace('rep: owner_id', 'rep: owner'))).toEqual([{ code: 'resolve/unknown-column', line: 9, column: 8 }]);
  });

  test('seasonal shares that do not add up to 100%', () => {
    expect(problems(PLAN.replace('q4: 40%', 'q4: 30%'))).toEqual([{ code: 'plan/bad-quota', line: 11, column: 36 }]);
  });

  test('a SPIFF without an end date is a warning; with a draw key it is misplaced', () => {
    const spiff = `${PLAN}  - component: security_spiff\n    type: spiff\n    from: 2026-04-01\n    where: product = 'Security'\n    amount: 500\n    recoverable: false\n`;
    expect(problems(spiff)).toEqual([
      { code: 'plan/spiff-without-end', line: 24, column: 16 },
      { code: 'plan/misplaced-key', line: 29, column: 5 },
    ]);
  });
});
