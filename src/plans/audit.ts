/**
 * The compensation audit (`kpic payouts --audit PAID.csv`, docs/plans.md#audit): what payroll
 * actually paid, per plan, pay period, rep and component, against what the plans compute now —
 * each difference with its cause where one can be found: a row missing from payroll or paid
 * twice, a rep who is not on the plan in the period, a rate from the plan's table applied where
 * another was due and, with `--snapshot DIR`, what changed since the period was approved (a deal's
 * amount or date, a rep's days on the plan).
 */
import { existsSync } from 'node:fs';
import { scanCsv, type CsvRecord } from '../engine/csv-scan.js';
import { Decimal } from '../model/decimal.js';
import { parsePeriod, periodContaining, utcDay } from '../periods/period.js';
import type { CalendarDef } from '../model/types.js';
import { roundTo, sum, times } from './decimal-math.js';
import { explainBySnapshot } from './audit-snapshot.js';
import type { PayoutReport, RepPeriod } from './report.js';
import type { ResolvedPlan } from './resolved.js';
import type { SnapshotRow } from './snapshot.js';
import { amountText, percentText } from './text.js';

/** One payroll row. */
export interface PaidRow {
  readonly plan: string;
  readonly period: string;
  readonly rep: string;
  readonly component: string;
  readonly amount: Decimal;
  readonly line: number;
}

/** A difference between payroll and the plan. */
interface AuditDifference {
  readonly plan: string;
  readonly period: string;
  readonly rep: string;
  readonly component: string;
  /** Null: not in payroll. */
  readonly paid: Decimal | null;
  /** Null: the plan computes nothing for the rep in the period. */
  readonly computed: Decimal | null;
  /** paid − computed. */
  readonly difference: Decimal;
  readonly cause: string;
  /** Payroll lines of the rows. */
  readonly lines: readonly number[];
}

/** The audit's outcome. */
export interface AuditReport {
  readonly file: string;
  /** Payroll rows read; amounts (plan, period, rep, component) compared: those paid or computed as not zero. */
  readonly rows: number;
  readonly compared: number;
  readonly differences: readonly AuditDifference[];
}

const REQUIRED = ['plan', 'period', 'rep', 'component', 'amount'] as const;
const AMOUNT = /^-?\d+(\.\d+)?$/;

/** The payroll rows of `file`, or what is wrong with it (with its line and column). */
export function readPaid(file: string, shown: string): PaidRow[] | string {
  if (!existsSync(file)) return `cannot read \`${shown}\`: there is no such file`;
  const records: CsvRecord[] = [];
  scanCsv(file, { delimiter: ',', wantFields: () => true }, (r) => {
    records.push(r);
  });
  const [head, ...body] = records;
  const header = head?.fields ?? [];
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i] as const));
  const lacking = REQUIRED.filter((r) => !at.has(r));
  if (lacking.length > 0) return `${shown}:1: the payroll file needs the columns ${REQUIRED.join(', ')}; missing: ${lacking.join(', ')}`;
  const out: PaidRow[] = [];
  for (const r of body) {
    if (r.problem !== undefined || r.fieldCount !== header.length)
      return `${shown}:${r.line}: ${r.problem ?? `${r.fieldCount} fields where the header has ${header.length}`}`;
    const get = (k: (typeof REQUIRED)[number]): string => (r.fields?.[at.get(k) ?? -1] ?? '').trim();
    const amount = get('amount');
    if (!AMOUNT.test(amount))
      return `${shown}:${r.line}:${(at.get('amount') ?? 0) + 1}: amount \`${amount}\` is not a decimal number (write 1234.50: no separators or currency)`;
    for (const k of REQUIRED) if (get(k) === '') return `${shown}:${r.line}:${(at.get(k) ?? 0) + 1}: \`${k}\` is empty`;
    out.push({
      plan: get('plan'),
      period: get('period'),
      rep: get('rep'),
      component: get('component'),
      amount: Decimal.parse(amount),
      line: r.line,
    });
  }
  return out;
}

/** The fiscal years (labels) to compute for a plan's payroll periods, or the first bad row. */
export function yearsToCompute(rows: readonly PaidRow[], plan: ResolvedPlan, calendar: CalendarDef, shown: string): string[] | string {
  const years = new Set<string>();
  for (const r of rows) {
    const p = parsePeriod(r.period, plan.payPeriod, calendar);
    if (typeof p === 'string' || p.grain !== plan.payPeriod)
      return `${shown}:${r.line}: period \`${r.period}\` is not a ${plan.payPeriod} of plan \`${plan.id}\` (pay periods like ${plan.payPeriod === 'month' ? '2026-05' : '2026-Q2'})`;
    years.add(periodContaining(utcDay(p.start), 'year', calendar).label);
  }
  return [...years].sort();
}

function computedAmount(x: RepPeriod, component: string): Decimal | undefined {
  if (component === 'draw') return x.draw;
  if (component === 'pay') return x.pay;
  return x.components.find((c) => c.id === component)?.amount;
}

/** A rate of the plan's table that gives the paid amount on the period's credit, where another was due. */
function misappliedRate(plan: ResolvedPlan, component: string, x: RepPeriod, paid: Decimal): string | undefined {
  const c = plan.components.find((k) => k.id === component);
  if (c === undefined || c.kind !== 'commission') return undefined;
  const lines = x.lines.filter((l) => l.component === component && l.kind === 'rate' && l.credit !== undefined);
  const credit = sum(lines.map((l) => l.credit ?? new Decimal(0n, 0)));
  if (credit.units === 0n) return undefined;
  const applied = [...new Set(lines.map((l) => l.rate?.toString() ?? ''))];
  const rates = [...c.tiers.map((t) => t.rate), ...(c.taper === undefined ? [] : [c.taper.rate])];
  for (const r of rates) {
    if (applied.length === 1 && applied[0] === r.toString()) continue;
    if (roundTo(times(credit, r), 2, plan.rounding).compare(paid) === 0)
      return `rate misapplied: paid ${percentText(r)} on the period's credit of ${amountText(credit)}; the plan's rule applies ${applied.map((a) => percentText(Decimal.parse(a))).join(', ')}`;
  }
  return undefined;
}

/** Compares payroll with the computed payouts; `snapshot` gives an approved period's rows, when kept. */
export function audit(
  file: string,
  paid: readonly PaidRow[],
  report: PayoutReport,
  plans: ReadonlyMap<string, ResolvedPlan>,
  snapshot: (plan: string, period: string) => readonly SnapshotRow[] | undefined,
): AuditReport {
  const key = (plan: string, period: string, rep: string, component: string): string => JSON.stringify([plan, period, rep, component]);
  const rows = new Map<string, PaidRow[]>();
  for (const r of paid)
    rows.set(key(r.plan, r.period, r.rep, r.component), [...(rows.get(key(r.plan, r.period, r.rep, r.component)) ?? []), r]);
  const periodsPaid = new Set(paid.map((r) => `${r.plan}|${r.period}`));
  const componentsPaid = new Map<string, Set<string>>();
  for (const r of paid) componentsPaid.set(r.plan, (componentsPaid.get(r.plan) ?? new Set()).add(r.component));
  const computed = new Map<string, { x: RepPeriod; amount: Decimal }>();
  for (const p of report.plans)
    for (const rep of p.reps)
      for (const x of rep.periods) {
        if (!periodsPaid.has(`${p.plan}|${x.period.label}`)) continue;
        for (const c of new Set([...p.components.map((k) => k.id), 'draw', ...(componentsPaid.get(p.plan) ?? [])])) {
          const amount = computedAmount(x, c);
          if (amount !== undefined) computed.set(key(p.plan, x.period.label, rep.rep, c), { x, amount });
        }
      }
  const differences: AuditDifference[] = [];
  const keys = [...new Set([...rows.keys(), ...computed.keys()])].sort();
  let compared = 0;
  for (const k of keys) {
    const [plan = '', period = '', rep = '', component = ''] = JSON.parse(k) as string[];
    const mine = rows.get(k) ?? [];
    const now = computed.get(k);
    const paidTotal = mine.length === 0 ? null : sum(mine.map((r) => r.amount));
    const value = now?.amount ?? null;
    if (paidTotal === null && (value === null || value.units === 0n)) continue;
    compared++;
    const diff = (paidTotal ?? new Decimal(0n, 0)).minus(value ?? new Decimal(0n, 0));
    if (diff.units === 0n) continue;
    const lines = mine.map((r) => r.line);
    const resolved = plans.get(plan);
    const snap = snapshot(plan, period);
    let cause: string;
    if (resolved === undefined) cause = `unknown plan \`${plan}\``;
    else if (mine.length > 1 && value !== null && mine.some((r) => r.amount.compare(value) === 0))
      cause = `paid ${mine.length} times: payroll rows on lines ${lines.join(', ')}, each of which alone is the computed amount`;
    else if (now === undefined && !resolved.components.some((c) => c.id === component) && component !== 'draw' && component !== 'pay')
      cause = `plan \`${plan}\` has no component \`${component}\``;
    else if (now === undefined)
      cause = explainBySnapshot(snap, rep, component, undefined, paidTotal) ?? `rep \`${rep}\` is not on plan \`${plan}\` in ${period}`;
    else if (paidTotal === null) cause = 'missing from payroll: the plan computes pay the export does not have';
    else
      cause =
        explainBySnapshot(snap, rep, component, now.x, paidTotal) ??
        misappliedRate(resolved, component, now.x, paidTotal) ??
        (mine.length > 1
          ? `${mine.length} payroll rows (lines ${lines.join(', ')})`
          : 'not explained by the data' + (snap === undefined ? ' (no snapshot of the period to compare with)' : ' or the snapshot'));
    differences.push({ plan, period, rep, component, paid: paidTotal, computed: value, difference: diff, cause, lines });
  }
  return { file, rows: paid.length, compared, differences };
}
