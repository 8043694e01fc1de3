/**
 * The fixed vocabulary of the simulated organisation: regions, sales functions (a team's job) and
 * the segments and industries of its customers, with the weights and rates that shape the data.
 */

/** Sales regions, in output order. */
export const REGIONS = ['AMER', 'EMEA', 'APAC'] as const;
/** Share of accounts (and of headcount) per region. */
export const REGION_WEIGHTS = [0.5, 0.32, 0.18] as const;

/** Account segments, in output order. */
export const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise'] as const;
/** Share of accounts per segment. */
export const SEGMENT_WEIGHTS = [0.52, 0.31, 0.17] as const;

/** Rep roles as written to `reps.role`. */
export type Role = 'AE' | 'SDR' | 'AM' | 'manager';

/**
 * What a team does. AE teams are split by the segment they sell to (index = segment index), so a
 * function index below 3 is also the segment of the accounts its reps own.
 */
export interface SalesFunction {
  readonly label: string;
  readonly role: Exclude<Role, 'manager'>;
  /** Units of work one rep handles per year (deals for AE/AM, leads for SDR). */
  readonly perRepYear: number;
  /** Units of work per generated opportunity, to size headcount from the scale. */
  readonly workPerOpportunity: number;
}

/** Functions by index: 0–2 are AE teams for SMB, Mid-Market, Enterprise. */
export const FUNCTIONS: readonly SalesFunction[] = [
  { label: 'SMB', role: 'AE', perRepYear: 70, workPerOpportunity: 0.4 },
  { label: 'Mid-Market', role: 'AE', perRepYear: 40, workPerOpportunity: 0.25 },
  { label: 'Enterprise', role: 'AE', perRepYear: 22, workPerOpportunity: 0.15 },
  { label: 'Account Management', role: 'AM', perRepYear: 60, workPerOpportunity: 0.2 },
  { label: 'SDR', role: 'SDR', perRepYear: 350, workPerOpportunity: 1.1 },
];
/** Index of the account-management function. */
export const FUNC_AM = 3;
/** Index of the SDR function. */
export const FUNC_SDR = 4;

/** Industries of accounts. */
export const INDUSTRIES = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Education',
  'Media',
  'Logistics',
  'Energy',
  'Public Sector',
  'Telecommunications',
  'Professional Services',
] as const;

/** Reps per team before another team of the same function is opened. */
export const TEAM_SIZE = 8;
