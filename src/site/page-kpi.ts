/**
 * A KPI's page: title, lifecycle and description (its rationale), the formula with its names
 * linked, every setting (unit, direction, owner, refresh…), targets and thresholds, the trend of
 * recent values (with `--data`), its lineage as a graph, where it is used, and its history.
 */
import type { FormulaText, KpiDef } from '../model/types.js';
import type { ResolvedKpi } from '../resolve/resolved.js';
import { nameLinker, type SiteContext } from './context.js';
import { renderLineageSvg } from './graph-svg.js';
import { highlightFormula, type FormulaScope } from './highlight.js';
import { describe, escapeHtml, pageLink } from './html.js';
import { formulaSources, kpiLineage } from './lineage.js';
import { documentPage, facts, section, statusBadge } from './page-parts.js';
import { pagePath } from './paths.js';
import { renderTrendSvg } from './trend-chart.js';

function formula(f: FormulaText | undefined, scope: FormulaScope, from: string): string | undefined {
  return f === undefined ? undefined : highlightFormula(f.text, scope, from);
}

function targetsSection(def: KpiDef, scope: FormulaScope, from: string): string {
  const t = def.thresholds;
  const onValue = t?.on?.value === 'value';
  const level = (v: number): string => (onValue ? String(v) : `${Math.round(v * 10000) / 100}% of target`);
  const thresholds =
    t === undefined
      ? undefined
      : escapeHtml(
          [
            t.green === undefined ? '' : `green from ${level(t.green.value)}`,
            t.amber === undefined ? '' : `amber from ${level(t.amber.value)}`,
            'red below',
          ]
            .filter((x) => x !== '')
            .join(', ') +
            (onValue ? ' (on the value)' : ` (on attainment${def.direction === 'down' ? ': target ÷ value, lower is better' : ''})`),
        );
  const baseline = def.baseline;
  const overrides =
    def.overrides.length === 0
      ? ''
      : `<h3>Local targets and tolerances</h3><table><tr><th>where</th><th>period</th><th>target</th></tr>${def.overrides
          .map(
            (o) =>
              `<tr><td>${highlightFormula(o.where.text, scope, from)}</td><td>${escapeHtml(o.period?.value ?? '')}</td><td>${
                formula(o.target, scope, from) ?? ''
              }</td></tr>`,
          )
          .join('')}</table>`;
  const exceptions = (def.exceptions ?? [])
    .map(
      (e) =>
        `<li><code>${escapeHtml(e.rule.value)}</code> ${escapeHtml(e.title ?? '')}: ${escapeHtml(e.action?.value ?? 'exclude')} ${e.where === undefined ? '' : `rows where ${highlightFormula(e.where.text, scope, from)}`}${e.above === undefined ? '' : ` above ${highlightFormula(e.above.text, scope, from)}`}</li>`,
    )
    .join('');
  const body = facts([
    ['target', formula(def.target, scope, from)],
    [
      'target from history',
      baseline === undefined
        ? undefined
        : escapeHtml(
            [
              baseline.history === undefined ? '' : `history ${baseline.history.text}`,
              baseline.ending === undefined ? '' : `ending ${baseline.ending.value}`,
              baseline.growth === undefined ? '' : `growth ${Math.round(baseline.growth.value * 10000) / 100}%`,
            ]
              .filter((x) => x !== '')
              .join(', '),
          ),
    ],
    ['thresholds', thresholds],
    [
      'seasonal',
      def.seasonal === undefined
        ? undefined
        : escapeHtml([...def.seasonal.shares].map(([k, v]) => `${k} ${Math.round(v.value * 10000) / 100}%`).join(', ')),
    ],
    ['scoring', def.scoring?.method === undefined ? undefined : escapeHtml(def.scoring.method.value)],
    ['missing values', def.missing === undefined ? undefined : escapeHtml(def.missing.value)],
  ]);
  const all = `${body}${overrides}${exceptions === '' ? '' : `<h3>Exception rules</h3><ul>${exceptions}</ul>`}`;
  return section(
    'targets',
    'Targets and thresholds',
    all === '' ? '<p class="muted">No target: the KPI is reported, not judged.</p>' : all,
  );
}

function usedSection(ctx: SiteContext, id: string, from: string): string {
  const u = ctx.view.usage.get(id);
  const items: string[] = [];
  for (const b of u?.bodies ?? [])
    items.push(
      `<li>${b.kind} ${pageLink(from, b.kind, b.id)} — ${escapeHtml(b.perspective.replace('_', ' '))}${b.weight === undefined ? '' : `, weight ${escapeHtml(b.weight)}`}</li>`,
    );
  for (const k of u?.kpis ?? []) items.push(`<li>KPI ${pageLink(from, 'kpi', k, `${k}`)} — its formula names this KPI</li>`);
  for (const l of u?.lookups ?? []) items.push(`<li>lookup ${pageLink(from, 'lookup', l)}</li>`);
  for (const m of u?.mentions ?? []) items.push(`<li>${escapeHtml(m.kind)} <code>${escapeHtml(m.id)}</code></li>`);
  const byTest = new Map<string, number>();
  for (const t of u?.tests ?? []) byTest.set(t.test, (byTest.get(t.test) ?? 0) + 1);
  for (const [test, n] of byTest) items.push(`<li>test ${pageLink(from, 'test', test)} — ${n} case${n === 1 ? '' : 's'}</li>`);
  return section(
    'used',
    'Where it is used',
    items.length === 0
      ? '<p class="muted">No scorecard, role, plan, alert, test or other KPI uses it.</p>'
      : `<ul class="links">${items.join('')}</ul>`,
  );
}

function trendSection(ctx: SiteContext, kpi: ResolvedKpi): string {
  if (ctx.trends === undefined) return '';
  const skipped = ctx.trends.skipped.get(kpi.id);
  const series = ctx.trends.series.get(kpi.id);
  if (series === undefined)
    return section('trend', 'Recent values', `<p class="muted">Not evaluated: ${escapeHtml(skipped ?? 'deprecated')}</p>`);
  const chart = renderTrendSvg(series, kpi.unit, ctx.currency, `${kpi.def.title ?? kpi.id}: recent values by ${series.grain}`);
  const asOf = ctx.trends.asOf === undefined ? '' : `; data as of ${escapeHtml(ctx.trends.asOf)}`;
  const partial = series.points.filter((p) => p.complete === false);
  const first = escapeHtml(partial[0]?.period ?? '');
  const incomplete =
    partial.length === 0
      ? ''
      : partial.length === 1
        ? ` The ${escapeHtml(series.grain)} of ${first} is not complete.`
        : ` The periods from ${first} on are not complete: this KPI looks forward, past the as-of date.`;
  return section(
    'trend',
    'Recent values',
    `<p class="muted">By ${escapeHtml(series.grain)}, the last ${series.points.length} periods with data${asOf}.${incomplete}</p><div class="figure">${chart}</div>`,
  );
}

/** The page of KPI `kpi`. */
export function kpiPage(ctx: SiteContext, kpi: ResolvedKpi): { readonly path: string; readonly title: string; readonly body: string } {
  const path = pagePath('kpi', kpi.id);
  const def = kpi.def;
  const resolved = ctx.view.resolved;
  const scope: FormulaScope = { resolved, home: formulaSources(resolved, kpi.expr) };
  const tags = def.tree.byKey.get('tags')?.value;
  const tagList =
    tags?.kind === 'seq'
      ? tags.items.flatMap((t) => (t.kind === 'scalar' ? [`<span class="badge">${escapeHtml(String(t.value))}</span>`] : []))
      : [];
  const heading = `<h1>${escapeHtml(def.title ?? kpi.id)} <code>${escapeHtml(kpi.id)}</code></h1><p>${statusBadge(def.status.value)}${tagList.join('')}</p>`;
  const description = `<p class="lead">${describe(def.description, path, nameLinker(ctx)) || '<span class="muted">No description.</span>'}</p>`;
  const settings = facts([
    [
      'unit',
      escapeHtml(kpi.unit ?? '—') +
        (def.unit === undefined && kpi.unit !== undefined ? ' <span class="muted">(from the formula)</span>' : ''),
    ],
    ['direction', escapeHtml(def.direction === 'up' ? 'up: higher is better' : 'down: lower is better')],
    ['indicator', def.indicator === undefined ? undefined : escapeHtml(def.indicator)],
    ['perspective', def.perspective === undefined ? undefined : escapeHtml(def.perspective.replace('_', ' '))],
    ['owner', def.owner === undefined ? undefined : escapeHtml(def.owner)],
    ['refresh', def.refresh === undefined ? undefined : escapeHtml(def.refresh)],
    ['status', escapeHtml(def.status.value)],
    ['replaced by', def.replacedBy === undefined ? undefined : pageLink(path, 'kpi', def.replacedBy.value)],
    ['sources', kpi.sources.map((s) => pageLink(path, 'source', s)).join(', ')],
  ]);
  const graph = renderLineageSvg(kpiLineage(ctx.view, kpi.id), path, `Lineage of ${kpi.id}`);
  return documentPage(ctx, def, path, def.title ?? kpi.id, [
    heading,
    description,
    section('formula', 'Formula', highlightFormula(def.formula.text, scope, path)),
    section('settings', 'Settings', settings),
    targetsSection(def, scope, path),
    trendSection(ctx, kpi),
    section(
      'lineage',
      'Lineage',
      `<p class="muted">Data files and columns → sources → KPIs → where it is used. Every box links to its page.</p><div class="figure">${graph}</div>`,
    ),
    usedSection(ctx, kpi.id, path),
  ]);
}
