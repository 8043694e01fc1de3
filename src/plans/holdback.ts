/**
 * Holdbacks (docs/plans.md#holdback): a share of the pay on each deal is withheld when it is earned
 * and released `release` days after the deal's credit date — unless the holdback's trigger (a
 * cancellation, non-payment) happens first, and then what is held is forfeited. Held amounts are
 * rounded to cents when withheld, so what is released is exactly what was withheld.
 */
import type { Decimal } from '../model/decimal.js';
import type { Period } from '../periods/period.js';
import { addDays, formatIsoDate } from '../query/calendar.js';
import { utcDay } from '../periods/period.js';
import type { ExactLine } from './commission.js';
import type { Credit } from './credits.js';
import { plus, roundTo, sum, times, ZERO, type RoundingRule } from './decimal-math.js';
import type { HoldbackComponent } from './resolved.js';
import { amountText, percentText } from './text.js';

/** What a holdback holds on one deal of a rep. */
interface Held {
  readonly credit: Credit;
  readonly release: string;
  amount: Decimal;
  state: 'held' | 'released' | 'forfeited';
}

/** A rep's holdbacks across periods: component id → deal → what is held. */
export type HoldbackState = Map<string, Map<string, Held>>;

/**
 * The holdback lines of `period`: the share of this period's pay on each deal withheld (negative),
 * then what is released (positive) or forfeited (a line of 0 saying why).
 */
export function holdbackLines(
  h: HoldbackComponent,
  period: Period,
  earnedLines: readonly ExactLine[],
  credits: ReadonlyMap<string, Credit>,
  state: HoldbackState,
  rule: RoundingRule,
): ExactLine[] {
  const out: ExactLine[] = [];
  const mine = state.get(h.id) ?? new Map<string, Held>();
  state.set(h.id, mine);
  const byDeal = new Map<string, Decimal[]>();
  for (const l of earnedLines) {
    if (l.deal === undefined || !h.of.includes(l.component)) continue;
    byDeal.set(l.deal, [...(byDeal.get(l.deal) ?? []), l.exact]);
  }
  for (const [deal, amounts] of byDeal) {
    const credit = credits.get(deal);
    const pay = sum(amounts);
    if (credit === undefined || pay.units <= 0n) continue;
    const hold = roundTo(times(pay, h.share), 2, rule);
    if (hold.units === 0n) continue;
    const release = formatIsoDate(addDays(utcDay(credit.date), h.release));
    const entry = mine.get(deal) ?? { credit, release, amount: ZERO, state: 'held' as const };
    entry.amount = plus(entry.amount, hold);
    mine.set(deal, entry);
    out.push({
      component: h.id,
      kind: 'holdback',
      deal,
      date: credit.date,
      credit: pay,
      rate: h.share,
      rule: `holdback: ${percentText(h.share)} of ${amountText(pay)} earned on the deal held until ${release}`,
      exact: ZERO.minus(hold),
    });
  }
  for (const [deal, entry] of mine) {
    if (entry.state !== 'held') continue;
    const trigger = entry.credit.clawbacks.get(h.id)?.date;
    if (trigger !== undefined && trigger <= entry.release && trigger <= period.last) {
      entry.state = 'forfeited';
      out.push({
        component: h.id,
        kind: 'release',
        deal,
        date: trigger,
        rule: `holdback of ${amountText(entry.amount)} forfeited: trigger on ${trigger}, before its release on ${entry.release}`,
        exact: ZERO,
      });
    } else if (entry.release >= period.start && entry.release <= period.last) {
      entry.state = 'released';
      out.push({
        component: h.id,
        kind: 'release',
        deal,
        date: entry.release,
        rule: `holdback released on ${entry.release}, ${h.release} days after the credit`,
        exact: entry.amount,
      });
    }
  }
  return out;
}

/** What is still held (not released, not forfeited) at the end of a period, over every holdback. */
export function heldNow(state: HoldbackState): Decimal {
  return sum([...state.values()].flatMap((m) => [...m.values()].filter((e) => e.state === 'held').map((e) => e.amount)));
}

/** What a holdback kept of the pay on `deal` (held or forfeited): a clawback takes back only the rest. */
export function keptOn(state: HoldbackState, deal: string): Decimal {
  return sum(
    [...state.values()].flatMap((m) => {
      const e = m.get(deal);
      return e === undefined || e.state === 'released' ? [] : [e.amount];
    }),
  );
}
