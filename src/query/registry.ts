/**
 * Collects scans, levels, measures, rollup and window tables and per keys while the planner walks
 * KPI expressions, de-duplicating identical aggregates so each is computed once however many KPIs
 * use it. Everything it holds is already IR.
 */
import type { MeasureFunction, BySource, QueryKey, Reaggregation, RollupTable, Scan, ScanMeasure, WindowSpec, WindowTable } from './ir.js';
import type { IrRowExpr, Level } from './ir-expr.js';
import { levelKey, purposeKey, rowExprKey, windowKey } from './ir-keys.js';
import { isNoWindow } from './windows.js';

/** What a scan reads and how; scans with equal shapes are merged. */
export interface ScanShape extends Pick<Scan, 'purpose' | 'source' | 'anchor' | 'mode' | 'last' | 'window' | 'point'> {
  /** For `last` scans: the one level they serve (each level has its own last date per cell). */
  readonly lastLevel?: Level | undefined;
}

/** A scan being built: its joins and lookups are found once every measure is known. */
export interface ScanDraft {
  readonly id: string;
  readonly shape: ScanShape;
  readonly levels: readonly Level[];
  readonly measures: readonly ScanMeasure[];
}

interface MutableScan {
  readonly id: string;
  readonly shape: ScanShape;
  readonly levels: Level[];
  readonly levelKeys: Map<string, number>;
  readonly measures: ScanMeasure[];
  readonly measureKeys: Map<string, string>;
}

/** A rollup or window table being built. */
interface MutableTable<T extends RollupTable | WindowTable> {
  readonly table: T & { readonly measures: Reaggregation[] };
  readonly measureKeys: Map<string, string>;
}

/** An aggregate to compute: function, value, filter (all row expressions of the scan's source). */
export interface MeasureSpec {
  readonly fn: MeasureFunction;
  readonly value?: IrRowExpr | undefined;
  readonly filter?: IrRowExpr | undefined;
  readonly fraction?: number | undefined;
}

const optionalKey = (e: IrRowExpr | undefined): string => (e === undefined ? '-' : rowExprKey(e));

function shapeKey(shape: ScanShape): string {
  const window = shape.window === undefined || isNoWindow(shape.window) ? '-' : windowKey(shape.window);
  const last = shape.lastLevel === undefined ? '-' : levelKey(shape.lastLevel);
  const point = shape.point === undefined ? '-' : `${shape.point.at}${shape.point.n ?? ''}`;
  return [purposeKey(shape.purpose), shape.source, shape.anchor ?? '-', shape.mode, String(shape.last), window, last, point]
    .map((part) => `${part.length}:${part}`)
    .join('');
}

/** The registry of one query plan. */
export class QueryRegistry {
  private readonly scans = new Map<string, MutableScan>();
  private readonly scansById = new Map<string, MutableScan>();
  private readonly windows = new Map<string, MutableTable<WindowTable>>();
  private readonly rollups = new Map<string, MutableTable<RollupTable>>();
  private readonly keys = new Map<string, QueryKey>();
  private measureCount = 0;

  /** The id of a per key given by its expression in each source, registering it. */
  key(bySource: readonly BySource[]): string {
    const k = bySource.map((b) => `${b.source.length}:${b.source}${rowExprKey(b.expr)}`).join('\u0000');
    const existing = this.keys.get(k);
    if (existing !== undefined) return existing.id;
    const id = `k${this.keys.size}`;
    this.keys.set(k, { id, bySource });
    return id;
  }

  /** Registers a measure in the scan of `shape` at `level`; returns the scan id and column. */
  measure(shape: ScanShape, level: Level, spec: MeasureSpec): { scan: string; column: string } {
    const scan = this.scan(shape);
    const levelIndex = this.level(scan, level);
    const k = [levelIndex, spec.fn, optionalKey(spec.value), optionalKey(spec.filter), spec.fraction ?? '-'].join(' ');
    let column = scan.measureKeys.get(k);
    if (column === undefined) {
      column = `m${this.measureCount++}`;
      scan.measureKeys.set(k, column);
      scan.measures.push({ id: column, fn: spec.fn, value: spec.value, filter: spec.filter, fraction: spec.fraction, level: levelIndex });
    }
    return { scan: scan.id, column };
  }

  /** Registers partial `of` (in `scan` at level `from`) re-aggregated to the coarser `level`. */
  rollupMeasure(scanId: string, from: Level, level: Level, fn: Reaggregation['fn'], of: string): { table: string; column: string } {
    const fromIndex = this.level(this.scanById(scanId), from);
    const k = `${scanId} ${fromIndex} ${levelKey(level)}`;
    let entry = this.rollups.get(k);
    if (entry === undefined) {
      entry = { table: { id: `r${this.rollups.size}`, scan: scanId, from: fromIndex, level, measures: [] }, measureKeys: new Map() };
      this.rollups.set(k, entry);
    }
    return { table: entry.table.id, column: this.column(entry, fn, of) };
  }

  /**
   * Registers a re-aggregation of partial `of` over `window`: of a scan level, or of a rollup
   * table when `rollup` is given (then `level` is the rollup's level).
   */
  windowMeasure(
    scanId: string,
    level: Level,
    window: WindowSpec,
    fn: Reaggregation['fn'],
    of: string,
    rollup?: string,
  ): { table: string; column: string } {
    const levelIndex = rollup === undefined ? this.level(this.scanById(scanId), level) : -1;
    const k = `${scanId} ${levelIndex} ${rollup ?? '-'} ${windowKey(window)}`;
    let entry = this.windows.get(k);
    if (entry === undefined) {
      const table = { id: `w${this.windows.size}`, scan: scanId, level: levelIndex, rollup, window, measures: [] };
      entry = { table, measureKeys: new Map() };
      this.windows.set(k, entry);
    }
    return { table: entry.table.id, column: this.column(entry, fn, of) };
  }

  /** The per keys registered. */
  queryKeys(): QueryKey[] {
    return [...this.keys.values()];
  }

  /** The window tables registered. */
  windowTables(): WindowTable[] {
    return [...this.windows.values()].map((e) => e.table);
  }

  /** The rollup tables registered. */
  rollupTables(): RollupTable[] {
    return [...this.rollups.values()].map((e) => e.table);
  }

  /** Scans without their joins and lookups (the planner adds those). */
  scanDrafts(): ScanDraft[] {
    return [...this.scans.values()].map(({ id, shape, levels, measures }) => ({ id, shape, levels, measures }));
  }

  private scanById(scanId: string): MutableScan {
    const scan = this.scansById.get(scanId);
    if (scan === undefined) throw new Error(`unknown scan ${scanId}`);
    return scan;
  }

  private column<T extends RollupTable | WindowTable>(entry: MutableTable<T>, fn: Reaggregation['fn'], of: string): string {
    const mk = `${fn} ${of}`;
    let column = entry.measureKeys.get(mk);
    if (column === undefined) {
      column = `m${this.measureCount++}`;
      entry.measureKeys.set(mk, column);
      entry.table.measures.push({ id: column, fn, of });
    }
    return column;
  }

  private scan(shape: ScanShape): MutableScan {
    const k = shapeKey(shape);
    let scan = this.scans.get(k);
    if (scan === undefined) {
      scan = { id: `s${this.scans.size}`, shape, levels: [], levelKeys: new Map(), measures: [], measureKeys: new Map() };
      this.scans.set(k, scan);
      this.scansById.set(scan.id, scan);
    }
    return scan;
  }

  private level(scan: MutableScan, level: Level): number {
    const k = levelKey(level);
    let index = scan.levelKeys.get(k);
    if (index === undefined) {
      index = scan.levels.length;
      scan.levels.push(level);
      scan.levelKeys.set(k, index);
    }
    return index;
  }
}

/** A scan draft with its joins and lookups: a scan of the plan. */
export function toScan(draft: ScanDraft, joins: Scan['joins'], lookups: Scan['lookups']): Scan {
  const { shape } = draft;
  return {
    id: draft.id,
    purpose: shape.purpose,
    source: shape.source,
    anchor: shape.anchor,
    mode: shape.mode,
    last: shape.last,
    ...(shape.point !== undefined ? { point: shape.point } : {}),
    window: shape.window,
    joins,
    lookups,
    levels: draft.levels,
    measures: draft.measures,
  };
}
