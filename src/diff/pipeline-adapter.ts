/**
 * The one place where `kpic diff`, `kpic approvals` and `kpic review` call the pipeline: checking a
 * catalog, running KPIs, finding the latest complete periods, and scoring scorecards. Everything
 * else in these features works on what these functions return, so a change in the pipeline's
 * shape is absorbed here.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { openDatabase, type Database } from '../engine/duckdb.js';
import { checkCatalog, checkCatalogFiles, type CheckedCatalog } from '../check-catalog.js';
import { dataFolder, runKpis, type Failure } from '../pipeline.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { calendarOf } from '../model/calendar.js';
import { checkScorecards } from '../scorecard/check.js';
import { evaluateScorecard, type ScorecardResult } from '../scorecard/evaluate.js';
import { dataAsOf } from '../periods/as-of.js';
import { latestCompletePeriod } from '../periods/latest-period.js';
import { periodBefore, type Period, type PeriodGrain as ScorecardGrain } from '../periods/period.js';
import { addDuration, formatIsoDate, parseIsoDate } from '../query/calendar.js';
import type { DurationUnit } from '../formula/ast.js';
import type { Decimal } from '../model/decimal.js';
import type { ScorecardCatalog } from '../scorecard/resolved.js';

/** The pipeline's types these features work with, re-exported so they import them from here alone. */
export type { CheckedCatalog, Failure, Period, ScorecardGrain, Database };
export type { NodeScore, ScorecardReport } from '../scorecard/report.js';
export type { Status } from '../targets/status.js';

/** Loads, validates and resolves the catalog in a folder. */
export function checkFolder(dir: string): CheckedCatalog {
  // The loader quotes the path it is given; a path relative to the process reads best.
  const relative = path.relative(process.cwd(), dir);
  return checkCatalog(relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative);
}

/** Loads, validates and resolves a catalog held in memory (catalog-relative path → text). */
export function checkFiles(files: ReadonlyMap<string, string>): CheckedCatalog {
  return checkCatalogFiles(files);
}

/** The data folder: `override`, else the catalog's `data:` relative to `catalogDir`. */
export function dataFolderOf(checked: CheckedCatalog, catalogDir: string, override?: string): string {
  return dataFolder(checked.catalog, catalogDir, override);
}

/** A database shared by every evaluation of one command (closed by the caller). */
export async function openSharedDatabase(): Promise<Database> {
  return openDatabase();
}

/** One value: a KPI in a period, as a whole (`by` null) or for one value of the breakdown. */
export interface ValueRow {
  readonly kpi: string;
  /** ISO date the period starts on. */
  readonly period: string;
  /** The breakdown value; undefined for the whole. */
  readonly by?: string | null | undefined;
  readonly value: number | null;
  /** The exact value of an exact result (money through sums and differences). */
  readonly exact?: Decimal | undefined;
}

/** What to evaluate. */
export interface ValueRequest {
  readonly kpis: readonly string[];
  readonly grain: ScorecardGrain;
  readonly by?: string | undefined;
  readonly from: string;
  readonly to: string;
}

/** The values of KPIs (data problems come back as a failure). */
export async function runValues(
  resolved: ResolvedCatalog,
  request: ValueRequest,
  options: { readonly dataDir: string; readonly db: Database },
): Promise<{ readonly ok: true; readonly rows: readonly ValueRow[]; readonly diagnostics: readonly Diagnostic[] } | Failure> {
  if (request.kpis.length === 0) return { ok: true, rows: [], diagnostics: [] };
  const result = await runKpis(
    resolved,
    { kpis: [...request.kpis], grain: request.grain, by: request.by === undefined ? [] : [request.by], from: request.from, to: request.to },
    { dataDir: options.dataDir, db: options.db },
  );
  if (!result.ok) return result;
  const rows = result.rows.map((r) => {
    const by = r.by[0];
    return {
      kpi: r.kpi,
      period: r.period,
      by: request.by === undefined ? undefined : by === null || by === undefined ? null : String(by),
      value: r.value,
      exact: r.exact,
    };
  });
  return { ok: true, rows, diagnostics: result.diagnostics };
}

/**
 * The last `count` complete periods of `grain` in the data, oldest first: complete as of the
 * data's as-of date (src/periods/as-of.ts, the one date every command judges periods by), so a
 * source dated into the future (open deals' expected close dates) never picks periods that have
 * not happened. `dataEnd` is that date.
 */
export async function completePeriods(
  resolved: ResolvedCatalog,
  _kpis: readonly string[] | undefined,
  grain: ScorecardGrain,
  count: number,
  options: { readonly dataDir: string; readonly db: Database },
): Promise<{ readonly ok: true; readonly periods: readonly Period[]; readonly dataEnd: string } | Failure> {
  const asOf = await dataAsOf(resolved, options);
  if (asOf !== undefined && 'ok' in asOf) return asOf;
  if (asOf === undefined)
    return { ok: false, kind: 'usage', message: 'the KPIs read no dated rows, so there is no complete period', diagnostics: [] };
  const calendar = calendarOf(resolved.catalog);
  const latest = latestCompletePeriod(asOf.date, grain, calendar);
  const periods: Period[] = [];
  for (let i = count - 1; i >= 0; i--) periods.push(i === 0 ? latest : periodBefore(latest, i, calendar));
  return { ok: true, periods, dataEnd: asOf.date };
}

const scorecardCache = new WeakMap<ResolvedCatalog, ScorecardCatalog>();

function scorecardsOf(resolved: ResolvedCatalog): ScorecardCatalog {
  let sc = scorecardCache.get(resolved);
  if (sc === undefined) {
    sc = checkScorecards(resolved).value;
    scorecardCache.set(resolved, sc);
  }
  return sc;
}

/** A main scorecard (not a variant): its grain and the KPIs it scores, its variants' included. */
export interface MainScorecard {
  readonly id: string;
  readonly title: string;
  readonly grain: ScorecardGrain;
  readonly kpis: ReadonlySet<string>;
  /** Its variants' ids. */
  readonly variants: readonly string[];
}

/** The catalog's main scorecards, by id. */
export function mainScorecards(resolved: ResolvedCatalog): ReadonlyMap<string, MainScorecard> {
  const all = scorecardsOf(resolved).scorecards;
  const out = new Map<string, { id: string; title: string; grain: ScorecardGrain; kpis: Set<string>; variants: string[] }>();
  for (const sc of all.values()) {
    const main = all.get(sc.base ?? sc.id) ?? sc;
    const entry = out.get(main.id) ?? { id: main.id, title: main.title, grain: main.body.grain, kpis: new Set<string>(), variants: [] };
    if (sc.id !== main.id) entry.variants.push(sc.id);
    for (const p of sc.body.perspectives) for (const e of p.entries) entry.kpis.add(e.kpi);
    out.set(main.id, entry);
  }
  return out;
}

/** The breakdown below the top of the organisation (`region`), when KPIs can be broken down by it. */
export function topLevelDimension(resolved: ResolvedCatalog): string | undefined {
  const hierarchies = [...scorecardsOf(resolved).hierarchies.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const h of hierarchies) {
    const level = h.levels[1];
    if (level === undefined || level === h.levels[h.levels.length - 1]) continue;
    const name = level.dimension ?? level.name;
    if (resolved.dimensions.has(name)) return name;
  }
  return undefined;
}

/** Whether every source `kpi` reads declares `dimension`. */
export function breaksDownBy(resolved: ResolvedCatalog, kpi: string, dimension: string): boolean {
  const sources = resolved.kpis.get(kpi)?.sources ?? [];
  return sources.length > 0 && sources.every((s) => resolved.catalog.sources.get(s)?.dimensions.has(dimension) === true);
}

/** Scores a scorecard for the whole organisation (with its children) in one period. */
export async function scoreScorecard(
  resolved: ResolvedCatalog,
  scorecard: string,
  period: string,
  options: { readonly dataDir: string; readonly db: Database },
): Promise<ScorecardResult> {
  return evaluateScorecard(resolved, scorecardsOf(resolved), { scorecard, period }, options);
}

/** `date` (ISO) moved by `amount` `unit`s, on the calendar (months keep the day, clamped); undefined for a bad date. */
export function shiftDate(date: string, amount: number, unit: DurationUnit): string | undefined {
  const d = parseIsoDate(date);
  return d === undefined ? undefined : formatIsoDate(addDuration(d, { amount: Math.abs(amount), unit }, amount < 0 ? -1 : 1));
}
