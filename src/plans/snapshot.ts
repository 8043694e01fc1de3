/**
 * Snapshots of approved pay periods (`kpic payouts --snapshot DIR`, docs/plans.md#snapshots): one
 * Parquet file per plan and pay period, `DIR/<plan>/<period>.parquet`, holding every rep's
 * period figures, component amounts and itemised lines as they were computed. Amounts are stored
 * as exact decimal text. A snapshot, once written, is never overwritten: a later computation of
 * the same period is compared with it, so a change to the data or the catalog cannot silently
 * change a past payout, and an audit can say what changed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../engine/duckdb.js';
import { writeParquet, type ParquetColumn, type ParquetValue } from '../engine/write-parquet.js';
import { Decimal } from '../model/decimal.js';
import { writeAtomically } from '../results/write-atomic.js';
import { stringLiteral } from '../sql/quote.js';
import type { PlanPayout, RepPeriod } from './report.js';

/** One row of a snapshot: a rep's period (`row: period`), a component's amount, or a statement line. */
export interface SnapshotRow {
  readonly rep: string;
  readonly row: 'period' | 'component' | 'line';
  readonly component: string | null;
  readonly kind: string | null;
  readonly deal: string | null;
  readonly date: string | null;
  readonly credit: Decimal | null;
  readonly rate: Decimal | null;
  readonly amount: Decimal | null;
  readonly rule: string | null;
  readonly activeDays: number | null;
}

const COLUMNS: readonly ParquetColumn[] = [
  { name: 'rep', type: 'VARCHAR' },
  { name: 'row', type: 'VARCHAR' },
  { name: 'component', type: 'VARCHAR' },
  { name: 'kind', type: 'VARCHAR' },
  { name: 'deal', type: 'VARCHAR' },
  { name: 'date', type: 'VARCHAR' },
  { name: 'credit', type: 'VARCHAR' },
  { name: 'rate', type: 'VARCHAR' },
  { name: 'amount', type: 'VARCHAR' },
  { name: 'rule', type: 'VARCHAR' },
  { name: 'active_days', type: 'DOUBLE' },
];

/** The file of a plan's period in `dir`. */
function snapshotFile(dir: string, plan: string, period: string): string {
  return path.join(dir, plan, `${period}.parquet`);
}

function rowsOf(rep: string, x: RepPeriod): ParquetValue[][] {
  const text = (d: Decimal | undefined): string | null => (d === undefined ? null : d.toString());
  return [
    [rep, 'period', null, null, null, null, text(x.credit), null, text(x.pay), null, x.activeDays],
    ...x.components.map((c) => [rep, 'component', c.id, null, null, null, null, null, text(c.amount), null, null]),
    [rep, 'component', 'draw', null, null, null, null, null, text(x.draw), null, null],
    ...x.lines.map((l) => [
      rep,
      'line',
      l.component,
      l.kind,
      l.deal ?? null,
      l.date ?? null,
      text(l.credit),
      text(l.rate),
      text(l.amount),
      l.rule,
      null,
    ]),
  ];
}

/**
 * Writes a snapshot of each period of `plan` that has none yet; returns the labels of the
 * periods written and of those that already had one (left as they are).
 */
export async function writeSnapshots(dir: string, plan: PlanPayout): Promise<{ written: string[]; kept: string[] }> {
  const byPeriod = new Map<string, ParquetValue[][]>();
  for (const r of plan.reps)
    for (const x of r.periods) byPeriod.set(x.period.label, [...(byPeriod.get(x.period.label) ?? []), ...rowsOf(r.rep, x)]);
  const written: string[] = [];
  const kept: string[] = [];
  for (const [period, rows] of byPeriod) {
    const file = snapshotFile(dir, plan.plan, period);
    if (existsSync(file)) {
      kept.push(period);
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    await writeAtomically(file, (temporary) => writeParquet(temporary, COLUMNS, rows));
    written.push(period);
  }
  return { written, kept };
}

/** The snapshot of a plan's period, or undefined when there is none. */
export async function readSnapshot(dir: string, plan: string, period: string): Promise<SnapshotRow[] | undefined> {
  const file = snapshotFile(dir, plan, period);
  if (!existsSync(file)) return undefined;
  const db = await openDatabase({ threads: 1 });
  try {
    const rows = await db.query(`SELECT * FROM read_parquet(${stringLiteral(file)})`);
    const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    const d = (v: unknown): Decimal | null => (v === null || v === undefined ? null : Decimal.parse(String(v)));
    return rows.map((r) => ({
      rep: String(r.rep),
      row: String(r.row) as SnapshotRow['row'],
      component: s(r.component),
      kind: s(r.kind),
      deal: s(r.deal),
      date: s(r.date),
      credit: d(r.credit),
      rate: d(r.rate),
      amount: d(r.amount),
      rule: s(r.rule),
      activeDays: r.active_days === null || r.active_days === undefined ? null : Number(r.active_days),
    }));
  } finally {
    db.close();
  }
}
