/**
 * Scores the shipped detectors against the generator's ground truth (`planted.csv`): for each
 * detector, the records it flags and the records planted with its quirk, compared as sets.
 * Precision is the share of flagged records that were planted, recall the share of planted
 * records flagged. Near-duplicate accounts are compared as pairs of accounts.
 */
import { readFileSync } from 'node:fs';

/** One finding as `kpic audit --format ndjson` writes it. */
export interface NdjsonFinding {
  readonly check: string;
  readonly values: Readonly<Record<string, string | null>>;
  readonly duplicate_of?: string;
}

/** A detector's score. */
export interface Score {
  readonly check: string;
  readonly quirk: string;
  readonly found: number;
  readonly planted: number;
  readonly precision: number;
  readonly recall: number;
}

/** Each shipped detector, the quirk it detects and, when not the deal, the finding value that names the record. */
const DETECTORS: readonly (readonly [check: string, quirk: string, key?: string])[] = [
  ['duplicate_accounts', 'near_duplicate_accounts'],
  ['duplicate_open_deals', 'duplicate_open_deals'],
  ['repeated_close_date_pushes', 'repeated_close_date_pushes'],
  ['stage_moved_backwards', 'stages_moved_back'],
  ['skipped_stage', 'skipped_stages'],
  ['quarter_end_stage_jump', 'quarter_end_stage_jumps'],
  ['backdated_close', 'backdated_closes'],
  ['close_date_pushed_across_quarters', 'close_date_pushed_across_quarters'],
  ['amount_raised_then_cut', 'amount_raised_then_cut'],
  ['won_without_activity', 'won_without_activity'],
  ['activity_after_close', 'activities_after_close', 'activity_id'],
  ['sandbagging', 'sandbagged_deals'],
  ['lead_without_owner', 'leads_without_owner', 'lead_id'],
  ['won_not_invoiced', 'won_without_invoice'],
  ['invoice_amount_mismatch', 'invoice_amount_mismatch'],
  ['duplicate_invoices', 'duplicate_invoices'],
  ['orphan_invoice', 'orphan_invoices'],
  ['won_without_revenue_schedule', 'missing_revenue_schedule'],
  ['late_revenue_schedule', 'late_revenue_schedule'],
  ['deferred_revenue_negative', 'negative_deferred_revenue'],
];

/** `planted.csv` as quirk → rows of [record_id, other_id]. */
export function readPlanted(file: string): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const [quirk = '', record = '', other = ''] = line.split(',');
    out.set(quirk, [...(out.get(quirk) ?? []), [record, other]]);
  }
  return out;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function flagged(check: string, key: string, findings: readonly NdjsonFinding[]): Set<string> {
  const mine = findings.filter((f) => f.check === check);
  if (check !== 'duplicate_accounts') return new Set(mine.map((f) => f.values[key] ?? ''));
  const groups = new Map<string, string[]>();
  for (const f of mine) groups.set(f.duplicate_of ?? '', [...(groups.get(f.duplicate_of ?? '') ?? []), f.values['account_id'] ?? '']);
  const pairs = new Set<string>();
  for (const ids of groups.values())
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.add(pairKey(ids[i] ?? '', ids[j] ?? ''));
  return pairs;
}

/**
 * The records planted with `quirk`. A deal whose only invoice names a mistyped id (an orphan
 * invoice) has no invoice under its own id either, so "won, not invoiced" also counts the orphan
 * deals that the data shows with no invoice of their own (`invoiced` holds the deals with one).
 */
function truth(quirk: string, planted: ReadonlyMap<string, [string, string][]>, invoiced: ReadonlySet<string>): Set<string> {
  const rows = planted.get(quirk) ?? [];
  if (quirk === 'near_duplicate_accounts') return new Set(rows.map(([a, b]) => pairKey(a, b)));
  if (quirk === 'orphan_invoices') return new Set(rows.map(([, other]) => other));
  const ids = new Set(rows.map(([record]) => record));
  if (quirk === 'won_without_invoice') for (const [deal] of planted.get('orphan_invoices') ?? []) if (!invoiced.has(deal)) ids.add(deal);
  return ids;
}

/** The score of every detector. `invoiced`: the opportunity ids that have an invoice. */
export function scoreDetectors(
  findings: readonly NdjsonFinding[],
  planted: ReadonlyMap<string, [string, string][]>,
  invoiced: ReadonlySet<string>,
): Score[] {
  return DETECTORS.map(([check, quirk, key = 'opportunity_id']) => {
    const found = flagged(check, key, findings);
    const want = truth(quirk, planted, invoiced);
    const hits = [...found].filter((x) => want.has(x)).length;
    return {
      check,
      quirk,
      found: found.size,
      planted: want.size,
      precision: found.size === 0 ? 1 : hits / found.size,
      recall: want.size === 0 ? 1 : hits / want.size,
    };
  });
}
