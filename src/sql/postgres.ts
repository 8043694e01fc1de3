/**
 * The PostgreSQL dialect (PostgreSQL 12 or later: `NOT MATERIALIZED` CTEs). Written to give
 * DuckDB's numbers: real division of integers, DuckDB's month differences at the end of a month,
 * continuous medians on doubles, decimals that keep every digit (PostgreSQL's NUMERIC does).
 */
import type { Calendar, TimeUnit } from '../query/ir.js';
import type { Dialect, SqlType } from './dialect.js';
import { exactNumericLiteral } from './exact-literal.js';
import { filterClause, plainAggregate } from './filtered-aggregate.js';
import { quoteIdentifier, stringLiteral } from './quote.js';

const MONTHS: Readonly<Record<TimeUnit, number>> = { day: 0, week: 0, month: 1, quarter: 3, year: 12 };

const TYPES = {
  string: 'TEXT',
  real: 'DOUBLE PRECISION',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  boolean: 'BOOLEAN',
} as const satisfies Record<SqlType, string>;

const cast = (expr: string, type: SqlType): string => `CAST(${expr} AS ${TYPES[type]})`;

function interval(amount: number, unit: TimeUnit): string {
  const months = MONTHS[unit];
  if (months > 0) return `INTERVAL '${amount * months} months'`;
  return `INTERVAL '${unit === 'week' ? amount * 7 : amount} days'`;
}

/** A date part of a DATE or TIMESTAMP as a BIGINT (`extract` gives NUMERIC). */
const part = (field: string, expr: string): string => `CAST(extract(${field} FROM ${expr}) AS BIGINT)`;

/** `expr` moved back by the months before the fiscal year's first month. */
function fiscal(expr: string, calendar: Calendar): string {
  return calendar.fiscalYearStart === 1 ? expr : `(${expr} - INTERVAL '${calendar.fiscalYearStart - 1} months')`;
}

// Period starts by date arithmetic (a DATE minus an INTEGER is a DATE): date_trunc would go
// through TIMESTAMP WITH TIME ZONE and so depend on the session's time zone.
function periodStart(expr: string, unit: TimeUnit, calendar: Calendar): string {
  switch (unit) {
    case 'day':
      return expr;
    case 'week':
      return calendar.weekStart === 'sunday'
        ? `(${expr} - CAST(extract(dow FROM ${expr}) AS INTEGER))`
        : `(${expr} - CAST(extract(isodow FROM ${expr}) AS INTEGER) + 1)`;
    case 'month':
      return `(${expr} - CAST(extract(day FROM ${expr}) AS INTEGER) + 1)`;
    case 'quarter':
    case 'year': {
      const span = unit === 'quarter' ? 3 : 12;
      const offset = (calendar.fiscalYearStart - 1) % span;
      // Month index since year 0 of the period's first month (integer division: the index is positive).
      const index = `((${part('year', expr)} * 12 + ${part('month', expr)} - ${1 + offset}) / ${span} * ${span} + ${offset})`;
      return `make_date(CAST(${index} / 12 AS INTEGER), CAST(${index} % 12 + 1 AS INTEGER), 1)`;
    }
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/**
 * Whole months from `a` to `b` when `a <= b`, as DuckDB counts them: complete months by `age`,
 * except that when `b` is the last day of its month, a later day of month in `a` counts as that
 * day (Jan 31 → Feb 28 is one month).
 */
function monthsForward(a: string, b: string): string {
  const lastDay = `extract(day FROM ${b} + INTERVAL '1 day') = 1`;
  const later = `extract(day FROM ${a}) > extract(day FROM ${b})`;
  const start = `(CASE WHEN ${lastDay} AND ${later} THEN ${a} - (extract(day FROM ${a}) - extract(day FROM ${b})) * INTERVAL '1 day' ELSE ${a} END)`;
  const age = `age(${b}, ${start})`;
  return `(${part('year', age)} * 12 + ${part('month', age)})`;
}

/** PostgreSQL. */
export const postgres: Dialect = {
  name: 'postgres',
  quoteIdentifier,
  // chr(0) is refused by PostgreSQL text, as it is by every PostgreSQL string: a NUL in a
  // literal is an error from the server, never a silently shortened string.
  stringLiteral,
  numberLiteral(value) {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    // A NUMERIC literal where it can be one, else a double.
    return exactNumericLiteral(value) ?? cast(String(value), 'real');
  },
  dateLiteral: (iso) => `DATE ${stringLiteral(iso)}`,
  // No TRY_CAST: only text shaped like a date (its first 10 characters) or a plain decimal is
  // converted, anything else is null.
  parseText: (expr, as) =>
    as === 'date'
      ? `(CASE WHEN ${expr} ~ '^\\d{4}-\\d{2}-\\d{2}' THEN CAST(substr(${expr}, 1, 10) AS DATE) END)`
      : `(CASE WHEN ${expr} ~ '^\\s*-?\\d+(\\.\\d+)?\\s*$' THEN CAST(${expr} AS NUMERIC) END)`,
  cast,
  // round of a double rounds half to even, and takes no places: NUMERIC rounds half away from zero.
  round: (value, digits) => `round(CAST(${value} AS NUMERIC)${digits === undefined ? '' : `, ${cast(digits, 'integer')}`})`,
  decimal: (expr, scale) => `CAST(${expr} AS NUMERIC(38, ${scale}))`,
  // `/` of two integers is integer division and of two NUMERICs a NUMERIC: both sides as doubles.
  divide: (a, b) => `(${cast(a, 'real')} / NULLIF(${cast(b, 'real')}, 0))`,
  // NUMERIC keeps every digit through CASE, coalesce, least and greatest.
  numberChoice(fn, args) {
    if (fn === 'if') return `(CASE WHEN ${args[0] ?? 'NULL'} THEN ${args[1] ?? 'NULL'} ELSE ${args[2] ?? 'NULL'} END)`;
    return `${fn}(${args.join(', ')})`;
  },
  periodStart,
  addToDate: (expr, amount, unit) =>
    amount === 0 ? expr : `CAST(${expr} ${amount < 0 ? '-' : '+'} ${interval(Math.abs(amount), unit)} AS DATE)`,
  periodSeries: (from, to, grain, relation) =>
    `SELECT CAST(s.p AS DATE) AS period FROM ${relation} CROSS JOIN LATERAL generate_series(CAST(${from} AS TIMESTAMP), CAST(${to} AS TIMESTAMP), ${interval(1, grain)}) AS s(p)`,
  daysBetween: (a, b, fractional) =>
    fractional
      ? `CAST((extract(epoch FROM CAST(${b} AS TIMESTAMP)) - extract(epoch FROM CAST(${a} AS TIMESTAMP))) / 86400 AS DOUBLE PRECISION)`
      : `(CAST(${b} AS DATE) - CAST(${a} AS DATE))`,
  monthsBetween(a, b) {
    const [ta, tb] = [cast(a, 'timestamp'), cast(b, 'timestamp')];
    return `(CASE WHEN ${tb} < ${ta} THEN -${monthsForward(tb, ta)} ELSE ${monthsForward(ta, tb)} END)`;
  },
  fiscalYear: (expr, calendar) => part('year', fiscal(expr, calendar)),
  fiscalQuarter: (expr, calendar) => part('quarter', fiscal(expr, calendar)),
  month: (expr) => part('month', expr),
  sameValue: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  aggregate(fn, value, filter, fraction) {
    const where = filterClause(filter);
    const v = value ?? '*';
    switch (fn) {
      case 'count':
      case 'count_distinct':
      case 'sum':
      case 'min':
      case 'max':
        return plainAggregate(fn, value, filter);
      // DuckDB's avg is a double, also of decimals.
      case 'avg':
        return `avg(${cast(v, 'real')})${where}`;
      case 'median':
      case 'percentile':
        return `percentile_cont(${fn === 'median' ? 0.5 : (fraction ?? 0.5)}) WITHIN GROUP (ORDER BY ${cast(v, 'real')})${where}`;
      default: {
        const never: never = fn;
        return never;
      }
    }
  },
  groupingMask: (columns) => `GROUPING(${columns.join(', ')})`,
  // No IGNORE NULLS in PostgreSQL's windows: the non-null values so far as an array (a window
  // aggregate may filter), indexed by their count — the last one, or null when there is none.
  carryForward(value, partitionBy, orderBy, direction) {
    const w = `OVER (PARTITION BY ${partitionBy} ORDER BY ${orderBy} ${direction === 'forward' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
    return `(array_agg(${value}) FILTER (WHERE ${value} IS NOT NULL) ${w})[count(${value}) ${w}]`;
  },
  anyTrue: (condition) => `bool_or(${condition})`,
  // The n largest values as an array slice, summed by a subquery (the aggregate is the outer query's).
  topShare: (value, n) =>
    `(${cast(`(SELECT sum(t.v) FROM unnest((array_agg(${value} ORDER BY ${value} DESC) FILTER (WHERE ${value} IS NOT NULL))[1:${n}]) AS t(v))`, 'real')} / NULLIF(${cast(`sum(${value})`, 'real')}, 0))`,
  // No QUALIFY: the whole row of `alias` travels as one composite value beside the window test.
  keepLast: (relation, alias, column, partitionBy) =>
    `SELECT (q.w).* FROM (SELECT ${alias} AS w, ${alias}.${column} = max(${alias}.${column}) OVER (${partitionBy.length === 0 ? '' : `PARTITION BY ${partitionBy.join(', ')}`}) AS keep FROM ${relation}) AS q WHERE q.keep`,
  // Set-returning functions in a select list run in lockstep (PostgreSQL 10 or later).
  spread: (columns) => columns.map((c) => `unnest(ARRAY[${c.values.join(', ')}]) AS ${quoteIdentifier(c.name)}`).join(', '),
  allColumnsExcept: (qualifier, all, excluded) =>
    all
      .filter((c) => !excluded.includes(c))
      .map((c) => (qualifier === undefined ? c : `${qualifier}.${c}`))
      .join(', '),
  cte: (name, sql, inline) => `${quoteIdentifier(name)} AS ${inline ? 'NOT MATERIALIZED ' : ''}(\n  ${sql}\n)`,
};
