/**
 * Scorecard statuses under both versions: each chosen scorecard is scored for the whole
 * organisation and its first level (the regions) in each of the last N complete periods of its
 * grain, once per version, and every KPI status and overall status that differs is a flip.
 * Roles are scored per member; their flips are left to the per-rep sections (plans).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  completePeriods,
  mainScorecards,
  scoreScorecard,
  type CheckedCatalog,
  type Database,
  type Failure,
  type NodeScore,
  type Period,
  type ScorecardReport,
} from './pipeline-adapter.js';
import type { SelectedKpi } from './value-selection.js';
import type { ScorecardStatusesSection, StatusFlip } from './value-types.js';

interface Options {
  readonly periods: number;
  readonly dataDir: string;
  readonly db: Database;
}

function nodesOf(report: ScorecardReport): NodeScore[] {
  return [report.node, ...(report.children?.nodes ?? [])];
}

const nodeKey = (n: NodeScore): string => `${n.level}\u0000${n.value ?? ''}`;

function compareReports(
  scorecard: string,
  period: Period,
  base: ScorecardReport,
  head: ScorecardReport,
  headIdOf: (baseId: string) => string,
): { flips: StatusFlip[]; compared: number } {
  const flips: StatusFlip[] = [];
  let compared = 0;
  const baseNodes = new Map(nodesOf(base).map((n) => [nodeKey(n), n]));
  for (const h of nodesOf(head)) {
    const b = baseNodes.get(nodeKey(h));
    if (b === undefined) continue;
    const where = { scorecard, period, level: h.level, node: h.label };
    compared++;
    if (b.status !== h.status) {
      flips.push({
        ...where,
        title: 'overall score',
        base: { status: b.status, value: b.score, target: null },
        head: { status: h.status, value: h.score, target: null },
      });
    }
    const baseLines = new Map(b.perspectives.flatMap((p) => p.kpis).map((k) => [headIdOf(k.kpi), k]));
    for (const line of h.perspectives.flatMap((p) => p.kpis)) {
      const old = baseLines.get(line.kpi);
      if (old === undefined) continue;
      compared++;
      if (old.status === line.status) continue;
      flips.push({
        ...where,
        kpi: line.kpi,
        title: line.title,
        unit: line.unit,
        base: { status: old.status, value: old.value, target: old.target },
        head: { status: line.status, value: line.value, target: line.target },
      });
    }
  }
  return { flips, compared };
}

/** Status flips of the chosen scorecards (head ids). */
export async function statusFlips(
  chosen: readonly string[],
  selected: readonly SelectedKpi[],
  versions: { readonly base: CheckedCatalog; readonly head: CheckedCatalog },
  options: Options,
): Promise<{ ok: true; section: ScorecardStatusesSection; diagnostics: Diagnostic[] } | Failure> {
  const headScorecards = mainScorecards(versions.head.resolved);
  const baseScorecards = mainScorecards(versions.base.resolved);
  const renamed = new Map(
    selected.filter((k) => k.baseId !== undefined && k.headId !== undefined).map((k) => [k.baseId ?? '', k.headId ?? '']),
  );
  const headIdOf = (id: string): string => renamed.get(id) ?? id;
  const section: {
    scorecards: ScorecardStatusesSection['scorecards'][number][];
    flips: StatusFlip[];
    skipped: { id: string; reason: string }[];
  } = {
    scorecards: [],
    flips: [],
    skipped: [],
  };
  let compared = 0;
  const diagnostics: Diagnostic[] = [];
  for (const id of chosen) {
    const sc = headScorecards.get(id);
    if (sc === undefined) continue;
    if (!baseScorecards.has(id)) {
      section.skipped.push({ id, reason: 'new in this change' });
      continue;
    }
    const found = await completePeriods(versions.head.resolved, [...sc.kpis], sc.grain, options.periods, options);
    if (!found.ok) {
      if (found.kind === 'data') return found;
      section.skipped.push({ id, reason: found.message });
      continue;
    }
    section.scorecards.push({ id, title: sc.title, periods: found.periods });
    for (const period of found.periods) {
      const base = await scoreScorecard(versions.base.resolved, id, period.label, options);
      const head = await scoreScorecard(versions.head.resolved, id, period.label, options);
      for (const r of [base, head]) if (!r.ok && r.kind === 'data') return r;
      if (!base.ok || !head.ok) {
        const why = !base.ok ? `the base: ${base.message}` : !head.ok ? `the head: ${head.message}` : '';
        section.skipped.push({ id, reason: `${period.label}: ${why}` });
        continue;
      }
      diagnostics.push(...base.diagnostics, ...head.diagnostics);
      const result = compareReports(id, period, base.report, head.report, headIdOf);
      section.flips.push(...result.flips);
      compared += result.compared;
    }
  }
  return { ok: true, section: { kind: 'scorecard-statuses', ...section, compared }, diagnostics };
}
