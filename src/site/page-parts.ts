/** Pieces shared by the pages: fact tables, link lists, the history and "defined in" sections. */
import type { CatalogDocument } from '../model/types.js';
import { documentPlace, type SiteContext } from './context.js';
import { escapeHtml, pageLink } from './html.js';
import type { PageKind } from './paths.js';

/** A two-column table of facts; rows without a value are left out. */
export function facts(rows: readonly (readonly [string, string | undefined])[]): string {
  const shown = rows.filter((r): r is readonly [string, string] => r[1] !== undefined && r[1] !== '');
  if (shown.length === 0) return '';
  return `<table class="facts">${shown.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join('')}</table>`;
}

/** A section with a heading (and an anchor). */
export function section(id: string, title: string, body: string): string {
  return `<section id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/** A list of links to pages of one kind, or a sentence when empty. */
export function linkList(from: string, kind: PageKind, ids: readonly string[], empty: string): string {
  if (ids.length === 0) return `<p class="muted">${escapeHtml(empty)}</p>`;
  return `<ul class="links">${ids.map((id) => `<li>${pageLink(from, kind, id)}</li>`).join('')}</ul>`;
}

/** A lifecycle badge. */
export function statusBadge(status: string): string {
  return `<span class="badge ${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}

/** "Defined in `kpis/x.yaml`, line 12." */
function definedIn(ctx: SiteContext, doc: CatalogDocument): string {
  const place = documentPlace(ctx, doc);
  return `<p class="muted">Defined in <code>${escapeHtml(place.file)}</code>, line ${place.line}.</p>`;
}

/** The change history of a document, newest first. */
function historySection(ctx: SiteContext, doc: CatalogDocument): string {
  const key = `${doc.kind}:${doc.id}`;
  if (ctx.history === undefined) {
    return section(
      'history',
      'History',
      '<p class="muted">No history: the catalog is not in a git repository (or git is not installed).</p>',
    );
  }
  const entries = ctx.history.documents.get(key) ?? [];
  const pending = ctx.history.uncommitted.has(key)
    ? '<p><span class="badge draft">uncommitted</span> This page shows changes that are not committed yet.</p>'
    : '';
  if (entries.length === 0) return section('history', 'History', `${pending}<p class="muted">Not committed yet.</p>`);
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.date)}</td><td>${escapeHtml(e.change)}</td><td>${escapeHtml(e.subject)}</td><td>${escapeHtml(e.author)}</td><td><code title="${escapeHtml(e.commit)}">${escapeHtml(e.commit.slice(0, 8))}</code></td><td><code>${escapeHtml(e.file)}</code></td></tr>`,
    )
    .join('');
  return section(
    'history',
    'History',
    `${pending}<table class="history"><tr><th>date</th><th>change</th><th>commit message</th><th>author</th><th>commit</th><th>file</th></tr>${rows}</table>`,
  );
}

/** A document's page: its sections, then its history and where it is defined. */
export function documentPage(
  ctx: SiteContext,
  doc: CatalogDocument,
  path: string,
  title: string,
  parts: readonly string[],
): { readonly path: string; readonly title: string; readonly body: string } {
  return { path, title, body: [...parts, historySection(ctx, doc), definedIn(ctx, doc)].join('\n') };
}
