/**
 * What every page renderer gets: the catalog view, the site's identity, the git history (or why
 * there is none) and, with `--data`, the KPIs' recent values.
 */
import { lineColumnOf } from '../diagnostics/span.js';
import type { CatalogDocument } from '../model/types.js';
import type { CatalogView } from './catalog-view.js';
import type { CatalogHistory } from './history.js';
import type { NameLinker } from './html.js';
import type { SiteIdentity } from './layout.js';
import type { PageKind } from './paths.js';
import type { TrendSeries } from './trend-chart.js';

/** The recent values of the KPIs (with `--data`). */
export interface SiteTrends {
  readonly series: ReadonlyMap<string, TrendSeries>;
  /** KPIs that could not be evaluated, with why. */
  readonly skipped: ReadonlyMap<string, string>;
  /** The data's as-of date as people read it; undefined when the data has none. */
  readonly asOf?: string | undefined;
}

/** Everything a page needs. */
export interface SiteContext {
  readonly view: CatalogView;
  readonly site: SiteIdentity;
  readonly currency: string;
  /** Undefined: the catalog is not in a git work tree (or git is not installed). */
  readonly history: CatalogHistory | undefined;
  /** Undefined without `--data`. */
  readonly trends: SiteTrends | undefined;
}

/** Links a name written in a description to its page (KPIs first, then sources, lookups, scorecards, roles). */
export function nameLinker(ctx: SiteContext): NameLinker {
  const { resolved, bodies, hierarchies } = ctx.view;
  return (name) => {
    const kinds: [PageKind, boolean][] = [
      ['kpi', resolved.kpis.has(name)],
      ['source', resolved.catalog.sources.has(name)],
      ['lookup', resolved.catalog.lookups.has(name)],
      ['scorecard', bodies.some((b) => b.kind === 'scorecard' && b.id === name)],
      ['role', bodies.some((b) => b.kind === 'role' && b.id === name)],
      ['hierarchy', hierarchies.some((h) => h.id === name)],
    ];
    const hit = kinds.find(([, has]) => has);
    return hit === undefined ? undefined : { kind: hit[0], id: name };
  };
}

/** `kpis/win-rates.yaml`, line 12: where a document is written. */
export function documentPlace(ctx: SiteContext, doc: CatalogDocument): { readonly file: string; readonly line: number } {
  const source = ctx.view.files.get(doc.file);
  return { file: doc.file, line: source === undefined ? 1 : lineColumnOf(source, doc.kindSpan.start).line };
}
