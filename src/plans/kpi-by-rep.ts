/**
 * A KPI evaluated per rep and pay period (a quota KPI, a bonus condition), by the hierarchy's
 * member dimension: the values a plan reads about reps besides their credits.
 */
import type { Database } from '../engine/duckdb.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Decimal } from '../model/decimal.js';
import { runKpis, type Failure } from '../pipeline.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { ResolvedPlan } from './resolved.js';

/** rep → period start → value (exact where the KPI is exact). */
export type ValuesByRep = ReadonlyMap<string, ReadonlyMap<string, { readonly value: number | null; readonly exact?: Decimal | undefined }>>;

/** Evaluates `kpi` per member of the plan's hierarchy at its pay period grain over `from` … `to`. */
export async function kpiByRep(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  kpi: string,
  range: { readonly from: string; readonly to: string },
  options: { readonly dataDir: string; readonly db: Database; readonly warnings: Diagnostic[] },
): Promise<ValuesByRep | Failure> {
  const result = await runKpis(
    resolved,
    { kpis: [kpi], grain: plan.payPeriod, by: [plan.hierarchy.dimension], from: range.from, to: range.to },
    { dataDir: options.dataDir, db: options.db },
  );
  if (!result.ok) return result;
  options.warnings.push(...result.diagnostics);
  const out = new Map<string, Map<string, { value: number | null; exact?: Decimal | undefined }>>();
  for (const row of result.rows) {
    const rep = row.by[0];
    if (rep === null || rep === undefined) continue;
    const key = String(rep);
    const perRep = out.get(key) ?? new Map<string, { value: number | null; exact?: Decimal | undefined }>();
    perRep.set(row.period, { value: row.value, exact: row.exact });
    out.set(key, perRep);
  }
  return out;
}
