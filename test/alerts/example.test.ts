/**
 * Done when: the pipeline drop planted in the example data (EMEA, September 2026) fires the
 * catalog's `pipeline_drop` alert to EMEA's director — and to no one else — once: the next run
 * finds it already sent. Through the real command line, on the shipped catalog and example data.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('kpic alerts on the example data', () => {
  it('the planted pipeline drop goes to EMEA’s director once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpic-example-alerts-'));
    writeFileSync(path.join(dir, 'deliver.yaml'), 'outbox: outbox\nfrom: kpic@acme.example\npeople: "{member}@acme.example"\n');
    const args = [
      'alerts',
      '--catalog',
      path.join(ROOT, 'catalog'),
      '--deliver',
      path.join(dir, 'deliver.yaml'),
      '--state',
      path.join(dir, 'state'),
    ];
    const first = await cli(ROOT, [...args, '--format', 'json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout) as {
      evaluated: unknown[];
      alerts: {
        alert: string;
        severity: string;
        node: { label: string };
        values: { shown: string }[];
        delivery: { to: { member: string; name: string }; status: string }[];
      }[];
    };
    expect(doc.evaluated).toEqual([{ alert: 'pipeline_drop', period: '2026-09', nodes: 3, firing: 1 }]);
    expect(doc.alerts.map((a) => [a.alert, a.severity, a.node.label, a.values.map((v) => v.shown)])).toEqual([
      ['pipeline_drop', 'warning', 'EMEA', ['-38.6%']],
    ]);
    expect(doc.alerts[0]?.delivery.map((d) => [d.to.member, d.to.name, d.status])).toEqual([['REP-00004', 'Mateus Gupta', 'sent']]);
    const mails = readdirSync(path.join(dir, 'outbox'));
    expect(mails).toHaveLength(1);
    const mail = readFileSync(path.join(dir, 'outbox', mails[0] ?? ''), 'utf8');
    expect(mail).toContain('To: REP-00004@acme.example\r\n');
    expect(mail).toContain('Where:     Region EMEA (ACME Sales)');
    expect(mail).toContain('growth(open_pipeline_eop, 1 month) = -38.6%');

    const second = await cli(ROOT, args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('held: Mateus Gupta (REP-00004, manager) (already sent for this episode');
    expect(readdirSync(path.join(dir, 'outbox'))).toHaveLength(1);
  }, 120_000);
});
