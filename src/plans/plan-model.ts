/**
 * Plan modelling (`kpic payouts --model`, docs/plans.md#modelling): the payout curve of a plan — what
 * a rep on it for a whole fiscal year earns at each attainment from 0% to 200% — so a committee
 * sees the effect of a rate, accelerator or cap change before approving it. The rep's quota is the
 * plan's annual quota (or the one given); their credit in each pay period is the attainment times
 * that period's quota, so attainment to date stays at the level modelled all year. The commission
 * components are computed by the same code as real payouts (compute-rep.ts), exactly.
 */
import { Decimal } from '../model/decimal.js';
import type { CalendarDef } from '../model/types.js';
import { periodContaining, utcDay, type Period } from '../periods/period.js';
import { addDays } from '../query/calendar.js';
import type { Activity } from './activity.js';
import { computeRep } from './compute-rep.js';
import type { Credit } from './credits.js';
import { isZero, ZERO, type RoundingRule } from './decimal-math.js';
import { annualQuotaToDate } from './quota.js';
import { roundFraction, sum, times } from './decimal-math.js';
import type { ResolvedPlan } from './resolved.js';

/** One point of a payout curve. */
interface CurvePoint {
  /** Attainment of the year's quota (1 = 100%). */
  readonly attainment: Decimal;
  readonly credit: Decimal;
  readonly pay: Decimal;
  /** pay ÷ credit (null at no credit), for people. */
  readonly effectiveRate: number | null;
}

/** A plan's curve. */
export interface PlanCurve {
  readonly plan: string;
  readonly title: string;
  readonly currency: string;
  readonly year: string;
  readonly quota: Decimal;
  readonly points: readonly CurvePoint[];
  /** What the model leaves out (components that do not depend on attainment). */
  readonly notes: readonly string[];
}

/** The attainment levels modelled: 0% to 200% by 10%. */
const LEVELS: readonly Decimal[] = Array.from({ length: 21 }, (_, i) => new Decimal(BigInt(i * 10), 2));

function yearPeriods(plan: ResolvedPlan, year: Period, calendar: CalendarDef): Period[] {
  const out: Period[] = [];
  for (let p = periodContaining(utcDay(year.start), plan.payPeriod, calendar); p.start <= year.last;) {
    out.push(p);
    p = periodContaining(addDays(utcDay(p.last), 1), plan.payPeriod, calendar);
  }
  return out;
}

/** Quota to date of a flat annual quota `q` spread evenly over the year's months. */
function evenQuota(q: Decimal, periods: readonly Period[], rule: RoundingRule): (p: Period) => Decimal {
  return (p) => {
    const k = BigInt(periods.findIndex((x) => x.start === p.start) + 1);
    return roundFraction(q.units * k, 10n ** BigInt(q.scale) * BigInt(periods.length), 2, rule);
  };
}

/**
 * The curve of `plan` over the fiscal year containing its first day, for a rep with annual quota
 * `quota` (default: the plan's `annual:`); undefined (with why) when there is no quota to model.
 */
export function planCurve(plan: ResolvedPlan, calendar: CalendarDef, quota: Decimal | undefined): PlanCurve | string {
  const q = plan.quota;
  const annual = quota ?? (q?.kind === 'annual' ? q.annual : undefined);
  if (annual === undefined)
    return q === undefined
      ? `plan \`${plan.id}\` has no quota: there is no attainment to model`
      : `plan \`${plan.id}\` takes its quota from KPI \`${q.kind === 'kpi' ? q.kpi : ''}\`: give the quota to model with \`--quota AMOUNT\``;
  const year = periodContaining(utcDay(plan.from), 'year', calendar);
  const periods = yearPeriods(plan, year, calendar);
  const activity: Activity = { runs: [{ start: year.start, last: year.last }], firstDay: null };
  const quotaToDate =
    quota === undefined && q?.kind === 'annual'
      ? (p: Period): Decimal => annualQuotaToDate(q, activity, year.start, p.last, calendar, plan.rounding)
      : evenQuota(annual, periods, plan.rounding);
  // Only what depends on attainment: commission (without a per-deal taper, which depends on deal sizes).
  const modelled: ResolvedPlan = {
    ...plan,
    from: year.start,
    to: year.last,
    components: plan.components.flatMap((c) => (c.kind === 'commission' ? [{ ...c, taper: undefined }] : [])),
  };
  const notes = [
    ...plan.components
      .filter((c) => c.kind !== 'commission')
      .map((c) => `${c.id} (${c.kind}) is not modelled: it does not depend on attainment`),
    ...plan.components
      .filter((c) => c.kind === 'commission' && c.taper !== undefined)
      .map((c) => `the taper of ${c.id} is not modelled: it depends on deal sizes`),
  ];
  const points = LEVELS.map((attainment) => {
    let before: Decimal = ZERO;
    const credits: Credit[] = periods.map((p) => {
      const to = quotaToDate(p);
      const amount = times(attainment, to.minus(before));
      before = to;
      return { deal: `${p.label} credit`, rep: 'model', date: p.last, amount, spiffs: new Map(), clawbacks: new Map() };
    });
    const rows = computeRep(
      {
        plan: modelled,
        calendar,
        periods,
        quotaToDate: (p) => quotaToDate(p),
        medianDeal: () => undefined,
        kpiStatus: () => undefined,
        kpiValue: () => null,
      },
      activity,
      credits.filter((c) => !isZero(c.amount)),
    );
    const credit = sum(credits.map((c) => c.amount));
    const pay = sum(rows.map((r) => r.pay));
    return { attainment, credit, pay, effectiveRate: isZero(credit) ? null : pay.toNumber() / credit.toNumber() };
  });
  return {
    plan: plan.id,
    title: plan.title,
    currency: plan.currency,
    year: year.label,
    quota: quotaToDate(periods[periods.length - 1] ?? year),
    points,
    notes,
  };
}
