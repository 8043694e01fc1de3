/**
 * Access by role through every route of `kpic serve` (pages, JSON API, row listings, single
 * rows, notes): figures checked against the hand-computed numbers of fixture.ts; a rep cannot
 * read another rep's deals or amounts by any route, parameter or export; a manager sees only their
 * subtree; a role without the `amounts` field gets no amount anywhere; nothing without signing in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture, signIn, type Client, type ServedFixture } from './fixture.js';

let app: ServedFixture;
const clients = new Map<string, Client>();
const client = (name: string): Client => {
  const c = clients.get(name);
  if (c === undefined) throw new Error(name);
  return c;
};
const Q2 = 'period=2025-Q2';
const US_A = encodeURIComponent('region=US/team=US-A');
const CY = encodeURIComponent('region=US/team=US-A/person=r3');
const DI = encodeURIComponent('region=US/team=US-B/person=r4');

interface Kpi {
  kpi: string;
  value: number | null;
  target: number | null;
  status: string;
}
const kpis = (node: unknown): Kpi[] => (node as { perspectives: { kpis: Kpi[] }[] }).perspectives.flatMap((p) => p.kpis);
const report = (body: Record<string, unknown>): { node: unknown; children?: { nodes: { label: string }[] } } => body['report'] as never;

beforeAll(async () => {
  app = await serveFixture();
  for (const u of ['ceo', 'auditor', 'eli', 'cy', 'di']) clients.set(u, await signIn(app.base, u));
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe('signing in', () => {
  it('nothing is readable without a session: pages redirect to sign-in, the API answers 401', async () => {
    for (const p of ['/', `/kpi/bookings?${Q2}`, `/rows/bookings?${Q2}`, `/row/bookings?${Q2}&source=opportunities&key=o1`]) {
      const r = await fetch(`${app.base}${p}`, { redirect: 'manual' });
      expect([p, r.status, r.headers.get('location')?.startsWith('/login?next=')]).toEqual([p, 303, true]);
    }
    for (const p of ['/api/scorecard', '/api/me', `/api/rows/bookings?${Q2}`]) expect((await fetch(`${app.base}${p}`)).status).toBe(401);
    const forged = await fetch(`${app.base}/api/me`, { headers: { cookie: 'kpic_session=forged-token' } });
    expect(forged.status).toBe(401);
  });

  it('a wrong password or an unknown user is refused with the same answer', async () => {
    for (const [user, password] of [
      ['cy', 'wrong-password'],
      ['nobody', 'pw-nobody-1'],
    ]) {
      const r = await fetch(`${app.base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user: user ?? '', password: password ?? '' }),
      });
      expect(r.status).toBe(401);
      expect(r.headers.get('set-cookie')).toBeNull();
      expect(await r.text()).toContain('That user name and password do not match.');
    }
  });

  it('after five failed sign-ins a name is refused for a while, even with its password; other names are not', async () => {
    const attempt = (user: string, password: string): Promise<Response> =>
      fetch(`${app.base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user, password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt('di', `guess-${i}`)).status).toBe(401);
    const refused = await attempt('di', 'pw-di-1');
    expect([refused.status, refused.headers.get('set-cookie')]).toEqual([429, null]);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait > 0 && wait <= 900).toBe(true);
    expect(await refused.text()).toContain('Too many failed sign-ins for this name: try again in 15 minutes.');
    expect((await attempt('cy', 'pw-cy-1')).status).toBe(303);
  });

  it('sign-in returns only to a path of this server', async () => {
    const r = await fetch(`${app.base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: 'cy', password: 'pw-cy-1', next: '//evil.example/x' }),
    });
    expect([r.status, r.headers.get('location')]).toEqual([303, '/']);
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });
});

describe('what each role sees', () => {
  it('the executive: the whole organisation, its regions, every amount', async () => {
    const { status, body } = await client('ceo').json(`/api/scorecard?${Q2}`);
    expect(status).toBe(200);
    expect(kpis(report(body).node).map((k) => [k.kpi, k.value, k.status])).toEqual([
      ['bookings', 450, 'green'],
      ['deals', 5, 'green'],
    ]);
    expect(report(body).children?.nodes.map((n) => [n.label, kpis(n).map((k) => k.value)])).toEqual([
      ['EU', [130, 2]],
      ['US', [320, 3]],
    ]);
  });

  it('a manager starts at and sees only his team; every other node is answered as not existing', async () => {
    const eli = client('eli');
    const home = await eli.json(`/api/scorecard?${Q2}`);
    expect(home.body['node']).toEqual({ level: 'team', label: 'EU-A', at: 'region=EU/team=EU-A' });
    expect(kpis(report(home.body).node).map((k) => k.value)).toEqual([130, 2]);
    expect(
      report(home.body)
        .children?.nodes.map((n) => n.label)
        .sort(),
    ).toEqual(['Ann', 'Ed', 'Eli']);
    // Nor is the size of the organisation outside his team.
    expect((home.body['report'] as { notes: string[] }).notes.at(-1)).toMatch(/: 3 members in EU-A$/);
    for (const p of [
      `/api/scorecard?${Q2}&at=region%3DEU`,
      `/api/scorecard?${Q2}&at=${US_A}`,
      `/api/kpi/bookings?${Q2}&at=${US_A}`,
      `/api/rows/bookings?${Q2}&at=${US_A}`,
      `/api/scorecard?${Q2}&at=region%3DNOWHERE`,
    ]) {
      const r = await eli.json(p);
      expect([p, r.status, r.body]).toEqual([p, 404, { error: 'no such node in 2025-Q2' }]);
    }
  });

  it('the lineage SQL a manager sees names no member of another team', async () => {
    const kpi = await client('eli').json(`/api/kpi/bookings?${Q2}`);
    const sql = String((kpi.body['lineage'] as { sql: string }).sql);
    expect(sql).toContain("'r1'");
    expect(sql).not.toMatch(/'r[234]'|'u[01]'|'m0'/);
  });

  it('a rep sees only themselves: their own deals, and no other rep’s by any route or parameter', async () => {
    const cy = client('cy');
    const home = await cy.json(`/api/scorecard?${Q2}`);
    expect(home.body['node']).toEqual({ level: 'person', label: 'Cy', at: 'region=US/team=US-A/person=r3' });
    expect(kpis(report(home.body).node).map((k) => k.value)).toEqual([50, 1]);
    const rows = await cy.json(`/api/rows/bookings?${Q2}`);
    const parts = rows.body['parts'] as { rows: Record<string, unknown>[]; total: number }[];
    expect(parts.map((p) => [p.total, p.rows.map((r) => [r['id'], Number(r['amount'])])])).toEqual([[1, [['o3', 50]]]]);
    const refused = [
      `/api/scorecard?${Q2}&at=${DI}`,
      `/api/kpi/bookings?${Q2}&at=${DI}`,
      `/api/rows/bookings?${Q2}&at=${DI}`,
      `/api/row/bookings?${Q2}&at=${DI}&source=opportunities&key=o4`,
      `/api/scorecard?${Q2}&at=${US_A}`,
      `/api/rows/deals?${Q2}&at=${US_A}`,
      `/api/rows/bookings?${Q2}&at=region%3DUS`,
    ];
    for (const p of refused) expect([p, (await cy.get(p)).status]).toEqual([p, 404]);
    // An empty node path is the user's own view, never the top.
    expect((await cy.json(`/api/scorecard?${Q2}&at=`)).body['node']).toEqual(home.body['node']);
    // Di's deal asked for by key under Cy's own node: the listing is confined to Cy's rows.
    const other = await cy.json(`/api/row/bookings?${Q2}&at=${CY}&source=opportunities&key=o4`);
    expect((other.body['parts'] as { rows: unknown[] }[]).flatMap((p) => p.rows)).toEqual([]);
    const own = await cy.json(`/api/row/bookings?${Q2}&at=${CY}&source=opportunities&key=o3`);
    expect((own.body['parts'] as { rows: { id: string }[] }[]).flatMap((p) => p.rows.map((r) => r.id))).toEqual(['o3']);
    // Nothing of another rep in any of Cy's answers (Di is r4, her deal o4 of 70).
    const all = await Promise.all(
      [
        `/api/scorecard?${Q2}`,
        `/api/kpi/bookings?${Q2}`,
        `/api/kpi/deals?${Q2}`,
        `/api/rows/bookings?${Q2}`,
        `/api/rows/deals?${Q2}`,
        `/?${Q2}`,
        `/kpi/bookings?${Q2}`,
        `/rows/deals?${Q2}`,
      ].map(async (p) => (await cy.get(p)).text()),
    );
    for (const text of all) {
      expect(text).not.toMatch(/\br4\b|\bo4\b|\bDi\b|\b(450|320|250|130|200)\b/);
    }
  });

  it('a role without the amounts field gets counts but no amount on any route', async () => {
    const auditor = client('auditor');
    const sc = await auditor.json(`/api/scorecard?${Q2}`);
    expect(kpis(report(sc.body).node).map((k) => [k.kpi, k.value, k.target])).toEqual([
      ['bookings', null, null],
      ['deals', 5, 2],
    ]);
    const kpi = await auditor.json(`/api/kpi/bookings?${Q2}`);
    expect(kpi.body['hiddenBy']).toEqual(['amounts']);
    expect((kpi.body['trend'] as { line: { value: unknown } | null }[]).map((t) => t.line?.value ?? null).every((v) => v === null)).toBe(
      true,
    );
    const rows = await auditor.json(`/api/rows/bookings?${Q2}`);
    const [part] = rows.body['parts'] as { columns: string[]; withheld: string[]; total: number }[];
    expect([part?.columns, part?.withheld, part?.total]).toEqual([['id', 'owner_id', 'close_date'], ['amount'], 5]);
    const html = await (await auditor.get(`/rows/bookings?${Q2}`)).text();
    expect(html).toContain('Withheld for your role');
    expect(html).not.toMatch(/\b(100|200|450)\b/);
  });
});

describe('the CSV export', () => {
  it('holds exactly the rows and columns the user may see', async () => {
    const cy = await client('cy').get(`/api/rows/bookings?${Q2}&format=csv`);
    expect(cy.headers.get('content-disposition')).toBe('attachment; filename="bookings-Cy-2025-Q2.csv"');
    expect(await cy.text()).toBe('source,id,owner_id,amount,close_date,value\nopportunities,o3,r3,50.00,2025-05-05,50.00\n');
    const auditor = await (await client('auditor').get(`/api/rows/bookings?${Q2}&format=csv`)).text();
    expect(auditor.split('\n')[0]).toBe('source,id,owner_id,close_date');
    expect(auditor.split('\n').filter((l) => l !== '').length).toBe(6);
    const eli = await (await client('eli').get(`/api/rows/deals?${Q2}&format=csv&at=${US_A}`)).text();
    expect(JSON.parse(eli)).toEqual({ error: 'no such node in 2025-Q2' });
    expect((await client('cy').get(`/rows/bookings?${Q2}&format=csv`)).status).toBe(400);
  });
});

describe('hostile requests', () => {
  it('unknown, repeated or malformed parameters are refused before anything runs', async () => {
    const ceo = client('ceo');
    const cases: [string, string][] = [
      [`/api/scorecard?${Q2}&debug=1`, 'unknown parameter `debug`'],
      [`/api/scorecard?${Q2}&${Q2}`, 'parameter `period` is given twice'],
      ["/api/scorecard?period=2025'--", 'parameter `period` must be'],
      ['/api/scorecard?at=region%3DEU%0A', 'parameter `at` must be'],
      [`/api/rows/bookings?${Q2}&offset=-1`, 'parameter `offset` must be'],
      [`/api/row/bookings?${Q2}&source=opportunities;drop&key=o1`, 'parameter `source` must be'],
      [`/api/rows/bookings?${Q2}&key=o1`, 'unknown parameter `key`'],
    ];
    for (const [p, message] of cases) {
      const r = await ceo.json(p);
      expect([p, r.status, String(r.body['error']).startsWith(message)]).toEqual([p, 400, true]);
    }
  });

  it('SQL in a value is data: a key that tries to widen the match finds nothing', async () => {
    const r = await client('ceo').json(`/api/row/bookings?${Q2}&source=opportunities&key=${encodeURIComponent("o1' OR '1'='1")}`);
    expect(r.status).toBe(200);
    expect((r.body['parts'] as { rows: unknown[] }[]).flatMap((p) => p.rows)).toEqual([]);
  });

  it('odd paths are not found; assets need no session but cannot be escaped', async () => {
    const ceo = client('ceo');
    for (const p of ["/kpi/bookings'", '/kpi/Bookings', '/api/kpi/..%2Fetc', '/kpi/bookings/extra', '/api/scorecard/x', '/kpi/nope'])
      expect([p, (await ceo.get(p)).status]).toEqual([p, 404]);
    expect((await ceo.get('/%E0%A4%A')).status).toBe(400);
    expect((await fetch(`${app.base}/assets/app.css`)).status).toBe(200);
    expect((await fetch(`${app.base}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    const r = await fetch(`${app.base}/assets/uPlot.iife.min.js`);
    expect(await r.text()).toContain('uPlot');
  });

  it('every page carries a content security policy that allows nothing from elsewhere', async () => {
    const r = await client('ceo').get(`/?${Q2}`);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('single sign-on header', () => {
  it('the trusted header signs a listed user in; anyone else, or no header, reads nothing', async () => {
    const sso = await serveFixture({ trustHeader: 'X-Forwarded-User' });
    try {
      const as = (user?: string): Promise<Response> =>
        fetch(`${sso.base}/api/scorecard?${Q2}`, { headers: user === undefined ? {} : { 'x-forwarded-user': user } });
      const cy = await as('cy');
      expect(cy.status).toBe(200);
      expect(((await cy.json()) as { node: { label: string } }).node.label).toBe('Cy');
      expect((await as('mallory')).status).toBe(401);
      expect((await as()).status).toBe(401);
      const login = await fetch(`${sso.base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'user=cy&password=pw-cy-1',
      });
      expect(login.status).toBe(403);
    } finally {
      await sso.close();
    }
  }, 60_000);
});
