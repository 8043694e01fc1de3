/** The pages of lookups, scorecards, roles, hierarchies and tests. */
import type { LookupDef } from '../model/types.js';
import type { BodyView, HierarchyView } from './catalog-view.js';
import { nameLinker, type SiteContext } from './context.js';
import { highlightFormula } from './highlight.js';
import { describe, escapeHtml, pageLink } from './html.js';
import { documentPage, facts, linkList, section } from './page-parts.js';
import { pagePath } from './paths.js';
import type { TestDef } from '../testing/model.js';
import { caseKpis } from '../testing/run-tests.js';

/** A rendered page. */
export interface RenderedPage {
  readonly path: string;
  readonly title: string;
  readonly body: string;
}

function intro(ctx: SiteContext, path: string, title: string | undefined, id: string, description: string | undefined): string {
  return `<h1>${escapeHtml(title ?? id)} <code>${escapeHtml(id)}</code></h1><p class="lead">${describe(description, path, nameLinker(ctx)) || '<span class="muted">No description.</span>'}</p>`;
}

/** A lookup's page. */
export function lookupPage(ctx: SiteContext, lookup: LookupDef): RenderedPage {
  const path = pagePath('lookup', lookup.id);
  const users = [...ctx.view.resolved.kpis.values()].filter((k) => k.lookups.includes(lookup.id)).map((k) => k.id);
  const rows =
    lookup.rows === undefined
      ? ''
      : section(
          'rows',
          'Values',
          `<table><tr><th>${escapeHtml(lookup.key.value)}</th><th>value</th></tr>${[...lookup.rows].map(([k, v]) => `<tr><td><code>${escapeHtml(k)}</code></td><td>${v.value}</td></tr>`).join('')}</table>`,
        );
  return documentPage(ctx, lookup, path, lookup.title ?? lookup.id, [
    intro(ctx, path, lookup.title, lookup.id, lookup.description),
    facts([
      ['key', `<code>${escapeHtml(lookup.key.value)}</code>`],
      ['value', lookup.value === undefined ? 'fixed rows' : `KPI ${pageLink(path, 'kpi', lookup.value.value)} evaluated per key`],
      ['window', lookup.window === undefined ? undefined : `${escapeHtml(lookup.window.text)} before each evaluated period`],
      ['default', lookup.default === undefined ? 'null' : String(lookup.default.value)],
      ['unit', lookup.unit === undefined ? undefined : escapeHtml(lookup.unit.value)],
    ]),
    rows,
    section('used', 'Used by', linkList(path, 'kpi', users, 'No KPI uses this lookup.')),
  ]);
}

/** A scorecard's or role's page: settings, then each perspective with its weight and KPIs. */
export function bodyPage(ctx: SiteContext, b: BodyView): RenderedPage {
  const path = pagePath(b.kind, b.id);
  const scope = { resolved: ctx.view.resolved, home: [] };
  const settings = facts(
    b.settings.map(([k, v]) => {
      if (k === 'extends') return [k, pageLink(path, 'scorecard', v)] as const;
      if (k === 'hierarchy') return [k, pageLink(path, 'hierarchy', v)] as const;
      if (k === 'applies_to' || k === 'members') return [k, highlightFormula(v, scope, path)] as const;
      return [k, v.includes('\n') ? `<pre><code>${escapeHtml(v)}</code></pre>` : `<code>${escapeHtml(v)}</code>`] as const;
    }),
  );
  const perspectives = b.perspectives.map((p) => {
    const rows = p.kpis
      .map((k) => {
        const title = ctx.view.resolved.kpis.get(k.kpi)?.def.title;
        return `<tr><td>${pageLink(path, 'kpi', k.kpi)}${k.removed ? ' <span class="badge deprecated">removed</span>' : ''}</td><td>${escapeHtml(title ?? '')}</td><td>${escapeHtml(k.weight ?? '')}</td><td>${k.settings.map((s) => (s.includes('\n') ? `<pre><code>${escapeHtml(s)}</code></pre>` : `<code>${escapeHtml(s)}</code>`)).join('<br>')}</td></tr>`;
      })
      .join('');
    return `<h3>${escapeHtml(p.name.replace('_', ' '))}${p.weight === undefined ? '' : ` — ${escapeHtml(p.weight)}`}</h3><table><tr><th>KPI</th><th>title</th><th>weight</th><th>this ${b.kind}'s settings</th></tr>${rows}</table>`;
  });
  const variants = ctx.view.bodies.filter((v) => v.settings.some(([k, val]) => k === 'extends' && val === b.id)).map((v) => v.id);
  return documentPage(ctx, b.doc, path, b.title ?? b.id, [
    intro(ctx, path, b.title, b.id, b.description),
    settings,
    section('perspectives', 'Perspectives and KPIs', perspectives.join('') || '<p class="muted">No perspectives of its own.</p>'),
    b.kind === 'scorecard' ? section('variants', 'Variants', linkList(path, 'scorecard', variants, 'No variants.')) : '',
  ]);
}

/** A hierarchy's page. */
export function hierarchyPage(ctx: SiteContext, h: HierarchyView): RenderedPage {
  const path = pagePath('hierarchy', h.id);
  const scope = { resolved: ctx.view.resolved, home: h.settings.filter(([k]) => k === 'source').map(([, v]) => v) };
  const users = ctx.view.bodies.filter((b) => b.settings.some(([k, v]) => k === 'hierarchy' && v === h.id));
  return documentPage(ctx, h.doc, path, h.title ?? h.id, [
    intro(ctx, path, h.title, h.id, h.description),
    facts(h.settings.map(([k, v]) => [k, k === 'source' ? pageLink(path, 'source', v) : `<code>${escapeHtml(v)}</code>`] as const)),
    section(
      'levels',
      'Levels',
      `<table><tr><th>level</th><th>title</th><th>value</th></tr>${h.levels
        .map(
          (l) =>
            `<tr><td><code>${escapeHtml(l.level)}</code></td><td>${escapeHtml(l.title ?? '')}</td><td>${l.value === undefined ? '' : highlightFormula(l.value, scope, path)}</td></tr>`,
        )
        .join('')}</table>`,
    ),
    section(
      'used',
      'Scored by',
      users.length === 0
        ? '<p class="muted">No scorecard or role.</p>'
        : `<ul class="links">${users.map((u) => `<li>${u.kind} ${pageLink(path, u.kind, u.id)}</li>`).join('')}</ul>`,
    ),
  ]);
}

/** A test's page: its cases and the KPIs each checks (the site does not run them: `kpic test` does). */
export function testPage(ctx: SiteContext, t: TestDef): RenderedPage {
  const path = pagePath('test', t.id);
  const cases = t.cases
    .map((c) => {
      const kpis = caseKpis(c)
        .map((k) => pageLink(path, 'kpi', k))
        .join(', ');
      const sources = [...new Set([...t.fixtures.keys(), ...c.fixtures.keys()])].map((s) => pageLink(path, 'source', s)).join(', ');
      return `<tr><td>${escapeHtml(c.name.value)}${c.description === undefined ? '' : `<p class="muted">${escapeHtml(c.description)}</p>`}</td><td>${kpis}</td><td>${sources}</td></tr>`;
    })
    .join('');
  return documentPage(ctx, t.doc, path, t.title ?? t.id, [
    intro(ctx, path, t.title, t.id, t.description),
    section(
      'cases',
      'Cases',
      `<table><tr><th>case</th><th>checks</th><th>fixture data for</th></tr>${cases}</table><p class="muted">Run them with <code>kpic test --filter ${escapeHtml(t.id)}</code>.</p>`,
    ),
  ]);
}
