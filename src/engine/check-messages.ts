/**
 * The words of the data checks: diagnostics for bad values (one per value, up to a cap, then a
 * summary), empty required columns, values outside `values:`, and repeats in unique columns —
 * each at the column's declaration, located at the first offending place in the data.
 */
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ColumnChecks, CheckCounts, RowProblem } from './check-queries.js';
import { expectedText } from './column-read.js';
import { showValue } from './data-location.js';
import { moneyProblem } from './money-read.js';
import type { Place, PlaceLocator } from './record-lines.js';

/** Bad values reported one by one per column; the rest are summed up in one more diagnostic. */
const MAX_BAD_VALUES = 20;
/** Examples given in a required / values / unique diagnostic. */
const MAX_EXAMPLES = 5;

/** Rows sharing one problem, column and value, from the detail query. */
export interface ProblemGroup {
  readonly kind: RowProblem;
  readonly col: number;
  readonly value: string | null;
  readonly count: number;
  /** The first places of the group, in file order. */
  readonly firsts: readonly Place[];
}

/** One repeated value of a unique column, with its column's totals. */
export interface RepeatGroup {
  readonly col: number;
  readonly value: string;
  readonly count: number;
  readonly firsts: readonly Place[];
  /** Values of the column that repeat, and rows holding them (the column's totals). */
  readonly repeatedValues: number;
  readonly rows: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

function byPlace(a: Place, b: Place): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.row - b.row;
}

/** `lines 4, 9 and 12` in one file; `a.csv line 4, b.csv line 9` across files. */
function placesText(places: readonly Place[], locator: PlaceLocator, unit: 'line' | 'row', total = places.length): string {
  if (places.length === 0) return '';
  const oneFile = places.every((p) => p.path === places[0]?.path);
  const items = places.map((p) => (oneFile ? String(locator.line(p)) : `${locator.locate(p, undefined).file} ${unit} ${locator.line(p)}`));
  const word = oneFile ? (total === 1 ? `${unit} ` : `${unit}s `) : '';
  const more = total - places.length;
  if (more > 0) return `${word}${items.join(', ')} and ${fmt(more)} more`;
  if (items.length === 1) return `${word}${items[0]}`;
  return `${word}${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Diagnostics for bad values, empty required columns and values outside `values:`. */
export function problemDiagnostics(
  checks: readonly ColumnChecks[],
  groups: readonly ProblemGroup[],
  counts: CheckCounts,
  locator: PlaceLocator,
  unit: 'line' | 'row',
  severity: Severity,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of checks) {
    const mine = (kind: RowProblem): ProblemGroup[] => groups.filter((g) => g.kind === kind && g.col === c.i);
    out.push(...badValues(c, mine('bad'), counts.bad.get(c.i) ?? 0, locator, severity));
    const empty = mine('required')[0];
    if (empty !== undefined) {
      const total = counts.nulls.get(c.i) ?? empty.count;
      const shown = empty.firsts.slice(0, MAX_EXAMPLES);
      const first = shown[0];
      out.push(
        diagnostic(
          'data/required',
          c.column.span,
          `column \`${c.column.name}\` is required but empty in ${fmt(total)} row${total === 1 ? '' : 's'}: ${placesText(shown, locator, unit, total)}`,
          {
            severity,
            location: first === undefined ? undefined : locator.locate(first, c.column),
          },
        ),
      );
    }
    out.push(...outsideValues(c, mine('values'), counts.notIn.get(c.i) ?? 0, locator, unit, severity));
  }
  return out;
}

function badValues(
  c: ColumnChecks,
  groups: readonly ProblemGroup[],
  total: number,
  locator: PlaceLocator,
  severity: Severity,
): Diagnostic[] {
  const occurrences = groups
    .flatMap((g) => g.firsts.map((place) => ({ place, value: g.value ?? '' })))
    .sort((a, b) => byPlace(a.place, b.place))
    .slice(0, MAX_BAD_VALUES);
  const expected = expectedText(c.column);
  const out = occurrences.map(({ place, value }) => {
    const money = c.column.type.value === 'money' ? moneyProblem(c.column, value) : undefined;
    const what = money === undefined ? `is not ${expected}` : money.message;
    return diagnostic('data/bad-value', c.column.span, `${showValue(value)} in column \`${c.column.name}\` ${what}`, {
      severity,
      hint: money?.hint,
      location: locator.locate(place, c.column),
    });
  });
  const more = Math.max(total, occurrences.length) - occurrences.length;
  if (more > 0) {
    out.push(
      diagnostic(
        'data/bad-value',
        c.column.span,
        `and ${fmt(more)} more value${more === 1 ? '' : 's'} in column \`${c.column.name}\` that ${more === 1 ? 'is' : 'are'} not ${expected}`,
        {
          severity,
        },
      ),
    );
  }
  return out;
}

function outsideValues(
  c: ColumnChecks,
  groups: readonly ProblemGroup[],
  total: number,
  locator: PlaceLocator,
  unit: 'line' | 'row',
  severity: Severity,
): Diagnostic[] {
  if (groups.length === 0) return [];
  const examples = [...groups]
    .sort((a, b) => b.count - a.count || byPlace(a.firsts[0] ?? { path: '', row: 0 }, b.firsts[0] ?? { path: '', row: 0 }))
    .slice(0, MAX_EXAMPLES);
  const shown = examples.map((g) => `${showValue(g.value ?? '')} (${placesText(g.firsts.slice(0, 3), locator, unit, g.count)})`);
  const allowed = c.values ?? [];
  const top = examples[0];
  const first = [...groups]
    .map((g) => g.firsts[0])
    .filter((p): p is Place => p !== undefined)
    .sort(byPlace)[0];
  const hint =
    (top?.value == null ? undefined : didYouMean(top.value, allowed)) ??
    `allowed: ${allowed
      .slice(0, 10)
      .map((a) => showValue(a))
      .join(', ')}${allowed.length > 10 ? ', …' : ''}`;
  const rows = Math.max(total, 1);
  return [
    diagnostic(
      'data/not-in-values',
      c.column.span,
      `${fmt(rows)} row${rows === 1 ? '' : 's'} of column \`${c.column.name}\` hold${rows === 1 ? 's' : ''} a value not in its \`values\` list: ${shown.join(', ')}${groups.length > examples.length ? ', …' : ''}`,
      { severity, hint, location: first === undefined ? undefined : locator.locate(first, c.column) },
    ),
  ];
}

/** Diagnostics for unique columns whose values repeat. */
export function uniqueDiagnostics(
  checks: readonly ColumnChecks[],
  groups: readonly RepeatGroup[],
  locator: PlaceLocator,
  unit: 'line' | 'row',
  severity: Severity,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of checks) {
    const mine = groups
      .filter((g) => g.col === c.i)
      .sort((a, b) => byPlace(a.firsts[0] ?? { path: '', row: 0 }, b.firsts[0] ?? { path: '', row: 0 }));
    const top = mine[0];
    if (top === undefined) continue;
    const shown = mine.slice(0, MAX_EXAMPLES).map((g) => `${showValue(g.value)} (${placesText(g.firsts, locator, unit, g.count)})`);
    const second = top.firsts[1] ?? top.firsts[0];
    out.push(
      diagnostic(
        'data/unique',
        c.column.span,
        `column \`${c.column.name}\` must be unique, but ${fmt(top.repeatedValues)} value${top.repeatedValues === 1 ? ' occurs' : 's occur'} more than once (${fmt(top.rows)} rows): ${shown.join(', ')}${top.repeatedValues > shown.length ? ', …' : ''}`,
        {
          severity,
          hint: `keep one row per \`${c.column.name}\` in the export, or drop \`unique: true\` if repeats are expected`,
          location: second === undefined ? undefined : locator.locate(second, c.column),
        },
      ),
    );
  }
  return out;
}
