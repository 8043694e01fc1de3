/**
 * Where each page of the site lives. Every page is one level deep at most (`kpi/win_rate.html`)
 * and every link is relative, so the folder works from `file://` and under any web-server path.
 */

/** The kinds of document that get a page of their own. */
export type PageKind = 'kpi' | 'source' | 'lookup' | 'scorecard' | 'role' | 'hierarchy' | 'test';

/** The site-relative path of a document's page. */
export function pagePath(kind: PageKind, id: string): string {
  return `${kind}/${id}.html`;
}

/** A link from the page at `from` (site-relative) to `to` (site-relative, may carry `#anchor`). */
export function relativeLink(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to}`;
}

/** The anchor of a column, definition, dimension or join on its source's page. */
export function sourceAnchor(kind: 'column' | 'definition' | 'dimension' | 'join', name: string): string {
  return `${kind}-${name}`;
}
