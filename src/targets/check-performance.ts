/**
 * The performance settings written on KPIs: target forms, thresholds, scoring, missing-data
 * policy, seasonal shares, per-scope and per-period overrides, and exception rules. Checked for
 * every KPI, whether or not a scorecard uses it yet.
 */
import type { ExceptionDef } from '../model/types.js';
import type { ResolvedKpi } from '../resolve/resolved.js';
import {
  checkCondition,
  report,
  reportUnknown,
  resolveKpiFormula,
  resolveRowFormula,
  type CheckContext,
} from '../resolve/check-context.js';
import { checkScoring, checkSeasonal, checkTarget, checkThresholds } from './check-settings.js';
import type { ExceptionSpec, KpiPerformance, OverrideSpec } from './settings.js';

function checkException(ctx: CheckContext, kpi: ResolvedKpi, e: ExceptionDef): ExceptionSpec | undefined {
  const { sources } = ctx.resolved.catalog;
  let sourceId: string | undefined;
  if (e.source !== undefined) {
    if (!sources.has(e.source.value)) {
      reportUnknown(ctx, 'scorecard/unknown-source', e.source.span, 'source', e.source.value, sources.keys());
      return undefined;
    }
    sourceId = e.source.value;
  } else if (kpi.sources.length === 1) {
    sourceId = kpi.sources[0];
  } else {
    const why = kpi.sources.length === 0 ? 'it aggregates no source' : `it aggregates ${kpi.sources.map((s) => `\`${s}\``).join(' and ')}`;
    report(ctx, 'scorecard/bad-exception', e.rule.span, `exception \`${e.rule.value}\` of \`${kpi.id}\` needs \`source:\`: ${why}`, {
      hint: kpi.sources.length > 0 ? `add \`source: ${kpi.sources[0] ?? ''}\`` : undefined,
    });
    return undefined;
  }
  const source = sourceId === undefined ? undefined : sources.get(sourceId);
  if (source === undefined || e.value === undefined || e.above === undefined) return undefined;
  const where = e.where === undefined ? undefined : resolveRowFormula(ctx, e.where, source);
  if (where !== undefined && e.where !== undefined) checkCondition(ctx, where, e.where);
  const value = resolveRowFormula(ctx, e.value, source);
  if (value.type !== 'number' && value.type !== 'error') {
    report(
      ctx,
      'resolve/type-mismatch',
      e.value.node.span,
      `the value an exception tests must be a number, e.g. \`amount\`; \`${e.value.text}\` is not`,
    );
  }
  const above = resolveKpiFormula(ctx, e.above, kpi.id);
  if (above.type !== 'number' && above.type !== 'error') {
    report(ctx, 'resolve/type-mismatch', e.above.node.span, `the limit of an exception must be a number or a formula giving one`);
  }
  if (value.type !== 'number' || above.type !== 'number' || where?.type === 'error') return undefined;
  return {
    rule: e.rule.value,
    title: e.title ?? 'exceptional rows',
    source: source.id,
    where,
    value,
    above,
    action: e.action?.value ?? 'exclude',
  };
}

/** Checks a list of exception rules of `kpi` (each rule name once). */
export function checkExceptions(ctx: CheckContext, kpi: ResolvedKpi, list: readonly ExceptionDef[]): ExceptionSpec[] {
  const exceptions: ExceptionSpec[] = [];
  const rules = new Map<string, ExceptionDef>();
  for (const e of list) {
    const first = rules.get(e.rule.value);
    if (first !== undefined) {
      report(ctx, 'scorecard/bad-exception', e.rule.span, `exception rule \`${e.rule.value}\` is listed twice for \`${kpi.id}\``, {
        related: [{ span: first.rule.span, message: 'first listed here' }],
      });
      continue;
    }
    rules.set(e.rule.value, e);
    const spec = checkException(ctx, kpi, e);
    if (spec !== undefined) exceptions.push(spec);
  }
  return exceptions;
}

/** The performance settings of one KPI (diagnostics go to the context). */
function checkKpiPerformance(ctx: CheckContext, kpi: ResolvedKpi): KpiPerformance {
  const def = kpi.def;
  const overrides: OverrideSpec[] = [];
  def.overrides.forEach((o, i) => {
    const resolvedOverride = kpi.overrides[i];
    if (resolvedOverride === undefined) return;
    overrides.push({
      where: resolvedOverride.where,
      period: o.period?.value,
      target: checkTarget(ctx, kpi, o.target, o.baseline, resolvedOverride.target),
      thresholds: checkThresholds(ctx, o.thresholds, def.direction),
      span: o.span,
    });
  });
  const exceptions = checkExceptions(ctx, kpi, def.exceptions ?? []);
  return {
    target: checkTarget(ctx, kpi, def.target, def.baseline, kpi.target),
    thresholds: checkThresholds(ctx, def.thresholds, def.direction),
    scoring: checkScoring(ctx, def.scoring, def.direction),
    missing: def.missing?.value,
    seasonal: checkSeasonal(ctx, def.seasonal),
    overrides,
    exceptions,
  };
}

/**
 * The judgement settings of every KPI of the context's catalog, by KPI id (diagnostics go to the
 * context). Every KPI is checked, whether or not anything judges it yet.
 */
export function checkPerformance(ctx: CheckContext): ReadonlyMap<string, KpiPerformance> {
  const out = new Map<string, KpiPerformance>();
  for (const kpi of ctx.resolved.kpis.values()) out.set(kpi.id, checkKpiPerformance(ctx, kpi));
  return out;
}
