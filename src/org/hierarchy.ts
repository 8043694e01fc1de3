/**
 * A hierarchy, checked and resolved: the organisation's levels from the top (the whole
 * organisation, one node) to the members, each level's node value and label as row formulas over
 * the source of positions held over time. Plain data; the written form is in hierarchy-def.ts.
 */
import type { RowExpr } from '../resolve/types.js';

/** A level of a hierarchy, resolved. */
export interface ResolvedLevel {
  readonly name: string;
  readonly title: string;
  /** The node a member belongs to (absent on the top and member levels). */
  readonly value?: RowExpr | undefined;
  readonly label?: RowExpr | undefined;
  /** Breakdown dimension for KPIs whose sources lack the member dimension. */
  readonly dimension?: string | undefined;
}

/** Which day of a period decides membership. */
export type AsOf = 'period_end' | 'period_start';

/** A hierarchy, resolved. */
export interface ResolvedHierarchy {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly member: RowExpr;
  /** The breakdown dimension whose values are member keys. */
  readonly dimension: string;
  readonly validFrom?: string | undefined;
  readonly validTo?: string | undefined;
  readonly asOf: AsOf;
  /** The key of each member's manager in a spell (a member key), when the hierarchy declares one. */
  readonly manager?: RowExpr | undefined;
  /** Top (the whole organisation) first, members last. */
  readonly levels: readonly ResolvedLevel[];
}
