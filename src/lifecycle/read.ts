/**
 * The lifecycle fields of a KPI document, read from its tree: the pilot (who tries it and when),
 * the sunset of a deprecated KPI, the last review, and the guardrail KPIs. The shapes were checked
 * by the schema; what is malformed anyway is left out here and reported by the checks.
 */
import type { SourceText } from '../diagnostics/span.js';
import type { YMap } from '../load/tree.js';
import { stageOf, type LifecycleStage } from '../model/kpi-status.js';
import { formulaAt, itemsAt, mapAt, stringAt } from '../model/read-node.js';
import type { FormulaText, KpiDef, Located } from '../model/types.js';

/** A pilot: the scopes that try the KPI (a condition on hierarchy levels) and its dates. */
interface PilotDef {
  readonly kind: 'pilot';
  /** Span of the `pilot:` mapping. */
  readonly span: YMap['span'];
  readonly where?: FormulaText | undefined;
  readonly from?: Located<string> | undefined;
  readonly until?: Located<string> | undefined;
}

/** What a KPI says about its lifecycle. */
export interface KpiLifecycle {
  readonly kind: 'kpi-lifecycle';
  readonly kpi: KpiDef;
  readonly stage: LifecycleStage;
  readonly pilot?: PilotDef | undefined;
  readonly sunset?: Located<string> | undefined;
  readonly reviewed?: Located<string> | undefined;
  readonly guardrails: readonly Located<string>[];
}

/** The lifecycle fields of `kpi`. */
export function readLifecycle(kpi: KpiDef, files: ReadonlyMap<string, SourceText>): KpiLifecycle {
  const m = kpi.tree;
  const pilotMap = mapAt(m, 'pilot');
  const pilot: PilotDef | undefined =
    pilotMap === undefined
      ? undefined
      : {
          kind: 'pilot',
          span: pilotMap.span,
          where: formulaAt(pilotMap, 'where', files),
          from: stringAt(pilotMap, 'from'),
          until: stringAt(pilotMap, 'until'),
        };
  const guardrails: Located<string>[] = [];
  for (const item of itemsAt(m, 'guardrails')) {
    if (item.kind === 'scalar' && typeof item.value === 'string') guardrails.push({ value: item.value, span: item.span });
  }
  return {
    kind: 'kpi-lifecycle',
    kpi,
    stage: stageOf(kpi.status.value),
    pilot,
    sunset: stringAt(m, 'sunset'),
    reviewed: stringAt(m, 'reviewed'),
    guardrails,
  };
}
