/**
 * What the scorecard checks share: the resolved catalog, one resolver environment (so formulas in
 * the new kinds are parsed and resolved by the formula language's own resolver, with its own
 * diagnostics), and small helpers to report at exact positions.
 */
import { diagnostic, type DiagnosticExtras } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { FormulaText, SourceDef } from '../model/types.js';
import { createEnv, parseOnce, type ResolveEnv } from '../resolve/env.js';
import { resolveKpiExpr, type KpiScope } from '../resolve/kpi-expr.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { resolveRow } from '../resolve/row.js';
import type { KpiExpr, RowExpr, Typed } from '../resolve/types.js';

/** The state of one run of the scorecard checks; diagnostics collect in `env.diagnostics`. */
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

/** Resolves a row formula over `source` (a hierarchy level, a role's members, an exception test). */
export function resolveRowFormula(ctx: CheckContext, formula: FormulaText, source: SourceDef): RowExpr {
  return resolveRow(ctx.env, parseOnce(ctx.env, formula), { source });
}

/**
 * Resolves a condition on hierarchy levels (`region = 'EMEA'`). An unknown name is reported as an
 * unknown level of `hierarchy`, with the nearest level suggested.
 */
export function resolveLevelCondition(ctx: CheckContext, formula: FormulaText, levels: readonly string[], hierarchy: string): RowExpr {
  const scratch: ResolveEnv = { ...ctx.env, diagnostics: [] };
  const dimensions = new Map<string, Typed>(levels.map((l) => [l, { type: 'string' }]));
  const expr = resolveRow(scratch, parseOnce(scratch, formula), { dimensions });
  for (const d of scratch.diagnostics) {
    if (d.code !== 'resolve/unknown-dimension') {
      ctx.env.diagnostics.push(d);
      continue;
    }
    const name = /^`([^`]*)`/.exec(d.message)?.[1] ?? '';
    report(ctx, 'scorecard/unknown-level', d.span, `\`${name}\` is not a level of hierarchy \`${hierarchy}\``, {
      hint: didYouMean(name, levels) ?? `levels: ${levels.join(', ')}`,
    });
  }
  checkCondition(ctx, expr, formula);
  return expr;
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
