/**
 * Everything `kpic diff` reports, gathered once and printed by the markdown, JSON and GitHub
 * renderers: the semantic diff, its downstream impact, its value impact, the approvals it needs,
 * the version check and the changelog entry.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RequiredSeat } from './required.js';
import type { ChangeImpact } from './impact.js';
import type { CatalogDiff } from './types.js';
import type { ValueImpact } from './value-types.js';
import type { VersionCheck } from './version.js';

/** Where the approval rules came from. */
export type RulesSource = 'base' | 'head' | 'none';

/** The whole report. */
export interface DiffReport {
  readonly kind: 'diff-report';
  readonly catalog: { readonly id: string; readonly title?: string | undefined; readonly currency: string };
  readonly diff: CatalogDiff;
  readonly impacts: readonly ChangeImpact[];
  readonly values: ValueImpact;
  readonly approvals: readonly RequiredSeat[];
  /** The rules in force are the base's; a new catalog's are the head's. */
  readonly rulesFrom: RulesSource;
  readonly version: VersionCheck;
  /** The changelog entry to paste. */
  readonly changelog: string;
  /** Problems with `CHANGELOG.md`, when the catalog keeps one (checked with `--check-version`). */
  readonly changelogProblems: readonly Diagnostic[];
  /** Whether `--check-version` was asked for (its failures then fail the command). */
  readonly versionChecked: boolean;
}
