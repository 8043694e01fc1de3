/**
 * The readable summary `kpic demo` prints: for the latest quarter of the data against the one
 * before, each KPI's value (per region when broken down) and its change, grouped by perspective.
 * A pure function of the rows, so it is tested without running anything.
 */
import type { KpiDef, KpiHorizon, Unit } from '../model/types.js';
import type { ResultRow } from '../pipeline.js';
import { decimalsFor, formatValue, NULL_TEXT } from '../results/format-value.js';
import { byText } from '../results/table.js';
import type { Style } from '../diagnostics/render/style.js';

/** One KPI of the summary. */
export interface DemoKpi {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit | undefined;
  readonly direction: KpiDef['direction'];
  readonly perspective: KpiDef['perspective'];
  /** `forward` KPIs are read for `next`; `forward` and `snapshot` ones get no comparison. */
  readonly horizon: KpiHorizon;
}

/** What the summary shows. */
export interface DemoSummaryInput {
  readonly kpis: readonly DemoKpi[];
  /** Rows of every run: `by` is `[region]` for KPIs broken down by region, `[]` otherwise. */
  readonly rows: readonly ResultRow[];
  /** Start of the latest quarter and of the one before (ISO dates). */
  readonly latest: string;
  readonly prior: string;
  /** Start of the quarter KPIs that look forward are read for (the first not complete). */
  readonly next: string;
  readonly currency: string;
  readonly style: Style;
}

const PERSPECTIVES: readonly [NonNullable<KpiDef['perspective']>, string][] = [
  ['financial', 'Financial'],
  ['customer', 'Customer'],
  ['internal_process', 'Internal process'],
  ['learning_growth', 'Learning and growth'],
];

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The change from `before` to `now`, in the KPI's own terms: percentage points for percentages
 * (`▲ 5.0 pts`), a difference in the KPI's unit for ratios, scores and plain numbers (an NPS of −2
 * after −21 is `▲ 18.46`, not a percent change of a number that crossed zero), and a relative
 * change for amounts, counts and durations (`▲ 12.3%`; `▲ new` after 0). Empty when either side
 * is missing.
 */
export function changeText(
  now: number | null,
  before: number | null,
  unit: Unit | undefined,
  currency = 'USD',
  decimals = decimalsFor([now, before]),
): { readonly text: string; readonly sign: number } {
  if (now === null || before === null) return { text: '', sign: 0 };
  const delta = now - before;
  const sign = Math.abs(delta) < 1e-12 ? 0 : Math.sign(delta);
  const arrow = sign > 0 ? '▲' : sign < 0 ? '▼' : '=';
  switch (unit) {
    case 'percent':
    case 'ratio':
    case 'number':
    case undefined: {
      // A difference of the figures as shown, so that 99.0% after 98.9% reads `▲ 0.1 pts`.
      const [scale, digits] = unit === 'percent' ? [100, 1] : [1, decimals];
      const shown = shownDifference(now * scale, before * scale, digits);
      const mark = shown > 0 ? '▲' : shown < 0 ? '▼' : '=';
      const size = Math.abs(shown);
      const text = unit === 'percent' ? `${ONE_DECIMAL.format(size)} pts` : formatValue(size, unit, currency, digits);
      return { text: `${mark} ${text}`, sign: Math.sign(shown) };
    }
    case 'money':
    case 'count':
    case 'days':
      if (before === 0) return { text: sign === 0 ? '= 0.0%' : `${arrow} new`, sign };
      if (before < 0) return { text: `${arrow} ${formatValue(Math.abs(delta), unit, currency)}`, sign };
      return { text: `${arrow} ${ONE_DECIMAL.format((Math.abs(delta) / before) * 100)}%`, sign };
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/** `now − before` after rounding each to `digits` decimals, as they are displayed. */
function shownDifference(now: number, before: number, digits: number): number {
  const round = (v: number): number => Number(v.toFixed(digits));
  return round(round(now) - round(before));
}

/**
 * The latest period that holds data: the last one in which at least half as many KPIs have a
 * value (non-null, non-zero) as in the busiest period. Exports often reach into the future —
 * open deals expected to close next year, quotas already set — and those periods, where only a
 * few pipeline KPIs have values, are not what a summary of "the latest quarter" means.
 */
export function latestActivePeriod(rows: readonly ResultRow[]): string | undefined {
  const active = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!active.has(r.period)) active.set(r.period, new Set());
    if (r.value !== null && r.value !== 0) active.get(r.period)?.add(r.kpi);
  }
  const busiest = Math.max(0, ...[...active.values()].map((k) => k.size));
  const periods = [...active.keys()].sort();
  if (busiest === 0) return periods[periods.length - 1];
  return periods.filter((p) => (active.get(p)?.size ?? 0) * 2 >= busiest).pop();
}

function width(text: string): number {
  return [...text].length;
}

interface Line {
  readonly label: string;
  readonly now: string;
  readonly change: string;
  readonly sign: number;
  readonly was: string;
  /** Null or zero in both quarters. */
  readonly empty: boolean;
}

function kpiLines(kpi: DemoKpi, input: DemoSummaryInput): Line[] {
  const rows = input.rows.filter((r) => r.kpi === kpi.id);
  const keys = new Map<string, readonly ResultRow['by'][number][]>();
  for (const r of rows) keys.set(JSON.stringify(r.by), r.by);
  const ordered = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const decimals = decimalsFor(rows.map((r) => r.value));
  const lines = ordered.map(([key, by]) => {
    const at = (period: string): number | null => rows.find((r) => r.period === period && JSON.stringify(r.by) === key)?.value ?? null;
    // A KPI that looks forward is read for the quarter ahead; neither it nor a snapshot of the
    // export laid out by date has a trend from one period to the next: no comparison.
    const now = at(kpi.horizon === 'forward' ? input.next : input.latest);
    const before = kpi.horizon === 'past' ? at(input.prior) : null;
    const change = changeText(now, before, kpi.unit, input.currency, decimals);
    const label = by.length === 0 ? 'all' : by.map(byText).join(' · ');
    const shown = (v: number | null): string => formatValue(v, kpi.unit, input.currency, decimals);
    const was = before === null ? '' : `was ${shown(before)}`;
    const empty = (now === null || now === 0) && (before === null || before === 0);
    return { label, now: shown(now), change: change.text, sign: change.sign, was, empty };
  });
  // Breakdown values with nothing in either quarter are noise, unless they are all there is.
  const shown = lines.filter((l) => !l.empty);
  return shown.length > 0 ? shown : lines;
}

function renderKpi(kpi: DemoKpi, input: DemoSummaryInput, indent: string): string[] {
  const { style } = input;
  const lines = kpiLines(kpi, input);
  const head = `${indent}${style.bold(kpi.title)} ${style.dim(`(${kpi.id}${kpi.unit === undefined ? '' : `, ${kpi.unit}`})`)}`;
  if (lines.length === 0) return [head, `${indent}  ${NULL_TEXT} no values`];
  const w = (pick: (l: Line) => string): number => Math.max(...lines.map((l) => width(pick(l))));
  const [wl, wn, wc] = [w((l) => l.label), w((l) => l.now), w((l) => l.change)];
  return [
    head,
    ...lines.map((l) => {
      const good = kpi.direction === 'down' ? -l.sign : l.sign;
      const paint = good > 0 ? style.green : good < 0 ? style.red : (t: string) => t;
      const change = paint(l.change) + ' '.repeat(wc - width(l.change));
      const cells = [l.label.padEnd(wl), ' '.repeat(wn - width(l.now)) + l.now, change, style.dim(l.was)];
      return `${indent}  ${cells.join('  ')}`.trimEnd();
    }),
  ];
}

/** The summary text (ends with a newline). */
export function renderDemoSummary(input: DemoSummaryInput): string {
  const grouped = input.kpis.some((k) => k.perspective !== undefined);
  const out: string[] = [];
  if (!grouped) {
    for (const k of input.kpis) out.push(...renderKpi(k, input, ''), '');
    return `${out.join('\n')}`;
  }
  const groups: [string, DemoKpi[]][] = PERSPECTIVES.map(([key, name]) => [name, input.kpis.filter((k) => k.perspective === key)]);
  groups.push(['Other', input.kpis.filter((k) => k.perspective === undefined)]);
  for (const [name, kpis] of groups) {
    if (kpis.length === 0) continue;
    out.push(input.style.bold(input.style.cyan(name)));
    for (const k of kpis) out.push(...renderKpi(k, input, '  '));
    out.push('');
  }
  return out.join('\n');
}
