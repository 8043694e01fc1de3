/**
 * A dialect that spells every engine-specific construct as a marker no engine knows
 * (`CAST_real(…)`, `KEEP_LAST(…)`, `PERIODS_month(…)`), over standard quoting. Queries emitted in
 * it show what the emitter writes by itself: if any DuckDB spelling remains, the emitter bypassed
 * the `Dialect` interface.
 */
import type { Dialect } from '../../src/sql/dialect.js';
import type { SourceReader } from '../../src/sql/source-reader.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The marker dialect. */
export const marker: Dialect = {
  name: 'marker',
  quoteIdentifier: quote,
  stringLiteral: (text) => `'${text.replaceAll("'", "''")}'`,
  numberLiteral: (value) => `NUM(${value})`,
  dateLiteral: (iso) => `DATE_LIT('${iso}')`,
  cast: (expr, type) => `CAST_${type}(${expr})`,
  parseText: (expr, as) => `PARSE_${as}(${expr})`,
  round: (value, digits) => `ROUND_OF(${value}${digits === undefined ? '' : `, ${digits}`})`,
  decimal: (expr, scale) => `DECIMAL_${scale}(${expr})`,
  divide: (a, b) => `DIV(${a}, ${b})`,
  numberChoice: (fn, args) => `CHOICE_${fn}(${args.join(', ')})`,
  periodStart: (expr, unit, calendar) => `PERIOD_START_${unit}_${calendar.fiscalYearStart}_${calendar.weekStart}(${expr})`,
  addToDate: (expr, amount, unit) => `ADD_${unit}(${expr}, ${amount})`,
  periodSeries: (from, to, grain, relation) => `SELECT p AS period FROM ${relation} CROSS JOIN PERIODS_${grain}(${from}, ${to})`,
  daysBetween: (a, b, fractional) => `DAYS_${fractional ? 'EXACT' : 'WHOLE'}(${a}, ${b})`,
  monthsBetween: (a, b) => `MONTHS(${a}, ${b})`,
  fiscalYear: (expr) => `FISCAL_YEAR(${expr})`,
  fiscalQuarter: (expr) => `FISCAL_QUARTER(${expr})`,
  month: (expr) => `MONTH_OF(${expr})`,
  sameValue: (a, b) => `SAME(${a}, ${b})`,
  aggregate: (fn, value, filter, fraction) =>
    `AGG_${fn}(${value ?? 'ROWS'}${fraction === undefined ? '' : `, ${fraction}`}${filter === undefined ? '' : ` IF ${filter}`})`,
  groupingMask: (columns) => `GROUPING_MASK(${columns.join(', ')})`,
  carryForward: (value, partitionBy, orderBy, direction) => `CARRY_${direction}(${value} BY ${partitionBy} ORDER ${orderBy})`,
  anyTrue: (condition) => `ANY_TRUE(${condition})`,
  topShare: (value, n) => `TOP_SHARE(${value}, ${n})`,
  keepLast: (relation, alias, column, partitionBy) =>
    `SELECT * FROM ${relation} KEEP_LAST(${alias}.${column} BY ${partitionBy.join(', ')})`,
  allColumnsExcept: (qualifier, all, excluded) =>
    all
      .filter((c) => !excluded.includes(c))
      .map((c) => (qualifier === undefined ? c : `${qualifier}.${c}`))
      .join(', '),
  spread: (columns) => `SPREAD(${columns.map((c) => `${quote(c.name)}: ${c.values.join(', ')}`).join('; ')})`,
  cte: (name, sql, inline) => `${quote(name)} AS ${inline ? 'INLINE ' : ''}(${sql})`,
};

/** Sources read as tables named after them. */
export const markerSources: SourceReader = { dialect: 'marker', relation: (source) => `SELECT * FROM ${quote(`table_${source}`)}` };
