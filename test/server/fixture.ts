/**
 * The app on the hand-built organisation of test/org/fixture.ts, with a scorecard and an access
 * document added, served on a free local port (real HTTP, real files, real DuckDB).
 *
 * Q2 2025 (organisation as of 30 June): deals o1 r1 100, o2 r2 200, o3 r3 50, o4 r4 70, o5 r5 30.
 *   bookings: all 450 · EU 130 (EU-A: r1 100 + r5 30) · US 320 (US-A: r2 200 + r3 50; US-B: r4 70)
 *   deals:    all 5   · EU 2 · US 3 (US-A 2, US-B 1)
 * Targets: bookings 100 (green from 100, amber from 80), deals 2.
 * Users: ceo (executive, every row and amount), auditor (every row, no amounts), eli (e1, leads
 * EU-A: his subtree), cy (r3) and di (r4), reps who see themselves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkCatalog } from '../../src/check-catalog.js';
import { readAccess } from '../../src/access/read.js';
import { hashPassword, writeUsersFile } from '../../src/access/users-file.js';
import { openCommentary, type CommentaryStore } from '../../src/commentary/store.js';
import { createDashboard, type Dashboard } from '../../src/dashboard/dashboard.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import { createApp } from '../../src/server/app.js';
import { createAuth } from '../../src/server/auth.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { parseUsersFile } from '../../src/access/users-file.js';
import { assertValid, makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { ORG_CATALOG, ORG_DATA } from '../org/fixture.js';

/** The catalog: the hand-built organisation, two KPIs, a scorecard and an access document. */
export const SERVE_CATALOG: Readonly<Record<string, string>> = {
  ...ORG_CATALOG,
  'kpis.yaml': `kpi: bookings
title: Bookings
formula: sum(amount)
unit: money
owner: sales_ops
target: 100
thresholds: { green: 1, amber: 0.8 }
---
kpi: deals
title: Deals closed
formula: count(opportunities)
unit: count
refresh: weekly
target: 2
---
kpi: satisfaction
formula: avg(surveys.score)
unit: number
`,
  'scorecard.yaml': `scorecard: sales
title: Sales
hierarchy: org
levels: [company, region, team, person]
perspectives:
  financial:
    weight: 100%
    kpis:
      - kpi: bookings
      - kpi: deals
`,
  'access.yaml': `access: web
hierarchy: org
fields:
  amounts: [opportunities.amount]
roles:
  boss: { rows: all, fields: [amounts] }
  counter: { rows: all }
  lead: { rows: subtree, fields: [amounts] }
  seller: { rows: self, fields: [amounts] }
users:
  - role: boss
    users: [ceo]
  - role: counter
    users: [auditor]
  - role: lead
    managers: true
  - role: seller
    members: true
`,
};

/** Users and their members; each one's password is `pw-NAME-1`. */
const USERS: readonly (readonly [string, string | undefined])[] = [
  ['ceo', undefined],
  ['auditor', undefined],
  ['eli', 'e1'],
  ['cy', 'r3'],
  ['di', 'r4'],
];

/** A running app on the fixture. */
export interface ServedFixture {
  readonly ws: Workspace;
  readonly base: string;
  readonly dashboard: Dashboard;
  readonly store: CommentaryStore;
  /** Moves the dashboard's clock. */
  setNow(d: Date): void;
  close(): Promise<void>;
}

/** Serves the fixture (clock at 2025-07-10 unless moved). */
export async function serveFixture(options: { readonly trustHeader?: string } = {}): Promise<ServedFixture> {
  const ws = makeWorkspace(SERVE_CATALOG, ORG_DATA);
  return serveCatalog(ws, USERS, { ...options, now: new Date('2025-07-10T09:00:00Z') });
}

/** Serves the catalog of `ws` to `users` (password `pw-NAME-1`), its access document enforced. */
async function serveCatalog(
  ws: Workspace,
  people: readonly (readonly [string, string | undefined])[],
  options: { readonly trustHeader?: string | undefined; readonly now?: Date | undefined } = {},
): Promise<ServedFixture> {
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  const scorecards = checkScorecards(checked.resolved).value;
  const policy = [...readAccess(checked.resolved, scorecards.hierarchies).value.values()][0];
  if (policy === undefined) throw new Error('no access document');
  const usersText = writeUsersFile(people.map(([user, member]) => ({ user, member, password: hashPassword(`pw-${user}-1`) })));
  writeFileSync(path.join(ws.root, 'users.yaml'), usersText);
  const users = parseUsersFile(usersText);
  if ('problems' in users) throw new Error(users.problems.join('; '));
  const store = openCommentary(path.join(ws.root, 'commentary.db'));
  let now = options.now;
  const dashboard = createDashboard({
    resolved: checked.resolved,
    scorecards,
    policy,
    dataDir: ws.dataDir,
    commentary: store,
    now: () => now ?? new Date(),
  });
  const server: RunningServer = await startServer(
    createApp({ dashboard, auth: createAuth({ users: users.users, trustHeader: options.trustHeader }) }),
    { port: 0, host: '127.0.0.1' },
  );
  return {
    ws,
    base: server.url.replace(/\/$/, ''),
    dashboard,
    store,
    setNow: (d) => {
      now = d;
    },
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

/** The shipped catalog on the example data, in a fresh folder for its users file and notes. */
export async function serveExample(people: readonly (readonly [string, string | undefined])[]): Promise<ServedFixture> {
  const root = mkdtempSync(path.join(tmpdir(), 'kpic-serve-'));
  const repo = path.resolve(import.meta.dirname, '../..');
  return serveCatalog({ root, catalogDir: path.join(repo, 'catalog'), dataDir: path.join(repo, 'examples/data') }, people);
}

/** A signed-in client: its cookie, and the form token of its session (read from a page). */
export interface Client {
  readonly user: string;
  get(pathAndQuery: string): Promise<Response>;
  json(pathAndQuery: string): Promise<{ status: number; body: Record<string, unknown> }>;
  post(pathAndQuery: string, fields: Record<string, string>): Promise<Response>;
  csrf(): Promise<string>;
}

/** Signs `user` in with their password. */
export async function signIn(base: string, user: string, password = `pw-${user}-1`): Promise<Client> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user, password, next: '/' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (res.status !== 303 || cookie === '') throw new Error(`${user} could not sign in: ${res.status}`);
  const get = (p: string): Promise<Response> => fetch(`${base}${p}`, { headers: { cookie }, redirect: 'manual' });
  return {
    user,
    get,
    json: async (p) => {
      const r = await get(p);
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    },
    post: (p, fields) =>
      fetch(`${base}${p}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    csrf: async () => {
      const html = await (await get('/?period=2025-Q2')).text();
      const m = /name="csrf" value="([^"]+)"/.exec(html);
      if (m?.[1] === undefined) throw new Error('no form token on the page');
      return m[1];
    },
  };
}
