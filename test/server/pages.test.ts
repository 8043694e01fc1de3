/**
 * The pages of `kpic serve` as HTML (on fixture.ts): the scorecard with its drill-down links and
 * "as of" times, the KPI page's chart data, bands, lineage and notes, the deals behind a figure;
 * commentary written through the forms (form token required, author and versions kept, only the
 * author edits, a stale edit is a conflict); and refresh cycles — figures reused until their
 * KPI's refresh is due, a changed export noticed at once and picked up then.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmScorecards } from '../../src/dashboard/warm.js';
import { serveFixture, signIn, type Client, type ServedFixture } from './fixture.js';

let app: ServedFixture;
let ceo: Client;
let eli: Client;
const Q2 = 'period=2025-Q2';
const EU_A = encodeURIComponent('region=EU/team=EU-A');

beforeAll(async () => {
  app = await serveFixture();
  ceo = await signIn(app.base, 'ceo');
  eli = await signIn(app.base, 'eli');
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe('the scorecard page', () => {
  it('shows figures with status words, links each child and each figure, and says as of when', async () => {
    const html = await (await ceo.get(`/?${Q2}`)).text();
    expect(html).toContain('<h1>Hand Co — 2025-Q2</h1>');
    expect(html).toContain('href="/?at=region%3DEU&amp;period=2025-Q2">EU</a>');
    expect(html).toContain(
      'href="/rows/bookings?at=region%3DUS&amp;period=2025-Q2" aria-label="Bookings: $320, the rows behind it">$320</a>',
    );
    expect(html).toMatch(/<span class="status status-green">On track<\/span>/);
    expect(html).toContain('Figures as of <time datetime="2025-07-02">2025-07-02</time>');
    expect(html).toContain('computed <time datetime="2025-07-10T09:00:00.000Z">2025-07-10 09:00 UTC</time>');
    // Bookings refresh daily, deals weekly: the page is due at the earlier, the next midnight.
    expect(html).toContain('next refresh <time datetime="2025-07-11T00:00:00.000Z">');
  });

  it('a manager’s breadcrumbs name the levels above him without linking them', async () => {
    const html = await (await eli.get(`/?${Q2}`)).text();
    expect(html).toContain('<li><span>Hand Co</span></li><li><span>EU</span></li><li><span aria-current="page">EU-A</span></li>');
  });
});

describe('the KPI page', () => {
  it('carries the trend with targets and status levels for the chart, and the same as a table', async () => {
    const html = await (await ceo.get(`/kpi/bookings?${Q2}&at=${EU_A}`)).text();
    const data = JSON.parse(/<script type="application\/json" id="trend-data">([^<]*)<\/script>/.exec(html)?.[1] ?? '{}') as Record<
      string,
      unknown[]
    >;
    expect(data['periods']?.slice(-2)).toEqual(['2025-Q1', '2025-Q2']);
    // No deals before Q2, so no value then; Q2: 130 against 100, green from 100, amber from 80.
    expect([data['value']?.at(-1), data['target']?.at(-1), data['green']?.at(-1), data['amber']?.at(-1), data['status']?.at(-1)]).toEqual([
      130,
      100,
      100,
      80,
      'green',
    ]);
    expect(html).toContain('<script src="/assets/uPlot.iife.min.js"></script><script src="/assets/kpi-chart.js"></script>');
    expect(html).toContain('green ≥ $100, amber ≥ $80');
    expect(html).toContain('Formula: <code>sum(amount)</code>');
    expect(html).toMatch(/<code>opportunities\.csv<\/code> \(\d+ bytes, modified/);
    expect(html).toMatch(/SQL for this figure<\/summary><pre><code>[^<]*SELECT/);
  });
});

describe('the deals behind a figure', () => {
  it('lists EU-A’s Q2 deals with a link to each single deal', async () => {
    const html = await (await ceo.get(`/rows/bookings?${Q2}&at=${EU_A}`)).text();
    expect(html).toContain('Rows 1–2 of 2.');
    expect(html).toContain(
      `href="/row/bookings?at=${encodeURIComponent('region=EU/team=EU-A').replaceAll('%20', '+')}&amp;period=2025-Q2&amp;source=opportunities&amp;key=o1">o1</a>`,
    );
    const one = await (await ceo.get(`/row/bookings?${Q2}&at=${EU_A}&source=opportunities&key=o5`)).text();
    expect(one).toContain('<dt>owner_id</dt><dd>r5</dd><dt>amount</dt><dd>30.00</dd>');
  });
});

describe('commentary', () => {
  it('needs the session’s form token', async () => {
    const r = await eli.post('/notes', { kpi: 'bookings', at: 'region=EU/team=EU-A', period: '2025-Q2', body: 'no token' });
    expect(r.status).toBe(403);
    const forged = await eli.post('/notes', {
      csrf: 'guess',
      kpi: 'bookings',
      at: 'region=EU/team=EU-A',
      period: '2025-Q2',
      body: 'bad token',
    });
    expect(forged.status).toBe(403);
  });

  it('a manager annotates his team’s figure; it shows beside it for whoever sees the team, with author and edits', async () => {
    const csrf = await eli.csrf();
    const added = await eli.post('/notes', {
      csrf,
      kpi: 'bookings',
      at: 'region=EU/team=EU-A',
      period: '2025-Q2',
      body: 'Lost our largest customer to a merger',
    });
    expect([added.status, added.headers.get('location')]).toEqual([
      303,
      `/kpi/bookings?at=region%3DEU%2Fteam%3DEU-A&period=2025-Q2#notes-h`,
    ]);
    const page = await (await ceo.get(`/?${Q2}&at=${EU_A}`)).text();
    expect(page).toContain('<q>Lost our largest customer to a merger</q> — eli');
    const kpi = await ceo.json(`/api/kpi/bookings?${Q2}&at=${EU_A}`);
    const [note] = kpi.body['notes'] as { id: number; body: string; author: string; version: number }[];
    expect([note?.body, note?.author, note?.version]).toEqual(['Lost our largest customer to a merger', 'eli', 1]);
    const id = note?.id ?? 0;
    // Only its author edits it; an edit against an old version is refused as a conflict.
    expect((await ceo.post(`/notes/${id}`, { csrf: await ceo.csrf(), version: '1', body: 'rewritten' })).status).toBe(403);
    expect((await eli.post(`/notes/${id}`, { csrf, version: '1', body: 'Lost our largest customer (merger)' })).status).toBe(303);
    expect((await eli.post(`/notes/${id}`, { csrf, version: '1', body: 'stale edit' })).status).toBe(409);
    expect(app.store.history(id).map((v) => [v.version, v.action, v.body])).toEqual([
      [1, 'create', 'Lost our largest customer to a merger'],
      [2, 'edit', 'Lost our largest customer (merger)'],
    ]);
  });

  it('a rep cannot annotate or edit outside what they see', async () => {
    const cy = await signIn(app.base, 'cy');
    const csrf = await cy.csrf();
    const r = await cy.post('/notes', { csrf, kpi: 'bookings', at: 'region=EU/team=EU-A', period: '2025-Q2', body: 'not mine' });
    expect(r.status).toBe(404);
    const [note] = app.store.find({ kpi: 'bookings' });
    expect((await cy.post(`/notes/${note?.id ?? 0}`, { csrf, version: String(note?.version ?? 0), body: 'x' })).status).toBe(404);
    expect(app.store.find({ kpi: 'bookings' }).map((n) => n.body)).toEqual(['Lost our largest customer (merger)']);
  });
});

describe('refresh cycles', () => {
  it('reuses figures until the refresh is due; a changed export is noticed, then picked up', async () => {
    const before = await ceo.json(`/api/scorecard?period=2025-Q2&at=${EU_A}`);
    const value = (b: Record<string, unknown>): unknown =>
      (b['report'] as { node: { perspectives: { kpis: { value: unknown }[] }[] } }).node.perspectives[0]?.kpis[0]?.value;
    expect(value(before.body)).toBe(130);
    // A new EU-A deal (Ann, 25 on 2025-06-20) lands in the export.
    appendFileSync(path.join(app.ws.dataDir, 'opportunities.csv'), 'o7,r1,25,2025-06-20\n');
    app.setNow(new Date('2025-07-10T09:00:02Z')); // the data folder is looked at once a second
    const cached = await ceo.json(`/api/scorecard?period=2025-Q2&at=${EU_A}`);
    expect(value(cached.body)).toBe(130);
    expect(cached.body['times']).toMatchObject({
      computedAt: '2025-07-10T09:00:00.000Z',
      next: '2025-07-11T00:00:00.000Z',
      newerData: true,
    });
    app.setNow(new Date('2025-07-11T00:00:01Z'));
    const fresh = await ceo.json(`/api/scorecard?period=2025-Q2&at=${EU_A}`);
    expect(value(fresh.body)).toBe(155);
    expect(fresh.body['times']).toMatchObject({
      computedAt: '2025-07-11T00:00:01.000Z',
      next: '2025-07-12T00:00:00.000Z',
      newerData: false,
    });
    // The weekly KPI alone is due on the next Monday.
    const deals = await ceo.json(`/api/kpi/deals?period=2025-Q2&at=${EU_A}`);
    expect((deals.body['times'] as { next: string }).next).toBe('2025-07-14T00:00:00.000Z');
  });

  it('the top scorecards are computed ahead: the first executive of the day finds them ready', async () => {
    app.setNow(new Date('2025-07-12T00:00:05Z'));
    const next = await warmScorecards(app.dashboard);
    expect(next?.toISOString()).toBe('2025-07-13T00:00:00.000Z');
    app.setNow(new Date('2025-07-12T08:30:00Z'));
    for (const at of ['', '&at=region%3DUS']) {
      const r = await ceo.json(`/api/scorecard?period=2025-Q2${at}`);
      expect((r.body['times'] as { computedAt: string }).computedAt).toBe('2025-07-12T00:00:05.000Z');
    }
  });
});
