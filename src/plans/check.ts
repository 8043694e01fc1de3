/**
 * The plan checks: after resolve, every `plan` document is checked against the catalog — its
 * hierarchy and member condition, effective dates, credit rule (source, date column, rep and deal
 * formulas, an amount that is exact money), quota and components — and resolved into a
 * {@link ResolvedPlan}. `kpic validate` reports what this finds; `kpic payouts` computes what it
 * returns.
 */
import { dedupeDiagnostics, sortDiagnostics, type PhaseResult } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { SourceDef } from '../model/types.js';
import { checkHierarchies } from '../org/check-hierarchy.js';
import {
  checkCondition,
  createCheckContext,
  report,
  reportUnknown,
  resolveRowFormula,
  type CheckContext,
} from '../resolve/check-context.js';
import { isExactKpi } from '../resolve/exact.js';
import { syntheticKpi } from '../resolve/extend.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { RowExpr } from '../resolve/types.js';
import { checkComponent } from './check-components.js';
import { checkRange, dateValue } from './check-numbers.js';
import { checkQuota } from './check-quota.js';
import { buildPlans, type CreditDef, type PlanDef } from './model.js';
import type { ResolvedComponent, ResolvedCredit, ResolvedPlan } from './resolved.js';

function keyColumn(source: SourceDef, span: Span): RowExpr | undefined {
  const key = source.key?.value;
  const column = key === undefined ? undefined : source.columns.get(key);
  if (column === undefined) return undefined;
  void span;
  return { kind: 'column', path: [], source: source.id, column: column.name, type: column.type.value === 'integer' ? 'number' : 'string' };
}

function checkKey(ctx: CheckContext, expr: RowExpr, span: Span, what: string): void {
  if (expr.type !== 'string' && expr.type !== 'number' && expr.type !== 'error')
    report(ctx, 'resolve/type-mismatch', span, `${what} must give text or a number`);
}

function checkExact(ctx: CheckContext, amount: RowExpr, c: CreditDef, source: SourceDef): void {
  const like = [...ctx.resolved.kpis.values()][0];
  if (like === undefined || amount.type === 'error' || c.amount === undefined) return;
  const probe = syntheticKpi(
    ctx.resolved,
    '__plan_credit',
    {
      kind: 'aggregate',
      fn: 'sum',
      source: source.id,
      anchor: undefined,
      value: amount,
      filter: undefined,
      last: false,
      span: c.amount.node.span,
      type: 'number',
      unit: 'money',
    },
    { ...like, unit: 'money' },
  );
  if (amount.type !== 'number' || !isExactKpi(ctx.resolved, probe)) {
    report(ctx, 'plan/not-exact', c.amount.node.span, `the credit amount \`${c.amount.text}\` is not exact money`, {
      hint: 'build it from money columns with +, -, * and decimal numbers (`amount * 1.2`); no division, averages or real-number columns',
    });
  }
}

function checkCredit(ctx: CheckContext, c: CreditDef | undefined): { credit: ResolvedCredit | undefined; source: SourceDef | undefined } {
  if (c?.source === undefined) return { credit: undefined, source: undefined };
  const { sources } = ctx.resolved.catalog;
  const source = sources.get(c.source.value);
  if (source === undefined) {
    reportUnknown(ctx, 'plan/unknown-source', c.source.span, 'source', c.source.value, sources.keys());
    return { credit: undefined, source: undefined };
  }
  const filter = c.where === undefined ? undefined : resolveRowFormula(ctx, c.where, source);
  if (filter !== undefined && c.where !== undefined) checkCondition(ctx, filter, c.where);
  const rep = c.rep === undefined ? undefined : resolveRowFormula(ctx, c.rep, source);
  if (rep !== undefined && c.rep !== undefined) checkKey(ctx, rep, c.rep.node.span, 'the credited rep');
  const deal = c.deal === undefined ? keyColumn(source, c.span) : resolveRowFormula(ctx, c.deal, source);
  if (deal !== undefined && c.deal !== undefined) checkKey(ctx, deal, c.deal.node.span, 'the deal');
  if (deal === undefined)
    report(ctx, 'plan/unknown-column', c.source.span, `source \`${source.id}\` has no \`key:\`, so credited rows have no name`, {
      hint: 'give the credit a `deal:` formula, e.g. `deal: opportunity_id`',
    });
  const amount = c.amount === undefined ? undefined : resolveRowFormula(ctx, c.amount, source);
  if (amount !== undefined) checkExact(ctx, amount, c, source);
  const dateName = c.date?.value ?? source.time?.value;
  const column = dateName === undefined ? undefined : source.columns.get(dateName);
  if (dateName === undefined) {
    report(ctx, 'plan/unknown-column', c.source.span, `source \`${source.id}\` has no \`time:\`; say which date places a credit`, {
      hint: 'add `date: close_date` (a date column of the source) to `credit:`',
    });
  } else if (column === undefined || (column.type.value !== 'date' && column.type.value !== 'timestamp')) {
    const span = c.date?.span ?? c.source.span;
    if (column === undefined)
      reportUnknown(ctx, 'plan/unknown-column', span, `column of \`${source.id}\``, dateName, source.columns.keys());
    else
      report(
        ctx,
        'plan/unknown-column',
        span,
        `the credit date must be a date column, but \`${source.id}.${dateName}\` is ${column.type.value}`,
      );
  }
  if (rep === undefined || deal === undefined || amount === undefined || column === undefined || dateName === undefined)
    return { credit: undefined, source };
  return { credit: { source: source.id, filter, rep, deal, date: column.name, amount }, source };
}

function checkPlan(
  ctx: CheckContext,
  p: PlanDef,
  hierarchies: ReturnType<typeof checkHierarchies>,
  written: ReadonlySet<string>,
): ResolvedPlan | undefined {
  const h = p.hierarchy === undefined ? undefined : hierarchies.get(p.hierarchy.value);
  if (p.hierarchy !== undefined && h === undefined && !written.has(p.hierarchy.value))
    reportUnknown(ctx, 'plan/unknown-hierarchy', p.hierarchy.span, 'hierarchy', p.hierarchy.value, written);
  const hSource = h === undefined ? undefined : ctx.resolved.catalog.sources.get(h.source);
  const members = hSource === undefined || p.members === undefined ? undefined : resolveRowFormula(ctx, p.members, hSource);
  if (members !== undefined && p.members !== undefined) checkCondition(ctx, members, p.members);
  const from = dateValue(ctx, p.from);
  const to = dateValue(ctx, p.to);
  checkRange(ctx, from, p.to, to);
  const { credit, source } = checkCredit(ctx, p.credit);
  const quota = checkQuota(ctx, p.quota);
  const hasQuota = p.quota !== undefined;
  const seen = new Map<string, Span>();
  const components: ResolvedComponent[] = [];
  let broken = false;
  for (const c of p.components) {
    const first = seen.get(c.id.value);
    if (first !== undefined) {
      report(ctx, 'plan/duplicate-component', c.id.span, `component \`${c.id.value}\` is listed twice in plan \`${p.id}\``, {
        related: [{ span: first, message: 'first listed here' }],
      });
      broken = true;
      continue;
    }
    seen.set(c.id.value, c.id.span);
    const resolved = checkComponent(ctx, c, { source, hasQuota, components: p.components });
    if (resolved === undefined) broken = true;
    else components.push(resolved);
  }
  const draws = components.filter((c) => c.kind === 'draw');
  for (const c of components) {
    if (c.kind !== 'commission' || c.cap === undefined) continue;
    const floor = draws.find((d) => c.cap !== undefined && c.cap.per === 'period' && d.amount.compare(c.cap.amount) > 0);
    const span = p.components.find((x) => x.id.value === c.id)?.cap?.span;
    if (floor !== undefined && span !== undefined)
      report(
        ctx,
        'plan/bad-cap',
        span,
        `the cap per period (${c.cap.amount.toString()}) is below the draw \`${floor.id}\` (${floor.amount.toString()}), a floor`,
      );
  }
  if (h === undefined || members === undefined || from === undefined || credit === undefined || broken) return undefined;
  if (p.to !== undefined && to === undefined) return undefined;
  if (hasQuota && quota === undefined) return undefined;
  return {
    id: p.id,
    title: p.title ?? p.id,
    hierarchy: h,
    members,
    from,
    to,
    payPeriod: p.payPeriod,
    currency: p.currency ?? ctx.resolved.catalog.meta?.currency ?? 'USD',
    rounding: p.rounding,
    credit,
    quota,
    components,
  };
}

/**
 * Checks every `plan` of the catalog. Hierarchies are checked again here only to resolve plans
 * against them; their own problems are reported by the scorecard checks, not twice.
 */
export function checkPlans(resolved: ResolvedCatalog): PhaseResult<ReadonlyMap<string, ResolvedPlan>> {
  const defs = buildPlans(resolved.catalog);
  if (defs.size === 0) return { value: new Map(), diagnostics: [] };
  const hierarchies = checkHierarchies(createCheckContext(resolved));
  const written = new Set(resolved.catalog.documents.filter((d) => d.kind === 'hierarchy').map((d) => d.id));
  const ctx = createCheckContext(resolved);
  const out = new Map<string, ResolvedPlan>();
  for (const def of defs.values()) {
    const plan = checkPlan(ctx, def, hierarchies, written);
    if (plan !== undefined) out.set(def.id, plan);
  }
  return { value: out, diagnostics: sortDiagnostics(dedupeDiagnostics(ctx.env.diagnostics)) };
}
