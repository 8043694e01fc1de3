/**
 * kpic's public API: load a catalog, validate it, compile KPIs to SQL and run them on DuckDB.
 *
 * The usual entry points are {@link checkCatalog} (load, validate and resolve a catalog folder),
 * {@link compileKpis} (SQL for a request, no data read) and {@link runKpis} (numbers on DuckDB);
 * {@link runCli} is the `kpic` command itself; {@link checkScorecards} and
 * {@link evaluateScorecard} judge KPIs against targets on the organisation's hierarchy. The phases are exported too, each a function from
 * data to data returning its value and its diagnostics.
 * @packageDocumentation
 */
export * from './diagnostics/span.js';
export * from './diagnostics/diagnostic.js';
export * from './diagnostics/codes.js';
export * from './diagnostics/suggest.js';
export * from './model/types.js';
export * from './formula/ast.js';
export { parseFormula, type Locate } from './formula/parse.js';
export { printFormula } from './formula/print.js';
export { loadCatalog, loadCatalogFromFiles } from './load/load-catalog.js';
export { resolveCatalog } from './resolve/resolve-catalog.js';
export type * from './resolve/resolved.js';
export type * from './resolve/types.js';
export { withKpis, withMappedDimension, syntheticKpi } from './resolve/extend.js';
export { planRun, type PlanRequest, type PlanResult } from './plan/planner.js';
export type * from './plan/ir.js';
export { GRAINS, type Grain } from './plan/calendar.js';
export { emitSql, type EmitOptions } from './sql/emit-plan.js';
export type { Dialect } from './sql/dialect.js';
export { DIALECTS, duckdb } from './sql/duckdb.js';
export { quoteIdentifier, stringLiteral } from './sql/quote.js';
export * from './pipeline.js';
export { runCli } from './cli/main.js';
export type { CliIo } from './cli/io.js';
export type { Database, QueryResult, ColumnInfo, Row, Value } from './engine/duckdb.js';
export type { YSeq, YEntry } from './load/tree.js';
export { checkScorecards } from './scorecard/check.js';
export { evaluateScorecard, type ScorecardRequest, type ScorecardResult } from './scorecard/evaluate.js';
export type * from './scorecard/resolved.js';
export type * from './scorecard/report.js';
export { PERSPECTIVES, type Perspective } from './scorecard/model.js';
export { parsePeriod, type Period } from './scorecard/period.js';
export type { Status } from './scorecard/status.js';
export { renderScorecardTable } from './scorecard/render-table.js';
export { renderScorecardJson } from './scorecard/render-json.js';
export { renderScorecardHtml } from './scorecard/render-html.js';
