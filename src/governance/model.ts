/**
 * The committee that approves catalog changes, as the phases use it: seats with their members,
 * approval rules (from the `governance` document and from `catalog.yaml`'s short form
 * `governance.approvals`), and the review cycle of KPIs.
 */
import type { Span } from '../diagnostics/span.js';
import type { DurationUnit } from '../formula/ast.js';
import type { DocumentKind, Located } from '../model/types.js';
import type { ChangeClass, ChangeKind, Topic } from './vocabulary.js';

/** A committee seat. */
export interface Seat {
  readonly kind: 'seat';
  readonly id: string;
  /** Span of the seat's key. */
  readonly span: Span;
  readonly title?: string | undefined;
  /** GitHub logins of the people who approve for the seat. */
  readonly members: readonly Located<string>[];
  /** A GitHub team (`@acme/finance`), for CODEOWNERS. */
  readonly team?: Located<string> | undefined;
}

/** A rule: the changes it covers (each condition absent = any) and the seats that must approve. */
export interface ApprovalRule {
  readonly kind: 'approval-rule';
  readonly span: Span;
  /** Shown with the approvals it requires. */
  readonly title: string;
  readonly kinds?: readonly DocumentKind[] | undefined;
  readonly changes?: readonly ChangeKind[] | undefined;
  readonly classes?: readonly ChangeClass[] | undefined;
  readonly topics?: readonly Topic[] | undefined;
  /** Seat ids with their spans, or every seat. */
  readonly seats: 'all' | readonly Located<string>[];
}

/** A review cycle: how long a KPI's `reviewed:` date stays current. */
export interface ReviewCycle {
  readonly amount: number;
  readonly unit: DurationUnit;
  /** As written (or the default), for messages: `1 year`. */
  readonly text: string;
}

/** The governance of a catalog. */
export interface Governance {
  readonly kind: 'governance';
  /** The `governance` document's id, when there is one. */
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly seats: ReadonlyMap<string, Seat>;
  readonly rules: readonly ApprovalRule[];
  readonly reviewCycle: ReviewCycle;
}

/** The default review cycle: every KPI reviewed at least once a year. */
export const DEFAULT_REVIEW_CYCLE: ReviewCycle = { amount: 1, unit: 'year', text: '1 year' };
