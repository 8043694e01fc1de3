/**
 * The performance catalog site as files (site-relative path → content): a page per KPI, source,
 * lookup, scorecard, role, hierarchy and test; the overview and list pages; search; one
 * stylesheet and two scripts. Self-contained — nothing is fetched from elsewhere — and every link
 * relative, so the folder works from the file system and under any web-server path. Pure: the
 * caller gathers the git history and the trends, and writes the files.
 */
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { TestDef } from '../testing/model.js';
import { SEARCH_SCRIPT } from './assets/search-script.js';
import { SITE_CSS } from './assets/site-css.js';
import { catalogView } from './catalog-view.js';
import type { SiteContext, SiteTrends } from './context.js';
import type { CatalogHistory } from './history.js';
import { page, type SiteIdentity } from './layout.js';
import { bodyPage, hierarchyPage, lookupPage, testPage, type RenderedPage } from './page-documents.js';
import { kpiPage } from './page-kpi.js';
import { indexPage, scorecardsPage, searchPage, sourcesPage, testsPage } from './page-lists.js';
import { sourcePage } from './page-source.js';
import { searchIndexScript } from './search-index.js';

/** The name of the file that marks a folder as a site written by `kpic docs` (so it may be replaced). */
export const SITE_MARKER = '.kpic-site';

/** What the caller gathered. */
export interface SiteInputs {
  readonly history: CatalogHistory | undefined;
  readonly trends: SiteTrends | undefined;
}

const NAV_OF: Readonly<Record<string, string>> = {
  kpi: 'index.html',
  source: 'sources.html',
  lookup: 'sources.html',
  scorecard: 'scorecards.html',
  role: 'scorecards.html',
  hierarchy: 'scorecards.html',
  test: 'tests.html',
};

/** Every file of the site. */
export function buildSite(resolved: ResolvedCatalog, tests: readonly TestDef[], inputs: SiteInputs): Map<string, string> {
  const view = catalogView(resolved, tests);
  const meta = resolved.catalog.meta;
  const site: SiteIdentity = { id: meta?.id ?? 'catalog', title: meta?.title ?? meta?.id ?? 'KPI catalog', version: meta?.version?.value };
  const ctx: SiteContext = { view, site, currency: meta?.currency ?? 'USD', history: inputs.history, trends: inputs.trends };
  const pages: RenderedPage[] = [
    indexPage(ctx),
    sourcesPage(ctx),
    scorecardsPage(ctx),
    testsPage(ctx),
    searchPage(),
    ...[...resolved.kpis.values()].map((k) => kpiPage(ctx, k)),
    ...[...resolved.catalog.sources.values()].map((s) => sourcePage(ctx, s)),
    ...[...resolved.catalog.lookups.values()].map((l) => lookupPage(ctx, l)),
    ...view.bodies.map((b) => bodyPage(ctx, b)),
    ...view.hierarchies.map((h) => hierarchyPage(ctx, h)),
    ...tests.map((t) => testPage(ctx, t)),
  ];
  const files = new Map<string, string>();
  for (const p of pages) {
    const kind = p.path.includes('/') ? p.path.slice(0, p.path.indexOf('/')) : undefined;
    files.set(p.path, page(site, p.path, p.title, p.body, kind === undefined ? p.path : NAV_OF[kind]));
  }
  files.set('assets/site.css', SITE_CSS);
  files.set('assets/search.js', SEARCH_SCRIPT);
  files.set('assets/search-index.js', searchIndexScript(view));
  files.set(SITE_MARKER, `This folder was written by \`kpic docs\` for catalog ${site.id}; \`kpic docs\` replaces it as a whole.\n`);
  return files;
}
