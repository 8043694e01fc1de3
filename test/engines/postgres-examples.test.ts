/**
 * The example catalogs on PostgreSQL: the shipped catalog over the example data, and the
 * Salesforce and Maven CRM examples, loaded into a fresh schema as tables; every KPI by month and
 * by quarter, and by a breakdown, equal to DuckDB's results over the files, cell by cell.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog, type CheckedCatalog } from '../../src/check-catalog.js';
import type { SqlEngine } from '../../src/engine/sql-engine.js';
import { dataFolder } from '../../src/pipeline.js';
import type { QueryRequest } from '../../src/query/request.js';
import { compareOnEngine } from './conformance.js';
import { connectTestPostgres, dropPostgresSchema, freshSchema, loadIntoPostgres, postgresUrl, tableCatalog } from './engines.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

const CATALOGS: readonly { name: string; dir: string; requests: readonly QueryRequest[] }[] = [
  { name: 'the shipped catalog', dir: 'catalog', requests: [{}, { grain: 'quarter', by: ['region'] }] },
  { name: 'the Salesforce example', dir: 'examples/salesforce/catalog', requests: [{}, { grain: 'quarter' }] },
  { name: 'the Maven CRM example', dir: 'examples/maven-crm/catalog', requests: [{}, { grain: 'quarter' }] },
];

const url = postgresUrl();

describe.skipIf(url === undefined).each(CATALOGS)('$name on PostgreSQL equals DuckDB', ({ dir, requests }) => {
  let engine: SqlEngine;
  let checked: CheckedCatalog;
  let dataDir: string;
  const schema = freshSchema();
  beforeAll(async () => {
    const catalogDir = path.join(ROOT, dir);
    checked = checkCatalog(catalogDir);
    dataDir = dataFolder(checked.catalog, catalogDir);
    await loadIntoPostgres(url ?? '', schema, checked.resolved, dataDir);
    engine = await connectTestPostgres(url ?? '');
  }, 300_000);
  afterAll(async () => {
    await engine.close();
    await dropPostgresSchema(url ?? '', schema);
  });

  it.each(requests.map((r) => [JSON.stringify(r), r] as const))(
    '%s',
    async (_name, request) => {
      const result = await compareOnEngine(checked.resolved, tableCatalog(checked.resolved, schema), dataDir, engine, request);
      expect(result.differences).toEqual([]);
      expect(result.cells).toBeGreaterThan(0);
    },
    300_000,
  );
});
