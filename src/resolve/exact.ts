/**
 * Which results are exact decimals and which are real numbers (doubles). The rule follows the
 * SQL types the emitter produces, so it can be stated by operator (docs/language.md, "Exact and
 * real numbers"):
 *
 * - exact decimals: `money` columns and number literals;
 * - exact integers: `integer` columns, counts, `year`/`quarter`/`month`, `days_between` of dates;
 * - real: `number` and `percent` columns, lookups, and whatever divides (`/`, `growth`, `hhi`,
 *   `top_share`) or averages (`avg`, `median`, `percentile`, and the `per` forms of these).
 *
 * `+`, `−`, `*`, sign, `sum`, `min`, `max`, `abs`, `round`, `if`, `coalesce`, `nullif`, `least`,
 * `greatest`, windows (`prior`, `change`, `rolling`, `to_date`), `total`, `last` and `sum`/`min`/
 * `max … per` keep their operands' kind: real if any operand is real, else a decimal if any is
 * one, else an integer. A KPI whose unit is `money` and whose value is a decimal is exact.
 */
import { literalDecimal } from '../model/decimal.js';
import type { Catalog } from '../model/types.js';
import type { ResolvedCatalog, ResolvedKpi } from './resolved.js';
import type { KpiExpr, RowExpr } from './types.js';

/** The numeric kind of a value; `none` for non-numbers (strings, dates, booleans, null). */
type Kind = 'none' | 'integer' | 'decimal' | 'real';

const ORDER: readonly Kind[] = ['none', 'integer', 'decimal', 'real'];

/** The kind of a combination: real beats decimal beats integer. */
function join(kinds: readonly Kind[]): Kind {
  return kinds.reduce<Kind>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'none');
}

function literalKind(value: number | string | boolean | null): Kind {
  if (typeof value !== 'number') return 'none';
  const exact = literalDecimal(value);
  if (exact === undefined) return 'real';
  return exact.scale === 0 ? 'integer' : 'decimal';
}

/** The kind of a scalar function's value from its arguments' kinds. */
function callKind(fn: string, args: readonly Kind[], timestamps: boolean): Kind {
  switch (fn) {
    case 'if':
      return join(args.slice(1));
    case 'coalesce':
    case 'least':
    case 'greatest':
      return join(args);
    case 'nullif':
    case 'abs':
    case 'round':
      return args[0] ?? 'none';
    case 'days_between':
      return timestamps ? 'real' : 'integer';
    case 'months_between':
    case 'year':
    case 'quarter':
    case 'month':
      return 'integer';
    default:
      return 'none';
  }
}

function binaryKind(op: string, left: Kind, right: Kind): Kind {
  if (op === '/') return 'real';
  return op === '+' || op === '-' || op === '*' ? join([left, right]) : 'none';
}

function rowKind(catalog: Catalog, e: RowExpr): Kind {
  const sub = (x: RowExpr): Kind => rowKind(catalog, x);
  switch (e.kind) {
    case 'literal':
      return literalKind(e.value);
    case 'column': {
      const type = catalog.sources.get(e.source)?.columns.get(e.column)?.type.value;
      return type === 'money' ? 'decimal' : type === 'integer' ? 'integer' : type === 'number' || type === 'percent' ? 'real' : 'none';
    }
    case 'binary':
      return binaryKind(e.op, sub(e.left), sub(e.right));
    case 'unary':
      return e.op === '-' ? sub(e.operand) : 'none';
    case 'call':
      return callKind(
        e.fn,
        e.args.map(sub),
        e.args.some((a) => a.type === 'timestamp'),
      );
    case 'lookup':
      return 'real';
    case 'in':
    case 'between':
    case 'is-null':
    case 'dimension':
    case 'map':
      return 'none';
    default: {
      const never: never = e;
      return never;
    }
  }
}

function kpiKind(resolved: ResolvedCatalog, e: KpiExpr): Kind {
  const sub = (x: KpiExpr): Kind => kpiKind(resolved, x);
  switch (e.kind) {
    case 'literal':
      return literalKind(e.value);
    case 'aggregate': {
      const fn = e.fn;
      switch (fn) {
        case 'count':
        case 'count_distinct':
          return 'integer';
        case 'sum':
        case 'min':
        case 'max':
          return e.value === undefined ? 'none' : rowKind(resolved.catalog, e.value);
        case 'avg':
        case 'median':
        case 'percentile':
          return 'real';
        default: {
          const never: never = fn;
          return never;
        }
      }
    }
    case 'kpi': {
      const target = resolved.kpis.get(e.id);
      return target === undefined ? 'none' : sub(target.expr);
    }
    case 'binary':
      return binaryKind(e.op, sub(e.left), sub(e.right));
    case 'unary':
      return e.op === '-' ? sub(e.operand) : 'none';
    case 'call':
      return callKind(e.fn, e.args.map(sub), false);
    case 'window':
    case 'total':
      return sub(e.expr);
    case 'per':
      return e.fn === 'sum' || e.fn === 'min' || e.fn === 'max' ? sub(e.expr) : e.fn === 'count' ? 'integer' : 'real';
    case 'predicate':
      return 'none';
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Whether a KPI's values are exact decimals: its unit is money and nothing real enters it. */
export function isExactKpi(resolved: ResolvedCatalog, kpi: ResolvedKpi): boolean {
  return kpi.unit === 'money' && kpiKind(resolved, kpi.expr) === 'decimal';
}
