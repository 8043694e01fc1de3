/**
 * Totals of an audit: findings per check, per rep and per team, each split into open findings and
 * reviewed ones (accepted, not failing).
 */
import type { AuditReport } from './run.js';

/** One line of a totals table. */
export interface Total {
  readonly name: string;
  readonly open: number;
  readonly reviewed: number;
}

/** Totals by check (every check run, also those without findings), rep and team (most findings first). */
export interface AuditTotals {
  readonly byCheck: readonly Total[];
  readonly byRep: readonly Total[];
  readonly byTeam: readonly Total[];
  readonly open: number;
  readonly reviewed: number;
}

function add(map: Map<string, { open: number; reviewed: number }>, name: string, reviewed: boolean): void {
  const t = map.get(name) ?? { open: 0, reviewed: 0 };
  if (reviewed) t.reviewed++;
  else t.open++;
  map.set(name, t);
}

function sorted(map: ReadonlyMap<string, { open: number; reviewed: number }>): Total[] {
  return [...map]
    .map(([name, t]) => ({ name, ...t }))
    .sort((a, b) => b.open + b.reviewed - (a.open + a.reviewed) || a.name.localeCompare(b.name));
}

/** The totals of `report`. Findings without a rep or team are counted under `(none)`. */
export function auditTotals(report: AuditReport): AuditTotals {
  const byRep = new Map<string, { open: number; reviewed: number }>();
  const byTeam = new Map<string, { open: number; reviewed: number }>();
  const byCheck: Total[] = [];
  let open = 0;
  let reviewed = 0;
  for (const o of report.outcomes) {
    const r = o.findings.filter((f) => f.reviewed !== undefined).length;
    byCheck.push({ name: o.check.def.id, open: o.findings.length - r, reviewed: r });
    open += o.findings.length - r;
    reviewed += r;
    for (const f of o.findings) {
      add(byRep, f.rep ?? '(none)', f.reviewed !== undefined);
      add(byTeam, f.team ?? '(none)', f.reviewed !== undefined);
    }
  }
  return { byCheck, byRep: sorted(byRep), byTeam: sorted(byTeam), open, reviewed };
}
