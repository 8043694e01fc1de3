/**
 * The conformance rule: a run on another engine gives the same cells as on DuckDB — the same
 * rows (KPI, period, breakdown values), exact results equal to the last digit, real results
 * within a relative 1e-9 (engines sum doubles in different orders), nulls where DuckDB has nulls.
 * A request DuckDB refuses must be refused the same way.
 */
import { Decimal } from '../../src/model/decimal.js';
import { runKpis, type Failure, type ResultRow, type RunResult } from '../../src/pipeline.js';
import type { QueryRequest } from '../../src/query/request.js';
import type { ResolvedCatalog } from '../../src/resolve/resolved.js';
import type { Span } from '../../src/diagnostics/span.js';
import type { SqlEngine } from '../../src/engine/sql-engine.js';

/** Relative tolerance of real (not exact) results. */
const REAL_TOLERANCE = 1e-9;

function keyOf(r: ResultRow): string {
  return JSON.stringify([r.kpi, r.period, ...r.by.map((b) => (b instanceof Decimal ? `d:${b.toString()}` : b))]);
}

function sameValue(a: ResultRow, b: ResultRow): boolean {
  if (a.exact !== undefined || b.exact !== undefined)
    return a.exact !== undefined && b.exact !== undefined && a.exact.compare(b.exact) === 0;
  if (a.value === null || b.value === null) return a.value === b.value;
  return Math.abs(a.value - b.value) <= REAL_TOLERANCE * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

const show = (r: ResultRow | undefined): string => (r === undefined ? 'no row' : (r.exact?.toString() ?? String(r.value)));

/** Every cell where `other` differs from `reference` (empty when they agree), as readable lines. */
export function differences(reference: RunResult | Failure, other: RunResult | Failure): string[] {
  if (!reference.ok || !other.ok) {
    if (!reference.ok && !other.ok && reference.kind === other.kind) return [];
    const what = (r: RunResult | Failure): string =>
      r.ok ? 'ran' : `failed (${r.kind}): ${r.message} ${r.diagnostics.map((d) => d.message).join('; ')}`;
    return [`DuckDB ${what(reference)}, the other engine ${what(other)}`];
  }
  const mine = new Map(other.rows.map((r) => [keyOf(r), r]));
  const out: string[] = [];
  for (const r of reference.rows) {
    const o = mine.get(keyOf(r));
    mine.delete(keyOf(r));
    if (o === undefined || !sameValue(r, o)) out.push(`${keyOf(r)}: DuckDB ${show(r)}, other ${show(o)}`);
  }
  for (const [key, o] of mine) out.push(`${key}: DuckDB no row, other ${show(o)}`);
  return out;
}

const inside = (outer: Span, at: Span): boolean => outer.file === at.file && at.start >= outer.start && at.start < outer.end;

/**
 * The KPIs a failed request cannot compute: those whose documents hold a diagnostic or that a
 * message names, and those whose formulas name one of them or a lookup that holds a diagnostic;
 * else those that fail when run alone.
 */
async function blamed(
  resolved: ResolvedCatalog,
  failure: Failure,
  among: readonly string[],
  run: (kpis: string[]) => ReturnType<typeof runKpis>,
): Promise<Set<string>> {
  const names = new Set<string>();
  for (const d of failure.diagnostics) {
    for (const [id, kpi] of resolved.kpis) if (inside(kpi.def.tree.span, d.span) || d.message.includes(`\`${id}\``)) names.add(id);
    for (const [id, lookup] of resolved.catalog.lookups) if (inside(lookup.tree.span, d.span)) names.add(id);
  }
  const mentions = (formula: string): boolean => [...names].some((n) => new RegExp(`\\b${n}\\b`).test(formula));
  const out = new Set(among.filter((id) => names.has(id) || mentions(resolved.kpis.get(id)?.def.formula.text ?? '')));
  if (out.size > 0) return out;
  for (const id of among) if (!(await run([id])).ok) out.add(id);
  return out;
}

/**
 * Runs `request` on DuckDB over the files and on `engine` over the tables, and returns the
 * differences. KPIs DuckDB cannot compute as requested (a window with no meaning at the grain)
 * are left out of both runs, so that one of them does not hide the others.
 */
export async function compareOnEngine(
  files: ResolvedCatalog,
  tables: ResolvedCatalog,
  dataDir: string,
  engine: SqlEngine,
  request: QueryRequest,
): Promise<{ readonly cells: number; readonly differences: string[] }> {
  let kpis = request.kpis ?? [...files.kpis.keys()];
  let reference = await runKpis(files, { ...request, kpis }, { dataDir });
  for (let round = 0; !reference.ok && round < 8; round++) {
    const out = await blamed(files, reference, kpis, (only) => runKpis(files, { ...request, kpis: only }, { dataDir }));
    if (out.size === 0) break;
    kpis = kpis.filter((k) => !out.has(k));
    reference = await runKpis(files, { ...request, kpis }, { dataDir });
  }
  const other = await runKpis(tables, { ...request, kpis }, { dataDir, engine });
  return { cells: reference.ok ? reference.rows.length : 0, differences: differences(reference, other) };
}
