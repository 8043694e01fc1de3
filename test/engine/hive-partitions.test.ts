/**
 * Hive-partitioned folders: the dates a `year=`/`quarter=`/`month=`/`day=` folder holds, partition
 * pruning on the time range a run reads (proved by a broken file in a pruned folder that the run
 * never opens), equal results with and without partitions, and the check that a row lies in its
 * folder's dates.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { openDatabase } from '../../src/engine/duckdb.js';
import { partitionRange } from '../../src/engine/hive-partitions.js';
import { runKpis } from '../../src/pipeline.js';
import type { QueryRequest } from '../../src/query/request.js';
import { makeWorkspace, type Workspace } from '../helpers/workspace.js';

describe('the dates of a partition folder', () => {
  it.each([
    ['deals/year=2025/part.parquet', { from: '2025-01-01', to: '2026-01-01' }],
    ['deals/year=2024/quarter=4/part.parquet', { from: '2024-10-01', to: '2025-01-01' }],
    ['deals/year=2025/month=02/part.csv', { from: '2025-02-01', to: '2025-03-01' }],
    ['deals/year=2024/month=12/part.csv', { from: '2024-12-01', to: '2025-01-01' }],
    ['deals/region=EU/year=2024/quarter=1/month=3/day=31/x.csv', { from: '2024-03-31', to: '2024-04-01' }],
    ['deals/year=2024/month=2/day=29/x.csv', { from: '2024-02-29', to: '2024-03-01' }],
  ])('%s', (file, range) => {
    expect(partitionRange(file)).toEqual(range);
  });

  it.each([
    'deals/part.csv',
    'deals/month=3/part.csv',
    'year=2025.csv',
    'deals/year=2025/month=13/x.csv',
    'deals/year=2025/quarter=2/month=3/x.csv',
    'deals/year=2025/month=2/day=29/x.csv',
    'deals/year=2025/year=2024/x.csv',
    'deals/year=2025/day=3/x.csv',
  ])('none for %s', (file) => {
    expect(partitionRange(file)).toBeUndefined();
  });
});

const CATALOG = {
  'catalog.yaml': 'catalog: t\nversion: 1.0.0\ntitle: T\ncurrency: USD\n',
  'sources.yaml': [
    'source: deals',
    'file: deals/**/*.csv',
    'key: id',
    'time: close_date',
    'columns:',
    '  id: { type: string, required: true, unique: true }',
    '  owner_id: { type: string }',
    '  amount: { type: money }',
    '  close_date: { type: date }',
    'joins:',
    '  owner: { to: reps, on: owner_id }',
    'dimensions:',
    '  region: owner.region',
    '---',
    'source: reps',
    'file: reps/**/*.csv',
    'key: rep_id',
    'columns:',
    '  rep_id: { type: string, required: true, unique: true }',
    '  region: { type: string }',
    '',
  ].join('\n'),
  'kpis.yaml': [
    'kpi: bookings',
    'title: Bookings',
    'formula: sum(amount)',
    'unit: money',
    '---',
    'kpi: bookings_3m',
    'title: Bookings over 3 months',
    'formula: rolling(bookings, 3 months)',
    'unit: money',
    '',
  ].join('\n'),
};

const HEADER = 'id,owner_id,amount,close_date';
// One deal a month from 2024-10 to 2025-03: amounts 1, 2, 4, 8, 16, 32 (sums tell which were read).
const DEALS: readonly [string, string][] = [
  ['d1,r1,1,2024-10-15', '2024-10-15'],
  ['d2,r2,2,2024-11-03', '2024-11-03'],
  ['d3,r1,4,2024-12-31', '2024-12-31'],
  ['d4,r2,8,2025-01-01', '2025-01-01'],
  ['d5,r1,16,2025-02-28', '2025-02-28'],
  ['d6,r2,32,2025-03-10', '2025-03-10'],
];
// The reps sit in a `year=` folder too: a joined source is never pruned.
const REPS = { 'reps/year=2020/reps.csv': 'rep_id,region\nr1,EU\nr2,US\n' };

const folder = (date: string): string => `year=${date.slice(0, 4)}/month=${Number(date.slice(5, 7))}`;

function partitioned(extra: Record<string, string> = {}): Workspace {
  const data: Record<string, string> = { ...REPS, ...extra };
  for (const [line, date] of DEALS) {
    const file = `deals/${folder(date)}/part-0.csv`;
    data[file] = `${data[file] ?? `${HEADER}\n`}${line}\n`;
  }
  return makeWorkspace(CATALOG, data);
}

const made: Workspace[] = [];
function workspace(ws: Workspace): Workspace {
  made.push(ws);
  return ws;
}
afterAll(() => made.forEach((ws) => rmSync(ws.root, { recursive: true, force: true })));

async function run(ws: Workspace, request: QueryRequest) {
  const checked = checkCatalog(ws.catalogDir);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return runKpis(checked.resolved, request, { dataDir: ws.dataDir });
}

async function cells(ws: Workspace, request: QueryRequest): Promise<string[]> {
  const result = await run(ws, request);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return result.rows.map((r) => `${r.kpi} ${r.period} ${r.by.join(',')} ${r.exact?.toString() ?? String(r.value)}`);
}

describe('partition pruning on the time range', () => {
  // A file whose amount is not money: reading it fails the data check.
  const BROKEN = { 'deals/year=2023/month=6/part-0.csv': `${HEADER}\nd0,r1,lots,2023-06-01\n` };

  it('reads the folders of the dates a run needs, and gives the numbers of one flat file', async () => {
    const ws = workspace(partitioned(BROKEN));
    const flat = workspace(
      makeWorkspace(
        { ...CATALOG, 'sources.yaml': CATALOG['sources.yaml'].replace('deals/**/*.csv', 'deals.csv') },
        { ...REPS, 'deals.csv': `${HEADER}\n${DEALS.map(([l]) => l).join('\n')}\n` },
      ),
    );
    const request: QueryRequest = { from: '2025-01-01', to: '2025-03-31', by: ['region'] };
    const pruned = await cells(ws, request);
    // By hand: bookings Jan 8 (US), Feb 16 (EU), Mar 32 (US); the rolling 3 months reach back to
    // November: Jan = 2 + 4 + 8 (EU 4, US 10), Feb = 4 + 8 + 16 (EU 20, US 8), Mar = 8 + 16 + 32.
    expect(pruned).toEqual(await cells(flat, request));
    expect(pruned).toContain('bookings_3m 2025-01-01 US 10');
    expect(pruned).toContain('bookings_3m 2025-01-01 EU 4');
    expect(pruned).toContain('bookings_3m 2025-03-01 US 40');
    expect(pruned).toContain('bookings 2025-02-01 EU 16');
  });

  it('reads every folder when the range reaches them (the broken file is then reported)', async () => {
    const ws = workspace(partitioned(BROKEN));
    const result = await run(ws, { to: '2025-03-31' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toContain('data/bad-value');
    // From the third quarter of 2023 on, the June 2023 folder is left out.
    const quarters = await cells(ws, { from: '2023-07-01', grain: 'quarter', kpis: ['bookings'] });
    expect(quarters).toHaveLength(7);
    expect(quarters.filter((c) => !c.endsWith(' 0'))).toEqual(['bookings 2024-10-01  7', 'bookings 2025-01-01  56']);
  });

  it('reads the end of the range only up to its last day', async () => {
    const ws = workspace(partitioned({ 'deals/year=2025/month=4/part-0.csv': `${HEADER}\nd9,r1,lots,2025-04-01\n` }));
    expect(await cells(ws, { from: '2025-03-01', to: '2025-03-31', kpis: ['bookings'] })).toEqual(['bookings 2025-03-01  32']);
  });
});

describe('rows outside their partition folder', () => {
  it('are an error naming the file, the count and the first row', async () => {
    const ws = workspace(partitioned({ 'deals/year=2025/month=1/part-1.csv': `${HEADER}\nd7,r1,64,2025-01-20\nd8,r1,128,2025-02-02\n` }));
    const result = await run(ws, { from: '2025-01-01' });
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.diagnostics.filter((d) => d.code === 'data/outside-partition');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^1 rows? of source `deals` have a `close_date` outside the dates of their partition folder: /);
    expect(found[0]?.message).toContain('year=2025/month=1/part-1.csv` (1, first `2025-02-02` at 3)');
    expect(found[0]?.location).toMatchObject({ line: 3, column: 4 });
  });

  it('pass when each row is in its folder', async () => {
    const ws = workspace(partitioned());
    expect(await cells(ws, { from: '2025-01-01', kpis: ['bookings'] })).toEqual([
      'bookings 2025-01-01  8',
      'bookings 2025-02-01  16',
      'bookings 2025-03-01  32',
    ]);
  });
});

describe('a memory limit', () => {
  it('is set on the database, which spills outside the working directory', async () => {
    const db = await openDatabase({ memoryLimit: '100MB' });
    try {
      const [row] = await db.query("SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t");
      expect(row?.['m']).toBe('95.3 MiB');
      expect(String(row?.['t'])).toMatch(/kpic-spill-\d+-[0-9a-f]{8}$/);
    } finally {
      db.close();
    }
  });

  it('gives the same numbers', async () => {
    const ws = workspace(partitioned());
    const checked = checkCatalog(ws.catalogDir);
    const limited = await runKpis(checked.resolved, { from: '2025-01-01' }, { dataDir: ws.dataDir, memoryLimit: '256MB' });
    const plain = await runKpis(checked.resolved, { from: '2025-01-01' }, { dataDir: ws.dataDir });
    const show = (r: typeof plain): string[] => (r.ok ? r.rows.map((x) => `${x.kpi} ${x.period} ${x.exact?.toString()}`) : []);
    expect(limited.ok || limited.diagnostics).toBe(true);
    expect(show(limited)).toHaveLength(6);
    expect(show(limited)).toEqual(show(plain));
  });
});
