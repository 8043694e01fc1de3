/**
 * A source's page: its data contract (file, key, time anchor, every column with its type,
 * `required`, `unique`, `values`, export header and format), joins, definitions and dimensions
 * (each with an anchor the formulas link to), its lineage, the KPIs that read it, its history.
 */
import type { SourceDef } from '../model/types.js';
import { nameLinker, type SiteContext } from './context.js';
import { renderLineageSvg } from './graph-svg.js';
import { highlightFormula } from './highlight.js';
import { describe, escapeHtml, pageLink } from './html.js';
import { sourceLineage } from './lineage.js';
import { documentPage, facts, linkList, section } from './page-parts.js';
import { pagePath, sourceAnchor } from './paths.js';

function columnsTable(source: SourceDef): string {
  const rows = [...source.columns.values()].map((c) => {
    const contract = [c.required ? 'required' : '', c.unique ? 'unique' : ''].filter((x) => x !== '').join(', ');
    const values = c.values === undefined ? '' : c.values.map((v) => `<code>${escapeHtml(v.value)}</code>`).join(' ');
    const read = [
      c.from === undefined ? '' : `header “${escapeHtml(c.from.value)}”`,
      c.format === undefined ? '' : `format <code>${escapeHtml(c.format.value)}</code>`,
    ]
      .filter((x) => x !== '')
      .join('; ');
    return `<tr id="${sourceAnchor('column', c.name)}"><td><code>${escapeHtml(c.name)}</code>${source.key?.value === c.name ? ' <span class="badge">key</span>' : ''}${source.time?.value === c.name ? ' <span class="badge">time</span>' : ''}</td><td>${escapeHtml(c.type.value)}</td><td>${contract}</td><td>${values}</td><td>${read}</td><td>${escapeHtml(c.description ?? '')}</td></tr>`;
  });
  return `<table><tr><th>column</th><th>type</th><th>contract</th><th>values</th><th>in the export</th><th>description</th></tr>${rows.join('')}</table>`;
}

function namedTable(ctx: SiteContext, source: SourceDef, kind: 'definition' | 'dimension', path: string): string {
  const map = kind === 'definition' ? source.definitions : source.dimensions;
  if (map.size === 0) return `<p class="muted">None.</p>`;
  const scope = { resolved: ctx.view.resolved, home: [source.id] };
  const rows = [...map.values()].map(
    (d) =>
      `<tr id="${sourceAnchor(kind, d.name)}"><td><code>${escapeHtml(d.name)}</code></td><td>${highlightFormula(d.formula.text, scope, path)}</td></tr>`,
  );
  return `<table><tr><th>${kind}</th><th>formula</th></tr>${rows.join('')}</table>`;
}

/** The page of a source. */
export function sourcePage(ctx: SiteContext, source: SourceDef): { readonly path: string; readonly title: string; readonly body: string } {
  const path = pagePath('source', source.id);
  const joins =
    source.joins.size === 0
      ? '<p class="muted">None.</p>'
      : `<table><tr><th>join</th><th>to</th><th>on</th></tr>${[...source.joins.values()]
          .map(
            (j) =>
              `<tr id="${sourceAnchor('join', j.name)}"><td><code>${escapeHtml(j.name)}</code></td><td>${pageLink(path, 'source', j.to.value)}</td><td><code>${escapeHtml(j.on.value)}</code> = <code>${escapeHtml(j.to.value)}.${escapeHtml(ctx.view.resolved.catalog.sources.get(j.to.value)?.key?.value ?? '?')}</code></td></tr>`,
          )
          .join('')}</table>`;
  const joinedBy = [...ctx.view.resolved.catalog.sources.values()]
    .filter((s) => [...s.joins.values()].some((j) => j.to.value === source.id))
    .map((s) => s.id);
  const graph = renderLineageSvg(sourceLineage(ctx.view, source.id), path, `Lineage of source ${source.id}`);
  return documentPage(ctx, source, path, source.title ?? source.id, [
    `<h1>${escapeHtml(source.title ?? source.id)} <code>${escapeHtml(source.id)}</code></h1>`,
    `<p class="lead">${describe(source.description, path, nameLinker(ctx)) || '<span class="muted">No description.</span>'}</p>`,
    facts([
      source.table === undefined
        ? ['file', `<code>${escapeHtml(source.path.value)}</code> <span class="muted">(in the data folder)</span>`]
        : ['table', `<code>${escapeHtml(source.table.value)}</code> <span class="muted">(in the database)</span>`],
      ['format', escapeHtml(source.format?.value ?? 'from the extension')],
      ['key', source.key === undefined ? undefined : `<code>${escapeHtml(source.key.value)}</code>`],
      [
        'time anchor',
        source.time === undefined ? '<span class="muted">none (timeless)</span>' : `<code>${escapeHtml(source.time.value)}</code>`,
      ],
      ['joined from', joinedBy.map((s) => pageLink(path, 'source', s)).join(', ')],
    ]),
    section('columns', 'Columns (the data contract)', columnsTable(source)),
    section('joins', 'Joins', joins),
    section('definitions', 'Definitions', namedTable(ctx, source, 'definition', path)),
    section('dimensions', 'Dimensions', namedTable(ctx, source, 'dimension', path)),
    section('lineage', 'Lineage', `<div class="figure">${graph}</div>`),
    section('kpis', 'KPIs computed from it', linkList(path, 'kpi', ctx.view.sourceKpis.get(source.id) ?? [], 'No KPI reads this source.')),
  ]);
}
