/**
 * The written model of the scorecard kinds — `scorecard` and `role` — as read from their
 * documents, with a span on everything a diagnostic may point at. Names chosen by users are Map
 * keys. The checked, resolved form is in resolved.ts; hierarchies are modelled in src/org/.
 */
import type { Span } from '../diagnostics/span.js';
import type {
  BaselineDef,
  CatalogDocument,
  ExceptionDef,
  FormulaText,
  Located,
  MissingPolicy,
  ScoringDef,
  SeasonalDef,
  Thresholds,
} from '../model/types.js';
import type { PeriodGrain } from '../periods/period.js';

/** The four perspectives of a balanced scorecard, in report order. */
export const PERSPECTIVES = ['financial', 'customer', 'internal_process', 'learning_growth'] as const;

/** A balanced-scorecard perspective. */
export type Perspective = (typeof PERSPECTIVES)[number];

/** Report titles of the perspectives. */
export const PERSPECTIVE_TITLES = {
  financial: 'Financial',
  customer: 'Customer',
  internal_process: 'Internal process',
  learning_growth: 'Learning & growth',
} as const satisfies Record<Perspective, string>;

/** A number or percentage as written; `'bad'` when it is neither (reported by the checks). */
export type WrittenNumber = Located<number | 'bad'>;

/** A KPI on a scorecard or role. */
export interface EntryDef {
  readonly kpi: Located<string>;
  /** Span of the `- kpi:` item. */
  readonly span: Span;
  readonly weight?: WrittenNumber | undefined;
  readonly target?: FormulaText | undefined;
  readonly baseline?: BaselineDef | undefined;
  readonly thresholds?: Thresholds | undefined;
  readonly scoring?: ScoringDef | undefined;
  readonly missing?: Located<MissingPolicy> | undefined;
  /** The scorecard's own outlier rules for the KPI. */
  readonly exceptions: readonly ExceptionDef[];
  readonly seasonal?: SeasonalDef | undefined;
  readonly remove: boolean;
}

/** One perspective as written. */
export interface PerspectiveDef {
  readonly perspective: Perspective;
  /** Span of the perspective's key. */
  readonly span: Span;
  readonly weight?: WrittenNumber | undefined;
  /** Span of the `kpis` key, when present. */
  readonly kpisSpan?: Span | undefined;
  readonly entries: readonly EntryDef[];
}

/** Status levels of an overall score (points; 10 = on target). */
interface ScoreThresholdsDef {
  readonly span: Span;
  readonly green?: Located<number> | undefined;
  readonly amber?: Located<number> | undefined;
}

/** What scorecards and roles share: perspectives of weighted KPIs and scoring defaults. */
export interface BodyDef {
  /** Span of the `perspectives` key, when present. */
  readonly perspectivesSpan?: Span | undefined;
  readonly perspectives: ReadonlyMap<Perspective, PerspectiveDef>;
  readonly grain?: Located<PeriodGrain> | undefined;
  readonly missing?: Located<MissingPolicy> | undefined;
  readonly scoring?: ScoringDef | undefined;
  readonly thresholds?: ScoreThresholdsDef | undefined;
}

/** A `scorecard` document. */
export interface ScorecardDef {
  readonly kind: 'scorecard';
  readonly doc: CatalogDocument;
  readonly id: string;
  readonly title?: string | undefined;
  readonly hierarchy?: Located<string> | undefined;
  readonly extends?: Located<string> | undefined;
  readonly appliesTo?: FormulaText | undefined;
  readonly levels?: readonly Located<string>[] | undefined;
  readonly rollupWeight?: Located<string> | undefined;
  readonly body: BodyDef;
}

/** A `role` document. */
export interface RoleDef {
  readonly kind: 'role';
  readonly doc: CatalogDocument;
  readonly id: string;
  readonly title?: string | undefined;
  readonly hierarchy?: Located<string> | undefined;
  readonly members?: FormulaText | undefined;
  readonly body: BodyDef;
}

/** Every scorecard and role document of a catalog, by id. */
export interface ScorecardDocuments {
  readonly scorecards: ReadonlyMap<string, ScorecardDef>;
  readonly roles: ReadonlyMap<string, RoleDef>;
}
