/**
 * Periods after the data ends, on the shipped catalog and example data (which run to
 * 2026-09-30; open deals' expected close dates reach into 2027): no value for a period that has
 * not happened, the as-of date in every output, and scorecards that refuse a future period.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the example data as of 2026-09-30', () => {
  test('run: bookings, ARR and trailing NRR stop at the last quarter that happened', async () => {
    const r = await cli(ROOT, ['run', '--kpi', 'bookings,arr,nrr_ttm', '--grain', 'quarter', '--from', '2026-04-01']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(1, -1).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'bookings 2026-04-01',
      'bookings 2026-07-01',
      'arr 2026-04-01',
      'arr 2026-07-01',
      'nrr_ttm 2026-04-01',
      'nrr_ttm 2026-07-01',
    ]);
    expect(lines.at(-1)).toBe('data as of 2026-09-30 (the latest event in 7 sources)');
  });

  test('run: asked past the data, a KPI that measures what happened has no value; one that looks forward does', async () => {
    const r = await cli(ROOT, [
      'run',
      '--kpi',
      'bookings,open_pipeline',
      '--grain',
      'quarter',
      '--from',
      '2026-07-01',
      '--to',
      '2026-12-31',
      '--format',
      'json',
    ]);
    const rows = JSON.parse(r.stdout) as { kpi: string; period: string; value: number | null; complete: boolean; as_of: string }[];
    expect(rows.map((x) => [x.kpi, x.period, x.value === null ? null : x.value > 0, x.complete, x.as_of])).toEqual([
      ['bookings', '2026-07-01', true, true, '2026-09-30'],
      ['bookings', '2026-10-01', null, false, '2026-09-30'],
      ['open_pipeline', '2026-07-01', false, true, '2026-09-30'],
      ['open_pipeline', '2026-10-01', true, false, '2026-09-30'],
    ]);
  });

  test('scorecard: a future period is refused, naming the latest complete one', async () => {
    const r = await cli(ROOT, ['scorecard', '--period', '2026-Q1']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'kpic: 2026-Q1 (2026-10-01 – 2026-12-31) has not started: the data runs to 2026-09-30; the latest complete quarter is 2025-Q4',
    );
  });

  test('scorecard: the JSON says the as-of date and that the period is complete', async () => {
    const r = await cli(ROOT, ['scorecard', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { asOf: string; complete: boolean; period: { label: string }; scale: unknown };
    expect([report.asOf, report.complete, report.period.label, report.scale]).toEqual([
      '2026-09-30',
      true,
      '2025-Q4',
      { onTarget: 10, max: 12 },
    ]);
  });
});
