/**
 * `kpic show`: the KPIs of a catalog from the command line — a listing, and one KPI with its
 * dimensions, grain, dependencies and users — and `kpic run --by` naming every KPI a breakdown
 * does not fit at once.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { cli, salesFolder } from './helpers.js';

const MORE = `kpi: avg_won
title: Average won deal
formula: bookings / deals
unit: money
target: deals * 100
---
kpi: pipeline_due
title: Open pipeline due
formula: sum(amount where stage = 'Open')
unit: money
horizon: forward
grain: quarter
`;
const LEDGER = `source: ledger
file: ledger.csv
time: month
columns:
  month: { type: date, required: true }
  arr: { type: money }
`;
const LEDGER_KPIS = ['l1', 'l2', 'l3', 'l4', 'l5'].map((id) => `kpi: ${id}\nformula: sum(arr)\nunit: money\n`).join('---\n');

const f = salesFolder({
  'catalog/kpis/more.yaml': MORE,
  'catalog/sources/ledger.yaml': LEDGER,
  'catalog/kpis/ledger.yaml': LEDGER_KPIS,
  'data/ledger.csv': 'month,arr\n2024-01-01,10\n',
});
afterAll(() => f.remove());

describe('kpic show', () => {
  test('without a KPI: one line per KPI, with unit, finest grain, horizon, status and title', async () => {
    const r = await cli(f.root, ['show']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('id            unit     grain    horizon  status      title');
    expect(lines).toContain('bookings      money    any      past     active      Bookings');
    expect(lines).toContain('pipeline_due  money    quarter  forward  active      Open pipeline due');
    expect(lines).toContain('old_deals     count    any      past     deprecated  Old deal count');
    expect(r.stdout.endsWith('12 KPIs; `kpic show ID` for one\n')).toBe(true);
  });

  test('one KPI: formula, settings, sources, dimensions, what it uses and what uses it', async () => {
    const r = await cli(f.root, ['show', 'bookings']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      [
        'bookings · Bookings',
        '',
        'formula     sum(amount where won)',
        'unit        money (higher is better)',
        'grain       any',
        'horizon     past',
        'status      active',
        'about       financial',
        'sources     opportunities',
        'by          region',
        'uses        —',
        'used by     KPIs avg_won',
        'defined in  catalog/kpis/kpis.yaml:1',
        '',
      ].join('\n'),
    );
    const deals = await cli(f.root, ['show', 'deals', '--format', 'json']);
    const info = JSON.parse(deals.stdout) as { usedBy: { kpis: string[]; targets: string[] }; dimensions: string[]; grain: unknown };
    expect([info.usedBy.kpis, info.usedBy.targets, info.dimensions, info.grain]).toEqual([['avg_won'], ['avg_won'], ['region'], undefined]);
    const due = await cli(f.root, ['show', 'pipeline_due']);
    expect(due.stdout).toContain('\ngrain       quarter or coarser\nhorizon     forward\n');
  });

  test('an unknown KPI or a second one is a usage error', async () => {
    const r = await cli(f.root, ['show', 'bookngs']);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'kpic: unknown KPI `bookngs`; did you mean `bookings`?']);
    const two = await cli(f.root, ['show', 'bookings', 'deals']);
    expect([two.code, two.stderr.split('\n')[0]]).toEqual([
      2,
      'kpic: unexpected argument `deals`: give one KPI (`bookings` is already given)',
    ]);
  });
});

describe('kpic run --by names every KPI the breakdown does not fit, at once', () => {
  test('all five KPIs of the source without the dimension are named', async () => {
    const r = await cli(f.root, ['run', '--by', 'region']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'kpic: error[query/missing-dimension] 5 KPIs cannot be broken down by `region` because their source `ledger` does not declare that dimension: `l1`, `l2`, `l3`, `l4`, `l5`',
    );
  });
});
