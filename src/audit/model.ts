/**
 * The written model of `check` documents (docs/checks.md): a data-quality rule over the rows of
 * one source, with who acts on it, how bad a finding is and how often the rule is meant to run.
 */
import type { Span } from '../diagnostics/span.js';
import type { FormulaText, Located } from '../model/types.js';

/** How bad a finding is: `error` findings fail `kpic audit`. */
export type CheckSeverity = 'error' | 'warning' | 'info';

/** Every severity, most severe first. */
export const CHECK_SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'info'];

/** The kind of rule. */
export type CheckCategory = 'hygiene' | 'manipulation' | 'reconciliation';

/** How often a check is meant to run. */
export type CheckSchedule = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'quarterly';

/**
 * What flags a row: a condition, or a value shared (after normalising) with another row — or,
 * with `similarity`, one at least that similar to another row's — among the rows whose `same`
 * values are all equal (and not null).
 */
export type CheckRule =
  | { readonly kind: 'fails'; readonly condition: FormulaText }
  | {
      readonly kind: 'duplicates';
      readonly value: FormulaText;
      readonly similarity: Located<number> | undefined;
      readonly same: readonly FormulaText[];
    };

/** A `related` value: one aggregate over the rows of another source that join to the checked row. */
export interface RelatedDef {
  readonly name: string;
  readonly span: Span;
  readonly formula: FormulaText;
}

/**
 * A finding marked as reviewed and accepted: it is still listed, but no longer fails the audit,
 * for as long as the finding stays the same (its fingerprint covers every value it shows).
 */
export interface ReviewDef {
  /** The finding's fingerprint, as `kpic audit` prints it. */
  readonly finding: string;
  readonly reason: string;
  readonly by: string | undefined;
  readonly on: string | undefined;
  readonly span: Span;
}

/** A `check` document as written. */
export interface CheckDef {
  readonly kind: 'check';
  readonly id: string;
  readonly file: string;
  readonly span: Span;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly category: CheckCategory | undefined;
  readonly over: Located<string>;
  readonly owner: string;
  readonly severity: CheckSeverity;
  readonly schedule: CheckSchedule;
  readonly remedy: string;
  readonly where: FormulaText | undefined;
  readonly related: readonly RelatedDef[];
  readonly rule: CheckRule;
  readonly show: readonly FormulaText[];
  readonly reviewed: readonly ReviewDef[];
}
