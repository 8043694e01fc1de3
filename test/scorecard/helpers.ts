/**
 * Scorecard test helpers: write the hand-made organisation (plus extra documents) to a temporary
 * folder, check it, and evaluate a scorecard on its data through the real pipeline and DuckDB.
 * (The command line is run with test/cli/helpers.ts.)
 */
import { checkCatalog } from '../../src/check-catalog.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import { evaluateScorecard, type ScorecardRequest } from '../../src/scorecard/evaluate.js';
import type { KpiLine, NodeScore, ScorecardReport } from '../../src/scorecard/report.js';
import { assertValid, makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { BASE_CATALOG, DATA } from './fixture.js';

/** The hand-made organisation with `extra` catalog files. */
export function handOrg(extra: Readonly<Record<string, string>>): Workspace {
  return makeWorkspace({ ...BASE_CATALOG, ...extra }, DATA);
}

/** Evaluates a request on a workspace; throws on any failure. */
export async function evaluate(ws: Workspace, request: ScorecardRequest): Promise<ScorecardReport> {
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  const scorecards = checkScorecards(checked.resolved);
  const result = await evaluateScorecard(checked.resolved, scorecards.value, request, { dataDir: ws.dataDir });
  if (!result.ok)
    throw new Error(`scorecard failed (${result.kind}): ${result.message}\n${result.diagnostics.map((d) => d.message).join('\n')}`);
  return result.report;
}

/** One KPI line of a node. */
export function kpi(node: NodeScore, id: string): KpiLine {
  const line = node.perspectives.flatMap((p) => p.kpis).find((k) => k.kpi === id);
  if (line === undefined) throw new Error(`no KPI ${id} on ${node.label}`);
  return line;
}

/** One child of the report by label. */
export function child(report: ScorecardReport, label: string): NodeScore {
  const c = report.children?.nodes.find((n) => n.label === label);
  if (c === undefined) throw new Error(`no child ${label}; children: ${report.children?.nodes.map((n) => n.label).join(', ') ?? 'none'}`);
  return c;
}

/** A perspective's score of a node. */
export function perspectiveScore(node: NodeScore, perspective: string): number | null | undefined {
  return node.perspectives.find((p) => p.perspective === perspective)?.score;
}
