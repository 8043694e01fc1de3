/**
 * The quarterly review of a catalog as of a day: KPIs due for review (their `reviewed:` date plus
 * the governance review cycle is past, or they were never reviewed), KPIs that no scorecard, role,
 * plan or alert uses (directly or through other KPIs and lookups), deprecated KPIs past their
 * sunset, pilots that have ended, KPIs without an owner, and proposals awaiting a decision.
 * Retired KPIs are left out: they are kept for the record only.
 */
import { lineColumnOf } from '../diagnostics/span.js';
import { shiftDate } from '../diff/pipeline-adapter.js';
import type { Governance } from '../governance/model.js';
import { readLifecycle } from '../lifecycle/read.js';
import { buildDependencyGraph, dependenciesOf, docKey } from '../lineage/graph.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { DueKpi, EndedPilot, GuardrailSection, ReviewKpi, ReviewReport, SunsetKpi } from './report.js';

const CONSUMERS = new Set(['scorecard', 'role', 'plan', 'alert']);

/** The review as of `date` (ISO); guardrail trends are computed separately (they need data). */
export function reviewCatalog(resolved: ResolvedCatalog, governance: Governance, date: string, guardrails: GuardrailSection): ReviewReport {
  const catalog = resolved.catalog;
  const graph = buildDependencyGraph(resolved);
  const consumers = [...graph.documents.values()].filter((d) => CONSUMERS.has(d.kind)).map((d) => docKey(d.kind, d.id));
  const used = dependenciesOf(graph, consumers);
  const cycle = governance.reviewCycle;
  const report = {
    due: [] as DueKpi[],
    unused: [] as ReviewKpi[],
    pastSunset: [] as SunsetKpi[],
    endedPilots: [] as EndedPilot[],
    withoutOwner: [] as ReviewKpi[],
    proposed: [] as ReviewKpi[],
  };
  for (const kpi of catalog.kpis.values()) {
    const l = readLifecycle(kpi, catalog.files);
    if (l.stage === 'retired') continue;
    const source = catalog.files.get(kpi.idSpan.file);
    const base: ReviewKpi = {
      kpi: kpi.id,
      title: kpi.title ?? kpi.id,
      owner: kpi.owner,
      stage: l.stage,
      file: kpi.idSpan.file,
      line: source === undefined ? 1 : lineColumnOf(source, kpi.idSpan.start).line,
    };
    const reviewed = l.reviewed?.value;
    const dueSince = reviewed === undefined ? undefined : shiftDate(reviewed, cycle.amount, cycle.unit);
    if (reviewed === undefined || dueSince === undefined || dueSince <= date) report.due.push({ ...base, reviewed, dueSince });
    if (!used.has(docKey('kpi', kpi.id))) report.unused.push(base);
    if (l.stage === 'deprecated' && l.sunset !== undefined && l.sunset.value < date) {
      report.pastSunset.push({ ...base, sunset: l.sunset.value, replacedBy: kpi.replacedBy?.value });
    }
    const until = l.pilot?.until?.value;
    if (l.stage === 'pilot' && until !== undefined && until < date) report.endedPilots.push({ ...base, until });
    if (kpi.owner === undefined || kpi.owner.trim() === '') report.withoutOwner.push(base);
    if (l.stage === 'proposed') report.proposed.push(base);
  }
  return {
    kind: 'review-report',
    catalog: { id: catalog.meta?.id ?? '', title: catalog.meta?.title, currency: catalog.meta?.currency ?? 'USD' },
    date,
    cycle: cycle.text,
    ...report,
    guardrails,
  };
}
