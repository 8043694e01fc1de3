/**
 * Reading a plan's credits from its credit table (credit-table.ts) one batch of reps at a time,
 * splits applied: a batch holds whole reps, as many as fit in about `size` credited rows, with
 * every credit of each (their own deals, and the split deals they share). With splits, the split
 * rows (held in memory: one small object per split row) decide which deals a rep shares; the
 * split deals of each batch go to a small table that the batch's query joins, compared as text.
 * The check that each split deal's shares add up runs first, on the split deals only.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { quoteIdentifier } from '../sql/quote.js';
import { ofRepNumbers, readCreditRows, type CreditTable } from './credit-table.js';
import type { Credit } from './credits.js';
import { DEAL } from './credits.js';
import type { ResolvedSplits } from './resolved.js';
import { applySplits, type SplitRow } from './splits.js';

/** Credited rows per batch unless told otherwise: a batch's credits and lines stay well under a gigabyte. */
export const BATCH_ROWS = 50_000;

/** The plan's splits, when it has any. */
export interface SplitInput {
  readonly rows: ReadonlyMap<string, readonly SplitRow[]>;
  readonly def: ResolvedSplits;
  /** The split source's file, for messages. */
  readonly file: string;
}

let tables = 0;

/** A table of split deals (as text) with the batch that needs each; filled by the caller. */
async function splitDealTable(t: CreditTable, rows: readonly (readonly [string, number])[]): Promise<string> {
  const name = `__kpic_split_deals_${++tables}`;
  await t.db.run(`CREATE TABLE ${quoteIdentifier(name)} (deal VARCHAR, batch DOUBLE)`);
  await t.db.append(name, rows);
  return quoteIdentifier(name);
}

const dealText = `CAST(${quoteIdentifier(DEAL)} AS VARCHAR)`;

/**
 * The problems of the plan's splits (shares not adding up to 100%, a rep credited twice), found on
 * the credits of the deals that have split rows, as {@link applySplits} finds them.
 */
export async function splitProblems(t: CreditTable, splits: SplitInput): Promise<Diagnostic[]> {
  if (splits.rows.size === 0) return [];
  const table = await splitDealTable(
    t,
    [...splits.rows.keys()].map((deal) => [deal, 0] as const),
  );
  try {
    const credits = await readCreditRows(t, `${dealText} IN (SELECT deal FROM ${table})`);
    return applySplits(credits, splits.rows, splits.def, splits.file).problems;
  } finally {
    await t.db.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** Groups `reps` (in order) into batches of whole reps of about `size` credited rows. */
function batchesOf(t: CreditTable, reps: readonly string[], shared: ReadonlyMap<string, number>, size: number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let rows = 0;
  for (const rep of reps) {
    const n = (t.reps.get(rep)?.rows ?? 0) + (shared.get(rep) ?? 0);
    if (current.length > 0 && rows + n > size) {
      out.push(current);
      current = [];
      rows = 0;
    }
    current.push(rep);
    rows += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Yields, batch after batch, the credits of each of `reps` after splits, in credit order (date,
 * rep, deal): exactly the credits that reading every credit at once and keeping the rep's would
 * give. A rep without credits gets an empty list.
 */
export async function* creditBatches(
  t: CreditTable,
  reps: readonly string[],
  splits: SplitInput | undefined,
  size: number = BATCH_ROWS,
): AsyncGenerator<ReadonlyMap<string, readonly Credit[]>> {
  // Which split deals each rep shares (by split rows), and how many.
  const sharedDeals = new Map<string, string[]>();
  for (const [deal, rows] of splits?.rows ?? new Map<string, readonly SplitRow[]>())
    for (const r of rows) {
      const list = sharedDeals.get(r.rep) ?? [];
      list.push(deal);
      sharedDeals.set(r.rep, list);
    }
  const batches = batchesOf(t, reps, new Map([...sharedDeals].map(([rep, deals]) => [rep, deals.length])), size);
  let table: string | undefined;
  if (splits !== undefined && sharedDeals.size > 0) {
    const rows: (readonly [string, number])[] = [];
    batches.forEach((batch, i) => {
      const deals = new Set(batch.flatMap((rep) => sharedDeals.get(rep) ?? []));
      for (const deal of deals) rows.push([deal, i]);
    });
    table = await splitDealTable(t, rows);
  }
  try {
    for (const [i, batch] of batches.entries()) {
      const numbers = batch.flatMap((rep) => t.reps.get(rep)?.numbers ?? []);
      const where =
        table === undefined
          ? ofRepNumbers(numbers)
          : `(${ofRepNumbers(numbers)} OR ${dealText} IN (SELECT deal FROM ${table} WHERE batch = ${i}))`;
      const read = await readCreditRows(t, where);
      const credits = splits === undefined ? read : applySplits(read, splits.rows, splits.def, splits.file).credits;
      const byRep = new Map<string, Credit[]>(batch.map((rep) => [rep, []]));
      for (const c of credits) byRep.get(c.rep)?.push(c);
      yield byRep;
    }
  } finally {
    if (table !== undefined) await t.db.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
