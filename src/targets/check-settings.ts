/**
 * Checks of the settings that decide how a KPI is judged — targets (numbers, formulas, baselines),
 * thresholds, scoring and seasonal shares — wherever they are written: on the KPI, in its
 * overrides, or where a consumer uses the KPI (a scorecard's KPI entry). Each returns the resolved setting, or undefined when
 * it is absent or broken (a diagnostic then says why).
 */
import { parseFormula } from '../formula/parse.js';
import { scalarSubSpan } from '../load/tree.js';
import type { BaselineDef, FormulaText, ScoringDef, SeasonalDef, Thresholds } from '../model/types.js';
import type { ResolvedKpi } from '../resolve/resolved.js';
import type { Duration, KpiExpr } from '../resolve/types.js';
import { report, resolveKpiFormula, type CheckContext } from '../resolve/check-context.js';
import {
  DEFAULT_SCORING,
  DEFAULT_THRESHOLDS,
  type ScoringSpec,
  type SeasonalSpec,
  type TargetSpec,
  type ThresholdSpec,
} from './settings.js';

const pct = (x: number): string => `${Math.round(x * 10000) / 100}%`;

/** Thresholds as written → ordered status levels for a KPI going `direction`. */
export function checkThresholds(ctx: CheckContext, t: Thresholds | undefined, direction: 'up' | 'down'): ThresholdSpec | undefined {
  if (t === undefined) return undefined;
  const on = t.on?.value ?? 'attainment';
  if (on === 'value' && (t.green === undefined || t.amber === undefined)) {
    report(ctx, 'schema/missing-key', t.span, 'thresholds on the value need both `green` and `amber` (values of the KPI)');
    return undefined;
  }
  const green =
    t.green?.value ?? (t.amber !== undefined && t.amber.value > DEFAULT_THRESHOLDS.green ? t.amber.value : DEFAULT_THRESHOLDS.green);
  const amber = t.amber?.value ?? Math.min(green, DEFAULT_THRESHOLDS.amber);
  const lowerIsBetter = on === 'value' && direction === 'down';
  if (lowerIsBetter ? amber < green : amber > green) {
    const rule = lowerIsBetter ? 'for a lower-is-better value, `amber` must be at or above `green`' : '`amber` must be at or below `green`';
    report(ctx, 'scorecard/threshold-order', t.amber?.span ?? t.span, `amber level ${amber} is better than green level ${green}: ${rule}`, {
      hint:
        on === 'attainment'
          ? 'attainment is already direction-aware (target/value when lower is better), so green is always the higher level'
          : undefined,
    });
    return undefined;
  }
  return { green, amber, on };
}

/** Scoring as written → a scoring method for a KPI going `direction`. */
export function checkScoring(ctx: CheckContext, s: ScoringDef | undefined, direction: 'up' | 'down'): ScoringSpec | undefined {
  if (s === undefined) return undefined;
  const linear = s.method?.value === 'linear' || (s.method === undefined && (s.redFlag !== undefined || s.goal !== undefined));
  if (!linear) {
    for (const extra of [s.redFlag, s.goal]) {
      if (extra !== undefined)
        report(ctx, 'scorecard/bad-scoring', extra.span, '`red_flag` and `goal` belong to `method: linear`, not to capped attainment');
    }
    const cap = s.cap?.value ?? DEFAULT_SCORING.cap;
    if (cap < 1) {
      report(
        ctx,
        'scorecard/bad-scoring',
        s.cap?.span ?? s.span,
        `a cap of ${pct(cap)} would score a KPI on target below 10; the cap must be at least 100%`,
        { hint: 'e.g. `cap: 120%`' },
      );
      return undefined;
    }
    return { method: 'capped_attainment', cap };
  }
  if (s.cap !== undefined)
    report(ctx, 'scorecard/bad-scoring', s.cap.span, '`cap` belongs to `method: capped_attainment`; a linear score stops at 10 on its own');
  if (s.redFlag === undefined || s.goal === undefined) {
    report(
      ctx,
      'scorecard/bad-scoring',
      s.span,
      `a linear score needs \`red_flag\` (scores 0) and \`goal\` (scores 10); ${s.redFlag === undefined ? '`red_flag`' : '`goal`'} is missing`,
    );
    return undefined;
  }
  const on = s.on?.value ?? 'attainment';
  const red = s.redFlag.value;
  const goal = s.goal.value;
  const lowerIsBetter = on === 'value' && direction === 'down';
  if (goal === red || (lowerIsBetter ? goal > red : goal < red)) {
    const why =
      goal === red
        ? 'the goal equals the red flag, so nothing lies between 0 and 10'
        : lowerIsBetter
          ? 'for a lower-is-better KPI the goal must be below the red flag'
          : `the goal must be above the red flag${on === 'attainment' ? ' (attainment is already direction-aware)' : ''}`;
    report(ctx, 'scorecard/bad-scoring', s.goal.span, `goal ${goal} against red flag ${red}: ${why}`);
    return undefined;
  }
  return { method: 'linear', redFlag: red, goal, on };
}

const QUARTER_KEYS = ['q1', 'q2', 'q3', 'q4'];
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Seasonal shares as written → shares by quarter or month that add up to 100%. */
export function checkSeasonal(ctx: CheckContext, s: SeasonalDef | undefined): SeasonalSpec | undefined {
  if (s === undefined) return undefined;
  const keys = [...s.shares.keys()];
  const quarters = keys.filter((k) => QUARTER_KEYS.includes(k));
  const months = keys.filter((k) => MONTH_KEYS.includes(k));
  if (quarters.length > 0 && months.length > 0) {
    report(ctx, 'scorecard/bad-seasonal', s.span, 'seasonal shares mix quarters (q1…q4) and months (jan…dec); use one or the other');
    return undefined;
  }
  const expected = months.length > 0 ? MONTH_KEYS : QUARTER_KEYS;
  const missing = expected.filter((k) => !s.shares.has(k));
  if (missing.length > 0) {
    report(ctx, 'scorecard/bad-seasonal', s.span, `seasonal shares must cover the whole year; missing ${missing.join(', ')}`);
    return undefined;
  }
  for (const [key, share] of s.shares) {
    if (share.value < 0) {
      report(ctx, 'scorecard/bad-seasonal', share.span, `the share of \`${key}\` is negative`);
      return undefined;
    }
  }
  const shares = expected.map((k) => s.shares.get(k)?.value ?? 0);
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) {
    report(ctx, 'scorecard/bad-seasonal', s.span, `seasonal shares add up to ${pct(sum)}, not 100%`, {
      hint: 'shares are parts of the year: e.g. q1: 20%, q2: 24%, q3: 26%, q4: 30%',
    });
    return undefined;
  }
  return { unit: months.length > 0 ? 'month' : 'quarter', shares };
}

function parseHistory(ctx: CheckContext, formula: FormulaText | undefined): Duration | undefined {
  if (formula === undefined) return { amount: 4, unit: 'quarter' };
  const parsed = parseFormula(formula.text, (start, end) => scalarSubSpan(formula.node, start, end));
  ctx.env.diagnostics.push(...parsed.diagnostics);
  const ast = parsed.value;
  if (
    ast.kind === 'duration' &&
    Number.isInteger(ast.amount) &&
    ast.amount > 0 &&
    (ast.unit === 'month' || ast.unit === 'quarter' || ast.unit === 'year')
  ) {
    return { amount: ast.amount, unit: ast.unit };
  }
  if (ast.kind !== 'error')
    report(
      ctx,
      'scorecard/bad-baseline',
      formula.node.span,
      `\`history: ${formula.text}\` must be a whole number of months, quarters or years, e.g. \`4 quarters\``,
    );
  return undefined;
}

function checkNumeric(ctx: CheckContext, expr: KpiExpr, formula: FormulaText, what: string): boolean {
  if (expr.type === 'number' || expr.type === 'error' || expr.type === 'null') return expr.type !== 'error';
  report(ctx, 'resolve/type-mismatch', formula.node.span, `${what} must be a number, but \`${formula.text}\` is not`);
  return false;
}

/** A baseline as written → a baseline target of `kpi`. */
function checkBaseline(ctx: CheckContext, b: BaselineDef, kpi: ResolvedKpi): TargetSpec | undefined {
  const expr: KpiExpr | undefined =
    b.formula === undefined
      ? { kind: 'kpi', id: kpi.id, span: b.span, type: kpi.type, unit: kpi.unit }
      : resolveKpiFormula(ctx, b.formula, kpi.id);
  if (b.formula !== undefined && !checkNumeric(ctx, expr, b.formula, 'a baseline')) return undefined;
  const history = parseHistory(ctx, b.history);
  if (history === undefined) return undefined;
  const additive = kpi.unit === 'count' || kpi.unit === 'money';
  return {
    kind: 'baseline',
    expr,
    history,
    ending: b.ending?.value ?? 'year_start',
    growth: b.growth?.value ?? 0,
    as: b.as?.value ?? (additive ? 'total' : 'rate'),
  };
}

/** A target written as a formula or a baseline mapping → a target of `kpi`. */
export function checkTarget(
  ctx: CheckContext,
  kpi: ResolvedKpi,
  formula: FormulaText | undefined,
  baseline: BaselineDef | undefined,
  resolved?: KpiExpr,
): TargetSpec | undefined {
  if (baseline !== undefined) return checkBaseline(ctx, baseline, kpi);
  if (formula === undefined) return undefined;
  // The resolver sees a KPI named in its own target (`prior(pipeline_created, 1 year) * 1.2`)
  // while that KPI is still being resolved, and types the reference as an error. Now that every
  // KPI is resolved, resolving it again settles that; real errors were reported the first time.
  const settled =
    resolved?.type === 'error' ? resolveKpiFormula({ ...ctx, env: { ...ctx.env, diagnostics: [] } }, formula, kpi.id) : resolved;
  const expr = settled ?? resolveKpiFormula(ctx, formula, kpi.id);
  if (resolved === undefined && !checkNumeric(ctx, expr, formula, `the target of \`${kpi.id}\``)) return undefined;
  checkPlausiblePercent(ctx, kpi, expr, formula);
  return expr.type === 'error' ? undefined : { kind: 'expr', expr };
}

/**
 * A literal target of 2 or more on a percent KPI (200 %+) is almost always a percentage written
 * as a whole number (`10` for 10 %): percent values are fractions. Real targets above 100 % (NRR
 * at 1.1) stay well below 2.
 */
function checkPlausiblePercent(ctx: CheckContext, kpi: ResolvedKpi, expr: KpiExpr, formula: FormulaText): void {
  if (kpi.unit !== 'percent' || expr.kind !== 'literal' || typeof expr.value !== 'number' || expr.value < 2) return;
  const shown = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(expr.value * 100);
  report(
    ctx,
    'scorecard/implausible-target',
    formula.node.span,
    `a target of ${formula.text.trim()} on percent KPI \`${kpi.id}\` means ${shown}%: percent values are fractions`,
    { hint: `write \`${formula.text.trim()}%\` for ${formula.text.trim()} percent` },
  );
}
