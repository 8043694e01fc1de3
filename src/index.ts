/**
 * kpic's public API: load a catalog, validate it, compile KPIs to SQL and run them on DuckDB, and
 * judge them against targets on the organisation's hierarchy.
 *
 * The usual entry points are {@link checkCatalog} (load, validate and resolve a catalog folder),
 * {@link compileKpis} (SQL for a request, no data read) and {@link runKpis} (numbers on DuckDB).
 * The performance layer that every consumer of KPIs against targets shares: the data's as-of date
 * ({@link dataAsOf}; {@link runKpisAsOf} judges a run's periods by it), periods of judgement
 * ({@link parsePeriod}, {@link latestCompletePeriod}), the organisation as of a period
 * ({@link readOrganisation}, {@link evaluateLevel} for figures by node, {@link findNode}) and
 * judgement ({@link chooseSettings}, {@link judgeFigure}, {@link statusOf}). Scorecards:
 * {@link checkScorecards} and {@link evaluateScorecard}; {@link runTests} runs a catalog's test
 * cases and {@link buildSite} makes its documentation site. The phases are exported too, each a
 * function from data to data returning its value and its diagnostics. The `kpic` command line
 * is a separate entry point, `kpic/cli` (`runCli`).
 * @packageDocumentation
 */
export * from './diagnostics/span.js';
export * from './diagnostics/diagnostic.js';
export * from './diagnostics/codes.js';
export * from './diagnostics/suggest.js';
export * from './model/types.js';
export { Decimal } from './model/decimal.js';
export * from './formula/ast.js';
export { parseFormula, type Locate } from './formula/parse.js';
export { printFormula } from './formula/print.js';
export { loadCatalog, loadCatalogFromFiles } from './load/load-catalog.js';
export { resolveCatalog } from './resolve/resolve-catalog.js';
export type * from './resolve/resolved.js';
export type * from './resolve/types.js';
export { withKpis, withMappedDimension, syntheticKpi } from './resolve/extend.js';
export { createCheckContext, type CheckContext } from './resolve/check-context.js';
export type { ResolveEnv } from './resolve/env.js';
export { planQuery } from './query/planner.js';
export { checkRequest, type QueryRequest, type CheckedRequest } from './query/request.js';
export type * from './query/ir.js';
export { levelKey, sameLevel, purposeKey, samePurpose, windowKey, rowExprKey } from './query/ir-keys.js';
export { GRAINS, type Grain } from './query/calendar.js';
export { emitSql, type EmitOptions } from './sql/emit-sql.js';
export { EXACT_VALUE } from './sql/emit-outputs.js';
export type { Dialect, SqlType } from './sql/dialect.js';
export type { SourceReader } from './sql/source-reader.js';
export { DIALECTS, DEFAULT_DIALECT } from './sql/dialects.js';
export { duckdb } from './sql/duckdb.js';
export { quoteIdentifier, stringLiteral } from './sql/quote.js';
export { declaredFilesReader, checkedSourcesReader } from './engine/source-readers.js';
export * from './pipeline.js';
export * from './check-catalog.js';
export type { Database, QueryResult, ColumnInfo, Row, Value } from './engine/duckdb.js';
export type { YSeq, YEntry } from './load/tree.js';
export { PERIOD_GRAINS, parsePeriod, periodContaining, periodWithin, type Period, type PeriodGrain } from './periods/period.js';
export { latestCompletePeriod } from './periods/latest-period.js';
export { dataAsOf, describeAsOf, type DataAsOf } from './periods/as-of.js';
export { defaultRangeEnd, judgeRows, periodComplete, periodLastDay } from './periods/complete.js';
export { runKpisAsOf, type JudgedRun } from './periods/run-as-of.js';
export type * from './org/hierarchy.js';
export { checkHierarchies } from './org/check-hierarchy.js';
export { resolveLevelCondition } from './org/level-condition.js';
export { evaluateScope, holdsFor, deepestLevel, type Scope, type ScopeValue } from './org/scope.js';
export { readSpells, spellsAsOf, type Spell, type DateSpan, type RoleCondition } from './org/spells.js';
export { buildOrgTree, nodesAt, memberEntries, pathKey, type OrgNode } from './org/tree.js';
export { findNode, parseNodePath, type PathStep, type PathProblem, type NodeAt, type NodeLookup } from './org/find-node.js';
export { readOrganisation, membershipDate, type Organisation, type OrganisationOptions } from './org/organisation.js';
export { evaluateLevel, type ExprRequest, type LevelValues, type LevelContext } from './org/level-values.js';
export type * from './targets/settings.js';
export { DEFAULT_THRESHOLDS, DEFAULT_SCORING } from './targets/settings.js';
export { checkPerformance } from './targets/check-performance.js';
export {
  chooseSettings,
  targetCandidates,
  overrideApplies,
  literalTarget,
  seasonalTarget,
  type TargetOrigin,
  type TargetCandidate,
  type JudgedAt,
  type AppliedSettings,
} from './targets/choose.js';
export { seasonalIndex } from './targets/seasonal.js';
export { applyExceptions, exceptionReportExpr, targetExpr, type BoundException } from './targets/expressions.js';
export { attainmentOf, scoreOf, weightedAverage, type Part, type Average } from './targets/score.js';
export { statusOf, type Status, type StatusRules } from './targets/status.js';
export { judgeFigure, type FigureInput, type Judgement, type NoScore } from './targets/judge-figure.js';
export { checkScorecards } from './scorecard/check.js';
export { evaluateScorecard, type ScorecardRequest, type ScorecardResult } from './scorecard/evaluate.js';
export type * from './scorecard/resolved.js';
export type * from './scorecard/report.js';
export { PERSPECTIVES, type Perspective } from './scorecard/model.js';
export { renderScorecardTable } from './scorecard/render-table.js';
export { renderScorecardJson } from './scorecard/render-json.js';
export { renderScorecardHtml } from './scorecard/render-html.js';
export { checkTests } from './testing/check.js';
export { runTests, testCoverage, type RunTestsOptions } from './testing/run-tests.js';
export type * from './testing/results.js';
export type { TestDef, TestCase, Expectation } from './testing/model.js';
export { buildSite, type SiteInputs } from './site/build-site.js';
export { catalogHistory, type GitRunner, type CatalogHistory } from './site/history.js';
export { diffCatalogs, type DiffSide } from './diff/diff-catalogs.js';
export type * from './diff/types.js';
export { readGovernance } from './governance/read.js';
export type * from './governance/model.js';
export * from './governance/vocabulary.js';
export { requiredApprovals, type RequiredSeat } from './diff/required.js';
export { buildDependencyGraph, dependentsOf, type DependencyGraph } from './lineage/graph.js';
export { checkLifecycle } from './lifecycle/check.js';
