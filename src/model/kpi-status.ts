/**
 * The KPI lifecycle as stages: `proposed` (`draft` is the same stage, kept because LANGUAGE.md
 * lists it), `pilot`, `active`, `deprecated` and `retired`. Only the stage matters to the phases;
 * the written status is kept for messages.
 */
import type { KpiStatus } from './types.js';

/** A lifecycle stage. */
export type LifecycleStage = 'proposed' | 'pilot' | 'active' | 'deprecated' | 'retired';

/** The stage of a written status: `draft` is `proposed`. */
export function stageOf(status: KpiStatus): LifecycleStage {
  switch (status) {
    case 'draft':
    case 'proposed':
      return 'proposed';
    case 'pilot':
    case 'active':
    case 'deprecated':
    case 'retired':
      return status;
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** Whether commands that take "every KPI" by default (`run`, `demo`) include a KPI of this status. */
export function runsByDefault(status: KpiStatus): boolean {
  const stage = stageOf(status);
  return stage !== 'deprecated' && stage !== 'retired';
}

const WRITTEN: ReadonlySet<string> = new Set<KpiStatus>(['proposed', 'draft', 'pilot', 'active', 'deprecated', 'retired']);

/** The stage of a status as written in a document (absent or unknown: `active`, the default). */
export function stageOfWritten(text: string | undefined): LifecycleStage {
  return text !== undefined && WRITTEN.has(text) ? stageOf(text as KpiStatus) : 'active';
}
