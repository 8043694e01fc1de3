/**
 * Problems of a request (what to evaluate) come back from the planner as diagnostics with codes
 * and the request's fields at fault — never as exceptions, never in terms of command-line flags.
 */
import { describe, expect, it } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { planQuery } from '../../src/query/planner.js';
import type { QueryRequest } from '../../src/query/request.js';
import { catalogFiles, kpiDocs } from '../semantics/fixture.js';

const checked = checkCatalogFiles(
  new Map(
    Object.entries(
      catalogFiles(
        kpiDocs({
          bookings: 'sum(amount where won)',
          arr: 'sum(arr)',
          arr_and_bookings: 'arr + bookings',
          prior_week: 'prior(bookings, 1 week)',
          rolled: 'rolling(sum(amount), 2 months)',
          rolled_ytd: 'to_date(rolled, year)',
        }),
      ),
    ),
  ),
);

interface Expected {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly request?: readonly { field: string; value: string }[];
}

function problems(request: QueryRequest): Expected[] {
  const planned = planQuery(checked.resolved, request);
  expect(planned.value).toBeUndefined();
  return planned.diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    ...(d.request === undefined ? {} : { request: d.request }),
  }));
}

describe('request problems', () => {
  it.each<[string, QueryRequest, Expected[]]>([
    [
      'unknown KPIs, with the nearest',
      { kpis: ['bokings', 'nope'] },
      [
        {
          code: 'query/unknown-kpi',
          message: 'unknown KPI `bokings`',
          hint: 'did you mean `bookings`?',
          request: [{ field: 'kpis', value: 'bokings' }],
        },
        { code: 'query/unknown-kpi', message: 'unknown KPI `nope`', request: [{ field: 'kpis', value: 'nope' }] },
      ],
    ],
    [
      'an unknown grain',
      { kpis: ['bookings'], grain: 'fortnight' },
      [
        {
          code: 'query/unknown-grain',
          message: 'unknown grain `fortnight`',
          hint: 'use one of day, week, month, quarter, year',
          request: [{ field: 'grain', value: 'fortnight' }],
        },
      ],
    ],
    [
      'breakdown dimensions: unknown, reserved, repeated',
      { kpis: ['bookings'], by: ['regoin', 'period', 'rep', 'rep'] },
      [
        {
          code: 'query/unknown-dimension',
          message: 'unknown dimension `regoin`',
          hint: 'did you mean `region`?',
          request: [{ field: 'by', value: 'regoin' }],
        },
        {
          code: 'query/reserved-dimension',
          message: 'dimension `period` cannot be a breakdown: results already have a `period` field',
          hint: 'rename the dimension',
          request: [{ field: 'by', value: 'period' }],
        },
        {
          code: 'query/repeated-dimension',
          message: 'dimension `rep` is named twice in the breakdown',
          request: [{ field: 'by', value: 'rep' }],
        },
      ],
    ],
    [
      'a source without the dimension, once per source',
      { kpis: ['arr', 'arr_and_bookings', 'bookings'], by: ['region'] },
      [
        {
          code: 'query/missing-dimension',
          message:
            '2 KPIs cannot be broken down by `region` because their source `arr_snapshots` does not declare that dimension: `arr`, `arr_and_bookings`',
          hint: 'declare `region` under `dimensions:` of source `arr_snapshots`, or leave it out of the breakdown',
          request: [{ field: 'by', value: 'region' }],
        },
      ],
    ],
    [
      'dates and range',
      { kpis: ['bookings'], from: '2025-02-30', to: '31/12/2025' },
      [
        {
          code: 'query/bad-date',
          message: 'the first day of the range must be a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not `2025-02-30`',
          request: [{ field: 'from', value: '2025-02-30' }],
        },
        {
          code: 'query/bad-date',
          message: 'the last day of the range must be a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not `31/12/2025`',
          request: [{ field: 'to', value: '31/12/2025' }],
        },
      ],
    ],
    [
      'a range that ends before it starts',
      { kpis: ['bookings'], from: '2025-06-01', to: '2025-01-31' },
      [
        {
          code: 'query/empty-range',
          message: 'the range starts on 2025-06-01, after its last day 2025-01-31',
          request: [
            { field: 'from', value: '2025-06-01' },
            { field: 'to', value: '2025-01-31' },
          ],
        },
      ],
    ],
  ])('%s', (_name, request, expected) => {
    expect(checked.ok).toBe(true);
    const found = problems(request);
    expect(found).toEqual(expected);
    for (const d of found) expect(d.message).not.toMatch(/--/);
  });
});

describe('KPIs that cannot be computed as asked', () => {
  it('a shift shorter than the grain points at the window in its formula', () => {
    const planned = planQuery(checked.resolved, { kpis: ['prior_week', 'bookings'], grain: 'month' });
    expect(planned.value).toBeUndefined();
    expect(planned.diagnostics.map((d) => [d.code, d.message, d.request])).toEqual([
      ['query/window-at-grain', 'KPI `prior_week` at grain month: a shift of 1 week(s) is shorter than a month', undefined],
    ]);
    const d = planned.diagnostics[0];
    const text = checked.catalog.files.get(d?.span.file ?? '')?.text ?? '';
    expect(text.slice(d?.span.start, d?.span.end)).toBe('prior(bookings, 1 week)');
  });

  it('the same KPI at a finer grain is planned', () => {
    expect(planQuery(checked.resolved, { kpis: ['prior_week'], grain: 'week' }).value).toBeDefined();
  });

  it('a window widening the period inside another, through a KPI reference, is reported once', () => {
    const planned = planQuery(checked.resolved, { kpis: ['rolled_ytd'] });
    expect(planned.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['query/nested-window', 'KPI `rolled_ytd`: rolling() inside to_date() has no single meaning'],
    ]);
  });
});
