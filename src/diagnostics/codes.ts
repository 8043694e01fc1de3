/**
 * The one table of diagnostic codes. Every code is `phase/kebab-name`; `docs/diagnostics.md` has a
 * section per code with a failing and a fixed example, and a test checks the two agree.
 */
import type { Severity } from './diagnostic.js';

/** What the table knows of each code. */
export interface DiagnosticCodeInfo {
  /** Default severity (a call may override it, e.g. `--strict` does not change it). */
  readonly severity: Severity;
  /** One line on what the code means, for docs and `--format sarif` rule descriptions. */
  readonly summary: string;
}

const table = {
  // load: files and YAML
  'load/missing-catalog': { severity: 'error', summary: 'The catalog folder or its root `catalog.yaml` is missing.' },
  'load/read-failed': { severity: 'error', summary: 'A catalog file could not be read.' },
  'load/yaml-syntax': { severity: 'error', summary: 'A file is not well-formed YAML.' },
  'load/not-a-mapping': { severity: 'error', summary: 'A YAML document is not a mapping whose first key names its kind.' },
  'load/unknown-kind': { severity: 'error', summary: "A document's first key is not one of the known kinds." },
  'load/bad-id': { severity: 'error', summary: 'An id does not match `[a-z][a-z0-9_]*`.' },
  'load/duplicate-id': { severity: 'error', summary: 'Two documents share an id in one namespace.' },
  'load/catalog-document': {
    severity: 'error',
    summary: 'The `catalog` document is missing, repeated, or not in the root `catalog.yaml`.',
  },
  // schema: shapes of documents (ajv)
  'schema/unknown-key': { severity: 'error', summary: 'A key that this kind of document does not have.' },
  'schema/missing-key': { severity: 'error', summary: 'A required key is missing.' },
  'schema/wrong-type': { severity: 'error', summary: 'A value has the wrong YAML type (e.g. a list where a mapping is expected).' },
  'schema/bad-value': { severity: 'error', summary: 'A value is not one of the allowed values.' },
  'schema/bad-format': { severity: 'error', summary: 'A value does not have the required form (pattern, range or length).' },
  'schema/conflicting-keys': {
    severity: 'error',
    summary: 'Two keys that exclude each other are both present (a lookup with both `rows` and `value`, `scale` on a non-money column).',
  },
  // formula: syntax of the formula language
  'formula/syntax': { severity: 'error', summary: 'A formula is not well-formed.' },
  'formula/bad-literal': { severity: 'error', summary: 'A literal is malformed (an impossible date, an unknown duration unit).' },
  // resolve: names, types, units, sources, dependencies
  'resolve/unknown-column': {
    severity: 'error',
    summary: 'A name inside an aggregate is not a column, definition, dimension or join of its source.',
  },
  'resolve/unknown-kpi': { severity: 'error', summary: 'A name outside aggregates is not a KPI (or a lookup or source used wrongly).' },
  'resolve/unknown-source': { severity: 'error', summary: 'A source named by a join, an aggregate or a qualified column does not exist.' },
  'resolve/unknown-join': { severity: 'error', summary: 'A dotted path names a join that the source does not declare.' },
  'resolve/unknown-lookup': { severity: 'error', summary: '`name[…]` indexes something that is not a lookup.' },
  'resolve/unknown-dimension': {
    severity: 'error',
    summary: 'A name used as a breakdown dimension is not a dimension of the sources involved.',
  },
  'resolve/unknown-function': { severity: 'error', summary: 'A call names a function the language does not have.' },
  'resolve/arity': { severity: 'error', summary: 'A function is called with the wrong number of arguments.' },
  'resolve/bad-argument': { severity: 'error', summary: 'An argument has the wrong form (e.g. a duration where a number is expected).' },
  'resolve/argument-out-of-range': {
    severity: 'error',
    summary:
      'A literal argument is beyond what can be computed: a window or shift over 1,000 years, `round` beyond ±38 decimals, `top_share` over a billion keys.',
  },
  'resolve/type-mismatch': { severity: 'error', summary: 'An operator or function gets a value of the wrong type.' },
  'resolve/unit-mismatch': { severity: 'error', summary: 'Values of incompatible units are added, subtracted or compared.' },
  'resolve/declared-unit': { severity: 'error', summary: "A KPI's declared unit is not the unit its formula gives." },
  'resolve/aggregate-type': {
    severity: 'error',
    summary: 'An aggregate is applied to a value it cannot aggregate (e.g. `sum` of a string).',
  },
  'resolve/ambiguous-source': { severity: 'error', summary: 'More than one source could be the one an aggregate reads.' },
  'resolve/no-source': { severity: 'error', summary: 'No single source has every name an aggregate uses.' },
  'resolve/column-outside-aggregate': { severity: 'error', summary: 'A row-level name is used where only aggregated values make sense.' },
  'resolve/misplaced-clause': { severity: 'error', summary: '`where`, `on` or `per` is used where it has no meaning.' },
  'resolve/nested-aggregate': { severity: 'error', summary: 'An aggregate inside another aggregate without `per key`.' },
  'resolve/cycle': { severity: 'error', summary: 'KPIs, definitions or dimensions refer to each other in a cycle.' },
  'resolve/deprecated-reference': { severity: 'warning', summary: 'A formula refers to a deprecated KPI.' },
  'resolve/unknown-value': {
    severity: 'error',
    summary: "A literal compared with an enumerated column is not one of the column's `values`.",
  },
  'resolve/bad-time-anchor': {
    severity: 'error',
    summary: 'A time anchor (`time:` or `on`) is not a date or timestamp column of the source.',
  },
  'resolve/ambiguous-meaning': { severity: 'error', summary: 'A formula has no single right meaning; kpic refuses to guess.' },
  'resolve/bad-state': {
    severity: 'error',
    summary: "A source's `interval:` or `changes:` names a missing column, a column of the wrong type, or a source that cannot be tracked.",
  },
  'resolve/no-history': {
    severity: 'error',
    summary: '`as at` reads a source that has neither an `interval:` nor a change log, so its rows have no state over time.',
  },
  'resolve/needs-as-at': {
    severity: 'error',
    summary: '`period_start()`, `period_end()`, `point_date()` or `at_start(…)` is used in an aggregate without `as at`.',
  },
  'resolve/unknown-check': { severity: 'error', summary: '`pass_rate(…)` names a check that the catalog does not have.' },
  'resolve/check-reads-other-rows': {
    severity: 'error',
    summary:
      '`pass_rate(…)` names a check whose rule compares rows with other rows (`related:` or `duplicates:`), which a KPI does not compute per row.',
  },
  'resolve/check-has-errors': {
    severity: 'error',
    summary: '`pass_rate(…)` names a check whose own formulas have errors, so its pass rate cannot be computed.',
  },
  'resolve/percent-times-100': {
    severity: 'warning',
    summary:
      'A percent KPI multiplies by 100, but percent values are fractions (0.25 is shown as 25.0%): the figures would be 100 times too large.',
  },
  // query: a request to evaluate KPIs (which KPIs, grain, breakdown, range) against the catalog
  'query/unknown-kpi': { severity: 'error', summary: 'The request names a KPI that the catalog does not have.' },
  'query/unknown-dimension': { severity: 'error', summary: 'The request breaks KPIs down by a dimension that no source declares.' },
  'query/unknown-grain': { severity: 'error', summary: 'The request asks for a grain other than day, week, month, quarter or year.' },
  'query/reserved-dimension': {
    severity: 'error',
    summary: 'A breakdown dimension is named like a field every result row already has (`kpi`, `period`, `value`, in any case).',
  },
  'query/repeated-dimension': { severity: 'error', summary: 'The request names a breakdown dimension twice.' },
  'query/repeated-kpi': { severity: 'error', summary: 'The request names a KPI twice.' },
  'query/missing-dimension': {
    severity: 'error',
    summary: 'A requested KPI reads a source that does not declare a requested breakdown dimension.',
  },
  'query/bad-date': { severity: 'error', summary: 'A date of the requested range is not a real calendar date written `YYYY-MM-DD`.' },
  'query/empty-range': { severity: 'error', summary: 'The requested range starts after it ends.' },
  'query/point-outside-period': {
    severity: 'error',
    summary: 'An `as at` point (`day N`, `week N`, `month N`) can fall after the end of a period of the requested grain.',
  },
  'query/point-in-window': {
    severity: 'error',
    summary: 'An `as at` aggregate is inside `rolling`, `to_date` or a window over rows, where a state at one point has no meaning.',
  },
  'query/date-out-of-range': {
    severity: 'error',
    summary: 'The requested range, with the windows its KPIs read before it, reaches before 0001-01-01.',
  },
  'query/window-at-grain': {
    severity: 'error',
    summary: 'A time window of a KPI has no meaning at the requested grain (shorter than one period).',
  },
  'query/nested-window': {
    severity: 'error',
    summary: 'A window that widens the period sits inside another one once KPIs and lookups are put together.',
  },
  'query/grain-too-fine': {
    severity: 'warning',
    summary:
      'A KPI is evaluated at a grain finer than its `grain:` (a quarterly KPI by month): most periods would have no value, or a part of one.',
  },
  // data: reading sources
  'data/missing-file': { severity: 'error', summary: "A source's file (or glob) matches no file in the data folder." },
  'data/outside-folder': { severity: 'error', summary: "A source's file lies outside the data folder." },
  'data/missing-column': { severity: 'error', summary: 'A declared column is not in the file.' },
  'data/missing-table': {
    severity: 'error',
    summary: "A source's `table:` names no table or view in the database the engine connects to.",
  },
  'data/column-type': { severity: 'error', summary: "A table column's type in the database cannot hold the column's declared type." },
  'data/not-on-engine': {
    severity: 'error',
    summary: 'A source cannot be read on the engine the command runs on (files on PostgreSQL, a table on DuckDB over files).',
  },
  'data/malformed-file': { severity: 'error', summary: 'A data file cannot be parsed (e.g. a CSV row with the wrong number of fields).' },
  'data/bad-value': { severity: 'error', summary: "A value in the data is not of its column's declared type." },
  'data/required': { severity: 'error', summary: 'A required column is empty in some rows.' },
  'data/unique': { severity: 'error', summary: 'A unique column (or join key) has repeated values.' },
  'data/not-in-values': { severity: 'error', summary: "A value is not one of its column's `values`." },
  'data/unknown-format': { severity: 'error', summary: "A source's file format cannot be told from its extension; declare `format:`." },
  'data/bad-format': { severity: 'error', summary: "A column's `format:` is not a valid strptime date/time format." },
  'data/outside-partition': {
    severity: 'error',
    summary: "A file in `year=`/`quarter=`/`month=`/`day=` folders holds rows whose time lies outside those folders' dates.",
  },
  'data/null-time-anchor': {
    severity: 'warning',
    summary: 'Rows whose default time anchor is empty belong to no period and are left out of every KPI over time.',
  },
  'data/quarantined': {
    severity: 'warning',
    summary: 'Rows that break the data contract were set aside in the quarantine file and left out of the results.',
  },
  // audit: check documents (docs/checks.md)
  'audit/unsupported': {
    severity: 'error',
    summary: 'A check reads a value as at a point (`at_start`) or a lookup computed from a KPI; checks read rows as they stand.',
  },
  'audit/bad-related': {
    severity: 'error',
    summary: "A check's `related` value is not one aggregate over a source that joins to the checked source in exactly one way.",
  },
  // output: files a run writes
  'output/overwrites-input': {
    severity: 'error',
    summary: 'An output file (`--out`, `--quarantine`) is an input of the run: a data file or a catalog file, by any path or link.',
  },
  'output/same-file': { severity: 'error', summary: 'Two outputs of one run (`--out`, a quarantine file) name the same file.' },
  // scorecard: hierarchies, scorecards, roles and the performance fields of KPIs
  'scorecard/unknown-kpi': { severity: 'error', summary: 'A scorecard, role or rollup names a KPI that does not exist.' },
  'scorecard/unknown-hierarchy': { severity: 'error', summary: 'A scorecard or role names a hierarchy that does not exist.' },
  'scorecard/unknown-level': {
    severity: 'error',
    summary: 'A scorecard names a level, or a condition names a level, that its hierarchy does not have.',
  },
  'scorecard/unknown-scorecard': { severity: 'error', summary: '`extends` names a scorecard that does not exist.' },
  'scorecard/unknown-source': { severity: 'error', summary: 'A hierarchy or exception rule names a source that does not exist.' },
  'scorecard/unknown-column': {
    severity: 'error',
    summary: "A hierarchy's `valid_from` or `valid_to` is not a date column of its source.",
  },
  'scorecard/unknown-dimension': { severity: 'error', summary: 'A hierarchy names a breakdown dimension that no source declares.' },
  'scorecard/bad-hierarchy': {
    severity: 'error',
    summary: "A hierarchy's levels are malformed (a value on the top or member level, none in between, a repeated level).",
  },
  'scorecard/bad-variant': {
    severity: 'error',
    summary: 'A scorecard variant is malformed (no `applies_to`, its own `hierarchy`, a cycle of `extends`).',
  },
  'scorecard/empty': { severity: 'error', summary: 'A scorecard, role or perspective has no KPIs.' },
  'scorecard/weights': { severity: 'error', summary: 'Weights of perspectives, or of the KPIs of a perspective, do not add up to 100%.' },
  'scorecard/bad-weight': {
    severity: 'error',
    summary: 'A weight is not a fraction or percentage between 0 and 100%, or only some KPIs of a perspective have one.',
  },
  'scorecard/duplicate-kpi': { severity: 'error', summary: 'A KPI appears twice on one scorecard or role.' },
  'scorecard/bad-number': { severity: 'error', summary: 'A value that must be a number or a percentage (`12%`) is neither.' },
  'scorecard/bad-scoring': {
    severity: 'error',
    summary:
      'Scoring parameters that cannot score (a cap below 100%, a goal equal to or on the wrong side of the red flag, a missing level).',
  },
  'scorecard/threshold-order': { severity: 'error', summary: 'Status levels in the wrong order (amber better than green).' },
  'scorecard/bad-seasonal': {
    severity: 'error',
    summary: 'Seasonal shares that mix quarters and months, miss some, or do not add up to 100%.',
  },
  'scorecard/bad-baseline': { severity: 'error', summary: 'A baseline target is malformed (its history is not a whole number of months).' },
  'scorecard/bad-exception': {
    severity: 'error',
    summary: 'An exception rule cannot be applied (no single source, a repeated rule name).',
  },
  'scorecard/no-target': { severity: 'warning', summary: 'A KPI on a scorecard has no target, so it can only be scored on its value.' },
  'scorecard/perspective-mismatch': { severity: 'warning', summary: 'A KPI sits under another perspective than the one it declares.' },
  'scorecard/lagging-heavy': {
    severity: 'warning',
    summary: 'Most of a scorecard weight is on lagging revenue measures; add leading indicators.',
  },
  'scorecard/scope-not-a-level': {
    severity: 'warning',
    summary: "A scorecard KPI's override names a dimension that is not a level of the hierarchy, so it never applies in the scorecard.",
  },
  'scorecard/implausible-target': {
    severity: 'warning',
    summary: 'A target on a percent KPI is written as a whole percentage (`10` where `10%` is meant): percent values are fractions.',
  },
  'scorecard/grain-too-fine': {
    severity: 'warning',
    summary: "A scorecard scores a KPI at a grain finer than the KPI's `grain:` (a quarterly KPI in a monthly scorecard).",
  },
  // test: test documents (fixtures and expectations)
  'test/unknown-source': { severity: 'error', summary: 'A test gives fixture rows or defaults for a source the catalog does not have.' },
  'test/unknown-column': {
    severity: 'error',
    summary: 'A fixture row, a default or the header of a fixture file names a column its source does not declare.',
  },
  'test/unknown-kpi': { severity: 'error', summary: 'An expectation names a KPI that does not exist (or is not on the scorecard).' },
  'test/unknown-dimension': {
    severity: 'error',
    summary: 'A `by` dimension of an expectation is not declared by every source its KPIs read.',
  },
  'test/unknown-scorecard': { severity: 'error', summary: 'A scorecard expectation names a scorecard or role that does not exist.' },
  'test/unknown-plan': { severity: 'error', summary: 'A payout expectation names a plan that does not exist.' },
  'test/bad-value': {
    severity: 'error',
    summary:
      "A fixture value is not of its column's type or not one of its `values`, or an expected value is not a number, percentage, fraction or null.",
  },
  'test/missing-value': {
    severity: 'error',
    summary: 'A fixture row leaves a required column empty with no default, or an expected row leaves out a `by` dimension.',
  },
  'test/duplicate-value': { severity: 'error', summary: "Fixture rows repeat a value of a unique column or of a source's key." },
  'test/duplicate': {
    severity: 'error',
    summary: 'Two cases of a test share a name, or two expected rows name the same period and breakdown values.',
  },
  'test/bad-period': { severity: 'error', summary: 'An expected period is not a period of the grain, or not its first day.' },
  'test/fixture-file': {
    severity: 'error',
    summary: 'A fixture CSV file is missing, lies outside the catalog folder, or is malformed.',
  },
  // lifecycle: KPI status, pilots, deprecation, retirement, reviews and guardrails
  'lifecycle/bad-date': {
    severity: 'error',
    summary: 'A lifecycle date (`sunset`, `reviewed`, a pilot’s `from` or `until`) is not a real calendar date.',
  },
  'lifecycle/bad-pilot': {
    severity: 'error',
    summary: 'A pilot KPI without `pilot:` (who tries it), `pilot:` on a KPI that is not a pilot, or a pilot that ends before it starts.',
  },
  'lifecycle/incomplete-deprecation': {
    severity: 'warning',
    summary: 'A deprecated KPI does not name its replacement (`replaced_by`) or its `sunset` date.',
  },
  'lifecycle/past-sunset': { severity: 'warning', summary: 'A deprecated KPI is past its sunset date: retire it.' },
  'lifecycle/bad-replacement': { severity: 'error', summary: '`replaced_by` names no KPI, the KPI itself, or a retired KPI.' },
  'lifecycle/retired-reference': { severity: 'error', summary: 'A formula, scorecard, lookup, plan or alert refers to a retired KPI.' },
  'lifecycle/pilot-in-plan': { severity: 'error', summary: 'An incentive plan refers to a pilot KPI; pilots are in no plan.' },
  'lifecycle/unknown-guardrail': { severity: 'error', summary: 'A guardrail names no KPI, or the KPI itself.' },
  // plan: incentive-compensation plans (docs/plans.md)
  'plan/unknown-hierarchy': { severity: 'error', summary: 'A plan names a hierarchy that does not exist.' },
  'plan/unknown-source': { severity: 'error', summary: "A plan's credit names a source that does not exist." },
  'plan/unknown-column': {
    severity: 'error',
    summary: "A plan's credit date is not a date column of its source, or its source has no key or time to fall back on.",
  },
  'plan/unknown-kpi': { severity: 'error', summary: 'A quota or bonus names a KPI that does not exist.' },
  'plan/not-exact': {
    severity: 'error',
    summary: 'A credit amount is not exact money (it divides, averages or reads a real-number column).',
  },
  'plan/bad-number': { severity: 'error', summary: 'A rate, amount, share or multiplier is not a number or percentage, or is negative.' },
  'plan/bad-dates': { severity: 'error', summary: 'A plan, SPIFF or draw date is impossible, or its range ends before it starts.' },
  'plan/bad-quota': {
    severity: 'error',
    summary: 'A quota is both or neither `annual` and `kpi`, or its seasonal shares leave part of the year out or do not add up to 100%.',
  },
  'plan/no-quota': { severity: 'error', summary: 'A component depends on attainment but the plan has no quota.' },
  'plan/bad-tiers': {
    severity: 'error',
    summary: 'A rate table whose tiers overlap or leave a gap, or a method with the wrong kind of rate.',
  },
  'plan/bad-accelerators': {
    severity: 'error',
    summary: 'Accelerators that do not rise with attainment, decelerators that do not fall, or bands that overlap.',
  },
  'plan/bad-cap': { severity: 'warning', summary: 'A cap per period below a draw, the floor of the same pay.' },
  'plan/misplaced-key': {
    severity: 'error',
    summary: 'A component has a key its type does not take, or lacks one its type needs.',
  },
  'plan/duplicate-component': { severity: 'error', summary: 'Two components of one plan share an id.' },
  'plan/bad-splits': {
    severity: 'error',
    summary: "A deal's revenue splits do not add up to 100%, or a split credits a rep twice on one deal.",
  },
  'plan/overlapping-plans': {
    severity: 'warning',
    summary: 'Two plans pay the same rep for the same days, so one deal pays twice.',
  },
  'plan/spiff-without-end': { severity: 'warning', summary: 'A SPIFF has no end date, so the short-term incentive never stops.' },
  // governance: the committee document and its approval rules
  'governance/duplicate-document': { severity: 'error', summary: 'A second `governance` document; a catalog has at most one.' },
  'governance/unknown-seat': { severity: 'error', summary: 'An approval rule names a seat that the governance document does not define.' },
  'governance/empty-seat': { severity: 'warning', summary: 'A committee seat has no members and no team, so nobody can approve for it.' },
  'governance/bad-cycle': { severity: 'error', summary: 'The review cycle is not a duration of days, weeks, months, quarters or years.' },
  // diff: versions and changelog (`kpic diff --check-version`)
  'diff/version-bump': {
    severity: 'error',
    summary: 'The catalog version was not raised as much as its changes require (major, minor or patch).',
  },
  'diff/changelog': {
    severity: 'error',
    summary: '`CHANGELOG.md` has no entry for the new version, or the entry does not name a breaking change.',
  },
  // alert: alert documents (`kpic alerts`)
  'alert/unknown-reference': {
    severity: 'error',
    summary: 'An alert names a hierarchy, level or KPI that does not exist.',
  },
  'alert/not-a-condition': {
    severity: 'error',
    summary: "An alert's condition is not a true-or-false test of KPI values at a node (`when:`, `escalate.when:`).",
  },
  // access: the access document (`kpic serve`)
  'access/unknown-reference': {
    severity: 'error',
    summary:
      'The access document names a hierarchy, source column, field or role that does not exist, or a rule that gives its role to nobody.',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** Every diagnostic code kpic can emit. */
export type DiagnosticCode = keyof typeof table;

/** The code table, typed. */
export const DIAGNOSTIC_CODES: Readonly<Record<DiagnosticCode, DiagnosticCodeInfo>> = table;
