/**
 * The semantics tests on PostgreSQL: every formula of test/semantics (read from those files, so
 * a formula added there is run here too) on the semantics fixture, plus the fixture's lookups,
 * fiscal calendars and week starts, at every grain and by breakdowns — each cell equal to
 * DuckDB's, whose numbers the semantics tests check by hand. And exact money through PostgreSQL's
 * NUMERIC: amounts binary floating point cannot add, refunds, amounts beyond 2^53 cents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog, type CheckedCatalog } from '../../src/check-catalog.js';
import type { SqlEngine } from '../../src/engine/sql-engine.js';
import type { QueryRequest } from '../../src/query/request.js';
import { makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { DATA, LOOKUPS, catalogFiles, kpiDocs } from '../semantics/fixture.js';
import { compareOnEngine } from './conformance.js';
import { connectTestPostgres, dropPostgresSchema, freshSchema, loadIntoPostgres, postgresUrl, tableCatalog } from './engines.js';

const SEMANTICS = path.join(import.meta.dirname, '..', 'semantics');

/**
 * Every `name: 'formula'` line of the semantics tests on the shared fixture (the files that import
 * it; the point-in-time and money tests have data of their own: postgres-point-in-time.test.ts
 * runs the former), by name (a name used twice keeps
 * both, renamed).
 */
function semanticsFormulas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(SEMANTICS)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()) {
    const text = readFileSync(path.join(SEMANTICS, file), 'utf8');
    if (!text.includes("from './fixture.js'")) continue;
    for (const m of text.matchAll(/^\s+([a-z_][a-z0-9_]*): '([^']+)',?$/gm)) {
      const [, name = '', formula = ''] = m;
      // Request fields (`from: '2025-01-01'`) and other values that are no formula of an aggregate.
      if (!formula.includes('(') || Object.values(out).includes(formula)) continue;
      let id = name;
      for (let i = 2; id in out; i++) id = `${name}_${i}`;
      out[id] = formula;
    }
  }
  return out;
}

/** The formulas that make a valid catalog on the fixture (lines that are not KPIs are left out). */
function validCatalog(
  formulas: Record<string, string>,
  options: Parameters<typeof catalogFiles>[1],
): { ws: Workspace; checked: CheckedCatalog } {
  const kept = { ...formulas };
  for (;;) {
    const ws = makeWorkspace(catalogFiles(kpiDocs(kept), options), DATA);
    const checked = checkCatalog(ws.catalogDir);
    const bad = new Set(checked.diagnostics.filter((d) => d.severity === 'error' && d.span.file === 'kpis.yaml').map((d) => d.span.start));
    if (checked.ok || bad.size === 0) return { ws, checked };
    const text = kpiDocs(kept);
    let offset = 0;
    for (const id of Object.keys(kept)) {
      const doc = kpiDocs({ [id]: kept[id] ?? '' });
      if ([...bad].some((at) => at >= offset && at < offset + doc.length)) delete kept[id];
      offset += doc.length + '---\n'.length;
    }
    if (offset === 0 || text.length === 0) return { ws, checked };
  }
}

const VARIANTS: readonly { name: string; options: Parameters<typeof catalogFiles>[1] }[] = [
  { name: 'calendar year, weeks from Monday', options: { extra: LOOKUPS } },
  { name: 'fiscal year from February', options: { fiscal: 2, extra: LOOKUPS } },
  { name: 'fiscal year from April, weeks from Sunday', options: { fiscal: 4, weekStart: 'sunday', extra: LOOKUPS } },
];

const REQUESTS: readonly QueryRequest[] = [
  {},
  { grain: 'quarter' },
  { grain: 'year' },
  { grain: 'week', from: '2025-01-01', to: '2025-03-31' },
  { by: ['region'] },
  { grain: 'quarter', by: ['segment', 'size_band'] },
];

const url = postgresUrl();

describe.skipIf(url === undefined)('the semantics tests on PostgreSQL equal DuckDB', () => {
  const formulas = semanticsFormulas();
  let engine: SqlEngine;
  const schemas: string[] = [];
  beforeAll(async () => {
    engine = await connectTestPostgres(url ?? '');
  });
  afterAll(async () => {
    await engine.close();
    for (const s of schemas) await dropPostgresSchema(url ?? '', s);
  });

  it('reads the formulas of the semantics tests', () => {
    expect(Object.keys(formulas).length).toBeGreaterThan(60);
  });

  describe.each(VARIANTS)('$name', ({ options }) => {
    let checked: CheckedCatalog;
    let ws: Workspace;
    let schema: string;
    beforeAll(async () => {
      ({ ws, checked } = validCatalog(formulas, options));
      schema = freshSchema();
      schemas.push(schema);
      await loadIntoPostgres(url ?? '', schema, checked.resolved, ws.dataDir);
    });

    it('keeps nearly every formula', () => {
      expect(checked.resolved.kpis.size).toBeGreaterThan(Object.keys(formulas).length * 0.8);
    });

    it.each(REQUESTS.map((r) => [JSON.stringify(r), r] as const))('%s', async (_name, request) => {
      const result = await compareOnEngine(checked.resolved, tableCatalog(checked.resolved, schema), ws.dataDir, engine, request);
      expect(result.differences).toEqual([]);
      expect(result.cells).toBeGreaterThan(0);
    });
  });
});
