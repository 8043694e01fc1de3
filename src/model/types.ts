/**
 * The typed catalog model: what the loader and schema phases make of the YAML files. Every value
 * that a later phase may complain about keeps its span. Names chosen by users are `Map` keys.
 */
import type { SourceText, Span } from '../diagnostics/span.js';
import type { YMap, YNode, YScalar } from '../load/tree.js';

/** The document kinds of LANGUAGE.md §1. */
export const DOCUMENT_KINDS = [
  'catalog',
  'source',
  'kpi',
  'lookup',
  'hierarchy',
  'scorecard',
  'role',
  'plan',
  'alert',
  'access',
  'check',
  'test',
  'governance',
] as const;

/** A document kind. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Ids match this pattern (LANGUAGE.md §1). */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** A value with the span of the YAML node it came from. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/** A formula written in a YAML scalar, with the node that maps its characters to the file. */
export interface FormulaText {
  readonly text: string;
  readonly node: YScalar;
}

/** One YAML document of the catalog, whatever its kind. */
export interface CatalogDocument {
  readonly kind: DocumentKind;
  readonly id: string;
  /** Span of the id value (the first key's value). */
  readonly idSpan: Span;
  /** Span of the first key (the kind). */
  readonly kindSpan: Span;
  readonly file: string;
  /** The whole document as a located tree. */
  readonly tree: YMap;
}

/** Column types of LANGUAGE.md §3. */
export type ColumnType = 'string' | 'integer' | 'number' | 'money' | 'percent' | 'boolean' | 'date' | 'timestamp';

/** A declared column of a source. */
export interface ColumnDef {
  readonly name: string;
  /** Span of the column's key in `columns:`. */
  readonly span: Span;
  readonly type: Located<ColumnType>;
  readonly required: boolean;
  /** Written `required: false`: the catalog says empty values are expected (not just unchecked). */
  readonly optional?: boolean | undefined;
  readonly unique: boolean;
  /** The enumeration, each value with its own span. */
  readonly values?: readonly Located<string>[] | undefined;
  /** Header of the column in the file, when it differs from `name`. */
  readonly from?: Located<string> | undefined;
  /** strftime-style format for dates and timestamps written another way. */
  readonly format?: Located<string> | undefined;
  /** Decimal places of a `money` column (see docs/language.md; the default is 2). */
  readonly scale?: Located<number> | undefined;
  readonly description?: string | undefined;
}

/** A many-to-one join: `this.<on> = <to>.<key of to>`. */
export interface JoinDef {
  readonly name: string;
  readonly span: Span;
  readonly to: Located<string>;
  readonly on: Located<string>;
}

/** A named row-level expression of a source (a definition or a dimension). */
export interface NamedExpression {
  readonly name: string;
  /** Span of the name's key. */
  readonly span: Span;
  readonly formula: FormulaText;
}

/**
 * Which dates of a source are events that happened (deciding the data's as-of date): a row
 * formula giving each row's latest event, or `none` for a source of plans (`as_of: false`).
 */
export type SourceAsOf = { readonly kind: 'formula'; readonly formula: FormulaText } | { readonly kind: 'none'; readonly span: Span };

/** A `source` document. */
export interface SourceDef extends CatalogDocument {
  readonly kind: 'source';
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  /**
   * The `file:` key: a path or glob relative to the data folder. Empty (at the kind key) for a
   * source that names a `table:` instead.
   */
  readonly path: Located<string>;
  /**
   * The `table:` key: a table or view of the database the engine connects to (`crm.opportunities`
   * names a schema), read instead of files.
   */
  readonly table?: Located<string> | undefined;
  /** File format; inferred from the extension when not declared. */
  readonly format?: Located<'csv' | 'parquet' | 'json'> | undefined;
  /** CSV field delimiter (default `,`). */
  readonly delimiter?: Located<string> | undefined;
  readonly key?: Located<string> | undefined;
  readonly time?: Located<string> | undefined;
  /** `as_of:` — which dates count as events; default: the time anchor. */
  readonly asOf?: SourceAsOf | undefined;
  readonly columns: ReadonlyMap<string, ColumnDef>;
  readonly joins: ReadonlyMap<string, JoinDef>;
  readonly definitions: ReadonlyMap<string, NamedExpression>;
  readonly dimensions: ReadonlyMap<string, NamedExpression>;
  /** `interval:` — each row holds from `from` until `to` (exclusive; absent or empty: still holding). */
  readonly interval?: IntervalDef | undefined;
  /** `changes:` — this source is a change log of the rows of another source. */
  readonly changes?: ChangeLogDef | undefined;
}

/** A source's `interval:`: the columns between which each row holds. */
export interface IntervalDef {
  readonly span: Span;
  readonly from: Located<string>;
  readonly to?: Located<string> | undefined;
}

/** A source's `changes:`: which columns of the log say what changed, when, from what to what. */
export interface ChangeLogDef {
  readonly span: Span;
  /** The source whose rows change. */
  readonly of: Located<string>;
  readonly key: Located<string>;
  readonly at: Located<string>;
  readonly field: Located<string>;
  readonly old: Located<string>;
  readonly new: Located<string>;
  /** The tracked columns of `of`, when listed (else the `values` of the field column). */
  readonly fields?: readonly Located<string>[] | undefined;
}

/** Units of KPI values (LANGUAGE.md §4). */
export type Unit = 'count' | 'money' | 'percent' | 'ratio' | 'days' | 'number';

/**
 * What a KPI's periods describe: `past` — what happened (no value after the data's as-of date);
 * `forward` — dates still to come by design (values after the as-of date, marked incomplete);
 * `snapshot` — the data as exported, laid out by a date of its rows (no value after the as-of
 * date). Changes between periods of a `forward` or `snapshot` KPI are not trends.
 */
export type KpiHorizon = 'past' | 'forward' | 'snapshot';

/** The grains a KPI can be evaluated at (the query's grains). */
export type KpiGrain = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** KPI lifecycle states; `draft` is accepted as a synonym of `proposed` (see src/lifecycle/). */
export type KpiStatus = 'proposed' | 'draft' | 'pilot' | 'active' | 'deprecated' | 'retired';

/** A local target or tolerance (`overrides:` entry). */
export interface KpiOverride {
  readonly span: Span;
  /**
   * A row-level condition on breakdown dimensions, e.g. `region = 'EMEA'`. An override with only
   * a `period:` gets the condition `true`, located at the override.
   */
  readonly where: FormulaText;
  readonly target?: FormulaText | undefined;
  readonly thresholds?: Thresholds | undefined;
  /** Only for evaluated periods inside this period label (`2026`, `2026-Q2`, `2026-05`). */
  readonly period?: Located<string> | undefined;
  /** A target computed from history (`target:` written as a mapping). */
  readonly baseline?: BaselineDef | undefined;
}

/** Status thresholds on attainment (default) or on the value. */
export interface Thresholds {
  readonly span: Span;
  readonly green?: Located<number> | undefined;
  readonly amber?: Located<number> | undefined;
  /** What the levels compare: `attainment` (default) or the KPI's `value`. */
  readonly on?: Located<'attainment' | 'value'> | undefined;
}

/** How a KPI's result becomes a score on a 0–10 scale (10 = on target). */
export interface ScoringDef {
  readonly span: Span;
  readonly method?: Located<'capped_attainment' | 'linear'> | undefined;
  /** `capped_attainment`: the highest attainment that counts (e.g. 1.2). */
  readonly cap?: Located<number> | undefined;
  /** `linear`: the level that scores 0 … */
  readonly redFlag?: Located<number> | undefined;
  /** … and the level that scores 10. */
  readonly goal?: Located<number> | undefined;
  /** `linear`: whether red flag and goal are levels of `attainment` (default) or of the `value`. */
  readonly on?: Located<'attainment' | 'value'> | undefined;
}

/** What a scorecard does with a KPI that has no value (or no target) in a cell. */
export type MissingPolicy = 'blank' | 'zero' | 'ignore';

/** A target computed from history: the trailing `history` before an anchor, grown by `growth`. */
export interface BaselineDef {
  readonly span: Span;
  /** The history measured (a KPI-level formula); default: the KPI itself. */
  readonly formula?: FormulaText | undefined;
  /** The trailing window, a duration such as `4 quarters` (default). */
  readonly history?: FormulaText | undefined;
  /** Where the window ends: `year_start` (default: re-baselined once a fiscal year) or `period_start`. */
  readonly ending?: Located<'year_start' | 'period_start'> | undefined;
  /** Growth applied to the baseline (0.12 for 12%). */
  readonly growth?: Located<number> | undefined;
  /** `total`: the history's total spread over its periods; `rate`: the history's value as is. */
  readonly as?: Located<'total' | 'rate'> | undefined;
}

/** Shares of the year by fiscal quarter (`q1`…`q4`) or calendar month (`jan`…`dec`). */
export interface SeasonalDef {
  readonly span: Span;
  /** Lower-case key → share, each with its span (user-chosen keys: a Map). */
  readonly shares: ReadonlyMap<string, Located<number>>;
}

/** A rule that excludes or caps outlier rows of a KPI's source, always reported with the figure. */
export interface ExceptionDef {
  readonly span: Span;
  /** The rule's name (`mega_deals`). */
  readonly rule: Located<string>;
  /** How the report names the rows (`exceptional deals`). */
  readonly title?: string | undefined;
  /** The source whose rows the rule tests; default: the one source the KPI aggregates. */
  readonly source?: Located<string> | undefined;
  /** Which rows are candidates (a row condition). */
  readonly where?: FormulaText | undefined;
  /** The row value tested, reported and capped (e.g. `amount`). */
  readonly value?: FormulaText | undefined;
  /** The limit: a number or a KPI-level formula such as `10 * median(amount where won)`. */
  readonly above?: FormulaText | undefined;
  /** `exclude` (default) leaves the rows out; `cap` counts them at the limit. */
  readonly action?: Located<'exclude' | 'cap'> | undefined;
}

/** A `kpi` document. */
export interface KpiDef extends CatalogDocument {
  readonly kind: 'kpi';
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly formula: FormulaText;
  readonly unit?: Located<Unit> | undefined;
  readonly direction: 'up' | 'down';
  readonly indicator?: 'leading' | 'lagging' | undefined;
  readonly perspective?: 'financial' | 'customer' | 'internal_process' | 'learning_growth' | undefined;
  readonly owner?: string | undefined;
  readonly refresh?: 'daily' | 'weekly' | 'monthly' | 'quarterly' | undefined;
  /** Default `past`, located at the document's kind when not written. */
  readonly horizon: Located<KpiHorizon>;
  /** The finest grain the KPI means something at (`quarter` for quotas set per quarter). */
  readonly grain?: Located<KpiGrain> | undefined;
  readonly status: Located<KpiStatus>;
  /** For deprecated KPIs: the KPI to use instead. */
  readonly replacedBy?: Located<string> | undefined;
  readonly target?: FormulaText | undefined;
  readonly thresholds?: Thresholds | undefined;
  readonly overrides: readonly KpiOverride[];
  /** A target computed from history (`target:` written as a mapping). */
  readonly baseline?: BaselineDef | undefined;
  /** Seasonal shares that scale targets, value thresholds and value-based scoring levels. */
  readonly seasonal?: SeasonalDef | undefined;
  readonly scoring?: ScoringDef | undefined;
  readonly missing?: Located<MissingPolicy> | undefined;
  /** Outlier rules applied when the KPI is scored. */
  readonly exceptions?: readonly ExceptionDef[] | undefined;
}

/** A `lookup` document: fixed rows, or a KPI evaluated per key over a trailing window. */
export interface LookupDef extends CatalogDocument {
  readonly kind: 'lookup';
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  /** The name (column or dimension of the KPI's source) the KPI is evaluated per. */
  readonly key: Located<string>;
  /** A KPI id, evaluated per key. */
  readonly value?: Located<string> | undefined;
  /** Trailing window before each evaluated period, e.g. `4 quarters`. */
  readonly window?: FormulaText | undefined;
  /** Fixed values by key. */
  readonly rows?: ReadonlyMap<string, Located<number>> | undefined;
  /** Value for a key with no row (default null). */
  readonly default?: Located<number> | undefined;
  readonly unit?: Located<Unit> | undefined;
}

/** Calendar settings of the catalog. */
export interface CalendarDef {
  /** Month number (1–12) on which the fiscal year starts. */
  readonly fiscalYearStart: number;
  readonly weekStart: 'monday' | 'sunday';
}

/** The `catalog` document. */
export interface CatalogMeta extends CatalogDocument {
  readonly kind: 'catalog';
  readonly version?: Located<string> | undefined;
  readonly title?: string | undefined;
  readonly currency: string;
  /** The default data folder, relative to `catalog.yaml`. */
  readonly data?: Located<string> | undefined;
  /** The declared as-of date of the data (ISO), when the catalog pins it. */
  readonly asOf?: Located<string> | undefined;
  readonly calendar: CalendarDef;
  /** Committee seats that must approve a change, by document kind. */
  readonly approvals: ReadonlyMap<string, readonly string[]>;
}

/** A loaded catalog. */
export interface Catalog {
  /** The catalog document (absent only when the catalog is broken; an error says so). */
  readonly meta: CatalogMeta | undefined;
  readonly sources: ReadonlyMap<string, SourceDef>;
  readonly kpis: ReadonlyMap<string, KpiDef>;
  readonly lookups: ReadonlyMap<string, LookupDef>;
  /**
   * Formula names (ids of sources, KPIs, lookups) claimed by more than one document — an error the
   * loader reports at every place. Such a KPI or lookup is left out and references to it resolve
   * to nothing without further reports; a source keeps its first declaration.
   */
  readonly clashes: ReadonlySet<string>;
  /** The KPIs left out for a clash: their own formulas are still checked, nothing refers to them. */
  readonly clashing: readonly KpiDef[];
  /** Every document in file order, including kinds handled by later phases. */
  readonly documents: readonly CatalogDocument[];
  /** The text of every file read, by catalog-relative path, for rendering diagnostics. */
  readonly files: ReadonlyMap<string, SourceText>;
}

/** Re-exported so consumers of the model need one import. */
export type { YMap, YNode, YScalar };
