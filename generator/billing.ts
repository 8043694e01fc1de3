/**
 * Invoices and revenue recognition for a won deal: billed yearly in advance from the service
 * start, recognised ratably month by month over the contract term (up to the as-of month). A few
 * deals are billed or recognised wrongly on purpose, chosen by their position among billed deals
 * so the counts are exact and reproducible.
 */
import { AS_OF_DAY, addMonths, formatDate, monthOf, monthStart } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { cents } from './csv-writer.js';
import { paidText } from './compensation.js';
import { invoiceId, mistypedOpportunityId } from './ids.js';
import { plant } from './planted.js';
import type { QuirkName } from './quirks.js';

/** What billing needs of a won deal. */
export interface BilledDeal {
  readonly accountId: string;
  readonly opportunityId: string;
  readonly opportunityNumber: number;
  /** Booked amount per year (ARR), whole dollars. */
  readonly amount: number;
  readonly listPrice: number;
  /** First day of service (close date, or the renewal's effective date). */
  readonly startDay: number;
  readonly termMonths: number;
}

/** Billing quirks in priority order, each with the period of billed deals that selects it. */
const BILLING_QUIRKS: readonly (readonly [QuirkName, number, number])[] = [
  ['won_without_invoice', 113, 5],
  ['invoice_amount_mismatch', 127, 9],
  ['duplicate_invoices', 131, 17],
  ['orphan_invoices', 137, 23],
  ['missing_revenue_schedule', 149, 31],
  ['late_revenue_schedule', 151, 41],
];

/** Writes the invoices and revenue schedule of a won deal whose service has started. */
export function writeBilling(ctx: GenContext, deal: BilledDeal): void {
  if (deal.startDay > AS_OF_DAY) return;
  const position = ++ctx.counters.billed;
  let quirk = BILLING_QUIRKS.find(([, period, offset]) => position % period === offset)?.[0];
  // A schedule one month late must still start by the as-of month to be visible as late.
  if (quirk === 'late_revenue_schedule' && monthOf(deal.startDay) >= monthOf(AS_OF_DAY)) quirk = undefined;
  if (quirk !== undefined)
    plant(ctx, quirk, deal.opportunityId, quirk === 'orphan_invoices' ? mistypedOpportunityId(deal.opportunityNumber) : '');

  const invoices = writerOf(ctx, 'invoices');
  const annualCents = deal.amount * 100;
  for (let year = 0; year * 12 < deal.termMonths && quirk !== 'won_without_invoice'; year++) {
    const day = addMonths(deal.startDay, 12 * year);
    if (day > AS_OF_DAY) break;
    const months = Math.min(12, deal.termMonths - 12 * year);
    let amount = Math.round((annualCents * months) / 12);
    if (year === 0 && quirk === 'invoice_amount_mismatch') {
      amount = deal.listPrice > deal.amount ? Math.round((deal.listPrice * 100 * months) / 12) : Math.round(amount * 1.1);
    }
    const opp = year === 0 && quirk === 'orphan_invoices' ? mistypedOpportunityId(deal.opportunityNumber) : deal.opportunityId;
    const line = `${deal.accountId},${opp},${formatDate(day)},${cents(amount)}`;
    const number = ++ctx.counters.invoice;
    invoices.line(`${invoiceId(number)},${line},${paidText(ctx, number, day)}`);
    if (year === 0 && quirk === 'duplicate_invoices') {
      const twice = ++ctx.counters.invoice;
      invoices.line(`${invoiceId(twice)},${line},${paidText(ctx, twice, day)}`);
    }
  }

  if (quirk === 'missing_revenue_schedule') return;
  const schedule = writerOf(ctx, 'revenue_schedule');
  const first = monthOf(deal.startDay);
  const shift = quirk === 'late_revenue_schedule' ? 1 : 0;
  const lastMonth = monthOf(AS_OF_DAY);
  let previous = 0;
  for (let k = 1; k <= deal.termMonths; k++) {
    const month = first + k - 1 + shift;
    if (month > lastMonth) break;
    const cumulative = Math.round((annualCents * k) / 12);
    schedule.line(`${deal.opportunityId},${formatDate(monthStart(month))},${cents(cumulative - previous)}`);
    previous = cumulative;
  }
}
