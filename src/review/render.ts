/**
 * The review as text: `table` for a terminal, `markdown` for an issue or a meeting's agenda (the
 * same sections), and JSON. Each section says what to decide; empty sections say so.
 */
import { formatValue } from '../results/format-value.js';
import type { GuardrailTrend, ReviewKpi, ReviewReport, Series } from './report.js';

/** One section: its heading, what it asks for, and a line per KPI. */
interface Section {
  readonly title: string;
  readonly ask: string;
  /** How many KPIs the section names. */
  readonly count: number;
  readonly lines: readonly string[];
}

/** KPIs never reviewed, one line per owner (a meeting hands each owner their list). */
function neverReviewed(r: ReviewReport): string[] {
  const byOwner = new Map<string, string[]>();
  for (const k of r.due) {
    if (k.reviewed !== undefined) continue;
    const key = k.owner ?? '';
    byOwner.set(key, [...(byOwner.get(key) ?? []), k.kpi]);
  }
  return [...byOwner.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([o, ids]) => `never reviewed, ${o === '' ? 'no owner' : `owner ${o}`} (${ids.length}): ${ids.join(', ')}`);
}

const where = (k: ReviewKpi): string => `${k.file}:${k.line}`;
const owner = (k: ReviewKpi): string => (k.owner === undefined ? 'no owner' : `owner ${k.owner}`);

function trendWord(s: Series): string {
  return s.trend === 'unknown' ? 'too few values' : s.trend;
}

function seriesLine(s: Series, currency: string): string {
  return `${s.title} (${s.kpi}${s.direction === 'down' ? ', lower is better' : ''}): ${s.values.map((v) => formatValue(v, s.unit, currency)).join(' → ')}  ${trendWord(s)}`;
}

function trendLines(t: GuardrailTrend, currency: string): string[] {
  return [
    seriesLine(t.kpi, currency),
    ...t.guardrails.map((g) => `  guardrail ${seriesLine(g, currency)}`),
    ...(t.warning === undefined ? [] : [`  ⚠ ${t.warning}`]),
  ];
}

function sections(r: ReviewReport): Section[] {
  const out: Section[] = [
    {
      title: `Due for review (cycle: ${r.cycle})`,
      ask: 'have the owner confirm or change the definition, then set `reviewed:`',
      count: r.due.length,
      lines: [
        ...r.due
          .filter((k) => k.reviewed !== undefined)
          .map((k) => `${k.kpi} — last reviewed ${k.reviewed ?? ''}, due since ${k.dueSince ?? ''} (${owner(k)}; ${where(k)})`),
        ...neverReviewed(r),
      ],
    },
    {
      title: 'Used by no scorecard, role, plan or alert',
      ask: 'keep it for analysis, put it on a scorecard, or deprecate it',
      count: r.unused.length,
      lines: r.unused.map((k) => `${k.kpi} — ${k.title} (${k.stage}; ${where(k)})`),
    },
    {
      title: 'Deprecated and past their sunset',
      ask: 'retire them (`status: retired`) once nothing refers to them',
      count: r.pastSunset.length,
      lines: r.pastSunset.map(
        (k) => `${k.kpi} — sunset ${k.sunset}${k.replacedBy === undefined ? '' : `, replaced by ${k.replacedBy}`} (${where(k)})`,
      ),
    },
    {
      title: 'Pilots that have ended',
      ask: 'make them active, extend the pilot, or retire them',
      count: r.endedPilots.length,
      lines: r.endedPilots.map((k) => `${k.kpi} — ended ${k.until} (${owner(k)}; ${where(k)})`),
    },
    {
      title: 'Proposed, awaiting a decision',
      ask: 'approve (pilot or active) or drop them',
      count: r.proposed.length,
      lines: r.proposed.map((k) => `${k.kpi} — ${k.title} (${owner(k)}; ${where(k)})`),
    },
    {
      title: 'Without an owner',
      ask: 'name who answers for the definition (`owner:`)',
      count: r.withoutOwner.length,
      lines: r.withoutOwner.map((k) => `${k.kpi} — ${k.title} (${where(k)})`),
    },
  ];
  if (r.guardrails.kind === 'trends') {
    const p = r.guardrails.periods;
    out.push({
      title: `Guardrails (${p[0]?.label ?? ''} to ${p[p.length - 1]?.label ?? ''})`,
      ask: 'a KPI that improves while its guardrail worsens may be gamed: look at how it improved',
      count: r.guardrails.trends.length,
      lines: r.guardrails.trends.flatMap((t) => trendLines(t, r.catalog.currency)),
    });
  }
  return out;
}

/** The review for a terminal. */
export function renderReviewTable(r: ReviewReport): string {
  const lines = [`Review of ${r.catalog.title ?? r.catalog.id} as of ${r.date}`, ''];
  for (const s of sections(r)) {
    lines.push(`${s.title}: ${s.count === 0 ? 'none' : `${s.count}`}`);
    if (s.count > 0) lines.push(`  → ${s.ask}`, ...s.lines.map((l) => `  ${l}`));
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The review as markdown. */
export function renderReviewMarkdown(r: ReviewReport): string {
  const lines = [`## Review of ${r.catalog.title ?? r.catalog.id} as of ${r.date}`, ''];
  for (const s of sections(r)) {
    lines.push(`### ${s.title} (${s.count})`, '');
    if (s.count === 0) lines.push('None.', '');
    else lines.push(`*To decide: ${s.ask}.*`, '', ...s.lines.map((l) => (l.startsWith('  ') ? `  - ${l.trim()}` : `- ${l}`)), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The review as JSON. */
export function renderReviewJson(r: ReviewReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
