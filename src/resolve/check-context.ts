/**
 * What the checks of the kinds read after the catalog is resolved share — hierarchies (src/org/),
 * the judgement settings of KPIs (src/targets/), scorecards and roles (src/scorecard/), and later
 * plans and alerts: the resolved catalog, one resolver environment (so formulas written in those
 * kinds are parsed and resolved by the formula language's own resolver, with its own
 * diagnostics), and small helpers to report at exact positions.
 */
import { diagnostic, type DiagnosticExtras } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Expr } from '../formula/ast.js';
import type { FormulaText, SourceDef } from '../model/types.js';
import { createEnv, parseOnce, type ResolveEnv } from './env.js';
import { resolveKpiExpr, type KpiScope } from './kpi-expr.js';
import type { ResolvedCatalog } from './resolved.js';
import { resolveRow } from './row.js';
import type { KpiExpr, RowExpr } from './types.js';

/** The state of one run of these checks; diagnostics collect in `env.diagnostics`. */
export interface CheckContext {
  readonly resolved: ResolvedCatalog;
  readonly env: ResolveEnv;
}

/** A fresh context over a resolved catalog. */
export function createCheckContext(resolved: ResolvedCatalog): CheckContext {
  return { resolved, env: createEnv(resolved.catalog) };
}

/** Records a diagnostic. */
export function report(ctx: CheckContext, code: DiagnosticCode, span: Span, message: string, extras?: DiagnosticExtras): void {
  ctx.env.diagnostics.push(diagnostic(code, span, message, extras));
}

/** The scope in which KPI-level formulas of the new kinds name the catalog's (resolved) KPIs. */
function kpiScope(ctx: CheckContext, owner: string): KpiScope {
  const { kpis } = ctx.resolved;
  return {
    owner,
    kpi: (id, ref) => {
      const k = kpis.get(id);
      return k === undefined ? undefined : { kind: 'kpi', id, span: ref.span, type: k.type, unit: k.unit };
    },
    kpiSources: (id) => new Set(kpis.get(id)?.sources ?? []),
  };
}

/** Resolves a KPI-level formula (a target, a baseline, an exception's limit). */
export function resolveKpiFormula(ctx: CheckContext, formula: FormulaText, owner: string): KpiExpr {
  return resolveKpiExpr(ctx.env, parseOnce(ctx.env, formula), kpiScope(ctx, owner));
}

/** Parses a formula of a later kind once (syntax problems reported), for checks that walk its syntax first. */
export function parseKindFormula(ctx: CheckContext, formula: FormulaText): Expr {
  return parseOnce(ctx.env, formula);
}

/** Resolves one part of a parsed KPI-level formula (an operand of an alert's comparison). */
export function resolveKpiPart(ctx: CheckContext, expr: Expr, owner: string): KpiExpr {
  return resolveKpiExpr(ctx.env, expr, kpiScope(ctx, owner));
}

/** Resolves a row formula over `source` (a hierarchy level, a role's members, an exception test). */
export function resolveRowFormula(ctx: CheckContext, formula: FormulaText, source: SourceDef): RowExpr {
  return resolveRow(ctx.env, parseOnce(ctx.env, formula), { source });
}

/** Reports a formula that should be a condition but is not. */
export function checkCondition(ctx: CheckContext, expr: RowExpr, formula: FormulaText): void {
  if (expr.type !== 'boolean' && expr.type !== 'error') {
    report(
      ctx,
      'resolve/type-mismatch',
      formula.node.span,
      `\`${formula.text}\` must be a condition (true or false), e.g. \`region = 'EMEA'\``,
    );
  }
}

/** "unknown X `name`" with a did-you-mean hint, at `span`. */
export function reportUnknown(
  ctx: CheckContext,
  code: DiagnosticCode,
  span: Span,
  what: string,
  name: string,
  candidates: Iterable<string>,
): void {
  const list = [...candidates];
  report(ctx, code, span, `unknown ${what} \`${name}\``, {
    hint: didYouMean(name, list) ?? (list.length > 0 && list.length <= 12 ? `known: ${list.sort().join(', ')}` : undefined),
  });
}
