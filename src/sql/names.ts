/**
 * Names of the CTEs and columns the emitter writes. Internal names never collide with user names:
 * dimension columns are `d_<name>`, keys `k<n>`, measures `m<n>`, sources `src_<id>`, lookups
 * `lk_<id>` (their periods `lkp_<id>`, their frames `lkf_<id>`: no prefix begins another).
 */
import type { Scan } from '../query/ir.js';
import type { Level } from '../query/ir-expr.js';
import type { Dialect } from './dialect.js';

/** The names of one query, quoted by its dialect where they hold user text. */
export interface SqlNames {
  /** The column holding a breakdown dimension. */
  dimColumn(name: string): string;
  /** The column holding a per key. */
  keyColumn(id: string): string;
  /** The columns of a level, in order: dimensions, then keys. */
  levelColumns(level: Level): string[];
  /** The CTE with a source's typed rows. */
  sourceCte(source: string): string;
  /** The CTE of a lookup table. */
  lookupCte(id: string): string;
  /** The table (CTE) holding one level of a scan. */
  scanLevelTable(scan: Scan, level: number): string;
}

/** The names for a dialect. */
export function sqlNames(dialect: Dialect): SqlNames {
  const dimColumn = (name: string): string => dialect.quoteIdentifier(`d_${name}`);
  const keyColumn = (id: string): string => id;
  return {
    dimColumn,
    keyColumn,
    levelColumns: (level) => [...level.dims.map(dimColumn), ...level.keys.map(keyColumn)],
    sourceCte: (source) => `src_${source}`,
    lookupCte: (id) => `lk_${id}`,
    scanLevelTable: (scan, level) => (scan.levels.length > 1 ? `${scan.id}_l${level}` : scan.id),
  };
}
