/**
 * Computing payouts: for each plan asked for, read its credits (DuckDB), who was on it when
 * (the hierarchy's spells), quotas and bonus KPIs per rep, then compute each rep's periods in
 * order (compute-rep.ts). Never throws for a user mistake: an unknown plan, rep or period, or a
 * data problem, comes back as a {@link Failure}.
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
import { activityByRep } from './activity.js';
import { computeRep, type RepContext } from './compute-rep.js';
import { readCredits, type Credit, type ReadOptions } from './credits.js';
import { decimalOf, plus, roundTo, ZERO } from './decimal-math.js';
import { kpiByRep, type ValuesByRep } from './kpi-by-rep.js';
import { annualQuotaToDate } from './quota.js';
import type { PayoutReport, PlanPayout, RepPayout } from './report.js';
import type { ResolvedPlan } from './resolved.js';

/** What to compute; every field has a default. */
export interface PayoutRequest {
  /** A plan id (default: every plan). */
  readonly plan?: string | undefined;
  /** A period label or a date inside it (default: each plan's latest complete pay period in the data). */
  readonly period?: string | undefined;
  /** A rep's member key (default: every rep on the plan). */
  readonly rep?: string | undefined;
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
  readonly credits: readonly Credit[];
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
  if (to < plan.from) return { credits: [], periods: [], shown: [] };
  const credits = await readCredits(resolved, plan, like, { from: plan.from, to }, opts);
  if (!Array.isArray(credits)) return credits;
  if (window === undefined) {
    const last = credits[credits.length - 1]?.date;
    if (last === undefined) return { credits, periods: [], shown: [] };
    window = latestCompletePeriod(last, plan.payPeriod, calendar);
  }
  const periods = payPeriods(plan, window.last < to ? window.last : to, calendar);
  const w = window;
  return { credits, periods, shown: periods.filter((p) => p.last >= w.start && p.start <= w.last) };
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

async function planPayout(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  request: PayoutRequest,
  like: ResolvedKpi,
  opts: ReadOptions,
): Promise<PlanPayout | Failure> {
  const calendar = calendarOf(resolved.catalog);
  const inputs = await planInputs(resolved, plan, like, request.period, calendar, opts);
  if ('ok' in inputs) return inputs;
  const spells = await readSpells(resolved, plan.hierarchy, [{ id: plan.id, members: plan.members }], like, { ...opts, date: plan.from });
  if (!Array.isArray(spells)) return spells as Failure;
  const activity = activityByRep(spells, plan.id, plan.from, plan.to);
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
  let reps = [...activity.keys()].sort();
  if (request.rep !== undefined) {
    if (!activity.has(request.rep)) {
      const hint = didYouMean(request.rep, reps);
      return usage(`rep \`${request.rep}\` is not on plan \`${plan.id}\`${hint === undefined ? '' : `; ${hint}`}`);
    }
    reps = [request.rep];
  }
  const byRep = new Map<string, Credit[]>();
  for (const c of inputs.credits) {
    const list = byRep.get(c.rep);
    if (list === undefined) byRep.set(c.rep, [c]);
    else list.push(c);
  }
  const shown = new Set(inputs.shown.map((p) => p.start));
  const out: RepPayout[] = [];
  for (const rep of reps) {
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
      kpiValue: (kpi, p) => kpiValues.get(kpi)?.get(rep)?.get(p.start)?.value ?? null,
    };
    const periods = computeRep(ctx, a, byRep.get(rep) ?? []).filter((p) => shown.has(p.period.start));
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
  };
}

/** Computes the request; opens (and closes) its own database unless one is given. */
export async function evaluatePayouts(
  resolved: ResolvedCatalog,
  plans: ReadonlyMap<string, ResolvedPlan>,
  request: PayoutRequest,
  options: { readonly dataDir: string; readonly db?: Database | undefined },
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
  const db = options.db ?? (await openDatabase());
  try {
    const warnings: Diagnostic[] = [];
    const opts = { dataDir: options.dataDir, db, warnings };
    const out: PlanPayout[] = [];
    for (const plan of chosen) {
      const payout = await planPayout(resolved, plan, request, like, opts);
      if ('ok' in payout) return payout;
      out.push(payout);
    }
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
