/**
 * A rep's pay, period after period: what is sequential per rep runs here, on exact decimals —
 * commission to date (reset each fiscal year), SPIFFs with their guards, bonuses, rounding to
 * cents, and draws with their carried balance. Each component's lines of a fiscal year are
 * rounded as a running total (a line pays round(total after it) − round(total before it)), so
 * a period's lines add up exactly to its pay and the year's periods to the year's rounded total.
 */
import type { Decimal } from '../model/decimal.js';
import type { CalendarDef } from '../model/types.js';
import { periodContaining, utcDay, type Period } from '../periods/period.js';
import { activeDaysIn, daysInclusive, isActive, type Activity } from './activity.js';
import { commissionLines, FRESH, type CommissionState, type ExactLine } from './commission.js';
import type { Credit } from './credits.js';
import { splitNote } from './splits.js';
import { heldNow, holdbackLines, keptOn, type HoldbackState } from './holdback.js';
import { decimalOf, isZero, max, plus, ratio, roundFraction, roundTo, sum, times, ZERO, type RoundingRule } from './decimal-math.js';
import type { ComponentPay, PayLine, RepPeriod } from './report.js';
import type { BonusComponent, ClawbackComponent, DrawComponent, ResolvedPlan, SpiffComponent } from './resolved.js';
import { amountText, percentText } from './text.js';
import type { Status } from '../targets/status.js';
import type { Judged } from './kpi-status.js';

/** What a rep's computation reads besides the rep's own data. */
export interface RepContext {
  readonly plan: ResolvedPlan;
  readonly calendar: CalendarDef;
  /** Every pay period to compute, in order (from the plan's first). */
  readonly periods: readonly Period[];
  /** The rep's quota to date at the end of `period` (its fiscal year from `yearStart`); undefined without a quota. */
  readonly quotaToDate: (period: Period, yearStart: string) => Decimal | undefined;
  /** The median credit of the plan's deals (whole deals, all reps) in a pay period; undefined without deals. */
  readonly medianDeal: (period: Period) => Decimal | undefined;
  /** A KPI's status for the rep in a period (bonus conditions on status). */
  readonly kpiStatus: (kpi: string, period: Period) => Judged | undefined;
  /** A KPI's value for the rep in a period (bonus conditions). */
  readonly kpiValue: (kpi: string, period: Period) => number | null;
}

function spiffLines(s: SpiffComponent, credits: readonly Credit[]): ExactLine[] {
  const out: ExactLine[] = [];
  for (const c of credits) {
    const flags = c.spiffs.get(s.id);
    if (flags?.qualifies !== true) continue;
    if ((s.from !== undefined && c.date < s.from) || (s.to !== undefined && c.date > s.to)) continue;
    const failed = s.guards.filter((_, i) => flags.guards[i] !== true);
    // A per-deal amount follows the rep's share of a split deal; a rate applies to the rep's credit.
    const pay =
      s.amount === undefined ? times(c.amount, s.rate ?? ZERO) : c.split === undefined ? s.amount : times(s.amount, c.split.share);
    const base = s.amount !== undefined ? `${amountText(s.amount)} per deal` : `${percentText(s.rate ?? ZERO)} of credit`;
    out.push({
      component: s.id,
      kind: 'spiff',
      deal: c.deal,
      date: c.date,
      credit: c.amount,
      rate: s.rate,
      rule:
        failed.length === 0
          ? `${splitNote(c)}SPIFF ${s.title}: ${base}`
          : `not paid: guard failed — ${failed.map((g) => g.title).join('; ')}`,
      exact: failed.length === 0 ? pay : ZERO,
    });
  }
  return out;
}

const RANK: Readonly<Record<Status, number>> = { green: 2, amber: 1, red: 0, none: -1 };

/** A KPI value on a statement: at most 4 decimals (0.8333, not 0.8333333333333334); the rule itself compares the exact value. */
function shortNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
}

function bonusLine(
  b: BonusComponent,
  period: Period,
  value: (kpi: string) => number | null,
  status: (kpi: string) => Judged | undefined,
): ExactLine {
  const parts = b.conditions.map((c) => {
    const v = value(c.kpi);
    const v10 = v === null ? undefined : decimalOf(v);
    const judged = c.status === undefined ? undefined : status(c.kpi);
    const ok =
      v10 !== undefined &&
      (c.atLeast === undefined || v10.compare(c.atLeast) >= 0) &&
      (c.atMost === undefined || v10.compare(c.atMost) <= 0) &&
      (c.status === undefined || RANK[judged?.status ?? 'none'] >= RANK[c.status]);
    const bound = [
      c.atLeast === undefined ? '' : `≥ ${c.atLeast.toString()}`,
      c.atMost === undefined ? '' : `≤ ${c.atMost.toString()}`,
      c.status === undefined ? '' : c.status === 'green' ? 'green' : 'amber or green',
    ]
      .filter((x) => x !== '')
      .join(' and ');
    const judgedText =
      c.status === undefined
        ? ''
        : `, ${judged?.status ?? 'none'} against target ${judged?.target === null || judged === undefined ? 'none' : shortNumber(judged.target)}`;
    return { ok, text: `${c.kpi} = ${v === null ? 'no value' : shortNumber(v)}${judgedText} (needs ${bound})` };
  });
  const paid = parts.every((p) => p.ok);
  return {
    component: b.id,
    kind: 'bonus',
    rule: `${paid ? '' : 'not paid: '}${parts.map((p) => p.text).join('; ')} in ${period.label}`,
    exact: paid ? b.amount : ZERO,
  };
}

/** Rounds lines as running totals per component (state kept across the year's periods). */
function rounder(rule: RoundingRule): (line: ExactLine, totals: Map<string, Decimal>) => PayLine {
  return (line, totals) => {
    const before = totals.get(line.component) ?? ZERO;
    const after = plus(before, line.exact);
    totals.set(line.component, after);
    return { ...line, amount: roundTo(after, 2, rule).minus(roundTo(before, 2, rule)) };
  };
}

/** Whole months from `from` to `to` (ISO days): a month is served once its day of the month is reached. */
function monthsServed(from: string, to: string): number {
  const a = utcDay(from);
  const b = utcDay(to);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  return b.getUTCDate() < a.getUTCDate() ? months - 1 : months;
}

/** The clawback lines of `period`: deals whose trigger falls in it, within the window after their credit. */
function clawbackLines(
  c: ClawbackComponent,
  period: Period,
  credits: readonly Credit[],
  paid: ReadonlyMap<string, Decimal>,
  rule: RoundingRule,
  kept: (deal: string) => Decimal,
): ExactLine[] {
  const out: ExactLine[] = [];
  for (const credit of credits) {
    const t = credit.clawbacks.get(c.id);
    if (t === undefined || t.date < period.start || t.date > period.last) continue;
    const days = daysInclusive(credit.date, t.date) - 1;
    if (days < 0 || days > c.within) continue;
    // Only what was paid out is taken back: what a holdback kept on the deal is forfeited instead.
    const onDeal = sum(c.of.map((id) => paid.get(`${id}|${credit.deal}`) ?? ZERO)).minus(kept(credit.deal));
    if (onDeal.units <= 0n) continue;
    let exact = onDeal;
    let why = `${amountText(onDeal)} paid on the deal taken back in full`;
    if (c.term !== undefined && t.term !== null && t.term > 0) {
      const served = Math.min(Math.max(monthsServed(credit.date, t.date), 0), t.term);
      const unserved = BigInt(Math.round(t.term - served));
      exact = roundFraction(onDeal.units * unserved, 10n ** BigInt(onDeal.scale) * BigInt(Math.round(t.term)), 2, rule);
      why = `${amountText(onDeal)} paid on the deal × unserved ${String(unserved)} of ${t.term} months`;
    }
    out.push({
      component: c.id,
      kind: 'clawback',
      deal: credit.deal,
      date: t.date,
      credit: credit.amount,
      rule: `clawback: trigger on ${t.date}, ${days} days after the credit (window ${c.within} days): ${why}`,
      exact: ZERO.minus(exact),
    });
  }
  return out;
}

function drawActive(d: DrawComponent, p: Period): boolean {
  return (d.from === undefined || d.from <= p.last) && (d.to === undefined || d.to >= p.start);
}

/** Applies the draws to `earned`; returns the adjustment (pay − earned) and the new balance. */
function applyDraws(
  draws: readonly DrawComponent[],
  p: Period,
  earned: Decimal,
  balance: Decimal,
): { adjust: Decimal; balance: Decimal; rule: string } {
  const active = draws.find((d) => drawActive(d, p));
  if (active !== undefined) {
    if (!active.recoverable) {
      const pay = max(active.amount, earned);
      return { adjust: pay.minus(earned), balance, rule: `non-recoverable draw of ${amountText(active.amount)}: pay at least the draw` };
    }
    const net = earned.minus(balance);
    if (net.compare(active.amount) >= 0)
      return {
        adjust: net.minus(earned),
        balance: ZERO,
        rule: `recoverable draw of ${amountText(active.amount)}: earnings cover it; ${amountText(balance)} recovered`,
      };
    return {
      adjust: active.amount.minus(earned),
      balance: active.amount.minus(net),
      rule: `recoverable draw of ${amountText(active.amount)}: topped up; balance carried ${amountText(active.amount.minus(net))}`,
    };
  }
  if (isZero(balance) || earned.units <= 0n) return { adjust: ZERO, balance, rule: '' };
  const recovered = earned.compare(balance) < 0 ? earned : balance;
  return {
    adjust: ZERO.minus(recovered),
    balance: balance.minus(recovered),
    rule: `${draws.length === 0 ? 'carried balance' : 'draw'} recovered from earnings: ${amountText(recovered)}; balance ${amountText(balance.minus(recovered))}`,
  };
}

/** The rep's pay in every period of `ctx.periods` on which they were on the plan (or still owed a draw). */
export function computeRep(ctx: RepContext, activity: Activity, credits: readonly Credit[]): RepPeriod[] {
  const { plan } = ctx;
  const round = rounder(plan.rounding);
  const draws = plan.components.filter((c) => c.kind === 'draw');
  const out: RepPeriod[] = [];
  let year = '';
  let commission = new Map<string, CommissionState>();
  let totals = new Map<string, Decimal>();
  let creditToDate: Decimal = ZERO;
  let quotaBefore: Decimal | undefined;
  let balance: Decimal = ZERO;
  const paid = new Map<string, Decimal>();
  const held: HoldbackState = new Map();
  const byDeal = new Map(credits.map((c) => [c.deal, c] as const));
  for (const period of ctx.periods) {
    const fy = periodContaining(utcDay(period.start), 'year', ctx.calendar);
    if (fy.start !== year) {
      year = fy.start;
      commission = new Map();
      totals = new Map();
      creditToDate = ZERO;
      quotaBefore = undefined;
    }
    const activeDays = activeDaysIn(activity, period.start, period.last);
    const mine = credits.filter((c) => c.date >= period.start && c.date <= period.last && isActive(activity, c.date));
    const credit = sum(mine.map((c) => c.amount));
    const overlayCredit = sum(mine.filter((c) => c.split?.kind === 'overlay').map((c) => c.amount));
    creditToDate = plus(creditToDate, credit);
    const quotaToDate = ctx.quotaToDate(period, fy.start);
    const exact: ExactLine[] = [];
    for (const c of plan.components) {
      switch (c.kind) {
        case 'commission': {
          const r = commissionLines(c, commission.get(c.id) ?? FRESH, mine, quotaToDate, ctx.medianDeal(period));
          commission.set(c.id, r.state);
          exact.push(...r.lines);
          break;
        }
        case 'spiff':
          exact.push(...spiffLines(c, mine));
          break;
        case 'bonus':
          if (activeDays > 0)
            exact.push(
              bonusLine(
                c,
                period,
                (kpi) => ctx.kpiValue(kpi, period),
                (kpi) => ctx.kpiStatus(kpi, period),
              ),
            );
          break;
        case 'draw':
        case 'clawback':
        case 'holdback':
          break;
        default: {
          const never: never = c;
          return never;
        }
      }
    }
    // Pay on each deal so far (exact), what a clawback may take back; then this period's clawbacks.
    for (const l of exact)
      if (l.deal !== undefined) paid.set(`${l.component}|${l.deal}`, plus(paid.get(`${l.component}|${l.deal}`) ?? ZERO, l.exact));
    // Holdbacks withhold a share of this period's pay per deal, then release or forfeit what is due.
    const earnedLines = [...exact];
    for (const c of plan.components)
      if (c.kind === 'holdback') exact.push(...holdbackLines(c, period, earnedLines, byDeal, held, plan.rounding));
    const active = credits.filter((c) => isActive(activity, c.date));
    for (const c of plan.components)
      if (c.kind === 'clawback') exact.push(...clawbackLines(c, period, active, paid, plan.rounding, (deal) => keptOn(held, deal)));
    const lines = exact.map((l) => round(l, totals));
    const components: ComponentPay[] = plan.components
      .filter((c) => c.kind !== 'draw')
      .map((c) => ({ id: c.id, title: c.title, amount: sum(lines.filter((l) => l.component === c.id).map((l) => l.amount)) }));
    const earnedNow = sum(components.map((c) => c.amount));
    const draw = activeDays > 0 || !isZero(balance) ? applyDraws(draws, period, earnedNow, balance) : { adjust: ZERO, balance, rule: '' };
    balance = draw.balance;
    const drawLine: PayLine[] = isZero(draw.adjust)
      ? []
      : [
          {
            component: draws[0]?.id ?? 'carry',
            kind: draws.length === 0 ? 'carry' : 'draw',
            rule: draw.rule,
            exact: draw.adjust,
            amount: draw.adjust,
          },
        ];
    // A period never pays a negative amount: it is carried and recovered from later earnings.
    const short = ZERO.minus(plus(earnedNow, draw.adjust));
    if (short.units > 0n) {
      balance = plus(balance, short);
      drawLine.push({
        component: 'carry',
        kind: 'carry',
        rule: `negative pay carried to later periods; balance ${amountText(balance)}`,
        exact: short,
        amount: short,
      });
    }
    const adjustment = sum(drawLine.map((l) => l.amount));
    if (activeDays === 0 && lines.length === 0 && drawLine.length === 0) {
      quotaBefore = quotaToDate;
      continue;
    }
    out.push({
      period,
      activeDays,
      credit,
      overlayCredit,
      creditToDate,
      quota: quotaToDate === undefined ? undefined : quotaToDate.minus(quotaBefore ?? ZERO),
      quotaToDate,
      attainment: quotaToDate === undefined ? null : ratio(creditToDate, quotaToDate),
      components,
      earned: earnedNow,
      draw: adjustment,
      drawBalance: balance,
      held: heldNow(held),
      pay: plus(earnedNow, adjustment),
      lines: [...lines, ...drawLine],
    });
    quotaBefore = quotaToDate;
  }
  return out;
}
