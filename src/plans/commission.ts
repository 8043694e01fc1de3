/**
 * One commission component over one pay period: each credited deal becomes lines at the rates of
 * the tiers it falls in (and the attainment bands it crosses), a retroactive tier reached re-pays
 * earlier credit, a quota to date that moved re-rates earlier credit (attainment-based tables),
 * a taper pays a big deal's excess at its own rate, and a cap takes off what exceeds it. Every
 * amount is exact; rounding to cents happens once, over the year's lines (compute-rep.ts).
 */
import { Decimal } from '../model/decimal.js';
import type { Credit } from './credits.js';
import { isZero, min, negate, plus, sum, times, ZERO } from './decimal-math.js';
import { earned, piecesFor } from './rate-table.js';
import type { PayLine } from './report.js';
import type { CommissionComponent } from './resolved.js';
import { amountText, percentText } from './text.js';

const ONE = new Decimal(1n, 0);

/** A line before rounding. */
export type ExactLine = Omit<PayLine, 'amount'>;

/** What a commission carries from period to period within a fiscal year. */
export interface CommissionState {
  /** Credit to date inside the rate table (after tapers). */
  readonly table: Decimal;
  /** The quota to date the table was last evaluated with. */
  readonly quota: Decimal | undefined;
  /** Earned to date before the yearly cap, and after it. */
  readonly uncapped: Decimal;
  readonly capped: Decimal;
}

/** The state at the start of a fiscal year. */
export const FRESH: CommissionState = { table: ZERO, quota: undefined, uncapped: ZERO, capped: ZERO };

function tableText(c: CommissionComponent): string {
  const tiers = c.tiers.map((t) =>
    t.upTo === undefined
      ? `${percentText(t.rate)} above`
      : `${percentText(t.rate)} to ${c.on === 'attainment' ? percentText(t.upTo) : amountText(t.upTo)}`,
  );
  return `${c.method} ${c.on === 'attainment' ? 'on attainment' : 'on credit'}: ${tiers.join(', ')}`;
}

function pieceRule(c: CommissionComponent, tier: number, rate: Decimal, multiplier: Decimal): string {
  const band = multiplier.compare(ONE) !== 0 ? ` ×${multiplier.toString()} (attainment band)` : '';
  return `tier ${tier + 1} at ${percentText(rate)}${band} — ${tableText(c)}`;
}

/** The lines of component `c` for the deals `credits` of one period, and the new state. */
export function commissionLines(
  c: CommissionComponent,
  state: CommissionState,
  credits: readonly Credit[],
  quotaToDate: Decimal | undefined,
): { readonly lines: ExactLine[]; readonly state: CommissionState } {
  const lines: ExactLine[] = [];
  let table = state.table;
  const byQuota = c.on === 'attainment' || c.bands.length > 0;
  if (byQuota && !isZero(table) && state.quota !== undefined && quotaToDate !== undefined && state.quota.compare(quotaToDate) !== 0) {
    const exact = earned(c, table, quotaToDate).minus(earned(c, table, state.quota));
    if (!isZero(exact))
      lines.push({
        component: c.id,
        kind: 're-rate',
        credit: table,
        rule: `quota to date ${amountText(state.quota)} → ${amountText(quotaToDate)}: credit to date re-rated — ${tableText(c)}`,
        exact,
      });
  }
  for (const credit of credits) {
    const inTable = c.taper === undefined ? credit.amount : min(credit.amount, c.taper.above);
    const after = plus(table, inTable);
    if (inTable.units < 0n) {
      lines.push({
        component: c.id,
        kind: 'rate',
        deal: credit.deal,
        date: credit.date,
        credit: inTable,
        rule: `credit reversed — ${tableText(c)}`,
        exact: earned(c, after, quotaToDate).minus(earned(c, table, quotaToDate)),
      });
    } else {
      for (const p of piecesFor(c, table, after, quotaToDate)) {
        lines.push({
          component: c.id,
          kind: p.kind,
          deal: credit.deal,
          date: credit.date,
          credit: p.credit,
          rate: p.rate,
          multiplier: p.multiplier,
          rule:
            p.kind === 'true-up'
              ? `retroactive tier ${p.tier + 1} reached: earlier credit ${amountText(p.credit)} re-paid at +${percentText(p.rate)} — ${tableText(c)}`
              : pieceRule(c, p.tier, p.rate, p.multiplier),
          exact: p.amount,
        });
      }
    }
    table = after;
    if (c.taper !== undefined && credit.amount.compare(c.taper.above) > 0) {
      const excess = credit.amount.minus(c.taper.above);
      lines.push({
        component: c.id,
        kind: 'taper',
        deal: credit.deal,
        date: credit.date,
        credit: excess,
        rate: c.taper.rate,
        rule: `taper: credit above ${amountText(c.taper.above)} on one deal at ${percentText(c.taper.rate)}, outside the rate table`,
        exact: times(excess, c.taper.rate),
      });
    }
  }
  const total = sum(lines.map((l) => l.exact));
  let uncapped = plus(state.uncapped, total);
  let capped = plus(state.capped, total);
  if (c.cap !== undefined && c.cap.per === 'year') {
    capped = min(uncapped, c.cap.amount);
    const cut = capped.minus(state.capped).minus(total);
    if (!isZero(cut)) lines.push({ component: c.id, kind: 'cap', rule: `cap of ${amountText(c.cap.amount)} per year`, exact: cut });
  } else if (c.cap !== undefined && total.compare(c.cap.amount) > 0) {
    const cut = negate(total.minus(c.cap.amount));
    lines.push({ component: c.id, kind: 'cap', rule: `cap of ${amountText(c.cap.amount)} per period`, exact: cut });
    uncapped = plus(state.uncapped, total);
    capped = plus(state.capped, c.cap.amount);
  }
  return { lines, state: { table, quota: quotaToDate, uncapped, capped } };
}
