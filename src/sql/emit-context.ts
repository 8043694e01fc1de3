/**
 * What the emitter's parts share while they write one query: the plan, the dialect and names, the
 * CTEs written so far (in the order they were thought of), the tables measures can be read from
 * with their levels, and the period-window tables made on demand.
 */
import type { Grain, QueryPlan, Scan, ScanPurpose, WindowSpec } from '../query/ir.js';
import type { IrMeasure, Level } from '../query/ir-expr.js';
import { purposeKey, sameLevel, windowKey } from '../query/ir-keys.js';
import type { Dialect } from './dialect.js';
import type { ScalarContext } from './emit-expr.js';
import { sqlNames, type SqlNames } from './names.js';
import type { Cte } from './order-ctes.js';
import { windowBoundsSql } from './window-bounds.js';

/** A table measures are read from: its rows' level, and whether it has a row per period. */
interface TableInfo {
  readonly name: string;
  readonly level: Level;
  /** Rows without a period (a source without time): they join every period. */
  readonly timeless: boolean;
}

/** The shared state of one emission. */
export interface EmitContext extends ScalarContext {
  readonly plan: QueryPlan;
  readonly grain: Grain;
  readonly names: SqlNames;
  /** Every CTE, in the order written (ordered by dependencies at the end). */
  readonly ctes: Cte[];
  /** Tables measures are read from, by name. */
  readonly tables: Map<string, TableInfo>;
  /** The scan with this id. */
  scan(id: string): Scan;
  /** The table a measure reads. */
  tableOf(m: IrMeasure): TableInfo;
  /** The name of the table of window bounds `[ws, we)` for every period of a purpose, made once. */
  periodWindowTable(purpose: ScanPurpose, window: WindowSpec): string;
}

/** The name of the table of the periods a purpose is evaluated for. */
export function periodsTable(purpose: ScanPurpose): string {
  return purpose.kind === 'main' ? 'periods_all' : `lkp_${purpose.lookup}`;
}

/** A fresh context for a plan. */
export function emitContext(plan: QueryPlan, dialect: Dialect): EmitContext {
  const names = sqlNames(dialect);
  const scans = new Map(plan.scans.map((s) => [s.id, s]));
  const periodTables = new Map<string, string>();
  const ctx: EmitContext = {
    dialect,
    calendar: plan.calendar,
    plan,
    grain: plan.grain,
    names,
    ctes: [],
    tables: new Map(),
    scan(id) {
      const scan = scans.get(id);
      if (scan === undefined) throw new Error(`unknown scan ${id}`);
      return scan;
    },
    tableOf(m) {
      const scan = scans.get(m.table);
      const name =
        scan === undefined
          ? m.table
          : names.scanLevelTable(
              scan,
              scan.levels.findIndex((l) => sameLevel(l, m.level)),
            );
      const info = ctx.tables.get(name);
      if (info === undefined) throw new Error(`unknown table ${name}`);
      return info;
    },
    periodWindowTable(purpose, window) {
      const key = `${purposeKey(purpose)} ${windowKey(window)}`;
      let name = periodTables.get(key);
      if (name === undefined) {
        name = `pw${periodTables.size}`;
        periodTables.set(key, name);
        const periods = periodsTable(purpose);
        const { ws, we } = windowBoundsSql(ctx, window, 'period');
        ctx.ctes.push({ name, sql: `SELECT period, ${ws} AS ws, ${we} AS we FROM ${dialect.quoteIdentifier(periods)}`, deps: [periods] });
      }
      return name;
    },
  };
  return ctx;
}
