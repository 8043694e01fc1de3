/**
 * The flags and help of `kpic diff`, `kpic approvals` and `kpic review`, apart from their
 * implementations so the CLI can list and parse them without loading the governance phases.
 */
import type { FlagSpec } from './args.js';
import { NO_CACHE_FLAG } from './common-flags.js';

/** A command defined here: name, help and flags. */
export interface GovernanceCommandSpec {
  readonly name: 'diff' | 'approvals' | 'review';
  readonly summary: string;
  readonly description: string;
  readonly flags: readonly FlagSpec[];
}

const catalog: FlagSpec = {
  name: 'catalog',
  kind: 'value',
  placeholder: 'DIR',
  description: 'the catalog folder (in the working tree; revisions are read at the same path)',
  default: './catalog',
};
const base: FlagSpec = {
  name: 'base',
  kind: 'value',
  placeholder: 'REF|DIR',
  description: 'the version before: a git revision, or a catalog folder',
  default: 'the merge base of HEAD with the default branch',
};
const head: FlagSpec = {
  name: 'head',
  kind: 'value',
  placeholder: 'REF|DIR',
  description: 'the version after: a git revision, or a catalog folder',
  default: 'the working tree',
};
const data: FlagSpec = {
  name: 'data',
  kind: 'value',
  placeholder: 'DIR',
  description: 'compute the changed KPIs under both versions on this data folder',
};
const periods: FlagSpec = {
  name: 'periods',
  kind: 'value',
  placeholder: 'N',
  description: 'how many complete periods to compare, the latest last',
  default: '4',
};
const grain: FlagSpec = {
  name: 'grain',
  kind: 'value',
  placeholder: 'month|quarter|year',
  choices: ['month', 'quarter', 'year'],
  description: 'the period length (fiscal calendar)',
  default: 'quarter',
};
const out: FlagSpec = { name: 'out', kind: 'value', placeholder: 'FILE', description: 'write to FILE (atomically) instead of stdout' };

/** Output formats of `kpic diff`. */
const DIFF_FORMATS = ['markdown', 'json', 'github'] as const;
/** Output formats of `kpic review`. */
const REVIEW_FORMATS = ['table', 'json', 'markdown'] as const;
/** Output formats of `kpic approvals --check`. */
const APPROVALS_FORMATS = ['text', 'json'] as const;

/** `kpic diff`. */
export const DIFF_COMMAND: GovernanceCommandSpec = {
  name: 'diff',
  summary: 'what a catalog change means: semantic diff, impact, numbers that move, approvals, version',
  description:
    'Compares two versions of the catalog document by document: added, removed, renamed and changed ' +
    'fields (formulas as syntax trees, numbers as values), each classed breaking, minor or patch; ' +
    'what depends on them; with --data, the changed KPIs and scorecard statuses under both versions ' +
    'over the last complete periods; the approvals the change needs; the changelog entry. With ' +
    '--check-version, exit code 1 when the catalog version was not raised enough.',
  flags: [
    catalog,
    base,
    head,
    data,
    periods,
    grain,
    {
      name: 'by',
      kind: 'value',
      placeholder: 'DIM',
      description: 'the breakdown of the values',
      default: 'the level below the top of the organisation (e.g. region)',
    },
    {
      name: 'check-version',
      kind: 'switch',
      description: 'fail when the version bump is smaller than the changes require (and when CHANGELOG.md lacks the entry)',
    },
    {
      name: 'format',
      kind: 'value',
      placeholder: DIFF_FORMATS.join('|'),
      choices: DIFF_FORMATS,
      description: 'markdown (a pull-request comment), json, or github (annotations)',
      default: 'markdown',
    },
    out,
    NO_CACHE_FLAG,
  ],
};

/** `kpic approvals`. */
export const APPROVALS_COMMAND: GovernanceCommandSpec = {
  name: 'approvals',
  summary: 'check that the committee seats a change needs have approved it, or write CODEOWNERS',
  description:
    'With --check REVIEWS.json (GitHub pull-request reviews), lists the seats the change between ' +
    '--base and --head needs and exits with 1 until each has approved. With --codeowners, prints a ' +
    'CODEOWNERS file that asks the same seats for review (or writes it with --out).',
  flags: [
    catalog,
    { name: 'check', kind: 'value', placeholder: 'REVIEWS.json', description: 'the reviews of the pull request, as GitHub gives them' },
    { name: 'codeowners', kind: 'switch', description: 'print a CODEOWNERS file for the catalog' },
    base,
    head,
    {
      name: 'format',
      kind: 'value',
      placeholder: APPROVALS_FORMATS.join('|'),
      choices: APPROVALS_FORMATS,
      description: 'output of --check',
      default: 'text',
    },
    out,
  ],
};

/** `kpic review`. */
export const REVIEW_COMMAND: GovernanceCommandSpec = {
  name: 'review',
  summary: 'the quarterly review: KPIs due for review, unused, past sunset, without owner; guardrail trends',
  description:
    'Lists KPIs whose review is older than the review cycle, KPIs no scorecard, role, plan or alert ' +
    'uses, deprecated KPIs past their sunset, pilots that have ended and KPIs without an owner; and, ' +
    'for KPIs with guardrails, the trend of each guardrail beside the KPI over the last complete ' +
    'periods, so that gaming shows.',
  flags: [
    catalog,
    {
      name: 'data',
      kind: 'value',
      placeholder: 'DIR',
      description: 'the data folder (for guardrail trends)',
      default: "the catalog's `data:`",
    },
    periods,
    grain,
    { name: 'date', kind: 'value', placeholder: 'YYYY-MM-DD', description: 'the day of the review', default: 'today' },
    {
      name: 'format',
      kind: 'value',
      placeholder: REVIEW_FORMATS.join('|'),
      choices: REVIEW_FORMATS,
      description: 'output format',
      default: 'table',
    },
    out,
    NO_CACHE_FLAG,
  ],
};
