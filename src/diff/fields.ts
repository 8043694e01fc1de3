/**
 * What each field of each kind of document means to a reviewer: the class a change of it
 * requires, its topic, whether it holds a formula (compared as a syntax tree) or names another
 * document (followed through renames), its default (writing the default is no change), and how
 * its list items are matched (by a key, or as a set). A path is matched by the longest pattern
 * that is a prefix of it (`*` matches one step); deeper fields inherit their parent's rule.
 */
import type { DocumentKind } from '../model/types.js';
import type { ChangeClass, Topic } from '../governance/vocabulary.js';

/** The rule of a field. */
export interface FieldRule {
  readonly class: ChangeClass;
  readonly topic: Topic;
  /** The value is a formula (or a number, in `target:`): compared as a syntax tree. */
  readonly formula?: boolean;
  /** The value is the id of a document of this kind (renames are followed). */
  readonly reference?: DocumentKind;
  /** List items are matched by this key (`kpi`, `rule`) rather than by position. */
  readonly keyedBy?: string;
  /** A list whose order does not matter (tags, enumerations). */
  readonly set?: boolean;
  /** Values that mean the same (`draft` is `proposed`). */
  readonly synonyms?: ReadonlyMap<string, string>;
  /** The value when the field is absent. */
  readonly default?: string | number | boolean;
  /** Left out of the diff (the catalog's own `version`). */
  readonly ignored?: boolean;
}

type Table = readonly (readonly [string, FieldRule])[];

const patch = (topic: Topic = 'documentation'): FieldRule => ({ class: 'patch', topic });
const minor = (topic: Topic, extra: Partial<FieldRule> = {}): FieldRule => ({ class: 'minor', topic, ...extra });
const breaking = (topic: Topic, extra: Partial<FieldRule> = {}): FieldRule => ({ class: 'breaking', topic, ...extra });

const DOCS: Table = [
  ['title', patch()],
  ['description', patch()],
];

const CATALOG: Table = [
  ['', minor('definition')],
  ...DOCS,
  ['version', { ...patch(), ignored: true }],
  ['currency', breaking('definition', { default: 'USD' })],
  ['data', minor('definition')],
  ['calendar', breaking('definition')],
  ['calendar/fiscal_year_start', breaking('definition', { default: 1 })],
  ['calendar/week_start', breaking('definition', { default: 'monday' })],
  ['governance', minor('governance')],
];

const SOURCE: Table = [
  ['', minor('definition')],
  ...DOCS,
  ['file', minor('definition')],
  ['format', minor('definition')],
  ['delimiter', minor('definition', { default: ',' })],
  ['key', breaking('definition')],
  ['time', breaking('definition')],
  ['columns/*', breaking('definition')],
  ['columns/*/required', minor('definition', { default: false })],
  ['columns/*/unique', minor('definition', { default: false })],
  ['columns/*/values', minor('definition', { set: true })],
  ['columns/*/description', patch()],
  ['joins/*', breaking('definition')],
  ['joins/*/to', breaking('definition', { reference: 'source' })],
  ['definitions/*', breaking('definition', { formula: true })],
  ['dimensions/*', breaking('definition', { formula: true })],
];

const EXCEPTIONS = (prefix: string): Table => [
  [prefix, minor('scoring', { keyedBy: 'rule' })],
  [`${prefix}/*/title`, patch()],
  [`${prefix}/*/where`, minor('scoring', { formula: true })],
  [`${prefix}/*/value`, minor('scoring', { formula: true })],
  [`${prefix}/*/above`, minor('scoring', { formula: true })],
  [`${prefix}/*/action`, minor('scoring', { default: 'exclude' })],
];

const TARGET = (prefix: string): Table => [
  [prefix, minor('targets', { formula: true })],
  [`${prefix}/baseline`, minor('targets', { formula: true })],
  [`${prefix}/history`, minor('targets', { formula: true, default: '4 quarters' })],
  [`${prefix}/ending`, minor('targets', { default: 'year_start' })],
  [`${prefix}/growth`, minor('targets', { default: 0 })],
];

const KPI: Table = [
  ['', minor('definition')],
  ...DOCS,
  ['formula', breaking('definition', { formula: true })],
  ['unit', breaking('definition')],
  ['direction', breaking('definition', { default: 'up' })],
  ['indicator', patch()],
  ['perspective', patch()],
  ['owner', patch()],
  ['refresh', patch()],
  ['tags', { ...patch(), set: true }],
  ['status', minor('lifecycle', { default: 'active', synonyms: new Map([['draft', 'proposed']]) })],
  ['replaced_by', minor('lifecycle', { reference: 'kpi' })],
  ['sunset', minor('lifecycle')],
  ['pilot', minor('lifecycle')],
  ['pilot/where', minor('lifecycle', { formula: true })],
  ['reviewed', patch('lifecycle')],
  ['guardrails', minor('lifecycle', { set: true, reference: 'kpi' })],
  ...TARGET('target'),
  ['thresholds', minor('targets')],
  ['thresholds/on', minor('targets', { default: 'attainment' })],
  ['overrides', minor('targets')],
  ['overrides/*/where', minor('targets', { formula: true })],
  ...TARGET('overrides/*/target'),
  ['seasonal', minor('targets')],
  ['scoring', minor('scoring')],
  ['scoring/method', minor('scoring', { default: 'capped_attainment' })],
  ['missing', minor('scoring')],
  ...EXCEPTIONS('exceptions'),
];

const LOOKUP: Table = [
  ['', breaking('definition')],
  ...DOCS,
  ['value', breaking('definition', { reference: 'kpi' })],
  ['window', breaking('definition', { formula: true })],
  ['rows', minor('definition')],
  ['default', minor('definition')],
];

const HIERARCHY: Table = [
  ['', breaking('definition')],
  ...DOCS,
  ['source', breaking('definition', { reference: 'source' })],
  ['member', breaking('definition', { formula: true })],
  ['as_of', breaking('definition', { default: 'period_end' })],
  ['levels/*/title', patch()],
  ['levels/*/label', { ...patch(), formula: true }],
  ['levels/*/value', breaking('definition', { formula: true })],
];

const ENTRY = 'perspectives/*/kpis/*';
const SCORED: Table = [
  ['', minor('scoring')],
  ...DOCS,
  ['hierarchy', breaking('scoring', { reference: 'hierarchy' })],
  ['grain', breaking('scoring', { default: 'quarter' })],
  ['levels', breaking('scoring')],
  ['extends', minor('scoring', { reference: 'scorecard' })],
  ['applies_to', minor('scoring', { formula: true })],
  ['members', minor('scoring', { formula: true })],
  ['missing', minor('scoring', { default: 'ignore' })],
  ['thresholds', minor('targets')],
  ['rollup/weight', minor('scoring', { reference: 'kpi' })],
  ['perspectives/*/kpis', minor('scoring', { keyedBy: 'kpi' })],
  [`${ENTRY}/kpi`, minor('scoring', { reference: 'kpi' })],
  ...TARGET(`${ENTRY}/target`),
  [`${ENTRY}/thresholds`, minor('targets')],
  [`${ENTRY}/seasonal`, minor('targets')],
  ...EXCEPTIONS(`${ENTRY}/exceptions`),
];

const PLAN: Table = [['', minor('pay')], ...DOCS];
const OTHER: Table = [['', minor('definition')], ...DOCS];
const GOVERNANCE: Table = [['', minor('governance')], ...DOCS, ['seats/*/title', patch()], ['rules/*/title', patch()]];

const TABLES: Readonly<Record<DocumentKind, Table>> = {
  catalog: CATALOG,
  source: SOURCE,
  kpi: KPI,
  lookup: LOOKUP,
  hierarchy: HIERARCHY,
  scorecard: SCORED,
  role: SCORED,
  plan: PLAN,
  alert: OTHER,
  access: OTHER,
  check: OTHER,
  test: OTHER,
  governance: GOVERNANCE,
};

const COMPILED: ReadonlyMap<DocumentKind, readonly (readonly [readonly string[], FieldRule])[]> = new Map(
  (Object.entries(TABLES) as [DocumentKind, Table][]).map(([kind, table]) => [
    kind,
    table.map(([pattern, rule]) => [pattern === '' ? [] : pattern.split('/'), rule] as const),
  ]),
);

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length > path.length) return false;
  return pattern.every((step, i) => step === '*' || step === path[i]);
}

/** The rule of the field at `path` of a document of `kind`. */
export function ruleFor(kind: DocumentKind, path: readonly string[]): FieldRule {
  let best: { length: number; rule: FieldRule } | undefined;
  for (const [pattern, rule] of COMPILED.get(kind) ?? []) {
    if (matches(pattern, path) && (best === undefined || pattern.length >= best.length)) best = { length: pattern.length, rule };
  }
  return best?.rule ?? minor('definition');
}

/** The rule written exactly for `path` (not inherited), if any: defaults and key matching apply only there. */
export function exactRuleFor(kind: DocumentKind, path: readonly string[]): FieldRule | undefined {
  for (const [pattern, rule] of COMPILED.get(kind) ?? []) if (pattern.length === path.length && matches(pattern, path)) return rule;
  return undefined;
}
