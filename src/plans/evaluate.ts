/**
 * Computing payouts: for each plan asked for, keep its credits in a table of the database
 * (credit-table.ts), read who was on it when (the hierarchy's spells), quotas and bonus KPIs per
 * rep, then compute each rep's periods in order (compute-rep.ts), reading the credits one batch of
 * reps at a time (credit-batches.ts). Never throws for a user mistake: an unknown plan, rep or
 * period, or a data problem, comes back as a {@link Failure}.
 */
import { dedupeDiagnostics, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { openDatabase, type Database } from '../engine/duckdb.js';
import { calendarOf } from '../model/calendar.js';
import type { Decimal } from '../model/decimal.js';
import type { CalendarDef } from '../model/types.js';
import { readSpells, type Spell } from '../org/spells.js';
import { latestCompletePeriod } from '../periods/latest-period.js';
import { parsePeriod, periodContaining, utcDay, type Period } from '../periods/period.js';
import type { Failure } from '../pipeline.js';
import { addDays } from '../query/calendar.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import { activityByRep, type Activity } from './activity.js';
import { overlappingPlans } from './overlaps.js';
import { computeRep, type RepContext } from './compute-rep.js';
import { BATCH_ROWS, creditBatches, splitProblems, type SplitInput } from './credit-batches.js';
import { createCreditTable, dropCreditTable, type CreditTable } from './credit-table.js';
import type { ReadOptions } from './credits.js';
import { readSplits } from './splits.js';
import { decimalOf, plus, roundTo, ZERO } from './decimal-math.js';
import { kpiByRep, type ValuesByRep } from './kpi-by-rep.js';
import { statusByRep, type StatusByRep } from './kpi-status.js';
import { medianDeals } from './median-deal.js';
import { annualQuotaToDate } from './quota.js';
import type { PayoutReport, PlanPayout, PlanTotal, RepPayout } from './report.js';
import type { ResolvedPlan } from './resolved.js';

/** What to compute; every field has a default. */
export interface PayoutRequest {
  /** A plan id (default: every plan). */
  readonly plan?: string | undefined;
  /** A period label or a date inside it (default: each plan's latest complete pay period in the data). */
  readonly period?: string | undefined;
  /** A rep's member key (default: every rep on the plan). */
  readonly rep?: string | undefined;
  /**
   * Whether each period keeps the itemised lines behind its pay (default: true). Without them,
   * a rep's lines are dropped as soon as the rep is computed: what a summary needs, and all that
   * memory holds for many deals. The figures are the same either way.
   */
  readonly itemised?: boolean | undefined;
}

/** A payout report, or why there is none. */
export type PayoutResult = { readonly ok: true; readonly report: PayoutReport; readonly diagnostics: readonly Diagnostic[] } | Failure;

const usage = (message: string): Failure => ({ ok: false, kind: 'usage', message, diagnostics: [] });

/** The pay periods from the one containing `from` to the one containing `to`. */
function payPeriods(plan: ResolvedPlan, to: string, calendar: CalendarDef): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(utcDay(plan.from), plan.payPeriod, calendar); p.start <= to;) {
    out.push(p);
    p = periodContaining(addDays(utcDay(p.last), 1), plan.payPeriod, calendar);
  }
  return out;
}

function namesOf(spells: readonly Spell[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of spells) {
    const label = s.labels[s.labels.length - 1];
    if (label !== null && label !== undefined) names.set(s.member, label);
  }
  return names;
}

interface PlanInputs {
  /** The plan's credits, in the database; undefined when the plan starts after the period asked for. */
  readonly credits: CreditTable | undefined;
  readonly splits: SplitInput | undefined;
  readonly periods: readonly Period[];
  readonly shown: readonly Period[];
}

async function planInputs(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  like: ResolvedKpi,
  asked: string | undefined,
  calendar: CalendarDef,
  opts: ReadOptions,
): Promise<PlanInputs | Failure> {
  let window: Period | undefined;
  if (asked !== undefined) {
    const p = parsePeriod(asked, plan.payPeriod, calendar);
    if (typeof p === 'string') return usage(p);
    window = p;
  }
  const limit = window?.last ?? plan.to ?? formatToday();
  const to = plan.to !== undefined && plan.to < limit ? plan.to : limit;
  if (to < plan.from) return { credits: undefined, splits: undefined, periods: [], shown: [] };
  const credits = await createCreditTable(resolved, plan, like, { from: plan.from, to }, opts);
  if ('ok' in credits) return credits;
  const splits = await checkedSplits(resolved, plan, like, credits, opts);
  if (splits !== undefined && 'ok' in splits) {
    await dropCreditTable(credits);
    return splits;
  }
  if (window === undefined) {
    const last = credits.lastDate;
    if (last === undefined) return { credits, splits, periods: [], shown: [] };
    window = latestCompletePeriod(last, plan.payPeriod, calendar);
  }
  const periods = payPeriods(plan, window.last < to ? window.last : to, calendar);
  const w = window;
  return { credits, splits, periods, shown: periods.filter((p) => p.last >= w.start && p.start <= w.last) };
}

/** The plan's split rows (revenue shares, overlays), or the deals whose splits are wrong. */
async function checkedSplits(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  like: ResolvedKpi,
  credits: CreditTable,
  opts: ReadOptions,
): Promise<SplitInput | Failure | undefined> {
  const s = plan.credit.splits;
  if (s === undefined) return undefined;
  const rows = await readSplits(resolved, s, like, opts);
  if (!(rows instanceof Map)) return rows;
  const file = resolved.catalog.sources.get(s.source)?.path.value ?? s.source;
  const splits: SplitInput = { rows, def: s, file };
  const problems = await splitProblems(credits, splits);
  if (problems.length === 0) return splits;
  const n = problems.length;
  return {
    ok: false,
    kind: 'data',
    message: `${n} deal${n === 1 ? '' : 's'} of plan \`${plan.id}\` cannot be credited: ${n === 1 ? 'its' : 'their'} splits are wrong; nothing was paid`,
    diagnostics: problems,
  };
}

function formatToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** quota to date per rep from a KPI's values per period (each rounded to cents, summed over the year). */
function kpiQuota(values: ValuesByRep, rep: string, plan: ResolvedPlan, periods: readonly Period[]) {
  return (period: Period, yearStart: string): Decimal => {
    let total: Decimal = ZERO;
    for (const p of periods) {
      if (p.start < yearStart || p.start > period.start) continue;
      const v = values.get(rep)?.get(p.start);
      const d = v?.exact ?? (v?.value === null || v?.value === undefined ? undefined : decimalOf(v.value));
      if (d !== undefined) total = plus(total, roundTo(d, 2, plan.rounding));
    }
    return total;
  };
}

/** The plan's totals per period: each deal's revenue once, overlay credit apart. */
function planTotals(reps: readonly RepPayout[]): PlanTotal[] {
  const byPeriod = new Map<string, { label: string; credit: Decimal; overlay: Decimal; pay: Decimal }>();
  for (const r of reps)
    for (const x of r.periods) {
      const t = byPeriod.get(x.period.start) ?? { label: x.period.label, credit: ZERO, overlay: ZERO, pay: ZERO };
      t.credit = plus(t.credit, x.credit.minus(x.overlayCredit));
      t.overlay = plus(t.overlay, x.overlayCredit);
      t.pay = plus(t.pay, x.pay);
      byPeriod.set(x.period.start, t);
    }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, t]) => ({ period: t.label, credit: t.credit, overlay: t.overlay, pay: t.pay }));
}

async function planPayout(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  request: PayoutRequest,
  like: ResolvedKpi,
  opts: PayOptions,
  activities: Map<string, ReadonlyMap<string, Activity>>,
): Promise<PlanPayout | Failure> {
  const calendar = calendarOf(resolved.catalog);
  const inputs = await planInputs(resolved, plan, like, request.period, calendar, opts);
  if ('ok' in inputs) return inputs;
  try {
    return await payPlan(resolved, plan, request, like, opts, activities, inputs);
  } finally {
    if (inputs.credits !== undefined) await dropCreditTable(inputs.credits);
  }
}

/** What computing a plan needs besides the plan. */
interface PayOptions extends ReadOptions {
  /** Credited rows per batch of reps read at once. */
  readonly batchRows: number;
}

async function payPlan(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  request: PayoutRequest,
  like: ResolvedKpi,
  opts: PayOptions,
  activities: Map<string, ReadonlyMap<string, Activity>>,
  inputs: PlanInputs,
): Promise<PlanPayout | Failure> {
  const calendar = calendarOf(resolved.catalog);
  const spells = await readSpells(resolved, plan.hierarchy, [{ id: plan.id, members: plan.members }], like, { ...opts, date: plan.from });
  if (!Array.isArray(spells)) return spells as Failure;
  const activity = activityByRep(spells, plan.id, plan.from, plan.to);
  activities.set(plan.id, activity);
  const names = namesOf(spells);
  const first = inputs.periods[0];
  const last = inputs.periods[inputs.periods.length - 1];
  const range = first === undefined || last === undefined ? undefined : { from: first.start, to: last.last };
  const kpiValues = new Map<string, ValuesByRep>();
  const wanted = new Set<string>();
  if (plan.quota?.kind === 'kpi') wanted.add(plan.quota.kpi);
  for (const c of plan.components) if (c.kind === 'bonus') for (const k of c.conditions) wanted.add(k.kpi);
  for (const kpi of [...wanted].sort()) {
    if (range === undefined) break;
    const values = await kpiByRep(resolved, plan, kpi, range, opts);
    if (!(values instanceof Map)) return values as Failure;
    kpiValues.set(kpi, values);
  }
  const statuses = new Map<string, StatusByRep>();
  for (const c of plan.components) {
    if (c.kind !== 'bonus') continue;
    for (const k of c.conditions) {
      if (k.status === undefined || statuses.has(k.kpi)) continue;
      const judged = await statusByRep(
        resolved,
        plan,
        k,
        kpiValues.get(k.kpi) ?? new Map(),
        { periods: inputs.periods, spells, calendar },
        opts,
      );
      if (!(judged instanceof Map)) return judged as Failure;
      statuses.set(k.kpi, judged);
    }
  }
  let reps = [...activity.keys()].sort();
  if (request.rep !== undefined) {
    if (!activity.has(request.rep)) {
      const hint = didYouMean(request.rep, reps);
      return usage(`rep \`${request.rep}\` is not on plan \`${plan.id}\`${hint === undefined ? '' : `; ${hint}`}`);
    }
    reps = [request.rep];
  }
  const shown = new Set(inputs.shown.map((p) => p.start));
  const medians =
    inputs.credits !== undefined && plan.components.some((c) => c.kind === 'commission' && c.taper?.kind === 'median')
      ? await medianDeals(inputs.credits, inputs.periods)
      : new Map<string, Decimal>();
  const out: RepPayout[] = [];
  const batches =
    inputs.credits === undefined
      ? [new Map(reps.map((rep) => [rep, []] as const))]
      : creditBatches(inputs.credits, reps, inputs.splits, opts.batchRows);
  for await (const batch of batches)
    for (const [rep, credits] of batch) {
      const a = activity.get(rep);
      if (a === undefined) continue;
      const q = plan.quota;
      const ctx: RepContext = {
        plan,
        calendar,
        periods: inputs.periods,
        quotaToDate:
          q === undefined
            ? () => undefined
            : q.kind === 'annual'
              ? (p, yearStart) => annualQuotaToDate(q, a, yearStart, p.last, calendar, plan.rounding)
              : kpiQuota(kpiValues.get(q.kpi) ?? new Map(), rep, plan, inputs.periods),
        medianDeal: (p) => medians.get(p.start),
        kpiStatus: (kpi, p) => statuses.get(kpi)?.get(rep)?.get(p.start),
        kpiValue: (kpi, p) => kpiValues.get(kpi)?.get(rep)?.get(p.start)?.value ?? null,
      };
      const periods = computeRep(ctx, a, credits)
        .filter((p) => shown.has(p.period.start))
        .map((p) => (request.itemised === false ? { ...p, lines: [] } : p));
      if (periods.length > 0) out.push({ rep, name: names.get(rep) ?? rep, periods });
    }
  return {
    plan: plan.id,
    title: plan.title,
    currency: plan.currency,
    payPeriod: plan.payPeriod,
    rounding: plan.rounding,
    components: plan.components.filter((c) => c.kind !== 'draw').map((c) => ({ id: c.id, title: c.title })),
    reps: out,
    totals: planTotals(out),
  };
}

/** Computes the request; opens (and closes) its own database unless one is given. */
export async function evaluatePayouts(
  resolved: ResolvedCatalog,
  plans: ReadonlyMap<string, ResolvedPlan>,
  request: PayoutRequest,
  options: {
    readonly dataDir: string;
    readonly db?: Database | undefined;
    /** Credited rows read per batch of reps (default {@link BATCH_ROWS}); any size gives the same figures. */
    readonly batchRows?: number | undefined;
    /** The most memory DuckDB may use (`4GB`) when the database is opened here; beyond it, it spills to temporary files. */
    readonly memoryLimit?: string | undefined;
  },
): Promise<PayoutResult> {
  if (plans.size === 0) return usage('the catalog has no plan (write a `plan` document, see docs/plans.md)');
  let chosen = [...plans.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (request.plan !== undefined) {
    const plan = plans.get(request.plan);
    if (plan === undefined) {
      const hint = didYouMean(request.plan, plans.keys());
      return usage(
        `unknown plan \`${request.plan}\`${hint === undefined ? `; plans: ${[...plans.keys()].sort().join(', ')}` : `; ${hint}`}`,
      );
    }
    chosen = [plan];
  }
  const like = [...resolved.kpis.values()][0];
  if (like === undefined) return usage('the catalog has no KPI to evaluate plans with');
  const db = options.db ?? (await openDatabase({ memoryLimit: options.memoryLimit }));
  try {
    const warnings: Diagnostic[] = [];
    const opts: PayOptions = {
      dataDir: options.dataDir,
      db,
      warnings,
      batchRows: options.batchRows ?? BATCH_ROWS,
      memoryLimit: options.db === undefined ? options.memoryLimit : undefined,
    };
    const out: PlanPayout[] = [];
    const activities = new Map<string, ReadonlyMap<string, Activity>>();
    for (const plan of chosen) {
      const payout = await planPayout(resolved, plan, request, like, opts, activities);
      if ('ok' in payout) return payout;
      out.push(payout);
    }
    warnings.push(...overlappingPlans(chosen.map((plan) => ({ plan, activity: activities.get(plan.id) ?? new Map() }))));
    const labels = [
      ...new Set(out.flatMap((p) => p.reps.flatMap((r) => r.periods.map((x) => `${x.period.start}|${x.period.label}`)))),
    ].sort();
    return {
      ok: true,
      report: { plans: out, periods: labels.map((l) => l.slice(11)) },
      diagnostics: sortDiagnostics(dedupeDiagnostics(warnings)),
    };
  } finally {
    if (options.db === undefined) db.close();
  }
}
