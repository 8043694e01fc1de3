/**
 * The value-impact sections in markdown: for each section kind, a short summary for the top of the
 * comment and the details (tables) to fold away. Incentive-plan payouts will be one more case.
 */
import { formatValue } from '../results/format-value.js';
import { sameValue } from './compare-values.js';
import { code } from './describe.js';
import { shownDelta, shownPair } from './format.js';
import type { Decimal } from '../model/decimal.js';
import type { KpiValues, KpiValuesSection, PlanPayoutsSection, ScorecardStatusesSection, StatusFlip, ValueSection } from './value-types.js';

const cellText = (s: string): string => s.replace(/\|/g, '\\|');

function grainWord(section: KpiValuesSection, n: number): string {
  const grain = section.periods[0]?.grain ?? 'quarter';
  return n === 1 ? grain : `${grain}s`;
}

function rangeText(section: KpiValuesSection): string {
  const first = section.periods[0];
  const last = section.periods[section.periods.length - 1];
  if (first === undefined || last === undefined) return '';
  const grain = first.grain === 'month' ? 'months' : first.grain === 'quarter' ? 'quarters' : 'years';
  return `the last ${section.periods.length} complete ${grain} (${first.label} to ${last.label}, ${first.start} – ${last.last})`;
}

function labelOf(section: KpiValuesSection, period: string): string {
  return section.periods.find((p) => p.start === period)?.label ?? period;
}

function kpiName(k: KpiValues): string {
  return `**${cellText(k.title)}** (${code(k.kpi)}${k.baseId === undefined ? '' : `, was ${code(k.baseId)}`})`;
}

function kpiSummary(k: KpiValues, section: KpiValuesSection, currency: string): string {
  if (k.reason === 'added') return `${kpiName(k)} is new: ${latestWhole(k, section, currency, 'head')}`;
  if (k.reason === 'removed') return `${kpiName(k)} is removed: it was ${latestWhole(k, section, currency, 'base')}`;
  if (!k.moved) return `${kpiName(k)}: no number moves`;
  const whole = k.cells.filter((c) => c.by === undefined);
  const latest = whole[whole.length - 1];
  const moved = whole.filter((c) => !c.same).length;
  const parts = k.cells.filter((c) => c.by !== undefined);
  const partsMoved = parts.filter((c) => !c.same).length;
  const head =
    latest === undefined
      ? ''
      : `${labelOf(section, latest.period)} ${shownPair(latest.base, latest.head, k.unit, currency)} (${shownDelta(latest.base, latest.head, k.unit, currency)}); `;
  const grains = grainWord(section, whole.length);
  const split = parts.length === 0 ? '' : `; by ${section.by ?? 'breakdown'}, ${partsMoved} of ${parts.length} figures change`;
  return `${kpiName(k)}: ${head}changes in ${moved} of ${whole.length} ${grains}${split}`;
}

function latestWhole(k: KpiValues, section: KpiValuesSection, currency: string, side: 'base' | 'head'): string {
  const whole = k.cells.filter((c) => c.by === undefined);
  const latest = whole[whole.length - 1];
  return latest === undefined ? 'no values' : `${formatValue(latest[side], k.unit, currency)} in ${labelOf(section, latest.period)}`;
}

function kpiTable(k: KpiValues, section: KpiValuesSection, currency: string): string[] {
  const none = `(no ${section.by ?? 'value'})`;
  const columns = [...new Set(k.cells.map((c) => (c.by === undefined ? '\u0000' : (c.by ?? none))))];
  const header = columns.map((c) => (c === '\u0000' ? 'all' : cellText(c)));
  const lines = [`| period | ${header.join(' | ')} |`, `| --- | ${columns.map(() => '---:').join(' | ')} |`];
  for (const p of section.periods) {
    const row = columns.map((col) => {
      const cell = k.cells.find((c) => c.period === p.start && (c.by === undefined ? '\u0000' : (c.by ?? none)) === col);
      if (cell === undefined) return '';
      const pair = shownPair(cell.base, cell.head, k.unit, currency);
      return cellText(cell.same ? pair : `${pair} (${shownDelta(cell.base, cell.head, k.unit, currency)})`);
    });
    lines.push(`| ${p.label} | ${row.join(' | ')} |`);
  }
  return lines;
}

function flipText(f: StatusFlip, currency: string): string {
  const what = f.kpi === undefined ? 'overall score' : `${cellText(f.title)}`;
  const shown = (side: StatusFlip['base']): string =>
    f.kpi === undefined ? (side.value === null ? '—' : `${side.value.toFixed(1)} / 10`) : formatValue(side.value, f.unit, currency);
  const target = (side: StatusFlip['base']): string =>
    side.target === null ? 'no target' : `target ${formatValue(side.target, f.unit, currency)}`;
  const targets =
    f.kpi === undefined
      ? ''
      : sameValue(f.base.target, f.head.target)
        ? `, ${target(f.head)}`
        : ` against ${target(f.base)} → ${target(f.head)}`;
  return `${f.period.label} · ${cellText(f.node)} · ${what}: **${f.base.status} → ${f.head.status}** (${shown(f.base)} → ${shown(f.head)}${targets})`;
}

/** One or a few summary lines for the top of the comment. */
export function sectionSummary(section: ValueSection, currency: string): string[] {
  switch (section.kind) {
    case 'kpi-values': {
      const moved = section.kpis.filter((k) => k.moved || k.reason === 'added' || k.reason === 'removed');
      const lines = [`**Numbers**, over ${rangeText(section)}${section.by === undefined ? '' : `, in total and by ${section.by}`}:`];
      if (moved.length === 0) {
        const cells = section.kpis.reduce((n, k) => n + k.cells.length, 0);
        lines.push(
          `- no number moves: ${cells} values of ${section.kpis.length} KPI${section.kpis.length === 1 ? '' : 's'} are the same under both versions`,
        );
        return lines;
      }
      lines.push(...moved.slice(0, 8).map((k) => `- ${kpiSummary(k, section, currency)}`));
      if (moved.length > 8) lines.push(`- and ${moved.length - 8} more KPIs (see the details)`);
      const still = section.kpis.length - moved.length;
      if (still > 0) lines.push(`- ${still} more KPI${still === 1 ? '' : 's'} checked: no number moves`);
      return lines;
    }
    case 'scorecard-statuses':
      return statusSummary(section, currency);
    case 'plan-payouts':
      return paySummary(section, currency);
    default: {
      const never: never = section;
      return never;
    }
  }
}

function payText(d: Decimal | null, currency: string): string {
  return d === null ? 'not on the plan' : formatValue(d, 'money', currency);
}

function paySummary(section: PlanPayoutsSection, currency: string): string[] {
  const lines = ['**Pay per rep** (the plans this change touches, in their latest complete pay period):'];
  for (const p of section.plans) {
    if (p.changes.length === 0) lines.push(`- ${p.title} (${code(p.plan)}), ${p.period}: no rep's pay changes (${p.compared} compared)`);
    else
      lines.push(
        `- ${p.title} (${code(p.plan)}), ${p.period}: pay changes for ${p.changes.length} of ${p.compared} reps` +
          p.changes
            .slice(0, 5)
            .map((c) => `; ${cellText(c.name)} ${payText(c.base, currency)} → ${payText(c.head, currency)}`)
            .join(''),
      );
  }
  for (const s of section.skipped) lines.push(`- ${code(s.id)} not compared: ${s.reason}`);
  return lines;
}

function statusSummary(section: ScorecardStatusesSection, currency: string): string[] {
  const names = section.scorecards.map((s) => `${s.title} (${code(s.id)})`).join(', ');
  if (section.scorecards.length === 0) return [];
  const periods = section.scorecards[0]?.periods ?? [];
  const first = periods[0];
  const last = periods[periods.length - 1];
  const span = first === undefined || last === undefined ? '' : `, ${first.label} to ${last.label} (${first.start} – ${last.last})`;
  const lines = [`**Scorecard statuses** (${names}: the organisation and its first level${span}):`];
  if (section.flips.length === 0) lines.push(`- no status changes: ${section.compared} statuses compared`);
  lines.push(...section.flips.slice(0, 10).map((f) => `- ${flipText(f, currency)}`));
  if (section.flips.length > 10) lines.push(`- and ${section.flips.length - 10} more (see the details)`);
  return lines;
}

/** The folded details of a section: its title and markdown body. */
export function sectionDetails(section: ValueSection, currency: string): { readonly title: string; readonly body: string[] } {
  switch (section.kind) {
    case 'kpi-values': {
      const body: string[] = [];
      for (const k of section.kpis) {
        body.push(`#### ${cellText(k.title)} (${code(k.kpi)})`, '');
        if (!k.moved && k.reason !== 'added' && k.reason !== 'removed') body.push('No change in any period or breakdown.', '');
        else body.push(...kpiTable(k, section, currency), '');
      }
      body.pop();
      return { title: `Values under both versions (${section.kpis.length} KPI${section.kpis.length === 1 ? '' : 's'})`, body };
    }
    case 'scorecard-statuses': {
      const body = section.flips.map((f) => `- ${flipText(f, currency)}`);
      if (body.length === 0) body.push(`No status changes (${section.compared} compared).`);
      for (const s of section.skipped) body.push(`- ${code(s.id)} not compared: ${s.reason}`);
      return { title: `Scorecard statuses (${section.flips.length} changes)`, body };
    }
    case 'plan-payouts': {
      const body = section.plans.flatMap((p) =>
        p.changes.length === 0
          ? [`- ${code(p.plan)}, ${p.period}: no rep's pay changes (${p.compared} compared)`]
          : p.changes.map(
              (c) =>
                `- ${code(p.plan)}, ${p.period} · ${cellText(c.name)} (${code(c.rep)}): ${payText(c.base, currency)} → ${payText(c.head, currency)}`,
            ),
      );
      for (const s of section.skipped) body.push(`- ${code(s.id)} not compared: ${s.reason}`);
      return { title: `Pay per rep (${section.plans.reduce((n, p) => n + p.changes.length, 0)} changes)`, body };
    }
    default: {
      const never: never = section;
      return never;
    }
  }
}
