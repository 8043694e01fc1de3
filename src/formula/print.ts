/**
 * The canonical text of a formula AST: lower-case keywords, single spaces around binary operators,
 * `, ` between arguments, clauses in the order `where`, `on`, `per`, and only the parentheses
 * that precedence and associativity require. `parseFormula(printFormula(e))` gives `e` back
 * (spans aside), and printing is idempotent.
 */
import { isLiteral, type BinaryOperator, type CallArgument, type Expr, type PointSpec } from './ast.js';
import { quoteString } from './literals.js';

/** Binding strength of each level, low to high (LANGUAGE.md §5). */
export const PRECEDENCE = {
  or: 1,
  and: 2,
  not: 3,
  comparison: 4,
  additive: 5,
  multiplicative: 6,
  unary: 7,
  primary: 8,
} as const;

const BINARY_LEVEL = {
  or: PRECEDENCE.or,
  and: PRECEDENCE.and,
  '=': PRECEDENCE.comparison,
  '!=': PRECEDENCE.comparison,
  '<': PRECEDENCE.comparison,
  '<=': PRECEDENCE.comparison,
  '>': PRECEDENCE.comparison,
  '>=': PRECEDENCE.comparison,
  '+': PRECEDENCE.additive,
  '-': PRECEDENCE.additive,
  '*': PRECEDENCE.multiplicative,
  '/': PRECEDENCE.multiplicative,
} as const satisfies Record<BinaryOperator, number>;

/** The precedence level an expression is parsed at (how tightly it binds). */
export function precedenceOf(expr: Expr): number {
  // A negative number prints with its sign, which binds like a unary minus.
  if (expr.kind === 'number') return expr.value < 0 || Object.is(expr.value, -0) ? PRECEDENCE.unary : PRECEDENCE.primary;
  if (isLiteral(expr)) return PRECEDENCE.primary;
  switch (expr.kind) {
    case 'binary':
      return BINARY_LEVEL[expr.op];
    case 'unary':
      return expr.op === 'not' ? PRECEDENCE.not : PRECEDENCE.unary;
    case 'in':
    case 'between':
    case 'is-null':
      return PRECEDENCE.comparison;
    case 'name':
    case 'index':
    case 'call':
    case 'error':
      return PRECEDENCE.primary;
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** Prints a formula in canonical form. */
export function printFormula(expr: Expr): string {
  return print(expr);
}

/** Prints `expr`, in parentheses when it binds more loosely than `required`. */
function operand(expr: Expr, required: number): string {
  const text = print(expr);
  return precedenceOf(expr) < required ? `(${text})` : text;
}

function print(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return `${formatNumber(expr.value)}${expr.percent ? '%' : ''}`;
    case 'string':
      return quoteString(expr.value);
    case 'date':
      return `date ${quoteString(expr.value)}`;
    case 'boolean':
      return expr.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'duration':
      return `${formatNumber(expr.amount)} ${expr.unit}${expr.amount === 1 ? '' : 's'}`;
    case 'name':
      return expr.parts.map((p) => p.name).join('.');
    case 'index':
      return `${print(expr.target)}[${print(expr.index)}]`;
    case 'unary':
      return printUnary(expr.op, expr.operand);
    case 'binary': {
      const level = BINARY_LEVEL[expr.op];
      // Comparisons do not associate; the others associate to the left.
      const leftLevel = level === PRECEDENCE.comparison ? level + 1 : level;
      return `${operand(expr.left, leftLevel)} ${expr.op} ${operand(expr.right, level + 1)}`;
    }
    case 'in': {
      const list = expr.list.map(print).join(', ');
      return `${operand(expr.operand, PRECEDENCE.additive)} ${expr.negated ? 'not in' : 'in'} (${list})`;
    }
    case 'between': {
      const parts = [expr.operand, expr.low, expr.high].map((e) => operand(e, PRECEDENCE.additive));
      return `${parts[0]} ${expr.negated ? 'not between' : 'between'} ${parts[1]} and ${parts[2]}`;
    }
    case 'is-null':
      return `${operand(expr.operand, PRECEDENCE.additive)} is ${expr.negated ? 'not null' : 'null'}`;
    case 'call':
      return `${expr.name}(${expr.args.map(printArgument).join(', ')})`;
    case 'error':
      return '<error>';
    default: {
      const never: never = expr;
      return never;
    }
  }
}

function printUnary(op: '-' | '+' | 'not', inner: Expr): string {
  if (op === 'not') return `not ${operand(inner, PRECEDENCE.not)}`;
  const text = operand(inner, PRECEDENCE.unary);
  // `- -x`, not `--x`: keeps two signs two tokens, and readable.
  return /^[-+]/.test(text) ? `${op} ${text}` : `${op}${text}`;
}

function printArgument(arg: CallArgument): string {
  let text = print(arg.value);
  if (arg.where !== undefined) text += ` where ${print(arg.where)}`;
  if (arg.on !== undefined) text += ` on ${print(arg.on)}`;
  if (arg.per !== undefined) text += ` per ${print(arg.per)}`;
  if (arg.asAt !== undefined) text += ` as at ${printPoint(arg.asAt)}`;
  return text;
}

/** `end`, `start`, `week 3`. */
function printPoint(point: PointSpec): string {
  return point.n === undefined ? point.at : `${point.at} ${point.n}`;
}

/** Shortest text that reads back as the same number (no `_` separators). */
function formatNumber(value: number): string {
  return String(value);
}
