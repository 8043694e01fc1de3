/** The overview (the KPI library by perspective), the lists of sources, scorecards and tests, and the search page. */
import { textAt } from '../model/read-node.js';
import type { ResolvedKpi } from '../resolve/resolved.js';
import { testCoverage } from '../testing/run-tests.js';
import { nameLinker, type SiteContext } from './context.js';
import { describe, escapeHtml, pageLink } from './html.js';
import type { RenderedPage } from './page-documents.js';
import { section, statusBadge } from './page-parts.js';

const PERSPECTIVE_ORDER = ['financial', 'customer', 'internal_process', 'learning_growth'];

function kpiTable(ctx: SiteContext, kpis: readonly ResolvedKpi[], path: string, tested: ReadonlySet<string>): string {
  const rows = kpis
    .map((k) => {
      const d = k.def;
      return `<tr><td>${pageLink(path, 'kpi', k.id)}</td><td>${escapeHtml(d.title ?? '')}</td><td>${escapeHtml(k.unit ?? '')}</td><td>${escapeHtml(d.owner ?? '')}</td><td>${escapeHtml(d.refresh ?? '')}</td><td>${statusBadge(d.status.value)}</td><td>${tested.has(k.id) ? 'yes' : ''}</td></tr>`;
    })
    .join('');
  return `<table class="kpis"><tr><th>KPI</th><th>title</th><th>unit</th><th>owner</th><th>refresh</th><th>status</th><th>tested</th></tr>${rows}</table>`;
}

/** index.html: the catalog, its figures, and every KPI grouped by perspective. */
export function indexPage(ctx: SiteContext): RenderedPage {
  const path = 'index.html';
  const { resolved } = ctx.view;
  const meta = resolved.catalog.meta;
  const coverage = testCoverage(resolved, ctx.view.tests);
  const tested = new Set(coverage.tested);
  const kpis = [...resolved.kpis.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const groups = new Map<string, ResolvedKpi[]>();
  for (const k of kpis) {
    const p = k.def.perspective ?? 'other';
    groups.set(p, [...(groups.get(p) ?? []), k]);
  }
  const rank = (p: string): number => (PERSPECTIVE_ORDER.includes(p) ? PERSPECTIVE_ORDER.indexOf(p) : PERSPECTIVE_ORDER.length);
  const ordered = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
  const cards = [
    ['KPIs', kpis.length],
    ['sources', resolved.catalog.sources.size],
    ['scorecards & roles', ctx.view.bodies.length],
    ['KPIs with a test', `${coverage.tested.length} of ${coverage.total}`],
  ]
    .map(([label, n]) => `<div class="card"><b>${escapeHtml(String(n))}</b>${escapeHtml(String(label))}</div>`)
    .join('');
  const calendar = meta?.calendar;
  const body = [
    `<h1>${escapeHtml(meta?.title ?? meta?.id ?? 'KPI catalog')}${meta?.version === undefined ? '' : ` <code>v${escapeHtml(meta.version.value)}</code>`}</h1>`,
    `<p class="lead">${describe(meta === undefined ? undefined : textAt(meta.tree, 'description'), path, nameLinker(ctx))}</p>`,
    `<div class="grid">${cards}</div>`,
    `<p class="muted">Currency ${escapeHtml(ctx.currency)}${calendar === undefined ? '' : ` · fiscal year starts in month ${calendar.fiscalYearStart} · weeks start on ${escapeHtml(calendar.weekStart)}`}.</p>`,
    ...ordered.map((p) =>
      section(
        `perspective-${p}`,
        p === 'other' ? 'Other KPIs' : p.replace('_', ' ').replace(/^./, (c) => c.toUpperCase()),
        kpiTable(ctx, groups.get(p) ?? [], path, tested),
      ),
    ),
  ].join('\n');
  return { path, title: 'KPIs', body };
}

/** sources.html. */
export function sourcesPage(ctx: SiteContext): RenderedPage {
  const path = 'sources.html';
  const rows = [...ctx.view.resolved.catalog.sources.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(
      (s) =>
        `<tr><td>${pageLink(path, 'source', s.id)}</td><td>${escapeHtml(s.title ?? '')}</td><td><code>${escapeHtml(s.table?.value ?? s.path.value)}</code></td><td>${s.columns.size}</td><td>${(ctx.view.sourceKpis.get(s.id) ?? []).length}</td></tr>`,
    )
    .join('');
  const lookups = [...ctx.view.resolved.catalog.lookups.values()]
    .map((l) => `<li>${pageLink(path, 'lookup', l.id)} — ${escapeHtml(l.title ?? '')}</li>`)
    .join('');
  const body = [
    '<h1>Sources</h1><p class="lead">The exported tables the KPIs are computed from: each with its data contract, joins, standard definitions and dimensions.</p>',
    `<table><tr><th>source</th><th>title</th><th>file</th><th>columns</th><th>KPIs</th></tr>${rows}</table>`,
    section('lookups', 'Lookups', lookups === '' ? '<p class="muted">None.</p>' : `<ul class="links">${lookups}</ul>`),
  ].join('\n');
  return { path, title: 'Sources', body };
}

/** scorecards.html: scorecards, roles and hierarchies. */
export function scorecardsPage(ctx: SiteContext): RenderedPage {
  const path = 'scorecards.html';
  const list = (kind: 'scorecard' | 'role'): string => {
    const items = ctx.view.bodies.filter((b) => b.kind === kind);
    if (items.length === 0) return '<p class="muted">None.</p>';
    return `<ul class="links">${items.map((b) => `<li>${pageLink(path, kind, b.id)} — ${escapeHtml(b.title ?? '')}</li>`).join('')}</ul>`;
  };
  const hierarchies = ctx.view.hierarchies
    .map((h) => `<li>${pageLink(path, 'hierarchy', h.id)} — ${escapeHtml(h.title ?? '')}</li>`)
    .join('');
  const body = [
    '<h1>Scorecards and roles</h1>',
    section('scorecards', 'Scorecards', list('scorecard')),
    section('roles', 'Roles', list('role')),
    section('hierarchies', 'Hierarchies', hierarchies === '' ? '<p class="muted">None.</p>' : `<ul class="links">${hierarchies}</ul>`),
  ].join('\n');
  return { path, title: 'Scorecards and roles', body };
}

/** tests.html: the test documents and which KPIs have a test. */
export function testsPage(ctx: SiteContext): RenderedPage {
  const path = 'tests.html';
  const coverage = testCoverage(ctx.view.resolved, ctx.view.tests);
  const percent = coverage.total === 0 ? 0 : (100 * coverage.tested.length) / coverage.total;
  const tests = ctx.view.tests
    .map(
      (t) =>
        `<li>${pageLink(path, 'test', t.id)} — ${escapeHtml(t.title ?? '')} (${t.cases.length} case${t.cases.length === 1 ? '' : 's'})</li>`,
    )
    .join('');
  const links = (ids: readonly string[]): string =>
    ids.length === 0 ? '<span class="muted">none</span>' : ids.map((id) => pageLink(path, 'kpi', id)).join(', ');
  const body = [
    '<h1>Tests</h1>',
    `<p class="lead">${coverage.tested.length} of ${coverage.total} KPIs have a test (${percent.toFixed(1)}%); ${coverage.indirect.length} more are computed inside tested KPIs. Run them with <code>kpic test</code>.</p>`,
    section('documents', 'Test documents', tests === '' ? '<p class="muted">No tests yet.</p>' : `<ul class="links">${tests}</ul>`),
    section('tested', 'KPIs with a test', `<p>${links(coverage.tested)}</p>`),
    section('indirect', 'Computed inside tested KPIs', `<p>${links(coverage.indirect)}</p>`),
    section('untested', 'KPIs without a test', `<p>${links(coverage.untested)}</p>`),
  ].join('\n');
  return { path, title: 'Tests', body };
}

/** search.html: the results are filled in by assets/search.js. */
export function searchPage(): RenderedPage {
  return {
    path: 'search.html',
    title: 'Search',
    body: '<h1>Search</h1><p id="results-status" class="muted" aria-live="polite">Type to search the catalog.</p><ul id="results" class="results"></ul><noscript><p>Search needs JavaScript; every page is also reachable from the navigation.</p></noscript>',
  };
}
