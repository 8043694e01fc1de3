/**
 * Which guarded fields a KPI reads: every column its aggregates use (values, filters, through
 * joins and the KPIs it names) checked against the access document's guarded columns. A figure
 * that reads a deal amount is itself an amount: a role without that field sees neither.
 */
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { forEachRow } from '../resolve/row-walk.js';
import { forEachKpi } from '../resolve/kpi-walk.js';
import type { KpiExpr } from '../resolve/types.js';
import type { AccessPolicy } from './model.js';

/** The columns (`source.column`) an expression reads, through the KPIs it names. */
export function columnsRead(resolved: ResolvedCatalog, expr: KpiExpr): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (e: KpiExpr): void =>
    forEachKpi(e, (n) => {
      if (n.kind === 'aggregate') {
        for (const part of [n.value, n.filter]) forEachRow(part, (r) => r.kind === 'column' && out.add(`${r.source}.${r.column}`));
      } else if (n.kind === 'kpi' && !seen.has(n.id)) {
        seen.add(n.id);
        const k = resolved.kpis.get(n.id);
        if (k !== undefined) walk(k.expr);
      } else if (n.kind === 'per') {
        for (const k of n.keys) forEachRow(k.key, (r) => r.kind === 'column' && out.add(`${r.source}.${r.column}`));
      }
    });
  walk(expr);
  return out;
}

/** The guarded fields each KPI of the catalog reads (KPIs that read none are absent). */
export function guardedKpis(resolved: ResolvedCatalog, policy: AccessPolicy): ReadonlyMap<string, ReadonlySet<string>> {
  const byColumn = new Map<string, string[]>();
  for (const [field, columns] of policy.fields)
    for (const c of columns) byColumn.set(`${c.source}.${c.column}`, [...(byColumn.get(`${c.source}.${c.column}`) ?? []), field]);
  const out = new Map<string, Set<string>>();
  for (const kpi of resolved.kpis.values()) {
    const fields = new Set<string>();
    for (const col of columnsRead(resolved, kpi.expr)) for (const f of byColumn.get(col) ?? []) fields.add(f);
    if (fields.size > 0) out.set(kpi.id, fields);
  }
  return out;
}
