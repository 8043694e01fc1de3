/**
 * An alert's condition, from the formula language to a json-rules-engine condition: `and`, `or`
 * and `not` become `all`, `any` and `not`; each comparison, `in`, `between` and `is null` becomes a
 * fact compared with a literal (or with another fact). A fact is any KPI-level expression
 * (`growth(open_pipeline_eop, 1 month)`, `bookings / quota`), resolved by the language's own
 * resolver, or `status(KPI)` — the KPI's status at the node. A condition that is not a test of
 * such values is `alert/not-a-condition` at the part at fault.
 */
import type { BinaryOperator, Expr } from '../formula/ast.js';
import { forEachKpi } from '../resolve/kpi-walk.js';
import { report, resolveKpiPart, type CheckContext } from '../resolve/check-context.js';
import type { CompiledCondition, Fact, RuleCondition } from './model.js';

const OPERATORS: Partial<Record<BinaryOperator, string>> = {
  '=': 'equal',
  '!=': 'notEqual',
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
};

const FLIPPED: Readonly<Record<string, string>> = {
  equal: 'equal',
  notEqual: 'notEqual',
  lessThan: 'greaterThan',
  lessThanInclusive: 'greaterThanInclusive',
  greaterThan: 'lessThan',
  greaterThanInclusive: 'lessThanInclusive',
};

type Literal = number | string | boolean | null;

interface Compiler {
  readonly ctx: CheckContext;
  readonly owner: string;
  readonly text: (e: Expr) => string;
  readonly facts: Fact[];
  readonly kpis: Set<string>;
  /** Facts tested by `is null`: they may be null; every other fact must have a value. */
  readonly nullable: Set<string>;
  /** Fact ids are this prefix and a number (an escalation's facts differ from the alert's). */
  readonly prefix: string;
  ok: boolean;
}

function literalOf(e: Expr): { value: Literal } | undefined {
  switch (e.kind) {
    case 'number':
      return { value: e.percent ? e.value / 100 : e.value };
    case 'string':
    case 'date':
    case 'boolean':
      return { value: e.value };
    case 'null':
      return { value: null };
    case 'unary': {
      const inner = e.op === 'not' ? undefined : literalOf(e.operand);
      return inner === undefined || typeof inner.value !== 'number' ? undefined : { value: e.op === '-' ? -inner.value : inner.value };
    }
    default:
      return undefined;
  }
}

function refuse(c: Compiler, e: Expr, message: string, hint?: string): RuleCondition {
  c.ok = false;
  report(c.ctx, 'alert/not-a-condition', e.span, message, { hint });
  return { all: [] };
}

/** The fact an operand stands for (registered once per text). */
function factOf(c: Compiler, e: Expr): string | undefined {
  const text = c.text(e);
  const known = c.facts.find((f) => f.text === text);
  if (known !== undefined) return known.id;
  if (e.kind === 'call' && e.name.toLowerCase() === 'status') {
    const arg = e.args[0]?.value;
    const id = arg?.kind === 'name' && arg.parts.length === 1 ? arg.parts[0]?.name : undefined;
    if (id === undefined || e.args.length !== 1 || !c.ctx.resolved.kpis.has(id)) {
      report(
        c.ctx,
        id === undefined ? 'alert/not-a-condition' : 'alert/unknown-reference',
        arg?.span ?? e.span,
        id === undefined ? '`status(…)` takes one KPI, e.g. `status(win_rate)`' : `unknown KPI \`${id}\``,
      );
      c.ok = false;
      return undefined;
    }
    c.kpis.add(id);
    const fact: Fact = { kind: 'status', id: `${c.prefix}${c.facts.length}`, text, kpi: id, span: e.span };
    c.facts.push(fact);
    return fact.id;
  }
  const before = c.ctx.env.diagnostics.length;
  const expr = resolveKpiPart(c.ctx, e, c.owner);
  if (c.ctx.env.diagnostics.length > before || expr.type === 'error') {
    c.ok = false;
    return undefined;
  }
  if (expr.type !== 'number') {
    refuse(c, e, `\`${text}\` is not a number: compare a KPI value, e.g. \`win_rate < 20%\``);
    return undefined;
  }
  forEachKpi(expr, (n) => {
    if (n.kind === 'kpi') c.kpis.add(n.id);
  });
  const fact: Fact = { kind: 'value', id: `${c.prefix}${c.facts.length}`, text, expr, span: e.span };
  c.facts.push(fact);
  return fact.id;
}

function compare(c: Compiler, e: Expr, operator: string, left: Expr, right: Expr): RuleCondition {
  const l = literalOf(left);
  const r = literalOf(right);
  if (l !== undefined && r !== undefined) return refuse(c, e, 'this comparison has no KPI value in it: it is always true or always false');
  if (l !== undefined) return compare(c, e, FLIPPED[operator] ?? operator, right, left);
  const fact = factOf(c, left);
  if (fact === undefined) return { all: [] };
  if (r !== undefined) return { fact, operator, value: r.value };
  const other = factOf(c, right);
  return other === undefined ? { all: [] } : { fact, operator, value: { fact: other } };
}

function compile(c: Compiler, e: Expr): RuleCondition {
  switch (e.kind) {
    case 'binary': {
      if (e.op === 'and' || e.op === 'or') {
        const parts = [compile(c, e.left), compile(c, e.right)].flatMap((p) =>
          e.op === 'and' && 'all' in p ? p.all : e.op === 'or' && 'any' in p ? p.any : [p],
        );
        return e.op === 'and' ? { all: parts } : { any: parts };
      }
      const operator = OPERATORS[e.op];
      if (operator === undefined) break;
      return compare(c, e, operator, e.left, e.right);
    }
    case 'unary':
      if (e.op === 'not') return { not: compile(c, e.operand) };
      break;
    case 'in': {
      const values = e.list.map(literalOf);
      if (values.some((v) => v === undefined))
        return refuse(c, e, "`in (…)` takes literals here, e.g. `status(win_rate) in ('amber', 'red')`");
      const fact = factOf(c, e.operand);
      return fact === undefined ? { all: [] } : { fact, operator: e.negated ? 'notIn' : 'in', value: values.map((v) => v?.value ?? null) };
    }
    case 'between': {
      const test: RuleCondition = {
        all: [compare(c, e, 'greaterThanInclusive', e.operand, e.low), compare(c, e, 'lessThanInclusive', e.operand, e.high)],
      };
      return e.negated ? { not: test } : test;
    }
    case 'is-null': {
      const fact = factOf(c, e.operand);
      if (fact !== undefined) c.nullable.add(fact);
      return fact === undefined ? { all: [] } : { fact, operator: e.negated ? 'notEqual' : 'equal', value: null };
    }
    case 'error':
      c.ok = false;
      return { all: [] };
    default:
      break;
  }
  return refuse(
    c,
    e,
    `\`${c.text(e)}\` is not a condition`,
    "compare KPI values with a number or a status, e.g. `growth(open_pipeline_eop, 1 month) < -15%` or `status(win_rate) = 'red'`",
  );
}

/**
 * Compiles a parsed condition; undefined when any part is at fault (reported). Every fact the
 * condition reads outside an `is null` test must have a value at the node: a figure that is
 * missing never fires an alert by being missing.
 */
export function compileCondition(
  ctx: CheckContext,
  e: Expr,
  owner: string,
  text: (e: Expr) => string,
  prefix = 'f',
): CompiledCondition | undefined {
  const c: Compiler = { ctx, owner, text, facts: [], kpis: new Set(), nullable: new Set(), prefix, ok: true };
  const condition = compile(c, e);
  if (!c.ok) return undefined;
  const present: RuleCondition[] = c.facts
    .filter((f) => !c.nullable.has(f.id))
    .map((f) => ({ fact: f.id, operator: 'notEqual', value: null }));
  return { condition: present.length === 0 ? condition : { all: [...present, condition] }, facts: c.facts, kpis: [...c.kpis].sort() };
}
