/**
 * What the JSON API returns: the views of src/dashboard/ without their server-side parts (the
 * organisation tree and the grant never leave the server — only the node asked for, named as
 * the URL names it, and the figures the user may see).
 */
import type { KpiView } from '../dashboard/kpi-view.js';
import type { Place } from '../dashboard/dashboard.js';
import type { RowsView } from '../dashboard/rows-view.js';
import type { ScorecardView } from '../dashboard/scorecard-view.js';

function where(p: Place): unknown {
  return { period: p.period, node: { level: p.node.levelName, label: p.node.label, at: p.at }, role: p.grant.role.id };
}

/** The scorecard page as JSON. */
export function scorecardJson(v: ScorecardView): unknown {
  return {
    kind: 'scorecard',
    ...(where(v.place) as object),
    times: v.times,
    report: v.report,
    childAt: v.childAt,
    crumbs: v.crumbs,
    cadences: Object.fromEntries(v.cadences),
  };
}

/** The KPI page as JSON. */
export function kpiJson(v: KpiView): unknown {
  return {
    kind: 'kpi',
    ...(where(v.place) as object),
    kpi: v.kpi,
    current: v.current,
    trend: v.trend.map((t) => ({
      period: t.period,
      line: t.line ?? null,
      missing: t.missing ?? null,
      computedAt: t.computed?.at.toISOString() ?? null,
      next: t.computed?.next.toISOString() ?? null,
    })),
    hiddenBy: v.hiddenBy,
    lineage: v.lineage ?? null,
    notes: v.notes,
    times: v.times,
    cadence: v.cadence,
  };
}

/** The rows behind a figure as JSON. */
export function rowsJson(v: RowsView): unknown {
  return { kind: 'rows', ...(where(v.place) as object), kpi: v.kpi, offset: v.offset, times: v.times, parts: v.parts };
}
