/**
 * The CRM's pick-lists as written to the files: stages, forecast categories and the fields whose
 * changes the opportunity history records. Indices are used during simulation; text only on output.
 */

/** Stages in pipeline order; the last two are closed. */
export const STAGES = ['Prospecting', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'] as const;
/** Index of the last open stage. */
export const NEGOTIATION = 3;
/** Index of `Closed Won`. */
export const CLOSED_WON = 4;
/** Index of `Closed Lost`. */
export const CLOSED_LOST = 5;

/** Forecast categories. */
export const CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'] as const;
/** Category indices by name. */
export const CAT = { pipeline: 0, bestCase: 1, commit: 2, closed: 3, omitted: 4 } as const;

/** Fields tracked by `opportunity_history`, in the order same-instant changes are listed. */
export const FIELDS = ['stage', 'forecast_category', 'amount', 'close_date'] as const;
/** Field indices by name. */
export const FIELD = { stage: 0, category: 1, amount: 2, closeDate: 3 } as const;

/** Opportunity types. */
export const DEAL_TYPES = ['New Business', 'Expansion', 'Renewal'] as const;
/** A deal type's index in {@link DEAL_TYPES}. */
export type DealType = 0 | 1 | 2;

/** Product lines. */
export const PRODUCT_LINES = ['Core Platform', 'Analytics', 'Integrations', 'Security Add-on'] as const;

/** Loss reasons of closed-lost deals. */
export const LOSS_REASONS = ['Price', 'Competitor', 'No Decision', 'Timing', 'Product Fit', 'Budget'] as const;
/** How often each loss reason is given (same order). */
export const LOSS_REASON_WEIGHTS = [0.2, 0.24, 0.26, 0.12, 0.1, 0.08] as const;

/** Next-step texts a rep might enter, by current stage (open stages, then closed). */
export const NEXT_STEPS: readonly (readonly string[])[] = [
  ['Intro call booked', 'Research org chart', 'Send intro deck', 'Follow up on inbound request'],
  ['Discovery call with champion', 'Map decision process', 'Demo for the team, then pricing', 'Confirm pain and budget'],
  ['Send proposal', 'Walk through pricing with CFO', 'Proposal review, security questionnaire', 'Revise quote'],
  ['Legal review of MSA', 'Final pricing approval', 'Procurement, then signature', 'Get "verbal yes" in writing'],
  ['Kickoff scheduled', 'Hand over to onboarding', 'Send welcome pack'],
  ['Revisit next fiscal year', 'Add to nurture', 'Ask for feedback'],
];
