/**
 * The scorecard as JSON for machines: the report as it is, with weights and attainment as
 * fractions and scores on the report's `scale` (10 = on target). JSON has no infinity: the best possible attainment (a
 * lower-is-better value of 0) is written `"attainment": null` with `"best": true`.
 */
import type { KpiLine, NodeScore, ScorecardReport } from './report.js';

function line(k: KpiLine): KpiLine | (Omit<KpiLine, 'attainment'> & { attainment: null; best: true }) {
  return k.attainment === Infinity ? { ...k, attainment: null, best: true } : k;
}

function node(n: NodeScore): NodeScore {
  return { ...n, perspectives: n.perspectives.map((p) => ({ ...p, kpis: p.kpis.map(line) })) };
}

/** The report as pretty-printed JSON, ending in a newline. */
export function renderScorecardJson(report: ScorecardReport): string {
  const plain: ScorecardReport = {
    ...report,
    node: node(report.node),
    children: report.children === undefined ? undefined : { ...report.children, nodes: report.children.nodes.map(node) },
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}
