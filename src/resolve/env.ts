/**
 * Shared state of one resolution run: the catalog, the diagnostics found so far, and caches of
 * parsed formulas and resolved definitions.
 */
import { catalogIndex, type CatalogIndex } from './catalog-index.js';
import { diagnostic, type Diagnostic, type DiagnosticExtras } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import type { Expr, LiteralExpr } from '../formula/ast.js';
import { percentFraction } from '../formula/literals.js';
import { parseFormula } from '../formula/parse.js';
import { scalarSubSpan } from '../load/tree.js';
import type { Catalog, ColumnType, FormulaText, SourceDef } from '../model/types.js';
import type { RowExpr, RowLiteral, Typed } from './types.js';

/** The state threaded through the resolver. */
export interface ResolveEnv {
  readonly catalog: Catalog;
  readonly diagnostics: Diagnostic[];
  /** Parsed formulas, so each is parsed (and its syntax errors reported) once. */
  readonly parsed: Map<FormulaText, Expr>;
  /** Resolved definitions and dimensions by `source.name`; `null` while being resolved. */
  readonly named: Map<string, RowExpr | null>;
  /** Which sources have a name, and the name sets of did-you-mean hints, built once when needed. */
  readonly index: CatalogIndex;
}

/** A fresh environment for `catalog`. */
export function createEnv(catalog: Catalog): ResolveEnv {
  return { catalog, diagnostics: [], parsed: new Map(), named: new Map(), index: catalogIndex(catalog) };
}

/** Records a diagnostic. */
export function report(env: ResolveEnv, code: DiagnosticCode, span: Span, message: string, extras?: DiagnosticExtras): void {
  env.diagnostics.push(diagnostic(code, span, message, extras));
}

/** Parses a formula once, reporting its syntax errors at their place in the YAML file. */
export function parseOnce(env: ResolveEnv, formula: FormulaText): Expr {
  const cached = env.parsed.get(formula);
  if (cached !== undefined) return cached;
  const result = parseFormula(formula.text, (start, end) => scalarSubSpan(formula.node, start, end));
  env.diagnostics.push(...result.diagnostics);
  env.parsed.set(formula, result.value);
  return result.value;
}

/** The value type and unit a declared column type reads as. */
export function columnTyped(type: ColumnType): Typed {
  switch (type) {
    case 'string':
      return { type: 'string' };
    case 'integer':
    case 'number':
      return { type: 'number', unit: 'number' };
    case 'money':
      return { type: 'number', unit: 'money' };
    case 'percent':
      return { type: 'number', unit: 'percent' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'date' };
    case 'timestamp':
      return { type: 'timestamp' };
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** Whether `name` is a column, definition, dimension or join of `source`. */
export function sourceHas(source: SourceDef, name: string): boolean {
  return source.columns.has(name) || source.definitions.has(name) || source.dimensions.has(name) || source.joins.has(name);
}

/** An error stand-in for a row expression that did not resolve. */
export const ROW_ERROR: RowExpr = { kind: 'literal', value: null, type: 'error' };

/** Describes a type for messages. */
export function describeType(t: Typed): string {
  switch (t.type) {
    case 'number':
      return t.unit === undefined ? 'a number' : t.unit === 'count' ? 'a count' : `a ${t.unit} value`;
    case 'string':
      return 'a string';
    case 'date':
      return 'a date';
    case 'timestamp':
      return 'a timestamp';
    case 'boolean':
      return 'a condition (true/false)';
    case 'null':
      return 'null';
    case 'error':
      return 'an invalid value';
    default: {
      const never: never = t.type;
      return never;
    }
  }
}

/**
 * A literal, the same at row and KPI level (`15%` is 0.15 with unit percent). A duration is not a
 * value: it is reported here, since only window arguments take one (read before this is called).
 */
export function resolveLiteral(env: ResolveEnv, ast: LiteralExpr): RowLiteral {
  switch (ast.kind) {
    case 'number':
      return {
        kind: 'literal',
        value: ast.percent ? percentFraction(ast.value) : ast.value,
        type: 'number',
        unit: ast.percent ? 'percent' : undefined,
      };
    case 'string':
      return { kind: 'literal', value: ast.value, type: 'string' };
    case 'date':
      return { kind: 'literal', value: ast.value, type: 'date' };
    case 'boolean':
      return { kind: 'literal', value: ast.value, type: 'boolean' };
    case 'null':
      return { kind: 'literal', value: null, type: 'null' };
    case 'duration':
      report(env, 'resolve/bad-argument', ast.span, 'a duration only makes sense as the window of prior, change, growth or rolling');
      return { kind: 'literal', value: null, type: 'error' };
    default: {
      const never: never = ast;
      return never;
    }
  }
}
