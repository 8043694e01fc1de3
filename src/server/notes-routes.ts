/**
 * Commentary in the app: adding a note on a KPI × node × period (anyone who sees the figure may;
 * the note records who and when), and editing one's own note against the version one saw (a note
 * changed since is a conflict, never overwritten). Both check the user's access to the node again
 * on the server; both answer with a redirect to the KPI page.
 */
import type { ServerResponse } from 'node:http';
import { grantFor } from '../access/grant.js';
import type { Identity } from '../access/model.js';
import type { Dashboard } from '../dashboard/dashboard.js';
import { nodeAtText, nodeByKey } from '../dashboard/node-path.js';
import { parsePeriod } from '../periods/period.js';
import { redirect } from './http.js';
import { href } from './pages/layout.js';
import { KPI_ID, readParams } from './params.js';

type Refuse = (r: { readonly status: number; readonly message: string }) => void;

const MAX_BODY = 2000;

function bodyOf(form: URLSearchParams): string | undefined {
  const body = (form.get('body') ?? '').replace(/\r\n/g, '\n').trim();
  return body === '' || body.length > MAX_BODY || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(body) ? undefined : body;
}

/** POST /notes: a new note on the figure the form names. */
export async function postNote(
  d: Dashboard,
  identity: Identity,
  form: URLSearchParams,
  res: ServerResponse,
  refuse: Refuse,
): Promise<void> {
  const store = d.options.commentary;
  if (store === undefined) return refuse({ status: 422, message: 'this server keeps no commentary' });
  const kpi = form.get('kpi') ?? '';
  const where = readParams(new URLSearchParams([...form].filter(([k]) => k === 'at' || k === 'period')), ['at', 'period']);
  if (!KPI_ID.test(kpi) || d.options.resolved.kpis.get(kpi) === undefined)
    return refuse({ status: 400, message: 'the note names no KPI of the catalog' });
  if (typeof where === 'string') return refuse({ status: 400, message: where });
  const body = bodyOf(form);
  if (body === undefined) return refuse({ status: 400, message: `a note is 1 to ${MAX_BODY} characters of text` });
  const place = await d.place(identity, where.period, where.at);
  if ('ok' in place) return refuse(place);
  store.add({
    kpi,
    node: place.node.key,
    nodeLabel: place.node.label,
    period: place.period.label,
    body,
    author: identity.user,
    at: d.now().toISOString(),
  });
  redirect(res, `${href(`/kpi/${kpi}`, { at: place.at, period: place.period.label })}#notes-h`);
}

/** POST /notes/ID: the author's edit of their note. */
export async function editNote(
  d: Dashboard,
  identity: Identity,
  id: number,
  form: URLSearchParams,
  res: ServerResponse,
  refuse: Refuse,
): Promise<void> {
  const store = d.options.commentary;
  const note = store?.get(id);
  if (store === undefined || note === undefined) return refuse({ status: 404, message: 'no such note' });
  const period = parsePeriod(note.period, d.scorecard.body.grain, d.calendar);
  if (typeof period === 'string') return refuse({ status: 404, message: 'no such note' });
  const org = await d.organisation(period);
  if ('ok' in org) return refuse({ status: 500, message: org.message });
  const grant = grantFor(d.options.policy, identity, org.tree, d.hierarchy.levels.length - 1);
  const node = nodeByKey(org.tree, note.node);
  // A note on a node the user may not see is answered as if it did not exist.
  if (grant === undefined || node === undefined || !grant.visible(node)) return refuse({ status: 404, message: 'no such note' });
  if (note.author !== identity.user) return refuse({ status: 403, message: 'only its author edits a note' });
  const body = bodyOf(form);
  const version = Number(form.get('version') ?? '');
  if (body === undefined || !Number.isInteger(version))
    return refuse({ status: 400, message: `a note is 1 to ${MAX_BODY} characters of text, edited from its version` });
  const done = store.edit(id, body, { author: identity.user, at: d.now().toISOString(), version });
  if ('kind' in done)
    return refuse(
      done.kind === 'conflict'
        ? { status: 409, message: 'the note was changed since you opened it: reload the page to see it' }
        : { status: 404, message: 'no such note' },
    );
  redirect(res, `${href(`/kpi/${note.kpi}`, { at: nodeAtText(d.hierarchy, node), period: note.period })}#notes-h`);
}
