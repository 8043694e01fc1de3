/**
 * Builds the performance fields of a KPI — thresholds on value, scoring, missing-data policy,
 * baselines, seasonal shares and exception rules — used by scorecards (docs/scorecards.md).
 * Like the other builders it reports nothing: malformed values are skipped here and reported by
 * the scorecard phase, which reads the same nodes with {@link readPercent}.
 */
import type { SourceText } from '../diagnostics/span.js';
import type { YMap, YNode } from '../load/tree.js';
import type { BaselineDef, ExceptionDef, Located, MissingPolicy, ScoringDef, SeasonalDef, Thresholds } from './types.js';
import { choiceAt, formulaAt, itemsAt, mapAt, stringAt, textAt } from './read-node.js';

/** Missing-data policies. */
const MISSING_POLICIES: readonly MissingPolicy[] = ['blank', 'zero', 'ignore'];

const PERCENT = /^\s*([+-]?(?:\d[\d_]*(?:\.\d*)?|\.\d+))\s*%\s*$/;

/**
 * A number written as a YAML number (`0.12`) or as a percentage string (`12%` = 0.12).
 * `undefined` when the node is absent; `'bad'` when it is there but neither.
 */
export function readPercent(node: YNode | undefined): number | 'bad' | undefined {
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar') return 'bad';
  if (typeof node.value === 'number') return Number.isFinite(node.value) ? node.value : 'bad';
  if (typeof node.value !== 'string') return 'bad';
  const m = PERCENT.exec(node.value);
  if (m === null) return 'bad';
  const n = Number((m[1] ?? '').replaceAll('_', ''));
  return Number.isFinite(n) ? n / 100 : 'bad';
}

/** The number or percentage at `key` of `map`, with its span. */
function percentAt(map: YMap, key: string): Located<number> | undefined {
  const node = map.byKey.get(key)?.value;
  const value = readPercent(node);
  return node === undefined || value === undefined || value === 'bad' ? undefined : { value, span: node.span };
}

/** The `thresholds:` mapping at `key` of `map` (levels as numbers or percentages). */
export function buildThresholdsAt(map: YMap, key: string): Thresholds | undefined {
  const t = mapAt(map, key);
  if (t === undefined) return undefined;
  return {
    span: t.span,
    green: percentAt(t, 'green'),
    amber: percentAt(t, 'amber'),
    on: choiceAt(t, 'on', ['attainment', 'value'] as const),
  };
}

/** The `scoring:` mapping at `key` of `map`. */
export function buildScoring(map: YMap, key: string): ScoringDef | undefined {
  const s = mapAt(map, key);
  if (s === undefined) return undefined;
  return {
    span: s.span,
    method: choiceAt(s, 'method', ['capped_attainment', 'linear'] as const),
    cap: percentAt(s, 'cap'),
    redFlag: percentAt(s, 'red_flag'),
    goal: percentAt(s, 'goal'),
    on: choiceAt(s, 'on', ['attainment', 'value'] as const),
  };
}

/** The `missing:` policy at `key` of `map`. */
export function buildMissing(map: YMap, key: string): Located<MissingPolicy> | undefined {
  return choiceAt(map, key, MISSING_POLICIES);
}

/** A `target:` written as a mapping: a baseline from history. */
export function buildBaseline(map: YMap, key: string, files: ReadonlyMap<string, SourceText>): BaselineDef | undefined {
  const b = mapAt(map, key);
  if (b === undefined) return undefined;
  return {
    span: b.span,
    formula: formulaAt(b, 'baseline', files),
    history: formulaAt(b, 'history', files),
    ending: choiceAt(b, 'ending', ['year_start', 'period_start'] as const),
    growth: percentAt(b, 'growth'),
    as: choiceAt(b, 'as', ['total', 'rate'] as const),
  };
}

/** The `seasonal:` shares at `key` of `map` (keys lower-cased). */
export function buildSeasonal(map: YMap, key: string): SeasonalDef | undefined {
  const s = mapAt(map, key);
  if (s === undefined) return undefined;
  const shares = new Map<string, Located<number>>();
  for (const e of s.entries) {
    const value = readPercent(e.value);
    if (typeof value === 'number') shares.set(e.key.toLowerCase(), { value, span: e.value.span });
  }
  return { span: s.span, shares };
}

function buildException(item: YNode, files: ReadonlyMap<string, SourceText>): ExceptionDef | undefined {
  if (item.kind !== 'map') return undefined;
  const rule = stringAt(item, 'rule');
  if (rule === undefined) return undefined;
  return {
    span: item.span,
    rule,
    title: textAt(item, 'title'),
    source: stringAt(item, 'source'),
    where: formulaAt(item, 'where', files),
    value: formulaAt(item, 'value', files),
    above: formulaAt(item, 'above', files),
    action: choiceAt(item, 'action', ['exclude', 'cap'] as const),
  };
}

/** The `exceptions:` list at `key` of `map`. */
export function buildExceptions(map: YMap, key: string, files: ReadonlyMap<string, SourceText>): ExceptionDef[] {
  const out: ExceptionDef[] = [];
  for (const item of itemsAt(map, key)) {
    const e = buildException(item, files);
    if (e !== undefined) out.push(e);
  }
  return out;
}
