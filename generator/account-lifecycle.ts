/**
 * One account from first contact to the as-of date: new-business attempts until one is won, then
 * the subscription term by term — expansions during the term, a renewal before it ends that keeps,
 * shrinks or churns the ARR — and sometimes a win-back after churn. Every table row about the
 * account is written here, in one pass, and nothing is kept once the account is done.
 */
import { AS_OF_DAY, monthOf, monthStart } from './calendar.js';
import { drawAccount } from './account-profile.js';
import { writeBilling } from './billing.js';
import type { GenContext } from './context.js';
import { writeCustomerMonths, type ArrChange } from './customer-ledger.js';
import { expansionsPerYear, planExpansion, planNewBusiness, planRenewal } from './deal-planner.js';
import { CLOSED_WON } from './deal-vocabulary.js';
import { writeDeal, type DealSpec, type WrittenDeal } from './deal-writer.js';
import { LEAD_SOURCES, writeLeads } from './leads.js';
import { FUNC_AM } from './org.js';
import { createRng } from './prng.js';

/** Chance that a lost new-business deal is tried again later. */
const RETRY_AFTER_LOSS = 0.25;
/** Chance that a churned customer is won back later. */
const WIN_BACK = 0.3;

/**
 * Generates account number `index` (0-based) with at most `budget` deals; returns how many deals
 * it wrote. When the budget runs out mid-subscription the contract simply runs on (auto-renews).
 */
export function generateAccount(ctx: GenContext, index: number, budget: number): number {
  const rng = createRng(ctx.seed, 'account', index);
  const account = drawAccount(ctx, rng);
  const changes: ArrChange[] = [];
  const managers: { readonly from: number; readonly rep: number }[] = [];
  let written = 0;

  const employed = (rep: number, day: number): boolean => {
    const r = ctx.roster.reps[rep];
    return r !== undefined && r.hireDay <= day && (r.leaveDay === null || r.leaveDay >= day);
  };

  /** Keeps the account's manager if still employed until `until`; otherwise assigns another. */
  const assignManager = (day: number, until: number): number => {
    const end = Math.min(until, AS_OF_DAY);
    const current = managers[managers.length - 1];
    if (current !== undefined && employed(current.rep, day) && employed(current.rep, end)) return current.rep;
    const rep = ctx.pools.pick(rng, FUNC_AM, account.region, day, end);
    managers.push({ from: day, rep });
    return rep;
  };

  /** The account manager on `day`, or −1 if the account had none then. */
  const managerOn = (day: number): number => {
    for (let k = managers.length - 1; k >= 0; k--) {
      const m = managers[k];
      if (m !== undefined && m.from <= day) return employed(m.rep, day) ? m.rep : -1;
    }
    return -1;
  };

  const write = (spec: DealSpec): WrittenDeal => {
    written++;
    return writeDeal(ctx, rng, account.id, spec);
  };

  const bill = (deal: WrittenDeal, startDay: number, termMonths: number, amount: number): void => {
    writeBilling(ctx, {
      accountId: account.id,
      opportunityId: deal.id,
      opportunityNumber: deal.number,
      amount,
      listPrice: deal.spec.listPrice,
      startDay,
      termMonths,
    });
  };

  /** A won new-business or expansion deal: ARR from its (reported) close month, and its billing. */
  const book = (deal: WrittenDeal, startDay: number, termMonths: number, amount: number): void => {
    changes.push({ month: monthOf(startDay), delta: amount });
    bill(deal, startDay, termMonths, amount);
  };

  /** Runs the subscription term by term; returns the day it churned, or null if it is still live. */
  const subscription = (startMonth: number, termMonths: number, startArr: number): number | null => {
    let termStart = startMonth;
    let term = termMonths;
    let arr = startArr;
    for (;;) {
      const renewalMonth = termStart + term;
      const renewalStart = monthStart(renewalMonth);
      const latestClose = renewalStart - 130;
      const from = monthStart(termStart) + 60;
      const to = latestClose - 20;
      if (to > from) {
        const expected = (expansionsPerYear(account.segment) * (to - from)) / 365;
        const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
        const days = Array.from({ length: count }, () => rng.int(from, to)).sort((a, b) => a - b);
        for (const day of days) {
          if (day > AS_OF_DAY || written >= budget) return null;
          const am = assignManager(day, latestClose);
          const spec = planExpansion(ctx, rng, account, am, day, latestClose, renewalMonth, arr);
          if (spec === null) continue;
          const deal = write(spec);
          if (deal.state.stage === CLOSED_WON) {
            arr += spec.amount;
            book(deal, deal.state.closeDay, spec.termMonths, spec.amount);
          }
        }
      }
      if (renewalStart - 120 > AS_OF_DAY || written >= budget) return null;
      const am = assignManager(renewalStart - 120, renewalStart);
      const spec = planRenewal(ctx, rng, account, am, renewalStart, arr);
      if (spec.createdDay > AS_OF_DAY) return null;
      const deal = write(spec);
      if (!deal.state.closed) return null;
      if (deal.state.stage !== CLOSED_WON) {
        changes.push({ month: renewalMonth, delta: -arr });
        return renewalStart;
      }
      if (spec.amount !== arr) changes.push({ month: renewalMonth, delta: spec.amount - arr });
      arr = spec.amount;
      bill(deal, renewalStart, spec.termMonths, spec.amount);
      termStart = renewalMonth;
      term = spec.termMonths;
    }
  };

  let day = account.firstTouchDay;
  let everCustomer = false;
  let first = true;
  while (written < budget && day <= AS_OF_DAY) {
    const spec = planNewBusiness(ctx, rng, account, day, everCustomer, first);
    first = false;
    const deal = write(spec);
    if ((LEAD_SOURCES as readonly string[]).includes(spec.leadSource)) {
      writeLeads(ctx, rng, account.region, account.id, deal.id, spec.leadSource, spec.createdDay);
    }
    if (!deal.state.closed) break;
    if (deal.state.stage !== CLOSED_WON) {
      if (!rng.chance(RETRY_AFTER_LOSS)) break;
      day = spec.closeDay + rng.int(120, 360);
      continue;
    }
    everCustomer = true;
    const start = deal.state.closeDay;
    assignManager(start, start + 365);
    book(deal, start, spec.termMonths, spec.amount);
    const churned = subscription(monthOf(start), spec.termMonths, spec.amount);
    if (churned === null || !rng.chance(WIN_BACK)) break;
    day = churned + rng.int(90, 400);
  }

  writeCustomerMonths(ctx, rng, { id: account.id, risk: account.risk, managerOn }, changes);
  return written;
}
