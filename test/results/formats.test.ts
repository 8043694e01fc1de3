import { describe, expect, test } from 'vitest';
import { renderCsv, csvField } from '../../src/results/csv.js';
import { renderJsonRows, renderNdjson } from '../../src/results/json.js';
import type { ResultSet } from '../../src/results/result-set.js';
import { renderTable } from '../../src/results/table.js';

const results: ResultSet = {
  by: ['region', '__proto__'],
  rows: [
    { kpi: 'bookings', period: '2024-01-01', by: ['EMEA, "North"', 1], value: 1500.25 },
    { kpi: 'bookings', period: '2024-01-01', by: [null, true], value: null },
    { kpi: 'win_rate', period: '2024-01-01', by: ['Zürich', 2], value: 0.5 },
  ],
  units: new Map([
    ['bookings', 'money'],
    ['win_rate', 'percent'],
  ]),
  currency: 'EUR',
};

describe('csv', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [1.5, '1.5'],
    [false, 'false'],
  ] as const)('field %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('header, quoting, raw numbers, empty nulls', () => {
    expect(renderCsv(results)).toBe(
      'kpi,period,region,__proto__,value\nbookings,2024-01-01,"EMEA, ""North""",1,1500.25\nbookings,2024-01-01,,true,\nwin_rate,2024-01-01,Zürich,2,0.5\n',
    );
  });
});

describe('json and ndjson', () => {
  test('one array; user dimension names are ordinary keys, in --by order', () => {
    const rows = JSON.parse(renderJsonRows(results)) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0] ?? {})).toEqual(['kpi', 'period', 'region', '__proto__', 'value', 'unit']);
    expect(rows[1]).toEqual(
      JSON.parse('{"kpi":"bookings","period":"2024-01-01","region":null,"__proto__":true,"value":null,"unit":"money"}'),
    );
  });

  test('no rows is an empty array', () => {
    expect(JSON.parse(renderJsonRows({ ...results, rows: [] }))).toEqual([]);
    expect(renderNdjson({ ...results, rows: [] })).toBe('');
  });

  test('ndjson: one object per line', () => {
    const lines = renderNdjson(results).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(JSON.parse(lines[2] ?? '')).toMatchObject({ kpi: 'win_rate', value: 0.5, unit: 'percent' });
  });

  test('a dimension named unit replaces the unit field', () => {
    const withUnit: ResultSet = { ...results, by: ['unit'], rows: [{ kpi: 'bookings', period: '2024-01-01', by: ['north'], value: 1 }] };
    expect(renderNdjson(withUnit)).toBe('{"kpi":"bookings","period":"2024-01-01","unit":"north","value":1}\n');
  });
});

describe('table', () => {
  test('aligned columns, values by unit, null as a dash, a null breakdown value as (none)', () => {
    expect(renderTable(results)).toBe(
      [
        'kpi       period      region         __proto__      value',
        'bookings  2024-01-01  EMEA, "North"  1          1,500 EUR',
        'bookings  2024-01-01  (none)         true               —',
        'win_rate  2024-01-01  Zürich         2              50.0%',
        '',
      ].join('\n'),
    );
  });
});

describe('rows judged against the data’s as-of date', () => {
  const judged: ResultSet = {
    by: [],
    rows: [
      { kpi: 'bookings', period: '2024-04-01', by: [], value: 10, complete: true },
      { kpi: 'bookings', period: '2024-07-01', by: [], value: 4, complete: false },
    ],
    units: new Map([['bookings', 'money']]),
    currency: 'USD',
    asOf: { date: '2024-08-15', about: '2024-08-15 (declared in catalog.yaml)' },
  };

  test('json: complete and as_of on every row', () => {
    expect(renderNdjson(judged).split('\n')[1]).toBe(
      '{"kpi":"bookings","period":"2024-07-01","value":4,"unit":"money","complete":false,"as_of":"2024-08-15"}',
    );
  });

  test('csv: complete and as_of columns', () => {
    expect(renderCsv(judged)).toBe(
      'kpi,period,value,complete,as_of\nbookings,2024-04-01,10,true,2024-08-15\nbookings,2024-07-01,4,false,2024-08-15\n',
    );
  });

  test('table: an incomplete period is marked, and the last line says the date', () => {
    expect(renderTable(judged)).toBe(
      [
        'kpi       period       value',
        'bookings  2024-04-01     $10',
        'bookings  2024-07-01*     $4',
        'data as of 2024-08-15 (declared in catalog.yaml); * the period is not complete',
        '',
      ].join('\n'),
    );
  });
});
