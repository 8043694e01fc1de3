/**
 * Collects scans, levels, measures, window tables and keys while the planner walks KPI
 * expressions, de-duplicating identical aggregates so each is computed once however many KPIs
 * use it.
 */
import type { AggregateFunction, PerKey, RowExpr } from '../resolve/types.js';
import type { Level, PlanKey, RollupTable, Scan, ScanMeasure, WindowSpec, WindowTable } from './ir.js';
import { isNoWindow, windowKey } from './windows.js';

/** What a scan reads and how; scans with equal keys are merged. */
export interface ScanShape {
  /** `main` for requested KPIs, `lookup:<id>` for a lookup's own computation. */
  readonly purpose: string;
  readonly source: string;
  readonly anchor: string | null;
  readonly mode: 'partials' | 'rows-window';
  readonly last: boolean;
  readonly window?: WindowSpec | undefined;
  /** For `last` scans: the one level they serve (each level has its own last date per cell). */
  readonly lastLevel?: string | undefined;
}

interface MutableScan {
  readonly id: string;
  readonly shape: ScanShape;
  readonly levels: Level[];
  readonly levelKeys: Map<string, number>;
  readonly measures: ScanMeasure[];
  readonly measureKeys: Map<string, string>;
}

interface MutableRollup {
  readonly id: string;
  readonly scan: string;
  readonly from: number;
  readonly level: Level;
  readonly measures: { id: string; fn: 'sum' | 'min' | 'max'; of: string }[];
  readonly measureKeys: Map<string, string>;
}

interface MutableWindowTable {
  readonly id: string;
  readonly scan: string;
  readonly level: number;
  readonly rollup?: string | undefined;
  readonly window: WindowSpec;
  readonly measures: { id: string; fn: 'sum' | 'min' | 'max'; of: string }[];
  readonly measureKeys: Map<string, string>;
}

/** An aggregate to compute: function, value, filter (all row expressions of the scan's source). */
export interface MeasureSpec {
  readonly fn: AggregateFunction;
  readonly value?: RowExpr | undefined;
  readonly filter?: RowExpr | undefined;
  readonly fraction?: number | undefined;
}

/** The registry. */
export class PlanRegistry {
  private readonly scans = new Map<string, MutableScan>();
  private readonly windows = new Map<string, MutableWindowTable>();
  private readonly rollups = new Map<string, MutableRollup>();
  private readonly keys = new Map<string, PlanKey>();
  private measureCount = 0;

  /** The id of a per key, registering it. */
  key(bySource: readonly PerKey[]): string {
    const k = JSON.stringify(bySource);
    const existing = this.keys.get(k);
    if (existing !== undefined) return existing.id;
    const id = `k${this.keys.size}`;
    this.keys.set(k, { id, bySource: bySource.map((b) => ({ source: b.source, expr: b.key })) });
    return id;
  }

  /** Registers a measure in the scan of `shape` at `level`; returns [scan id, column]. */
  measure(shape: ScanShape, level: Level, spec: MeasureSpec): { scan: string; column: string } {
    const scan = this.scan(shape);
    const levelIndex = this.level(scan, level);
    const k = JSON.stringify([levelIndex, spec.fn, spec.value ?? null, spec.filter ?? null, spec.fraction ?? null]);
    let column = scan.measureKeys.get(k);
    if (column === undefined) {
      column = `m${this.measureCount++}`;
      scan.measureKeys.set(k, column);
      scan.measures.push({ id: column, fn: spec.fn, value: spec.value, filter: spec.filter, fraction: spec.fraction, level: levelIndex });
    }
    return { scan: scan.id, column };
  }

  /** Registers partial `of` (in `scan` at level `from`) re-aggregated to the coarser `level`. */
  rollupMeasure(scanId: string, from: Level, level: Level, fn: 'sum' | 'min' | 'max', of: string): { table: string; column: string } {
    const scan = this.scanById(scanId);
    const fromIndex = this.level(scan, from);
    const k = JSON.stringify([scanId, fromIndex, level]);
    let table = this.rollups.get(k);
    if (table === undefined) {
      table = { id: `r${this.rollups.size}`, scan: scanId, from: fromIndex, level, measures: [], measureKeys: new Map() };
      this.rollups.set(k, table);
    }
    return { table: table.id, column: this.column(table, fn, of) };
  }

  /**
   * Registers a re-aggregation of partial `of` over `window`: of a scan level, or of a rollup
   * table when `rollup` is given (then `level` is the rollup's level).
   */
  windowMeasure(
    scanId: string,
    level: Level,
    window: WindowSpec,
    fn: 'sum' | 'min' | 'max',
    of: string,
    rollup?: string,
  ): { table: string; column: string } {
    const scan = this.scanById(scanId);
    const levelIndex = rollup === undefined ? this.level(scan, level) : -1;
    const k = JSON.stringify([scanId, levelIndex, rollup ?? null, windowKey(window)]);
    let table = this.windows.get(k);
    if (table === undefined) {
      table = { id: `w${this.windows.size}`, scan: scanId, level: levelIndex, rollup, window, measures: [], measureKeys: new Map() };
      this.windows.set(k, table);
    }
    return { table: table.id, column: this.column(table, fn, of) };
  }

  private scanById(scanId: string): MutableScan {
    const scan = [...this.scans.values()].find((s) => s.id === scanId);
    if (scan === undefined) throw new Error(`unknown scan ${scanId}`);
    return scan;
  }

  private column(table: MutableRollup | MutableWindowTable, fn: 'sum' | 'min' | 'max', of: string): string {
    const mk = `${fn}:${of}`;
    let column = table.measureKeys.get(mk);
    if (column === undefined) {
      column = `m${this.measureCount++}`;
      table.measureKeys.set(mk, column);
      table.measures.push({ id: column, fn, of });
    }
    return column;
  }

  private scan(shape: ScanShape): MutableScan {
    const k = JSON.stringify([
      shape.purpose,
      shape.source,
      shape.anchor,
      shape.mode,
      shape.last,
      shape.window === undefined || isNoWindow(shape.window) ? null : windowKey(shape.window),
      shape.lastLevel ?? null,
    ]);
    let scan = this.scans.get(k);
    if (scan === undefined) {
      scan = { id: `s${this.scans.size}`, shape, levels: [], levelKeys: new Map(), measures: [], measureKeys: new Map() };
      this.scans.set(k, scan);
    }
    return scan;
  }

  private level(scan: MutableScan, level: Level): number {
    const k = JSON.stringify(level);
    let index = scan.levelKeys.get(k);
    if (index === undefined) {
      index = scan.levels.length;
      scan.levels.push(level);
      scan.levelKeys.set(k, index);
    }
    return index;
  }

  /** The plan's keys. */
  planKeys(): PlanKey[] {
    return [...this.keys.values()];
  }

  /** The plan's window tables. */
  planWindows(): WindowTable[] {
    return [...this.windows.values()].map(({ id, scan, level, rollup, window, measures }) => ({
      id,
      scan,
      level,
      rollup,
      window,
      measures,
    }));
  }

  /** The plan's rollup tables. */
  planRollups(): RollupTable[] {
    return [...this.rollups.values()].map(({ id, scan, from, level, measures }) => ({ id, scan, from, level, measures }));
  }

  /** Scans without their joins and lookups (the planner adds those). */
  scanDrafts(): { id: string; shape: ScanShape; levels: Level[]; measures: ScanMeasure[] }[] {
    return [...this.scans.values()].map(({ id, shape, levels, measures }) => ({ id, shape, levels, measures }));
  }
}

/** Turns a scan draft into a plan scan (joins and lookups are filled in by the planner). */
export function toScan(draft: ReturnType<PlanRegistry['scanDrafts']>[number], joins: Scan['joins'], lookups: Scan['lookups']): Scan {
  const { shape } = draft;
  return {
    id: draft.id,
    purpose: shape.purpose,
    source: shape.source,
    anchor: shape.anchor,
    mode: shape.mode,
    last: shape.last,
    window: shape.window,
    joins,
    lookups,
    levels: draft.levels,
    measures: draft.measures,
  };
}
