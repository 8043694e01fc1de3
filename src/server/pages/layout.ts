/**
 * The frame of every page of the app: a skip link, a banner with the signed-in user and a sign-out
 * button, breadcrumbs as a labelled navigation, the main landmark, and a footer with the times of
 * the figures ("as of" the data's last day, computed when, recomputed when). Links are built from
 * a path and parameters, escaped once here.
 */
import { escapeHtml } from '../../site/html.js';

/** Escapes text for HTML (element content and double-quoted attributes). */
export const h = escapeHtml;

/** A link target inside the app: a path and its query parameters (undefined ones left out). */
export function href(path: string, params: Readonly<Record<string, string | number | undefined>> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? path : `${path}?${s}`;
}

/** A crumb of the breadcrumbs: a label and where it leads (none for the current page or an unseen node). */
export interface Crumb {
  readonly label: string;
  readonly href?: string | undefined;
}

/** What a page's frame needs. */
export interface Frame {
  readonly title: string;
  readonly user?: { readonly name: string; readonly role: string; readonly csrf: string; readonly canSignOut: boolean } | undefined;
  readonly crumbs?: readonly Crumb[] | undefined;
  /** The footer's times: ISO instants and the data's last day. */
  readonly times?: { readonly asOf: string; readonly computedAt: string; readonly next: string; readonly newerData: boolean } | undefined;
  /** Scripts of /assets/ to load at the end of the page. */
  readonly scripts?: readonly string[] | undefined;
}

/** An ISO instant as people read it, in UTC (`2026-12-03 21:40 UTC`). */
export function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The footer's sentence about the figures' times. */
function timesLine(t: NonNullable<Frame['times']>): string {
  const newer = t.newerData ? ' <strong>Newer data has arrived on disk: it is picked up at the next refresh.</strong>' : '';
  return `Figures as of <time datetime="${h(t.asOf)}">${h(t.asOf)}</time> (the data’s as-of date) · computed <time datetime="${h(t.computedAt)}">${h(when(t.computedAt))}</time> · next refresh <time datetime="${h(t.next)}">${h(when(t.next))}</time>.${newer}`;
}

/** A whole page. */
export function page(frame: Frame, body: string): string {
  const user =
    frame.user === undefined
      ? ''
      : `<p class="who">Signed in as <strong>${h(frame.user.name)}</strong> (${h(frame.user.role)})</p>` +
        (frame.user.canSignOut
          ? `<form method="post" action="/logout" class="signout"><input type="hidden" name="csrf" value="${h(frame.user.csrf)}"><button type="submit">Sign out</button></form>`
          : '');
  const crumbs =
    frame.crumbs === undefined || frame.crumbs.length === 0
      ? ''
      : `<nav aria-label="Breadcrumb" class="crumbs"><ol>${frame.crumbs
          .map((c, i) => {
            const last = i === (frame.crumbs?.length ?? 0) - 1;
            if (last) return `<li><span aria-current="page">${h(c.label)}</span></li>`;
            return c.href === undefined ? `<li><span>${h(c.label)}</span></li>` : `<li><a href="${h(c.href)}">${h(c.label)}</a></li>`;
          })
          .join('')}</ol></nav>`;
  const footer = frame.times === undefined ? '' : `<footer><p class="times">${timesLine(frame.times)}</p></footer>`;
  const scripts = (frame.scripts ?? []).map((s) => `<script src="/assets/${h(s)}"></script>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(frame.title)} · kpic</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<link rel="stylesheet" href="/assets/uPlot.min.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="banner"><p class="brand"><a href="/">kpic</a></p>${user}</header>
${crumbs}
<main id="main" tabindex="-1">
<h1>${h(frame.title)}</h1>
${body}
</main>
${footer}
${scripts}
</body>
</html>
`;
}

/** A status as text and colour (never colour alone). */
export function statusBadge(status: string): string {
  const words: Readonly<Record<string, string>> = { green: 'On track', amber: 'At risk', red: 'Off track', none: 'No status' };
  return `<span class="status status-${h(status)}">${h(words[status] ?? status)}</span>`;
}
