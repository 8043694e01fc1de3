/**
 * What `kpic payouts` reports: per plan, rep and pay period the credit, quota, attainment, each
 * component's pay, the draw and the pay — and the itemised lines behind them, each with the rule
 * and rate that made it. Plain data; amounts are exact decimals in cents, and the lines of a rep's
 * period add up exactly to its pay.
 */
import type { Decimal } from '../model/decimal.js';
import type { Period } from '../periods/period.js';

/** What a line is. */
type LineKind =
  /** Credit of a deal at a tier's rate (× an accelerator). */
  | 'rate'
  /** Earlier credit re-paid at the retroactive tier now reached. */
  | 'true-up'
  /** Earlier credit re-rated because the quota to date changed (attainment-based tables). */
  | 're-rate'
  /** A deal's credit above the taper threshold, at the taper rate. */
  | 'taper'
  /** What a cap takes off. */
  | 'cap'
  /** A SPIFF paid on a deal, or not paid because a guard failed (amount 0). */
  | 'spiff'
  /** A bonus paid, or not (amount 0), with the KPI values that decided. */
  | 'bonus'
  /** Pay taken back on a deal whose trigger (a cancellation…) happened within the window. */
  | 'clawback'
  /** The draw: a top-up to the draw amount (positive) or a recovery of an earlier draw (negative). */
  | 'draw'
  /** A negative total carried to later periods (positive), or its recovery from later earnings (negative). */
  | 'carry';

/** One itemised line of a statement. */
export interface PayLine {
  readonly component: string;
  readonly kind: LineKind;
  readonly deal?: string | undefined;
  /** The credit date of the deal. */
  readonly date?: string | undefined;
  /** The credit the line pays on. */
  readonly credit?: Decimal | undefined;
  readonly rate?: Decimal | undefined;
  readonly multiplier?: Decimal | undefined;
  /** Why: the rule in words (`tier 2 (5%) of 3% to 300,000, 5% to 500,000, 7% above`). */
  readonly rule: string;
  /** The exact amount before rounding. */
  readonly exact: Decimal;
  /** The amount paid, in cents (running-total rounding: lines add up to the rounded total). */
  readonly amount: Decimal;
}

/** One component's pay in a period. */
export interface ComponentPay {
  readonly id: string;
  readonly title: string;
  readonly amount: Decimal;
}

/** A rep's pay in one period. */
export interface RepPeriod {
  readonly period: Period;
  /** Days on the plan in the period. */
  readonly activeDays: number;
  readonly credit: Decimal;
  readonly creditToDate: Decimal;
  /** Undefined when the plan has no quota. */
  readonly quota?: Decimal | undefined;
  readonly quotaToDate?: Decimal | undefined;
  /** Credit to date ÷ quota to date (a ratio for people; pay never derives from this double). */
  readonly attainment: number | null;
  readonly components: readonly ComponentPay[];
  /** The components' sum. */
  readonly earned: Decimal;
  /** Draw top-up or negative pay carried (positive), or recovery (negative); zero without either. */
  readonly draw: Decimal;
  /** What the rep still owes (recoverable draws, negative pay carried) after this period. */
  readonly drawBalance: Decimal;
  readonly pay: Decimal;
  readonly lines: readonly PayLine[];
}

/** A rep on a plan. */
export interface RepPayout {
  readonly rep: string;
  readonly name: string;
  readonly periods: readonly RepPeriod[];
}

/** One plan's payouts. */
export interface PlanPayout {
  readonly plan: string;
  readonly title: string;
  readonly currency: string;
  readonly payPeriod: 'month' | 'quarter';
  readonly rounding: 'half_up' | 'half_even';
  /** The component ids and titles, in plan order. */
  readonly components: readonly { readonly id: string; readonly title: string }[];
  readonly reps: readonly RepPayout[];
}

/** The whole report. */
export interface PayoutReport {
  readonly plans: readonly PlanPayout[];
  /** The periods reported (labels), in order. */
  readonly periods: readonly string[];
}
