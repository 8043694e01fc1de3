/**
 * A customer's months: the ARR ledger (one row per month while a customer, plus the churn month),
 * and what happens during those months that is not a deal — NPS survey answers and the account
 * manager's check-ins. The ledger is built only from the ARR changes of won deals, so
 * `arr(m) = arr(m−1) + delta` holds by construction.
 */
import { AS_OF_DAY, formatDate, monthEnd, monthOf, monthStart } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { dollars } from './csv-writer.js';
import { activityId, responseId } from './ids.js';
import type { Rng } from './prng.js';

/** An ARR change in a month: a won new-business, expansion or renewal deal, or a lost renewal. */
export interface ArrChange {
  readonly month: number;
  readonly delta: number;
}

/** Who the account is, for the rows written here. */
export interface LedgerAccount {
  readonly id: string;
  readonly risk: number;
  /** The account manager on a day, or −1 if none (as a rep index). */
  readonly managerOn: (day: number) => number;
}

/** Writes ledger rows, NPS responses and check-ins from the account's ARR changes (any order). */
export function writeCustomerMonths(ctx: GenContext, rng: Rng, account: LedgerAccount, changes: readonly ArrChange[]): void {
  if (changes.length === 0) return;
  const lastMonth = monthOf(AS_OF_DAY);
  const deltas = new Map<number, number>();
  let first = Infinity;
  for (const c of changes) {
    if (c.month > lastMonth) continue;
    deltas.set(c.month, (deltas.get(c.month) ?? 0) + c.delta);
    first = Math.min(first, c.month);
  }
  const ledger = writerOf(ctx, 'arr_ledger');
  let arr = 0;
  let wasCustomer = false;
  for (let m = first; m <= lastMonth; m++) {
    const delta = deltas.get(m) ?? 0;
    const previous = arr;
    arr += delta;
    if (previous === 0 && arr === 0) continue;
    let movement: string;
    if (previous === 0) movement = wasCustomer ? 'reactivation' : 'new';
    else if (arr === 0) movement = 'churn';
    else if (delta > 0) movement = 'expansion';
    else if (delta < 0) movement = 'contraction';
    else movement = 'flat';
    if (arr > 0) wasCustomer = true;
    ledger.line(`${account.id},${formatDate(monthStart(m))},${dollars(arr)},${movement},${dollars(delta)}`);
    if (arr > 0) writeCustomerMonth(ctx, rng, account, m);
  }
}

/** Survey answers (about one a year) and account-manager check-ins in a month as a customer. */
function writeCustomerMonth(ctx: GenContext, rng: Rng, account: LedgerAccount, month: number): void {
  const first = monthStart(month);
  const last = Math.min(monthEnd(month), AS_OF_DAY);
  if (rng.chance(0.08)) {
    const score = Math.max(0, Math.min(10, Math.round(8.7 - 4.5 * account.risk + 1.6 * rng.normal())));
    const day = rng.int(first, last);
    writerOf(ctx, 'nps_responses').line(`${responseId(++ctx.counters.response)},${account.id},${formatDate(day)},${score}`);
  }
  if (rng.chance(0.3)) {
    const day = rng.int(first, last);
    const am = ctx.roster.reps[account.managerOn(day)];
    if (am !== undefined) {
      const type = rng.chance(0.4) ? 'meeting' : rng.chance(0.5) ? 'call' : 'email';
      writerOf(ctx, 'activities').line(`${activityId(++ctx.counters.activity)},${am.id},,${account.id},${type},${formatDate(day)}`);
    }
  }
}
