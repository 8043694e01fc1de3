/**
 * Alerts evaluated on the hand-built organisation (real files, real DuckDB), against the
 * hand-computed Q2 2025 bookings of fixture.ts, then delivered: e-mail files in an outbox, a
 * webhook on a local server, and the sent state that stops an alert that keeps firing from being
 * sent again until it clears or escalates.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAlerts } from '../../src/alerts/check.js';
import { parseDeliveryConfig, type DeliveryConfig } from '../../src/alerts/delivery-config.js';
import { dispatchAlerts } from '../../src/alerts/dispatch.js';
import { evaluateAlerts, type AlertEvaluation } from '../../src/alerts/evaluate.js';
import { openAlertState } from '../../src/alerts/state.js';
import { checkCatalog } from '../../src/check-catalog.js';
import type { ResolvedCatalog } from '../../src/resolve/resolved.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import type { ScorecardCatalog } from '../../src/scorecard/resolved.js';
import { assertValid, makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { ALERTS_CATALOG, ALERTS_DATA } from './fixture.js';

let ws: Workspace;
let resolved: ResolvedCatalog;
let scorecards: ScorecardCatalog;
let server: Server;
const received: { url: string; body: Record<string, unknown> }[] = [];
let hookUrl = '';

beforeAll(async () => {
  ws = makeWorkspace(ALERTS_CATALOG, ALERTS_DATA);
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  resolved = checked.resolved;
  scorecards = checkScorecards(resolved).value;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(req.url === '/broken' ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function evaluate(period: string, ids: readonly string[] = ['low_bookings']): Promise<AlertEvaluation[]> {
  const alerts = [...checkAlerts(resolved, scorecards.hierarchies).value.values()].filter((a) => ids.includes(a.id));
  const result = await evaluateAlerts(resolved, scorecards, alerts, { period }, { dataDir: ws.dataDir });
  if (!result.ok) throw new Error(result.message);
  return [...result.evaluations];
}

describe('evaluating alerts', () => {
  it('fires where the condition holds, escalates where the worse one does, routed to the managers', async () => {
    const [ev] = await evaluate('2025-Q2');
    expect(ev?.nodes.map((n) => n.label)).toEqual(['EU-A', 'US-A', 'US-B']);
    expect(
      ev?.firing.map((f) => [
        f.node.label,
        f.severity,
        f.escalated,
        f.values.map((v) => v.value),
        f.to.map((t) => (t.kind === 'person' ? t.member : `#${t.channel}`)),
      ]),
    ).toEqual([
      ['EU-A', 'warning', false, [130], ['e1', '#ops']],
      // US-B has no manager of its own: its region's head (Uma) is told, and is also the next manager.
      ['US-B', 'critical', true, [70], ['u0', '#sales_ops', '#ops']],
    ]);
  });

  it('a team without deals has bookings of 0, and fires escalated: Q1 has no deals at all', async () => {
    const [ev] = await evaluate('2025-Q1');
    expect(ev?.nodes.map((n) => n.label)).toEqual(['EU-A', 'US-A', 'US-B']);
    expect(ev?.firing.map((f) => [f.node.label, f.values[0]?.value, f.escalated])).toEqual([
      ['EU-A', 0, true],
      ['US-A', 0, true],
      ['US-B', 0, true],
    ]);
  });

  it('status(…) judges the KPI against its target at each node (target 100: 70 is red), limited by `where`', async () => {
    const [ev] = await evaluate('2025-Q2', ['red_bookings']);
    expect(ev?.nodes.map((n) => n.label)).toEqual(['US', 'US-A', 'US-B']);
    expect(ev?.firing.map((f) => [f.node.label, f.values[0]?.value])).toEqual([['US-B', 'red']]);
  });
});

describe('delivering alerts', () => {
  const config = (): DeliveryConfig => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpic-deliver-'));
    const parsed = parseDeliveryConfig(
      `outbox: outbox\nfrom: kpic@hand.example\npeople: "{member}@hand.example"\nchannels:\n  ops: { webhook: "${hookUrl}/ops" }\n  sales_ops: { email: sales-ops@hand.example }\n`,
      path.join(dir, 'deliver.yaml'),
    );
    if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
    return parsed;
  };

  it('sends once per episode, again when escalated or after clearing; a failed delivery is retried', async () => {
    const cfg = config();
    const state = openAlertState(path.join(path.dirname(cfg.outbox), 'alerts.db'));
    let clock = Date.UTC(2025, 6, 1);
    const o = { config: cfg, state, now: () => new Date((clock += 1000)), currency: 'USD', notes: () => [] };
    received.length = 0;
    const first = await dispatchAlerts(await evaluate('2025-Q2'), o);
    expect(first.outcomes.map((x) => [x.firing.node.label, x.status])).toEqual([
      ['EU-A', 'sent'],
      ['EU-A', 'sent'],
      ['US-B', 'sent'],
      ['US-B', 'sent'],
      ['US-B', 'sent'],
    ]);
    const mails = readdirSync(cfg.outbox).sort();
    expect(mails).toHaveLength(3);
    const eli = readFileSync(path.join(cfg.outbox, mails.find((m) => m.includes('e1-hand')) ?? ''), 'utf8');
    expect(eli).toContain('To: e1@hand.example\r\n');
    const subject = /^Subject: =\?UTF-8\?B\?(.*)\?=\r$/m.exec(eli)?.[1] ?? '';
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('[kpic warning] Bookings under 150 in the quarter — EU-A, 2025-Q2');
    expect(eli).toContain('  bookings = $130');
    expect(received.map((r) => [r.url, (r.body['node'] as { label: string }).label, r.body['severity']])).toEqual([
      ['/ops', 'EU-A', 'warning'],
      ['/ops', 'US-B', 'critical'],
    ]);
    // The same evaluation again: every addressee was told of these episodes already.
    const again = await dispatchAlerts(await evaluate('2025-Q2'), o);
    expect(again.outcomes.map((x) => x.status)).toEqual(['held', 'held', 'held', 'held', 'held']);
    expect(readdirSync(cfg.outbox)).toHaveLength(3);
    expect(received).toHaveLength(2);
    // Q3: EU-A has 999, the alert clears there; US-A and US-B have no deals (bookings 0): US-A
    // starts an episode (sent), US-B keeps firing at the severity already sent (held).
    const q3 = await dispatchAlerts(await evaluate('2025-Q3'), o);
    expect(q3.cleared).toEqual([{ alert: 'low_bookings', node: 'EU-A' }]);
    expect([...new Set(q3.outcomes.map((x) => `${x.firing.node.label} ${x.status}`))].sort()).toEqual(['US-A sent', 'US-B held']);
    // Back to Q2: EU-A fires again, a new episode, sent again; US-B still firing, still held.
    const back = await dispatchAlerts(await evaluate('2025-Q2'), o);
    expect(back.outcomes.map((x) => [x.firing.node.label, x.status])).toEqual([
      ['EU-A', 'sent'],
      ['EU-A', 'sent'],
      ['US-B', 'held'],
      ['US-B', 'held'],
      ['US-B', 'held'],
    ]);
    state.close();
  });

  it('a delivery that fails is reported and retried on the next run', async () => {
    const cfg = config();
    const broken = { ...cfg, channels: new Map([['ops', { webhook: `${hookUrl}/broken` }]]) } as DeliveryConfig;
    const state = openAlertState(path.join(path.dirname(cfg.outbox), 'alerts.db'));
    const o = { config: broken, state, now: () => new Date(Date.UTC(2025, 6, 1)), currency: 'USD', notes: () => [] };
    const [ev] = await evaluate('2025-Q2');
    const eu = [{ ...(ev as AlertEvaluation), firing: ev?.firing.filter((f) => f.node.label === 'EU-A') ?? [] }];
    const first = await dispatchAlerts(eu, o);
    expect(first.outcomes.map((x) => [x.status, x.why])).toEqual([
      ['sent', undefined],
      ['failed', 'the webhook answered 500 Internal Server Error'],
    ]);
    const retry = await dispatchAlerts(eu, { ...o, config: cfg });
    expect(retry.outcomes.map((x) => x.status)).toEqual(['held', 'sent']);
    state.close();
  });

  it('refuses a delivery file that cannot work', () => {
    expect(parseDeliveryConfig('channels:\n  ops: { webhook: "ftp://x" }\n  x: {}\n', '/tmp/d.yaml')).toEqual({
      problems: ['channels.ops.webhook must be an http(s) URL', 'channels.x needs a webhook or an email'],
    });
  });
});
