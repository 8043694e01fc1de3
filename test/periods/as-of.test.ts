/**
 * The data's as-of date on a small catalog built by hand: declared, or the latest event in the
 * sources — an open deal's expected close date and a planned quota are not events — and what
 * it does to a run: the period containing it is incomplete, a period after it has no value
 * unless the KPI looks forward, and the default range ends there.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { openDatabase } from '../../src/engine/duckdb.js';
import { dataAsOf } from '../../src/periods/as-of.js';
import { runKpisAsOf } from '../../src/periods/run-as-of.js';
import { cli } from '../cli/helpers.js';
import { DEALS_SOURCE, DUE_KPI } from '../helpers/as-of-fixture.js';
import { assertValid, makeWorkspace, type Workspace } from '../helpers/workspace.js';

const SOURCES = `${DEALS_SOURCE}---
source: quotas
file: quotas.csv
time: quarter_start
as_of: false
columns:
  quarter_start: { type: date }
  quota: { type: money }
---
source: calls
file: calls.csv
time: called_at
columns:
  called_at: { type: timestamp }
`;

const KPIS = `kpi: bookings
formula: sum(amount where stage = 'Won')
unit: money
---
${DUE_KPI}---
kpi: quota
formula: sum(quota)
unit: money
horizon: forward
`;

// Events: deals won up to 2025-05-20, an open deal created 2025-05-02 and expected 2025-09-15;
// a quota planned for Q3; calls up to 2025-05-21 14:00. The data runs to 2025-05-21.
const DATA = {
  'deals.csv':
    'id,stage,amount,created_date,close_date\nd1,Won,100,2025-01-05,2025-02-10\nd2,Won,50,2025-04-01,2025-05-20\nd3,Open,70,2025-05-02,2025-09-15\n',
  'quotas.csv': 'quarter_start,quota\n2025-04-01,200\n2025-07-01,300\n',
  'calls.csv': 'called_at\n2025-03-01 09:00:00\n2025-05-21 14:00:00\n',
};

function workspace(catalogYaml = 'catalog: t\ndata: ../data\n'): Workspace {
  return makeWorkspace({ 'catalog.yaml': catalogYaml, 'sources.yaml': SOURCES, 'kpis.yaml': KPIS }, DATA);
}

function resolvedOf(ws: Workspace) {
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  return checked.resolved;
}

describe('the as-of date', () => {
  it('is the latest event: not an open deal’s expected close date, not a planned quota', async () => {
    const ws = workspace();
    const found = await dataAsOf(resolvedOf(ws), { dataDir: ws.dataDir });
    expect(found).toEqual({
      date: '2025-05-21',
      origin: 'events',
      sources: new Map([
        ['calls', '2025-05-21'],
        ['deals', '2025-05-20'],
      ]),
    });
  });

  it('is the catalog’s own when it declares one', async () => {
    const ws = workspace('catalog: t\ndata: ../data\nas_of: 2025-06-30\n');
    const found = await dataAsOf(resolvedOf(ws), { dataDir: ws.dataDir });
    expect(found).toEqual({ date: '2025-06-30', origin: 'declared', sources: new Map() });
  });

  it('leaves out a source whose file is missing instead of failing', async () => {
    const ws = workspace();
    const resolved = resolvedOf(ws);
    const found = await dataAsOf(resolved, { dataDir: `${ws.dataDir}-elsewhere` });
    expect(found).toBeUndefined();
  });
});

describe('a run judged against it', () => {
  it('marks the period containing it incomplete and gives no value after it, unless the KPI looks forward', async () => {
    const ws = workspace();
    const result = await runKpisAsOf(
      resolvedOf(ws),
      { kpis: ['bookings', 'due', 'quota'], grain: 'quarter', to: '2025-09-30' },
      { dataDir: ws.dataDir },
    );
    if (!result.ok) throw new Error(result.message);
    const cells = result.rows.map((r) => `${r.kpi} ${r.period} ${String(r.value)} ${String(r.complete)}`);
    expect(cells).toEqual([
      'bookings 2025-01-01 100 true',
      'bookings 2025-04-01 50 false',
      'bookings 2025-07-01 null false',
      'due 2025-01-01 0 true',
      'due 2025-04-01 0 false',
      'due 2025-07-01 70 false',
      'quota 2025-01-01 0 true',
      'quota 2025-04-01 200 false',
      'quota 2025-07-01 300 false',
    ]);
  });

  it('ends the default range at it when no requested KPI looks forward', async () => {
    const ws = workspace();
    const result = await runKpisAsOf(resolvedOf(ws), { kpis: ['bookings'], grain: 'quarter' }, { dataDir: ws.dataDir });
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.map((r) => r.period)).toEqual(['2025-01-01', '2025-04-01']);
    const forward = await runKpisAsOf(resolvedOf(ws), { kpis: ['bookings', 'due'], grain: 'quarter' }, { dataDir: ws.dataDir });
    if (!forward.ok) throw new Error(forward.message);
    expect([...new Set(forward.rows.map((r) => r.period))]).toEqual(['2025-01-01', '2025-04-01', '2025-07-01']);
  });
});

describe('a period after it, in every output format', () => {
  // bookings and due are money sums, so their values are exact decimals: the future quarter of
  // bookings must lose its exact value too, not only its double.
  const args = ['run', '--kpi', 'bookings,due', '--grain', 'quarter', '--to', '2025-09-30', '--format'];

  it('csv: an empty value, marked incomplete', async () => {
    const r = await cli(workspace().root, [...args, 'csv']);
    expect(r.stdout).toBe(
      [
        'kpi,period,value,complete,as_of',
        'bookings,2025-01-01,100,true,2025-05-21',
        'bookings,2025-04-01,50,false,2025-05-21',
        'bookings,2025-07-01,,false,2025-05-21',
        'due,2025-01-01,0,true,2025-05-21',
        'due,2025-04-01,0,false,2025-05-21',
        'due,2025-07-01,70,false,2025-05-21',
        '',
      ].join('\n'),
    );
  });

  it('json and ndjson: value null', async () => {
    const json = await cli(workspace().root, [...args, 'json']);
    const ndjson = await cli(workspace().root, [...args, 'ndjson']);
    const future = '{"kpi":"bookings","period":"2025-07-01","value":null,"unit":"money","complete":false,"as_of":"2025-05-21"}';
    const due = '{"kpi":"due","period":"2025-07-01","value":70,"unit":"money","complete":false,"as_of":"2025-05-21"}';
    expect(json.stdout.split('\n')).toEqual(expect.arrayContaining([`${future},`, due]));
    expect(ndjson.stdout.split('\n')).toEqual(expect.arrayContaining([future, due]));
  });

  it('table: shown as missing', async () => {
    const r = await cli(workspace().root, [...args, 'table']);
    const line = r.stdout.split('\n').find((l) => l.startsWith('bookings') && l.includes('2025-07-01'));
    expect(line?.trim().split(/\s+/)).toEqual(['bookings', '2025-07-01*', '—']);
  });

  it('parquet: neither value nor exact value', async () => {
    const ws = workspace();
    const r = await cli(ws.root, [...args, 'parquet', '--out', 'r.parquet']);
    expect(r.code).toBe(0);
    const db = await openDatabase();
    try {
      const file = path.join(ws.root, 'r.parquet').replaceAll("'", "''");
      const rows = await db.query(
        `SELECT kpi, CAST(period AS VARCHAR) AS period, value, CAST("exact value" AS VARCHAR) AS exact, complete FROM read_parquet('${file}') WHERE period = DATE '2025-07-01' ORDER BY kpi`,
      );
      expect(rows).toEqual([
        { kpi: 'bookings', period: '2025-07-01', value: null, exact: null, complete: false },
        { kpi: 'due', period: '2025-07-01', value: 70, exact: '70.00', complete: false },
      ]);
    } finally {
      db.close();
    }
  });
});
