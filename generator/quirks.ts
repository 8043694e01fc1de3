/**
 * The deliberate imperfections of the generated data, counted as they are made so the summary
 * (and examples/data/README.md) can state exactly how many of each a data set holds.
 */

/** Every deliberate quirk, with the one-line description the summary prints. */
export const QUIRKS = {
  near_duplicate_accounts: 'accounts that duplicate another account under a variant of its name (no deals of their own)',
  missing_amount: 'opportunities with an empty amount (only open or lost deals)',
  missing_next_step: 'opportunities with an empty next_step',
  missing_lead_source: 'new-business opportunities with an empty lead_source',
  mega_deals: 'one-time mega deals (won Enterprise new business at 12–25× the usual size, 36-month term)',
  pipeline_drop: 'open EMEA Enterprise deals lost together in the second half of September 2026 (a pipeline drop)',
  deleted_owner_opportunities: 'opportunities owned by a deleted user (owner_id not in reps.csv)',
  leads_without_owner: 'leads left without an SDR for more than a day (status New, never worked)',
  gaming_reps: 'AEs and AMs who game the CRM',
  repeated_close_date_pushes: 'opportunities whose close date was pushed 3 or more times',
  skipped_stages: 'opportunities that jumped over at least one stage',
  stages_moved_back: 'opportunities moved from Proposal back to Discovery (advanced too early), then on again',
  quarter_end_stage_jumps: 'opportunities jumped to Negotiation/Commit in the last days of a quarter they did not close in',
  backdated_closes: 'won deals closed in the first days of a quarter with a close date backdated into the previous one',
  close_date_pushed_across_quarters: 'opportunities whose close date was pushed into a later quarter twice or more',
  amount_raised_then_cut: 'opportunities whose amount was raised in the last 14 days of a quarter and cut within 28 days, in the next',
  won_without_activity: 'won deals with no activity logged on the deal by their close date',
  activities_after_close: 'activities logged on a closed deal after its close date',
  sandbagged_deals: 'won deals of 25,000 or more entered and won within a week, in the first 14 days of a quarter',
  duplicate_open_deals:
    'open new-business deals entered a second time (same account, type and product line) days before the as-of date, and their originals',
  won_without_invoice: 'won deals due for billing that have no invoice',
  invoice_amount_mismatch: 'won deals whose first invoice bills the list price (discount not applied) or 10% more',
  duplicate_invoices: 'invoices billed twice (same deal, date and amount; second invoice id)',
  orphan_invoices: 'invoices whose opportunity_id names no opportunity (a mistyped id)',
  missing_revenue_schedule: 'won deals due for recognition that have no revenue_schedule rows',
  late_revenue_schedule: 'won deals whose revenue schedule starts one month after service start',
  negative_deferred_revenue: 'won deals with more revenue recognised than billed (an anniversary invoice never raised, or no invoice)',
} as const;

/** The name of a quirk. */
export type QuirkName = keyof typeof QUIRKS;

/** Quirk counts, all starting at zero, in a fixed order. */
export type QuirkCounts = Map<QuirkName, number>;

/** A zeroed counter for every quirk. */
export function newQuirkCounts(): QuirkCounts {
  const counts: QuirkCounts = new Map();
  for (const name of Object.keys(QUIRKS) as QuirkName[]) counts.set(name, 0);
  return counts;
}

/** Adds one (or `n`) to a quirk's count. */
export function countQuirk(counts: QuirkCounts, name: QuirkName, n = 1): void {
  counts.set(name, (counts.get(name) ?? 0) + n);
}
