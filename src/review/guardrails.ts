/**
 * Guardrail trends: each KPI that declares `guardrails` beside them, whole organisation, over the
 * last complete periods of the data. A KPI that got better while one of its guardrails got worse
 * (each judged its own `direction`) is flagged: a faster cycle bought with deeper discounts is
 * what gaming looks like.
 */
import { stageOf } from '../model/kpi-status.js';
import { completePeriods, runValues, type Database, type Failure, type ScorecardGrain } from '../diff/pipeline-adapter.js';
import { readLifecycle } from '../lifecycle/read.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { sameValue } from '../diff/compare-values.js';
import type { GuardrailSection, GuardrailTrend, Series } from './report.js';

function trendOf(values: readonly (number | null)[], direction: 'up' | 'down'): Series['trend'] {
  const present = values.filter((v): v is number => v !== null);
  const first = present[0];
  const last = present[present.length - 1];
  if (first === undefined || last === undefined || present.length < 2) return 'unknown';
  if (sameValue(first, last)) return 'flat';
  return last > first === (direction === 'up') ? 'better' : 'worse';
}

/** The guardrail section (`none` when no KPI declares guardrails; no data is read then). */
export async function guardrailTrends(
  resolved: ResolvedCatalog,
  options: { readonly grain: ScorecardGrain; readonly periods: number; readonly dataDir: string; readonly db: Database },
): Promise<{ readonly ok: true; readonly section: GuardrailSection } | Failure> {
  const pairs = [...resolved.catalog.kpis.values()]
    .filter((k) => stageOf(k.status.value) !== 'retired')
    .map((k) => ({
      kpi: k.id,
      guardrails: readLifecycle(k, resolved.catalog.files)
        .guardrails.map((g) => g.value)
        .filter((g) => resolved.kpis.has(g)),
    }))
    .filter((p) => p.guardrails.length > 0 && resolved.kpis.has(p.kpi));
  if (pairs.length === 0) return { ok: true, section: { kind: 'none' } };
  const found = await completePeriods(resolved, undefined, options.grain, options.periods, options);
  if (!found.ok) return found;
  const { periods } = found;
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return { ok: true, section: { kind: 'none' } };
  const ids = [...new Set(pairs.flatMap((p) => [p.kpi, ...p.guardrails]))];
  const run = await runValues(resolved, { kpis: ids, grain: options.grain, from: first.start, to: last.last }, options);
  if (!run.ok) return run;
  const series = (id: string): Series => {
    const kpi = resolved.kpis.get(id);
    const direction = kpi?.def.direction ?? 'up';
    const values = periods.map((p) => run.rows.find((r) => r.kpi === id && r.period === p.start)?.value ?? null);
    return { kpi: id, title: kpi?.def.title ?? id, unit: kpi?.unit, direction, values, trend: trendOf(values, direction) };
  };
  const trends: GuardrailTrend[] = pairs.map((p) => {
    const kpi = series(p.kpi);
    const guardrails = p.guardrails.map(series);
    const worse = guardrails.filter((g) => g.trend === 'worse');
    const warning =
      kpi.trend === 'better' && worse.length > 0
        ? `${kpi.title} got better while ${worse.map((g) => g.title).join(' and ')} got worse: check how it improved`
        : undefined;
    return { kpi, guardrails, warning };
  });
  return { ok: true, section: { kind: 'trends', periods, trends } };
}
