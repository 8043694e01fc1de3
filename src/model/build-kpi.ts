/** Builds a {@link KpiDef} from a `kpi` document. */
import type { SourceText } from '../diagnostics/span.js';
import type { YMap, YNode } from '../load/tree.js';
import type { CatalogDocument, KpiDef, KpiGrain, KpiHorizon, KpiOverride, KpiStatus, Thresholds, Unit } from './types.js';
import { choiceAt, formulaAt, itemsAt, stringAt, textAt } from './read-node.js';
import { buildBaseline, buildExceptions, buildMissing, buildScoring, buildSeasonal, buildThresholdsAt } from './build-performance.js';

/** Units of LANGUAGE.md §4. */
export const UNITS: readonly Unit[] = ['count', 'money', 'percent', 'ratio', 'days', 'number'];
/** What a KPI's periods describe; `past` is the default. */
const KPI_HORIZONS: readonly KpiHorizon[] = ['past', 'forward', 'snapshot'];
/** Grains a KPI may declare as its finest. */
const KPI_GRAINS: readonly KpiGrain[] = ['day', 'week', 'month', 'quarter', 'year'];
/** KPI lifecycle states; `active` is the default. */
export const KPI_STATUSES: readonly KpiStatus[] = ['proposed', 'draft', 'pilot', 'active', 'deprecated', 'retired'];

/** The `thresholds:` mapping at `key` of `map` (levels as numbers or percentages such as `85%`). */
function buildThresholds(map: YMap, key: string): Thresholds | undefined {
  return buildThresholdsAt(map, key);
}

function buildOverride(item: YNode, files: ReadonlyMap<string, SourceText>): KpiOverride | undefined {
  if (item.kind !== 'map') return undefined;
  const period = stringAt(item, 'period');
  // An override for a period only applies everywhere: its condition is `true`, placed at the override.
  const where =
    formulaAt(item, 'where', files) ??
    (period === undefined ? undefined : { text: 'true', node: { kind: 'scalar' as const, value: 'true', span: period.span } });
  if (where === undefined) return undefined;
  return {
    span: item.span,
    where,
    target: formulaAt(item, 'target', files),
    thresholds: buildThresholds(item, 'thresholds'),
    period,
    baseline: buildBaseline(item, 'target', files),
  };
}

/**
 * The KPI of `doc`, or undefined when it has no formula (the schema phase reported that; without
 * a formula there is nothing for later phases to check). Defaults: status `active`, direction `up`.
 */
export function buildKpi(doc: CatalogDocument, files: ReadonlyMap<string, SourceText>): KpiDef | undefined {
  const m = doc.tree;
  const formula = formulaAt(m, 'formula', files);
  if (formula === undefined) return undefined;
  const overrides: KpiOverride[] = [];
  for (const item of itemsAt(m, 'overrides')) {
    const o = buildOverride(item, files);
    if (o !== undefined) overrides.push(o);
  }
  return {
    ...doc,
    kind: 'kpi',
    title: textAt(m, 'title'),
    description: textAt(m, 'description'),
    formula,
    unit: choiceAt(m, 'unit', UNITS),
    direction: choiceAt(m, 'direction', ['up', 'down'] as const)?.value ?? 'up',
    indicator: choiceAt(m, 'indicator', ['leading', 'lagging'] as const)?.value,
    perspective: choiceAt(m, 'perspective', ['financial', 'customer', 'internal_process', 'learning_growth'] as const)?.value,
    owner: textAt(m, 'owner'),
    refresh: choiceAt(m, 'refresh', ['daily', 'weekly', 'monthly', 'quarterly'] as const)?.value,
    horizon: choiceAt(m, 'horizon', KPI_HORIZONS) ?? { value: 'past', span: doc.kindSpan },
    grain: choiceAt(m, 'grain', KPI_GRAINS),
    status: choiceAt(m, 'status', KPI_STATUSES) ?? { value: 'active', span: doc.kindSpan },
    replacedBy: stringAt(m, 'replaced_by'),
    target: formulaAt(m, 'target', files),
    thresholds: buildThresholds(m, 'thresholds'),
    overrides,
    baseline: buildBaseline(m, 'target', files),
    seasonal: buildSeasonal(m, 'seasonal'),
    scoring: buildScoring(m, 'scoring'),
    missing: buildMissing(m, 'missing'),
    exceptions: buildExceptions(m, 'exceptions', files),
  };
}
