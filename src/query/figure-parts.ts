/**
 * The parts of a figure: every aggregate a KPI's value in one cell reads (through the KPIs it
 * names), each with the dates its rows come from in that cell — the period itself, or the window
 * `prior`, `rolling` or `to_date` put around it — and whether it is taken over the whole
 * organisation (`total`) rather than the cell's breakdown value. What "the rows behind a figure"
 * are made of (src/query/plan-rows.ts lists them).
 */
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { KpiAggregate, KpiExpr } from '../resolve/types.js';
import { formatIsoDate, parseIsoDate } from './calendar.js';
import type { Calendar, Grain, WindowSpec } from './ir.js';
import { composeWindow, NO_WINDOW, windowRange } from './windows.js';

/** One aggregate of a figure in one cell. */
export interface FigurePart {
  readonly aggregate: KpiAggregate;
  /** The KPI whose formula holds the aggregate (the figure's own, or one it names). */
  readonly kpi: string;
  /** Rows with an anchor date in `[from, before)`; undefined for a timeless aggregate. */
  readonly dates?: { readonly from: string; readonly before: string } | undefined;
  /** Inside `total()`: taken over every breakdown value, not the cell's. */
  readonly total: boolean;
  /** Inside `AGG(E per key)`: rows grouped by a key before they are combined. */
  readonly per: boolean;
}

interface Walk {
  readonly window: WindowSpec;
  readonly total: boolean;
  readonly per: boolean;
  readonly kpi: string;
}

/** The parts of KPI `kpi` in the period starting `periodStart` (ISO) at `grain`; identical parts once. */
export function figureParts(resolved: ResolvedCatalog, kpi: string, periodStart: string, grain: Grain, calendar: Calendar): FigurePart[] {
  const start = parseIsoDate(periodStart);
  const root = resolved.kpis.get(kpi);
  if (start === undefined || root === undefined) return [];
  const out: FigurePart[] = [];
  const seen = new Set<string>();
  const visit = (e: KpiExpr, w: Walk, depth: number): void => {
    if (depth > 64) return;
    switch (e.kind) {
      case 'aggregate': {
        let dates: FigurePart['dates'];
        if (e.anchor !== undefined) {
          const r = windowRange(w.window, start, grain, calendar);
          dates = { from: formatIsoDate(r.start), before: formatIsoDate(r.end) };
        }
        const key = JSON.stringify([e.span, dates, w.total, w.per]);
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ aggregate: e, kpi: w.kpi, dates, total: w.total, per: w.per });
        }
        return;
      }
      case 'kpi': {
        const target = resolved.kpis.get(e.id);
        if (target !== undefined) visit(target.expr, { ...w, kpi: e.id }, depth + 1);
        return;
      }
      case 'window': {
        const composed = composeWindow(w.window, e.window);
        if (typeof composed !== 'string') visit(e.expr, { ...w, window: composed }, depth + 1);
        return;
      }
      case 'total':
        visit(e.expr, { ...w, total: true }, depth + 1);
        return;
      case 'per':
        visit(e.expr, { ...w, per: true }, depth + 1);
        return;
      case 'binary':
        visit(e.left, w, depth + 1);
        visit(e.right, w, depth + 1);
        return;
      case 'unary':
        visit(e.operand, w, depth + 1);
        return;
      case 'call':
        for (const a of e.args) visit(a, w, depth + 1);
        return;
      case 'predicate':
        visit(e.operand, w, depth + 1);
        for (const a of e.args) visit(a, w, depth + 1);
        return;
      case 'literal':
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  };
  visit(root.expr, { window: NO_WINDOW, total: false, per: false, kpi }, 0);
  return out;
}
