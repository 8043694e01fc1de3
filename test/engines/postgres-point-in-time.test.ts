/**
 * Point in time on PostgreSQL: the KPIs of the point-in-time semantics tests (intervals, a change
 * log carried forward, `as at` the end, the start, day 10 and week 3, `at_start`, the waterfall,
 * forecast accuracy) on their hand-made history, each cell equal to DuckDB's — whose numbers
 * test/semantics/point-in-time.test.ts checks by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog, type CheckedCatalog } from '../../src/check-catalog.js';
import type { SqlEngine } from '../../src/engine/sql-engine.js';
import type { QueryRequest } from '../../src/query/request.js';
import { makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { DATA, KPIS, files } from '../semantics/point-in-time-fixture.js';
import { compareOnEngine } from './conformance.js';
import { connectTestPostgres, dropPostgresSchema, freshSchema, loadIntoPostgres, postgresUrl, tableCatalog } from './engines.js';

const REQUESTS: readonly QueryRequest[] = [
  { grain: 'quarter', from: '2024-10-01', to: '2025-06-30' },
  { grain: 'month', from: '2025-01-01', to: '2025-06-30' },
  { grain: 'quarter', by: ['region'], from: '2024-10-01', to: '2025-06-30' },
];

const url = postgresUrl();

describe.skipIf(url === undefined)('the point-in-time tests on PostgreSQL equal DuckDB', () => {
  let engine: SqlEngine;
  let ws: Workspace;
  let checked: CheckedCatalog;
  const schema = freshSchema();
  beforeAll(async () => {
    engine = await connectTestPostgres(url ?? '');
    ws = makeWorkspace(files(KPIS), DATA);
    checked = checkCatalog(ws.catalogDir);
    await loadIntoPostgres(url ?? '', schema, checked.resolved, ws.dataDir);
  });
  afterAll(async () => {
    await engine.close();
    await dropPostgresSchema(url ?? '', schema);
  });

  it('reads every KPI of the fixture', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.resolved.kpis.size).toBe(Object.keys(KPIS).length);
  });

  it.each(REQUESTS.map((r) => [JSON.stringify(r), r] as const))('%s', async (_name, request) => {
    const result = await compareOnEngine(checked.resolved, tableCatalog(checked.resolved, schema), ws.dataDir, engine, request);
    expect(result.differences).toEqual([]);
    expect(result.cells).toBeGreaterThan(0);
  });
});
