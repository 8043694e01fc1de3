/**
 * A plan, checked and resolved: plain data that the payout computation reads. Every number that
 * becomes pay is an exact {@link Decimal}; every formula is a resolved row expression over the
 * credit source (or the hierarchy's source for `members`). The written form is in model.ts.
 */
import type { Decimal } from '../model/decimal.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import type { RowExpr } from '../resolve/types.js';
import type { RoundingRule } from './decimal-math.js';

/** Which rows credit whom, when and for how much. */
export interface ResolvedCredit {
  readonly source: string;
  readonly filter: RowExpr | undefined;
  readonly rep: RowExpr;
  readonly deal: RowExpr;
  /** The date column of the credit source that places a credit in time. */
  readonly date: string;
  /** An exact money expression. */
  readonly amount: RowExpr;
}

/** A rep's quota rule. */
export type ResolvedQuota =
  | {
      readonly kind: 'annual';
      readonly annual: Decimal;
      /** Shares of the year by fiscal quarter (4) or calendar month (12, January first); none: equal months. */
      readonly seasonal: { readonly unit: 'quarter' | 'month'; readonly shares: readonly Decimal[] } | undefined;
      /** Shares of quota in a new hire's first months on the plan. */
      readonly ramp: readonly Decimal[];
    }
  | { readonly kind: 'kpi'; readonly kpi: string };

/** One tier: the rate for credit (or attainment) up to and including `upTo` (none: no bound). */
export interface Tier {
  readonly upTo: Decimal | undefined;
  readonly rate: Decimal;
}

/** An attainment band: credit between `from` (exclusive) and `to` (inclusive) shares of quota. */
export interface Band {
  readonly from: Decimal;
  readonly to: Decimal | undefined;
  readonly multiplier: Decimal;
}

/** A commission component: a rate table over year-to-date credit or attainment. */
export interface CommissionComponent {
  readonly kind: 'commission';
  readonly id: string;
  readonly title: string;
  readonly method: 'flat' | 'marginal' | 'retroactive';
  readonly on: 'credit' | 'attainment';
  readonly tiers: readonly Tier[];
  /** Bands whose multiplier is not 1, in attainment order. */
  readonly bands: readonly Band[];
  readonly cap: { readonly amount: Decimal; readonly per: 'period' | 'year' } | undefined;
  readonly taper: { readonly above: Decimal; readonly rate: Decimal } | undefined;
}

/** A SPIFF: a time-boxed payment per credited row that meets a condition and its guards. */
export interface SpiffComponent {
  readonly kind: 'spiff';
  readonly id: string;
  readonly title: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly where: RowExpr;
  /** Per row; or `rate` on the row's credit. */
  readonly amount: Decimal | undefined;
  readonly rate: Decimal | undefined;
  readonly guards: readonly { readonly title: string; readonly when: RowExpr }[];
}

/** A bonus per pay period when every KPI condition holds for the rep. */
export interface BonusComponent {
  readonly kind: 'bonus';
  readonly id: string;
  readonly title: string;
  readonly amount: Decimal;
  readonly conditions: readonly { readonly kpi: string; readonly atLeast?: Decimal | undefined; readonly atMost?: Decimal | undefined }[];
}

/** A draw: a minimum pay per period, recoverable from later earnings or not. */
export interface DrawComponent {
  readonly kind: 'draw';
  readonly id: string;
  readonly title: string;
  readonly amount: Decimal;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly recoverable: boolean;
}

/** A clawback: pay on a deal taken back when a trigger happens within a window after its credit. */
export interface ClawbackComponent {
  readonly kind: 'clawback';
  readonly id: string;
  readonly title: string;
  readonly trigger: RowExpr;
  /** The date column of the credit source on which the trigger happened. */
  readonly date: string;
  /** Days after the credit date. */
  readonly within: number;
  /** The contract term in months, to prorate by the unserved term; undefined: claw back in full. */
  readonly term: RowExpr | undefined;
  /** The components whose pay on the deal is clawed back. */
  readonly of: readonly string[];
}

/** Any component. */
export type ResolvedComponent = CommissionComponent | SpiffComponent | BonusComponent | DrawComponent | ClawbackComponent;

/** A plan ready to compute. */
export interface ResolvedPlan {
  readonly id: string;
  readonly title: string;
  readonly hierarchy: ResolvedHierarchy;
  /** Who is on the plan: a condition over the hierarchy's source. */
  readonly members: RowExpr;
  readonly from: string;
  readonly to: string | undefined;
  readonly payPeriod: 'month' | 'quarter';
  readonly currency: string;
  readonly rounding: RoundingRule;
  readonly credit: ResolvedCredit;
  readonly quota: ResolvedQuota | undefined;
  readonly components: readonly ResolvedComponent[];
}
