/**
 * The web application of `kpic serve`: one request handler over the dashboard. Every route but
 * the sign-in page and the static assets needs a signed-in user; every figure is computed for that
 * user (their grant inside the queries, guarded fields left out), so pages, the JSON API under
 * /api/ and the row listings answer the same. Parameters are read strictly (params.ts); a node the
 * user may not see is answered exactly like one that does not exist.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Identity } from '../access/model.js';
import type { Dashboard, Refusal } from '../dashboard/dashboard.js';
import { kpiView } from '../dashboard/kpi-view.js';
import { ROWS_EXPORT, rowsView } from '../dashboard/rows-view.js';
import { scorecardView } from '../dashboard/scorecard-view.js';
import { kpiJson, rowsJson, scorecardJson } from './api-shapes.js';
import { assets } from './assets.js';
import { SESSION_COOKIE, sameText, type Auth, type Session } from './auth.js';
import { localPath, readForm, redirect, send, sendJson } from './http.js';
import { postNote, editNote } from './notes-routes.js';
import { rowsCsv, rowsCsvName } from './rows-csv.js';
import { kpiPage } from './pages/kpi-page.js';
import { href, type Crumb, type Frame } from './pages/layout.js';
import { loginPage, refusalPage } from './pages/login-page.js';
import { rowsPage } from './pages/rows-page.js';
import { scorecardPage } from './pages/scorecard-page.js';
import { KPI_ID, readParams, type ParamName } from './params.js';

/** What the handler needs. */
export interface AppOptions {
  readonly dashboard: Dashboard;
  readonly auth: Auth;
  /** Whether the session cookie is marked Secure (the server is reached over HTTPS). */
  readonly secureCookie?: boolean | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface Ctx {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly session: Session;
  readonly api: boolean;
}

/** The request handler of the app. */
export function createApp(options: AppOptions): Handler {
  const { dashboard: d, auth } = options;
  const cookieFlags = `Path=/; HttpOnly; SameSite=Strict${options.secureCookie === true ? '; Secure' : ''}`;

  const frame = (s: Session, role: string): Omit<Frame, 'title' | 'crumbs' | 'times'> => ({
    user: { name: s.identity.user, role, csrf: s.csrf, canSignOut: !auth.trusted },
  });
  const refuse = (c: Ctx, r: Refusal | { status: number; message: string }): void => {
    if (c.api) sendJson(c.res, r.status, { error: r.message });
    else send(c.res, r.status, 'text/html', refusalPage(r.status, r.message, frame(c.session, '')));
  };
  const params = (c: Ctx, allowed: readonly ParamName[]): Partial<Record<ParamName, string>> | undefined => {
    const p = readParams(c.url.searchParams, allowed);
    if (typeof p === 'string') {
      refuse(c, { status: 400, message: p });
      return undefined;
    }
    return p;
  };
  const periods = async (): Promise<string[]> => {
    const dates = (await d.dates()).value;
    return 'ok' in dates ? [] : dates.recent.map((p) => p.label);
  };
  const nodeCrumbs = async (identity: Identity, at: string, period: string): Promise<Crumb[]> => {
    const v = await scorecardView(d, identity, { at, period });
    if ('ok' in v) return [];
    return [
      ...v.crumbs.map((c) => ({ label: c.label, href: c.at === undefined ? undefined : href('/', { at: c.at, period }) })),
      { label: v.place.node.label, href: href('/', { at, period }) },
    ];
  };

  const scorecard = async (c: Ctx): Promise<void> => {
    const p = params(c, ['period', 'at', 'scorecard']);
    if (p === undefined) return;
    const v = await scorecardView(d, c.session.identity, { period: p.period, at: p.at, scorecard: p.scorecard });
    if ('ok' in v) return refuse(c, v);
    if (c.api) return sendJson(c.res, 200, scorecardJson(v));
    send(c.res, 200, 'text/html', scorecardPage(v, frame(c.session, v.place.grant.role.title), await periods()));
  };

  const kpi = async (c: Ctx, id: string): Promise<void> => {
    const p = params(c, ['period', 'at', 'scorecard']);
    if (p === undefined) return;
    const v = await kpiView(d, c.session.identity, { kpi: id, period: p.period, at: p.at, scorecard: p.scorecard });
    if ('ok' in v) return refuse(c, v);
    if (c.api) return sendJson(c.res, 200, kpiJson(v));
    const crumbs = [...(await nodeCrumbs(c.session.identity, v.place.at, v.place.period.label)), { label: v.kpi.title }];
    send(c.res, 200, 'text/html', kpiPage(v, frame(c.session, v.place.grant.role.title), await periods(), crumbs, d.currency));
  };

  const rows = async (c: Ctx, id: string, single: boolean): Promise<void> => {
    const p = params(
      c,
      single ? ['period', 'at', 'source', 'key'] : c.api ? ['period', 'at', 'offset', 'format'] : ['period', 'at', 'offset'],
    );
    if (p === undefined) return;
    if (single && (p.source === undefined || p.key === undefined))
      return refuse(c, { status: 400, message: 'a row needs `source` and `key`' });
    const csv = p.format === 'csv';
    const v = await rowsView(d, c.session.identity, {
      limit: csv ? ROWS_EXPORT : undefined,
      kpi: id,
      period: p.period,
      at: p.at,
      offset: p.offset === undefined ? 0 : Number(p.offset),
      source: p.source,
      key: p.key,
    });
    if ('ok' in v) return refuse(c, v);
    if (csv) return send(c.res, 200, 'text/csv', rowsCsv(v), { 'content-disposition': `attachment; filename="${rowsCsvName(v)}"` });
    if (c.api) return sendJson(c.res, 200, rowsJson(v));
    const period = v.place.period.label;
    const crumbs: Crumb[] = [
      ...(await nodeCrumbs(c.session.identity, v.place.at, period)),
      { label: v.kpi.title, href: href(`/kpi/${id}`, { at: v.place.at, period }) },
    ];
    if (single) crumbs.push({ label: 'Deals', href: href(`/rows/${id}`, { at: v.place.at, period }) }, { label: p.key ?? '' });
    else crumbs.push({ label: 'Deals' });
    const keyOf = (s: string): string | undefined => d.options.resolved.catalog.sources.get(s)?.key?.value;
    send(c.res, 200, 'text/html', rowsPage(v, frame(c.session, v.place.grant.role.title), crumbs, keyOf, single));
  };

  const signedIn = async (c: Ctx, parts: readonly string[]): Promise<void> => {
    const method = c.req.method ?? 'GET';
    const [first = '', second] = parts;
    if (method === 'POST') {
      const form = await readForm(c.req);
      if (form === undefined) return refuse(c, { status: 400, message: 'expected a form of at most 64 KB' });
      const token = form.get('csrf') ?? '';
      if (!sameText(token, c.session.csrf))
        return refuse(c, { status: 403, message: 'this form has expired: reload the page and try again' });
      if (first === 'logout' && parts.length === 1) {
        auth.signOut(c.session.token);
        return redirect(c.res, '/login', { 'set-cookie': `${SESSION_COOKIE}=; ${cookieFlags}; Max-Age=0` });
      }
      if (first === 'notes' && parts.length === 1) return postNote(d, c.session.identity, form, c.res, (r) => refuse(c, r));
      if (first === 'notes' && second !== undefined && /^[0-9]{1,12}$/.test(second) && parts.length === 2)
        return editNote(d, c.session.identity, Number(second), form, c.res, (r) => refuse(c, r));
      return refuse(c, { status: 404, message: 'no such page' });
    }
    if (method !== 'GET' && method !== 'HEAD') return refuse(c, { status: 405, message: `${method} is not allowed here` });
    const route = c.api ? parts.slice(1) : parts;
    const [a = '', b] = route;
    if (!c.api && route.length === 1 && a === '') return scorecard(c);
    if (c.api && route.length === 1 && a === 'scorecard') return scorecard(c);
    if (c.api && route.length === 1 && a === 'me')
      return sendJson(c.res, 200, { user: c.session.identity.user, member: c.session.identity.member ?? null });
    if (route.length === 2 && b !== undefined && KPI_ID.test(b)) {
      if (a === 'kpi') return kpi(c, b);
      if (a === 'rows') return rows(c, b, false);
      if (a === 'row') return rows(c, b, true);
    }
    return refuse(c, { status: 404, message: 'no such page' });
  };

  return async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let parts: string[];
      try {
        parts = url.pathname
          .split('/')
          .slice(1)
          .map((s) => decodeURIComponent(s));
      } catch {
        return send(res, 400, 'text/plain', 'malformed path\n');
      }
      if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
      const [first = ''] = parts;
      if (first === 'assets' && parts.length === 2) {
        const asset = assets().get(parts[1] ?? '');
        if (asset === undefined) return send(res, 404, 'text/plain', 'not found\n');
        return send(res, 200, asset.type, asset.body, { 'cache-control': 'public, max-age=3600' });
      }
      if (first === 'login' && parts.length === 1 && !auth.trusted) {
        if (req.method === 'POST') {
          const form = await readForm(req, 8 * 1024);
          const next = localPath(form?.get('next'));
          const s = form === undefined ? undefined : await auth.signIn(form.get('user') ?? '', form.get('password') ?? '');
          if (s === undefined) return send(res, 401, 'text/html', loginPage('That user name and password do not match.', next));
          if ('throttled' in s)
            return send(
              res,
              429,
              'text/html',
              loginPage(`Too many failed sign-ins for this name: try again in ${Math.ceil(s.throttled / 60)} minutes.`, next),
              {
                'retry-after': String(s.throttled),
              },
            );
          return redirect(res, next, { 'set-cookie': `${SESSION_COOKIE}=${s.token}; ${cookieFlags}; Max-Age=${12 * 3600}` });
        }
        return send(res, 200, 'text/html', loginPage(undefined, localPath(url.searchParams.get('next'))));
      }
      const api = first === 'api';
      const session = auth.who(req);
      if (session === undefined) {
        if (api) return sendJson(res, 401, { error: 'sign in first' });
        if (auth.trusted)
          return send(
            res,
            403,
            'text/html',
            refusalPage(403, 'Your single-sign-on name is not a user of this server: ask for access.', {}),
          );
        return redirect(res, href('/login', { next: `${url.pathname}${url.search}` }));
      }
      await signedIn({ req, res, url, session, api }, parts);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'text/plain', 'The server could not answer this request; the problem is in its log.\n');
      else res.end();
      process.emitWarning(`kpic serve: ${(e as Error).stack ?? String(e)}`);
    }
  };
}
