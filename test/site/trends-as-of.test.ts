/**
 * The KPI pages' trend charts judge periods by the data's as-of date, like `kpic run`: a balance
 * is not drawn flat into months that have not happened, a KPI that looks forward keeps its coming
 * months, and the month containing the date is marked incomplete. A hand-made catalog: the
 * ledger's balances are 100 in January and 120 in February; deals are won up to 2025-03-10 and
 * one open deal (created 2025-03-01) is expected to close on 2025-06-15, which stretches the
 * data's range to June. The as-of date is 2025-03-10.
 */
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { kpiTrends } from '../../src/site/engine-adapter.js';
import { DEALS_SOURCE, DUE_KPI } from '../helpers/as-of-fixture.js';
import { assertValid, makeWorkspace } from '../helpers/workspace.js';

const SOURCES = `${DEALS_SOURCE}---
source: ledger
file: ledger.csv
time: month
columns:
  month: { type: date }
  arr: { type: money }
`;

const KPIS = `kpi: arr
formula: last(sum(arr) on month)
unit: money
---
${DUE_KPI}`;

const DATA = {
  'deals.csv':
    'id,stage,amount,created_date,close_date\nd1,Won,40,2025-01-02,2025-01-20\nd2,Won,60,2025-02-01,2025-03-10\nd3,Open,70,2025-03-01,2025-06-15\n',
  'ledger.csv': 'month,arr\n2025-01-01,100\n2025-02-01,120\n',
};

describe('trend charts and the as-of date', () => {
  it('stop a balance at the month containing it (marked incomplete); keep the coming months of a KPI that looks forward', async () => {
    const ws = makeWorkspace({ 'catalog.yaml': 'catalog: t\ndata: ../data\n', 'sources.yaml': SOURCES, 'kpis.yaml': KPIS }, DATA);
    const checked = checkCatalog(ws.catalogDir);
    assertValid(checked);
    const result = await kpiTrends(
      checked.resolved,
      new Map([
        ['arr', 'month'],
        ['due', 'month'],
      ]),
      ws.dataDir,
      12,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.trends.get('arr')?.points).toEqual([
      { period: '2025-01-01', value: 100 },
      { period: '2025-02-01', value: 120 },
      { period: '2025-03-01', value: 120, complete: false },
    ]);
    expect(result.trends.get('due')?.points.map((p) => [p.period, p.value])).toEqual([
      ['2025-01-01', 0],
      ['2025-02-01', 0],
      ['2025-03-01', 0],
      ['2025-04-01', 0],
      ['2025-05-01', 0],
      ['2025-06-01', 70],
    ]);
    expect(result.asOf).toBe('2025-03-10 (the latest event in source `deals`)');
  });
});
