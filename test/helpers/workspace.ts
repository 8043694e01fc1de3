/**
 * Test helper: writes a catalog and its data to a fresh temporary folder, then checks and runs it
 * through the real pipeline (real files, real DuckDB).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkCatalog, type CheckedCatalog } from '../../src/check-catalog.js';
import { Decimal } from '../../src/model/decimal.js';
import { runKpis } from '../../src/pipeline.js';
import type { QueryRequest } from '../../src/query/request.js';

/** A catalog folder and a data folder on disk. */
export interface Workspace {
  readonly root: string;
  readonly catalogDir: string;
  readonly dataDir: string;
}

/** Writes `catalog` (relative path → YAML) and `data` (file name → content) to a temp folder. */
export function makeWorkspace(catalog: Readonly<Record<string, string>>, data: Readonly<Record<string, string>> = {}): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'kpic-test-'));
  const catalogDir = path.join(root, 'catalog');
  const dataDir = path.join(root, 'data');
  for (const [dir, files] of [
    [catalogDir, catalog],
    [dataDir, data],
  ] as const) {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return { root, catalogDir, dataDir };
}

/** A result row as a plain object: `{ kpi, period, <dims…>, value }`. */
export type PlainRow = Record<string, string | number | boolean | null>;

/** Checks the catalog (failing the test with its diagnostics if invalid) and runs the request. */
export async function runWorkspace(ws: Workspace, request: QueryRequest): Promise<PlainRow[]> {
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  return runChecked(checked, request, ws.dataDir);
}

/** Runs the request on a checked (valid) catalog over `dataDir`; throws with the diagnostics when the run fails. */
export async function runChecked(checked: CheckedCatalog, request: QueryRequest, dataDir: string): Promise<PlainRow[]> {
  const result = await runKpis(checked.resolved, request, { dataDir });
  if (!result.ok)
    throw new Error(
      `run failed (${result.kind}): ${result.message}\n${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`,
    );
  return result.rows.map((r) => {
    const row: PlainRow = { kpi: r.kpi, period: r.period };
    result.by.forEach((b, i) => {
      const v = r.by[i] ?? null;
      row[b] = v instanceof Decimal ? v.toNumber() : v;
    });
    row['value'] = r.value;
    return row;
  });
}

/** Throws with every error diagnostic when the catalog is invalid. */
export function assertValid(checked: CheckedCatalog): void {
  if (!checked.ok) {
    throw new Error(
      `catalog invalid:\n${checked.diagnostics.map((d) => `${d.span.file}@${d.span.start} ${d.code} ${d.message}`).join('\n')}`,
    );
  }
}

/** The value of one KPI in one period (and breakdown values), for terse assertions. */
export function valueOf(
  rows: readonly PlainRow[],
  kpi: string,
  period: string,
  dims: Readonly<Record<string, string | null>> = {},
): number | null | undefined {
  const row = rows.find((r) => r['kpi'] === kpi && r['period'] === period && Object.entries(dims).every(([k, v]) => r[k] === v));
  return row === undefined ? undefined : (row['value'] as number | null);
}

/** Rows of one KPI as `period → value` (no breakdown). */
export function series(rows: readonly PlainRow[], kpi: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const r of rows) if (r['kpi'] === kpi) out[String(r['period'])] = r['value'] as number | null;
  return out;
}
