/**
 * The shipped plans over the example data: the payroll export in examples/payroll/ (written by
 * `npm run payroll`) has six planted errors, listed in planted.csv with the cause the audit must
 * give; `kpic payouts --audit` finds each of them, with that cause, and nothing else. Also checks
 * that the example data exercises what the plans need from it: split deals, overlays, invoices
 * credited on their payment day and clawed-back cancellations.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanCsv } from '../../src/engine/csv-scan.js';
import { cli } from '../cli/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The rows of a CSV file by column name, read with the engine's CSV reader (RFC 4180 quoting). */
function csvRows(file: string): Record<string, string>[] {
  let names: readonly string[] = [];
  const rows: Record<string, string>[] = [];
  scanCsv(path.join(ROOT, file), { delimiter: ',', wantFields: () => true }, (record) => {
    const fields = record.fields ?? [];
    if (record.index === 0) names = fields;
    else rows.push(Object.fromEntries(names.map((n, i) => [n, fields[i] ?? ''])));
  });
  return rows;
}

interface Difference {
  readonly plan: string;
  readonly period: string;
  readonly rep: string;
  readonly component: string;
  readonly cause: string;
}

describe('the example payroll export', () => {
  let code = -1;
  let differences: Difference[] = [];
  beforeAll(async () => {
    const run = await cli(ROOT, ['payouts', '--catalog', 'catalog', '--audit', 'examples/payroll/paid-fy2025.csv', '--format', 'json']);
    code = run.code;
    differences = (JSON.parse(run.stdout) as { differences: Difference[] }).differences;
  }, 120_000);

  it('the audit finds every planted payroll error, with its cause, and nothing else', () => {
    const planted = csvRows('examples/payroll/planted.csv');
    expect(planted.map((p) => p.error).sort()).toEqual([
      'keying error',
      'missing',
      'not on plan',
      'paid twice',
      'rate misapplied',
      'unknown component',
    ]);
    const key = (d: { plan?: string; period?: string; rep?: string; component?: string }): string =>
      [d.plan, d.period, d.rep, d.component].join(' ');
    expect(differences.map(key).sort()).toEqual(planted.map(key).sort());
    for (const p of planted) {
      const found = differences.find((d) => key(d) === key(p));
      expect(found?.cause.startsWith(p.cause ?? '?'), `${key(p)}: ${found?.cause ?? 'not found'}`).toBe(true);
    }
    expect(code).toBe(1);
  });

  it('the rate misapplied is the next tier at 3% of the period credit, to the cent', () => {
    const misrated = differences.find((d) => d.cause.startsWith('rate misapplied'));
    expect(misrated?.cause).toMatch(/^rate misapplied: paid 3% on the period's credit of [\d,.]+; the plan's rule applies 2%$/);
    const credit = Number(/credit of ([\d,.]+)/.exec(misrated?.cause ?? '')?.[1]?.replaceAll(',', ''));
    const row = csvRows('examples/payroll/paid-fy2025.csv').find(
      (r) => r.plan === misrated?.plan && r.period === misrated?.period && r.rep === misrated?.rep && r.component === 'commission',
    );
    expect(Math.round(credit * 3)).toBe(Math.round(Number(row?.amount) * 100));
  });
});

describe('what the shipped plans need from the example data', () => {
  it('has revenue splits adding up to 100% per deal, overlays, payment days and cancellations', () => {
    const splits = csvRows('examples/data/opportunity_splits.csv');
    const revenue = new Map<string, number>();
    for (const s of splits.filter((r) => r.split_type === 'Revenue'))
      revenue.set(s.opportunity_id ?? '', (revenue.get(s.opportunity_id ?? '') ?? 0) + Math.round(Number(s.split_share) * 100));
    expect(revenue.size).toBeGreaterThan(20);
    expect([...revenue.values()].every((v) => v === 100)).toBe(true);
    expect(splits.filter((r) => r.split_type === 'Overlay').length).toBeGreaterThan(10);
    const invoices = csvRows('examples/data/invoices.csv');
    const paid = invoices.filter((r) => /^\d{4}-\d\d-\d\d$/.test(r.paid_date ?? ''));
    expect(paid.length).toBeGreaterThan(invoices.length / 2);
    expect(paid.length).toBeLessThan(invoices.length);
  });

  it('claws back commission on the cancellations inside the 90-day window only', async () => {
    const run = await cli(ROOT, [
      'payouts',
      '--catalog',
      'catalog',
      '--plan',
      'ae_commission',
      '--period',
      '2025',
      '--statement',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    interface Line {
      readonly component: string;
      readonly deal?: string;
      readonly amount: number;
    }
    const report = JSON.parse(run.stdout) as { plans: { reps: { periods: { lines: Line[] }[] }[] }[] };
    const lines = report.plans.flatMap((p) => p.reps.flatMap((r) => r.periods.flatMap((x) => x.lines)));
    const clawed = new Set(lines.filter((l) => l.component === 'clawback' && l.amount < 0).map((l) => l.deal));
    expect(clawed.size).toBeGreaterThan(0);
    // Every clawed-back deal was cancelled within 90 days of its close.
    const deals = new Map(
      csvRows('examples/data/opportunities.csv')
        .filter((r) => (r.cancelled_date ?? '') !== '')
        .map((r) => [r.opportunity_id, { close: r.close_date ?? '', cancelled: r.cancelled_date ?? '' }] as const),
    );
    for (const deal of clawed) {
      const d = deals.get(deal ?? '');
      expect(d, `${deal ?? ''} has no cancellation`).toBeDefined();
      const days = (Date.parse(d?.cancelled ?? '') - Date.parse(d?.close ?? '')) / 86_400_000;
      expect(days).toBeLessThanOrEqual(90);
    }
  }, 120_000);

  it('states a bonus KPI value and target in short decimals, not binary-float noise', async () => {
    const args = ['payouts', '--catalog', 'catalog', '--plan', 'am_commission', '--period', '2025-Q3', '--rep', 'REP-00043'];
    const run = await cli(ROOT, [...args, '--statement', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { plans: { reps: { periods: { lines: { component: string; rule: string }[] }[] }[] }[] };
    const bonus = report.plans[0]?.reps[0]?.periods[0]?.lines.find((l) => l.component === 'win_rate_bonus');
    expect(bonus?.rule).toBe('win_rate = 0.8333, green against target 0.35 (needs green) in 2025-Q3');
  }, 120_000);
});
