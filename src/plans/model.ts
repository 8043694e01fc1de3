/**
 * The written model of `plan` documents (docs/plans.md): read from their YAML trees with a span on
 * everything a diagnostic may point at. Numbers that become pay (rates, amounts, shares) are read
 * as exact decimals from the text as written, so `3%` is exactly 0.03. Like the other builders it
 * reports nothing: the schema phase checked shapes, and check.ts reports what the schema cannot see.
 */
import type { Span } from '../diagnostics/span.js';
import { booleanAt, choiceAt, formulaAt, itemsAt, mapAt, numberAt, stringAt, textAt } from '../model/read-node.js';
import type { Catalog, CatalogDocument, FormulaText, Located, YMap, YNode } from '../model/types.js';
import { readExact, type WrittenExact } from './read-exact.js';

/** A tier of a rate table. */
export interface TierDef {
  readonly span: Span;
  readonly upTo?: WrittenExact | undefined;
  readonly rate?: WrittenExact | undefined;
}

/** An accelerator or decelerator band. */
export interface BandDef {
  readonly span: Span;
  readonly above?: WrittenExact | undefined;
  readonly below?: WrittenExact | undefined;
  readonly multiplier?: WrittenExact | undefined;
}

/** A SPIFF guard. */
interface GuardDef {
  readonly span: Span;
  readonly when?: FormulaText | undefined;
  readonly title?: string | undefined;
}

/** A bonus condition on a KPI. */
interface BonusConditionDef {
  readonly span: Span;
  readonly kpi?: Located<string> | undefined;
  readonly atLeast?: WrittenExact | undefined;
  readonly atMost?: WrittenExact | undefined;
}

/** Component types. */
const COMPONENT_TYPES = ['commission', 'spiff', 'bonus', 'draw', 'clawback'] as const;

/** A component type. */
export type ComponentType = (typeof COMPONENT_TYPES)[number];

/** One component as written (fields apply by type; check.ts reports misplaced ones). */
export interface ComponentDef {
  readonly id: Located<string>;
  readonly span: Span;
  readonly title?: string | undefined;
  readonly type?: Located<ComponentType> | undefined;
  readonly method?: Located<'flat' | 'marginal' | 'retroactive'> | undefined;
  readonly on?: Located<'credit' | 'attainment'> | undefined;
  readonly tiers: readonly TierDef[];
  readonly rate?: WrittenExact | undefined;
  readonly accelerators: readonly BandDef[];
  readonly cap?: { readonly span: Span; readonly amount?: WrittenExact | undefined; readonly per: 'period' | 'year' } | undefined;
  readonly taper?: { readonly span: Span; readonly above?: WrittenExact | undefined; readonly rate?: WrittenExact | undefined } | undefined;
  readonly from?: Located<string> | undefined;
  readonly to?: Located<string> | undefined;
  readonly where?: FormulaText | undefined;
  readonly amount?: WrittenExact | undefined;
  readonly guards: readonly GuardDef[];
  readonly when: readonly BonusConditionDef[];
  readonly recoverable: boolean;
  readonly trigger?: FormulaText | undefined;
  readonly date?: Located<string> | undefined;
  readonly within?: Located<number> | undefined;
  readonly term?: FormulaText | undefined;
  readonly of: readonly Located<string>[];
  /** Keys present in the component, with their spans (to report keys its type does not take). */
  readonly keys: ReadonlyMap<string, Span>;
}

/** The credit rule as written. */
export interface CreditDef {
  readonly span: Span;
  readonly source?: Located<string> | undefined;
  readonly where?: FormulaText | undefined;
  readonly rep?: FormulaText | undefined;
  readonly deal?: FormulaText | undefined;
  readonly date?: Located<string> | undefined;
  readonly amount?: FormulaText | undefined;
}

/** The quota rule as written. */
export interface QuotaDef {
  readonly span: Span;
  readonly annual?: WrittenExact | undefined;
  readonly kpi?: Located<string> | undefined;
  /** Lower-case key (`q1`, `jan`) → share. */
  readonly seasonal?: { readonly span: Span; readonly shares: ReadonlyMap<string, WrittenExact> } | undefined;
  readonly ramp: readonly WrittenExact[];
  readonly rampSpan?: Span | undefined;
}

/** A `plan` document as written. */
export interface PlanDef {
  readonly kind: 'plan';
  readonly doc: CatalogDocument;
  readonly id: string;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly hierarchy?: Located<string> | undefined;
  readonly members?: FormulaText | undefined;
  readonly from?: Located<string> | undefined;
  readonly to?: Located<string> | undefined;
  readonly payPeriod: 'month' | 'quarter';
  readonly currency?: string | undefined;
  readonly rounding: 'half_up' | 'half_even';
  readonly credit?: CreditDef | undefined;
  readonly quota?: QuotaDef | undefined;
  readonly components: readonly ComponentDef[];
}

type Files = Catalog['files'];

function exactAt(map: YMap, key: string, files: Files): WrittenExact | undefined {
  return readExact(map.byKey.get(key)?.value, files);
}

function items<T>(map: YMap, key: string, build: (m: YMap) => T): T[] {
  return itemsAt(map, key)
    .filter((n): n is YMap => n.kind === 'map')
    .map(build);
}

function buildComponent(m: YMap, files: Files): ComponentDef | undefined {
  const id = stringAt(m, 'component');
  if (id === undefined) return undefined;
  const cap = mapAt(m, 'cap');
  const taper = mapAt(m, 'taper');
  return {
    id,
    span: m.span,
    title: textAt(m, 'title'),
    type: choiceAt(m, 'type', COMPONENT_TYPES),
    method: choiceAt(m, 'method', ['flat', 'marginal', 'retroactive'] as const),
    on: choiceAt(m, 'on', ['credit', 'attainment'] as const),
    tiers: items(m, 'tiers', (t) => ({ span: t.span, upTo: exactAt(t, 'up_to', files), rate: exactAt(t, 'rate', files) })),
    rate: exactAt(m, 'rate', files),
    accelerators: items(m, 'accelerators', (b) => ({
      span: b.span,
      above: exactAt(b, 'above', files),
      below: exactAt(b, 'below', files),
      multiplier: exactAt(b, 'multiplier', files),
    })),
    cap:
      cap === undefined
        ? undefined
        : {
            span: cap.span,
            amount: exactAt(cap, 'amount', files),
            per: choiceAt(cap, 'per', ['period', 'year'] as const)?.value ?? 'year',
          },
    taper:
      taper === undefined ? undefined : { span: taper.span, above: exactAt(taper, 'above', files), rate: exactAt(taper, 'rate', files) },
    from: stringAt(m, 'from'),
    to: stringAt(m, 'to'),
    where: formulaAt(m, 'where', files),
    amount: exactAt(m, 'amount', files),
    guards: items(m, 'guards', (g) => ({ span: g.span, when: formulaAt(g, 'when', files), title: textAt(g, 'title') })),
    when: items(m, 'when', (w) => ({
      span: w.span,
      kpi: stringAt(w, 'kpi'),
      atLeast: exactAt(w, 'at_least', files),
      atMost: exactAt(w, 'at_most', files),
    })),
    recoverable: booleanAt(m, 'recoverable') ?? true,
    trigger: formulaAt(m, 'trigger', files),
    date: stringAt(m, 'date'),
    within: numberAt(m, 'within'),
    term: formulaAt(m, 'term', files),
    of: itemsAt(m, 'of').flatMap((n) => (n.kind === 'scalar' && typeof n.value === 'string' ? [{ value: n.value, span: n.span }] : [])),
    keys: new Map(m.entries.map((e) => [e.key, e.keySpan] as const)),
  };
}

function buildQuota(m: YMap | undefined, files: Files): QuotaDef | undefined {
  if (m === undefined) return undefined;
  const seasonal = mapAt(m, 'seasonal');
  const shares = new Map<string, WrittenExact>();
  for (const e of seasonal?.entries ?? []) {
    const share = readExact(e.value, files);
    if (share !== undefined) shares.set(e.key.toLowerCase(), share);
  }
  const ramp = m.byKey.get('ramp')?.value;
  return {
    span: m.span,
    annual: exactAt(m, 'annual', files),
    kpi: stringAt(m, 'kpi'),
    seasonal: seasonal === undefined ? undefined : { span: seasonal.span, shares },
    ramp: itemsAt(m, 'ramp')
      .map((n: YNode) => readExact(n, files))
      .filter((x): x is WrittenExact => x !== undefined),
    rampSpan: ramp?.span,
  };
}

function buildCredit(m: YMap | undefined, files: Files): CreditDef | undefined {
  if (m === undefined) return undefined;
  return {
    span: m.span,
    source: stringAt(m, 'source'),
    where: formulaAt(m, 'where', files),
    rep: formulaAt(m, 'rep', files),
    deal: formulaAt(m, 'deal', files),
    date: stringAt(m, 'date'),
    amount: formulaAt(m, 'amount', files),
  };
}

function buildPlan(doc: CatalogDocument, files: Files): PlanDef {
  const m = doc.tree;
  const effective = mapAt(m, 'effective');
  const components: ComponentDef[] = [];
  for (const item of itemsAt(m, 'components')) {
    const c = item.kind === 'map' ? buildComponent(item, files) : undefined;
    if (c !== undefined) components.push(c);
  }
  return {
    kind: 'plan',
    doc,
    id: doc.id,
    title: textAt(m, 'title'),
    description: textAt(m, 'description'),
    hierarchy: stringAt(m, 'hierarchy'),
    members: formulaAt(m, 'members', files),
    from: effective === undefined ? undefined : stringAt(effective, 'from'),
    to: effective === undefined ? undefined : stringAt(effective, 'to'),
    payPeriod: choiceAt(m, 'pay_period', ['month', 'quarter'] as const)?.value ?? 'month',
    currency: textAt(m, 'currency'),
    rounding: choiceAt(m, 'rounding', ['half_up', 'half_even'] as const)?.value ?? 'half_up',
    credit: buildCredit(mapAt(m, 'credit'), files),
    quota: buildQuota(mapAt(m, 'quota'), files),
    components,
  };
}

/** The `plan` documents of `catalog`, modelled, by id (the first of a repeated id wins). */
export function buildPlans(catalog: Catalog): ReadonlyMap<string, PlanDef> {
  const out = new Map<string, PlanDef>();
  for (const doc of catalog.documents) {
    if (doc.kind === 'plan' && !out.has(doc.id)) out.set(doc.id, buildPlan(doc, catalog.files));
  }
  return out;
}
