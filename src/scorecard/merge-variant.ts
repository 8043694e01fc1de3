/**
 * Variants: a scorecard with `extends` is its base with changes. Perspectives merge by name and
 * KPIs by id: a field the variant writes replaces the base's, a KPI the base lacks is added, and
 * `remove: true` leaves a base KPI out. The merged body keeps every part's own position, so
 * problems in the result (weights that no longer add up) are reported where the variant wrote
 * the change.
 */
import type { Span } from '../diagnostics/span.js';
import { PERSPECTIVES, type BodyDef, type EntryDef, type Perspective, type PerspectiveDef } from './model.js';

/** A KPI removal that names a KPI its base does not have. */
export interface StrayRemoval {
  readonly kpi: string;
  readonly span: Span;
}

function mergeEntry(base: EntryDef, change: EntryDef): EntryDef {
  const ownTarget = change.target !== undefined || change.baseline !== undefined;
  return {
    kpi: change.kpi,
    span: change.span,
    weight: change.weight ?? base.weight,
    target: ownTarget ? change.target : base.target,
    baseline: ownTarget ? change.baseline : base.baseline,
    thresholds: change.thresholds ?? base.thresholds,
    scoring: change.scoring ?? base.scoring,
    missing: change.missing ?? base.missing,
    exceptions: change.exceptions.length > 0 ? change.exceptions : base.exceptions,
    seasonal: change.seasonal ?? base.seasonal,
    remove: false,
  };
}

function mergePerspective(base: PerspectiveDef, change: PerspectiveDef, strays: StrayRemoval[]): PerspectiveDef {
  const changes = new Map(change.entries.map((e) => [e.kpi.value, e] as const));
  const entries: EntryDef[] = [];
  for (const e of base.entries) {
    const c = changes.get(e.kpi.value);
    if (c === undefined) entries.push(e);
    else if (!c.remove) entries.push(mergeEntry(e, c));
  }
  const known = new Set(base.entries.map((e) => e.kpi.value));
  for (const c of change.entries) {
    if (known.has(c.kpi.value)) continue;
    if (c.remove) strays.push({ kpi: c.kpi.value, span: c.kpi.span });
    else entries.push(c);
  }
  return {
    perspective: base.perspective,
    span: change.span,
    weight: change.weight ?? base.weight,
    kpisSpan: change.kpisSpan ?? base.kpisSpan,
    entries,
  };
}

/** The body of a variant: `base` with the changes of `change`. */
export function mergeBodies(
  base: BodyDef,
  change: BodyDef,
): { readonly body: BodyDef; readonly strays: readonly StrayRemoval[]; readonly wroteWeight: boolean } {
  const strays: StrayRemoval[] = [];
  const perspectives = new Map<Perspective, PerspectiveDef>();
  let wroteWeight = false;
  for (const p of PERSPECTIVES) {
    const b = base.perspectives.get(p);
    const c = change.perspectives.get(p);
    if (c?.weight !== undefined) wroteWeight = true;
    if (b !== undefined && c !== undefined) perspectives.set(p, mergePerspective(b, c, strays));
    else if (b !== undefined) perspectives.set(p, b);
    else if (c !== undefined) {
      for (const e of c.entries) if (e.remove) strays.push({ kpi: e.kpi.value, span: e.kpi.span });
      perspectives.set(p, { ...c, entries: c.entries.filter((e) => !e.remove) });
    }
  }
  return {
    body: {
      // Totals are re-checked where the variant changed a perspective weight, else where the base set them.
      perspectivesSpan: wroteWeight ? (change.perspectivesSpan ?? base.perspectivesSpan) : base.perspectivesSpan,
      perspectives,
      grain: change.grain ?? base.grain,
      missing: change.missing ?? base.missing,
      scoring: change.scoring ?? base.scoring,
      thresholds: change.thresholds ?? base.thresholds,
    },
    strays,
    wroteWeight,
  };
}
