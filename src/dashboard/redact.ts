/**
 * What a role may not see, taken out of a scorecard report before it leaves the server: the
 * figures of KPIs that read a guarded field the role lacks (value, target, status levels,
 * exception amounts — attainment, status and score stay, they are not amounts), with a note
 * saying why.
 */
import type { KpiLine, NodeScore, ScorecardReport } from '../scorecard/report.js';

/** Which guarded fields hide which KPIs for a role: KPI → the fields it reads that the role lacks. */
export type HiddenKpis = ReadonlyMap<string, readonly string[]>;

function line(k: KpiLine, hidden: HiddenKpis): KpiLine {
  const fields = hidden.get(k.kpi);
  if (fields === undefined) return k;
  return {
    ...k,
    value: null,
    target: null,
    levels: null,
    exceptions: k.exceptions.map((e) => ({ ...e, amount: null })),
    notes: [`figures hidden for your role (they read ${fields.join(', ')})`],
  };
}

function node(n: NodeScore, hidden: HiddenKpis): NodeScore {
  return { ...n, perspectives: n.perspectives.map((p) => ({ ...p, kpis: p.kpis.map((k) => line(k, hidden)) })) };
}

/** The report without what `hidden` names. */
export function redactReport(report: ScorecardReport, hidden: HiddenKpis): ScorecardReport {
  if (hidden.size === 0) return report;
  return {
    ...report,
    node: node(report.node, hidden),
    children: report.children === undefined ? undefined : { ...report.children, nodes: report.children.nodes.map((c) => node(c, hidden)) },
  };
}
