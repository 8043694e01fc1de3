/**
 * HTML text: escaping, and the inline markup of catalog descriptions — `code` spans become
 * `<code>`, and a code span that names a KPI, source, lookup, scorecard or role links to its page.
 */
import { pagePath, relativeLink, type PageKind } from './paths.js';

/** Escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Finds the page of a name used in text (a KPI id, a source id…), if any. */
export type NameLinker = (name: string) => { readonly kind: PageKind; readonly id: string } | undefined;

/** A description as HTML for the page at `from`: escaped, with `code` spans (linked when they name a page). */
export function describe(text: string | undefined, from: string, link: NameLinker): string {
  if (text === undefined || text.trim() === '') return '';
  const parts = text.split(/(`[^`\n]+`)/);
  return parts
    .map((part) => {
      if (!(part.startsWith('`') && part.endsWith('`') && part.length > 2)) return escapeHtml(part);
      const name = part.slice(1, -1);
      const target = link(name);
      const code = `<code>${escapeHtml(name)}</code>`;
      return target === undefined ? code : `<a href="${escapeHtml(relativeLink(from, pagePath(target.kind, target.id)))}">${code}</a>`;
    })
    .join('');
}

/** `<a href>` to another page of the site. */
export function pageLink(from: string, kind: PageKind, id: string, label: string = id): string {
  return `<a href="${escapeHtml(relativeLink(from, pagePath(kind, id)))}">${escapeHtml(label)}</a>`;
}
