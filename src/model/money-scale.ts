/**
 * The decimal places of a `money` column: its `scale:`, else 2. Read by the data reader (money
 * columns become DECIMAL(38, scale)) and by the planner (values of a money column in a change log
 * are converted to the same type).
 */
import type { ColumnDef } from './types.js';

/** Decimal places of a money column without `scale:`. */
const DEFAULT_MONEY_SCALE = 2;

/** The decimal places a money column is read with. */
export function moneyScale(column: ColumnDef): number {
  return column.scale?.value ?? DEFAULT_MONEY_SCALE;
}
