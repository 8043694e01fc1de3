/**
 * What `kpic audit` reports about each finding and how: who it is for (rep, manager), its
 * fingerprint and review (a reviewed finding is listed but does not fail the audit, until it
 * changes), `--since` and `--at`, totals, and the CSV, SARIF and HTML formats and `--out`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/audit/fingerprint.js';
import { renderAuditCsv } from '../../src/audit/render-csv.js';
import { renderAuditHtml } from '../../src/audit/render-html.js';
import { renderAuditSarif } from '../../src/audit/render-sarif.js';
import { ndjsonLine } from '../../src/audit/render.js';
import type { AuditOptions, AuditReport, CheckOutcome } from '../../src/audit/run.js';
import { auditTotals } from '../../src/audit/totals.js';
import { cli as kpic } from '../cli/helpers.js';
import { auditFolder, writeAuditFixture } from './fixture.js';

const OPPORTUNITIES = `source: opportunities
file: opportunities.csv
key: opportunity_id
time: close_date
columns:
  opportunity_id: { type: string, required: true, unique: true }
  owner_id:       { type: string, required: true }
  stage:          { type: string, required: true, values: [Prospecting, Discovery, Proposal, Closed Won, Closed Lost] }
  amount:         { type: money }
  close_date:     { type: date, required: true }
  lead_source:    { type: string }
  next_step:      { type: string }
joins:
  owner: { to: reps, on: owner_id }
definitions:
  closed: stage in ('Closed Won', 'Closed Lost')
  open: not closed
dimensions:
  rep: owner_id
  region: owner.region
  manager: owner.manager_id
`;

const REPS = `source: reps
file: reps.csv
key: rep_id
columns:
  rep_id:     { type: string, required: true, unique: true }
  name:       { type: string }
  region:     { type: string }
  manager_id: { type: string }
`;

const HEAD = 'owner: sales-ops\nschedule: daily\nremedy: fix it\n';
// Open deals whose close date is before 2026-02-01: o1 (r1, EMEA, 2026-01-10) only; with the
// audit day 2026-03-01, o1 and o4 (r2, AMER, 2026-02-15).
const PAST = `${HEAD}over: opportunities\nseverity: error\nwhere: not closed\nfails: close_date < period_end()\nshow: [owner.name, close_date]\n`;

function fixture(reviewed = ''): string {
  return writeAuditFixture({
    'catalog/sources/opportunities.yaml': OPPORTUNITIES,
    'catalog/sources/reps.yaml': REPS,
    'data/reps.csv': 'rep_id,name,region,manager_id\nr1,Ana <b>,EMEA,m1\nr2,Bo,AMER,m2\nm1,Max,EMEA,\nm2,Mia,AMER,\n',
    'catalog/checks/past.yaml': `check: past\n${PAST}${reviewed}`,
  });
}

async function audit(dir: string, options: Partial<AuditOptions> = {}): Promise<AuditReport> {
  return auditFolder(dir, { day: '2026-03-01', ...options });
}

describe('findings', () => {
  it('name their rep and manager from the source’s dimensions, with totals per check and rep', async () => {
    const report = await audit(fixture());
    const found = report.outcomes[0]?.findings.map((f) => [f.values[0], f.rep, f.manager, f.team]);
    expect(found).toEqual([
      ['o1', 'r1', 'm1', null],
      ['o4', 'r2', 'm2', null],
    ]);
    const totals = auditTotals(report);
    expect(totals.byCheck).toEqual([{ name: 'past', open: 2, reviewed: 0 }]);
    expect(totals.byRep.map((t) => t.name)).toEqual(['r1', 'r2']);
    expect(totals.byTeam).toEqual([{ name: '(none)', open: 2, reviewed: 0 }]);
  });

  it('have a fingerprint that changes with any shown value', () => {
    const a = fingerprintOf('past', ['o1', 'Ana', '2026-01-10'], undefined);
    expect(a).toMatch(/^f[0-9a-f]{11}$/);
    expect(fingerprintOf('past', ['o1', 'Ana', '2026-01-10'], undefined)).toBe(a);
    expect(fingerprintOf('past', ['o1', 'Ana', '2026-01-11'], undefined)).not.toBe(a);
    expect(fingerprintOf('other', ['o1', 'Ana', '2026-01-10'], undefined)).not.toBe(a);
  });

  it('reviewed stay listed but stop failing the audit; a review that matches nothing is stale', async () => {
    const first = await audit(fixture());
    const [o1, o4] = first.outcomes[0]?.findings ?? [];
    expect(first.failed).toBe(true);
    const reviews = (ids: readonly string[]): string =>
      `reviewed:\n${ids.map((id) => `  - { finding: ${id}, reason: Agreed with finance, by: jo, on: 2026-03-01 }\n`).join('')}`;
    const one = await audit(fixture(reviews([o1?.fingerprint ?? ''])));
    expect(one.outcomes[0]?.findings.map((f) => f.reviewed?.reason ?? null)).toEqual(['Agreed with finance', null]);
    expect(one.failed).toBe(true); // o4 is not reviewed
    const both = await audit(fixture(reviews([o1?.fingerprint ?? '', o4?.fingerprint ?? '', 'f0123456789a'])));
    expect(both.failed).toBe(false);
    expect(both.outcomes[0]?.findings).toHaveLength(2);
    expect(both.staleReviews.map((s) => s.review.finding)).toEqual(['f0123456789a']);
    expect(auditTotals(both).byCheck).toEqual([{ name: 'past', open: 0, reviewed: 2 }]);
  });

  it('--since keeps rows whose time anchor is on or after the day; --at rows of one dimension value', async () => {
    const dir = fixture();
    const since = await audit(dir, { since: '2026-02-01' });
    expect(since.outcomes[0]?.findings.map((f) => f.values[0])).toEqual(['o4']);
    const emea = await audit(dir, { at: { dimension: 'region', value: 'EMEA' } });
    expect(emea.outcomes[0]?.findings.map((f) => f.values[0])).toEqual(['o1']);
    expect(emea.staleReviews).toEqual([]);
  });
});

describe('streaming', () => {
  it('hands each check’s findings to onOutcome and keeps none in the report, which still fails', async () => {
    const dir = fixture();
    const whole = await audit(dir, { day: '2026-03-01' });
    const seen: CheckOutcome[] = [];
    const streamed = await audit(dir, { day: '2026-03-01', onOutcome: (o) => seen.push(o) });
    expect(seen.map((o) => o.findings.map((f) => f.fingerprint))).toEqual(whole.outcomes.map((o) => o.findings.map((f) => f.fingerprint)));
    expect(seen[0]?.findings).toHaveLength(2);
    expect(streamed.outcomes.map((o) => o.findings)).toEqual([[]]);
    expect([streamed.failed, whole.failed]).toEqual([true, true]);
  });
});

describe('formats', () => {
  it('CSV: one finding a line, key and values apart, quoted where needed', async () => {
    const lines = renderAuditCsv(await audit(fixture()))
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'check,severity,category,owner,source,key,rep,team,manager,duplicate_of,values,fingerprint,reviewed,review_reason',
    );
    expect(lines[1]).toMatch(
      /^past,error,,sales-ops,opportunities,o1,r1,,m1,,owner\.name=Ana <b>; close_date=2026-01-10,f[0-9a-f]{11},false,$/,
    );
    expect(lines).toHaveLength(3);
  });

  it('SARIF: a rule per check, a result per finding at the check document, reviewed ones suppressed', async () => {
    const dir = fixture();
    const first = await audit(dir);
    const fp = first.outcomes[0]?.findings[0]?.fingerprint ?? '';
    const report = await audit(fixture(`reviewed:\n  - { finding: ${fp}, reason: Known }\n`));
    const log = JSON.parse(renderAuditSarif(report, { version: '9.9.9', catalogUri: 'file:///c/', lineOf: () => 1 })) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(['past']);
    expect(
      run?.results.map((r) => [r['ruleId'], r['level'], (r['partialFingerprints'] as Record<string, string>)['kpicFinding/v1']]),
    ).toEqual([
      ['past', 'error', fp],
      ['past', 'error', report.outcomes[0]?.findings[1]?.fingerprint],
    ]);
    expect(run?.results[0]?.['suppressions']).toEqual([{ kind: 'external', status: 'accepted', justification: 'Known' }]);
    expect(run?.results[1]?.['suppressions']).toBeUndefined();
    const location = (run?.results[0]?.['locations'] as { physicalLocation: { artifactLocation: { uri: string } } }[])[0];
    expect(location?.physicalLocation.artifactLocation.uri).toBe('checks/past.yaml');
  });

  it('HTML: escapes the data’s text', async () => {
    const html = renderAuditHtml(await audit(fixture()));
    expect(html).toContain('<td>Ana &lt;b&gt;</td>');
    expect(html).not.toContain('Ana <b>');
    expect(html).toContain('Failed: a check of severity error has findings that are not reviewed.');
  });
});

describe('kpic audit flags', () => {
  it('--out writes the report atomically and keeps the exit code of the audit', async () => {
    const dir = fixture();
    const out = path.join(dir, 'audit.csv');
    const run = await kpic(dir, ['audit', '--catalog', 'catalog', '--as-of', '2026-03-01', '--format', 'csv', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[1]).toMatch(/^past,error,/);
  });

  it('NDJSON and CSV stream the same lines as the whole report gives, to stdout and to --out', async () => {
    const dir = fixture();
    const report = await audit(dir, { day: '2026-03-01' });
    const ndjson = report.outcomes.flatMap((o) => o.findings.map((f) => ndjsonLine(o, f))).join('');
    expect(ndjson.split('\n')).toHaveLength(3);
    const args = ['audit', '--catalog', 'catalog', '--as-of', '2026-03-01', '--format'];
    const streamed = await kpic(dir, [...args, 'ndjson']);
    expect([streamed.code, streamed.stdout]).toEqual([1, ndjson]);
    const csv = await kpic(dir, [...args, 'csv']);
    expect([csv.code, csv.stdout]).toEqual([1, renderAuditCsv(report)]);
    const out = path.join(dir, 'out.ndjson');
    expect((await kpic(dir, [...args, 'ndjson', '--out', out])).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(ndjson);
    // No finding: CSV is the header row alone, NDJSON nothing, exit 0.
    const none = ['audit', '--catalog', 'catalog', '--as-of', '2025-01-01', '--format'];
    expect(await kpic(dir, [...none, 'csv'])).toMatchObject({ code: 0, stdout: renderAuditCsv({ ...report, outcomes: [] }) });
    expect(await kpic(dir, [...none, 'ndjson'])).toMatchObject({ code: 0, stdout: '' });
  });

  it('a streamed audit over data that breaks its contract writes nothing and leaves --out as it was', async () => {
    const dir = fixture();
    const out = path.join(dir, 'out.csv');
    writeFileSync(out, 'the earlier audit\n');
    writeFileSync(
      path.join(dir, 'data', 'opportunities.csv'),
      'opportunity_id,owner_id,stage,amount,close_date,lead_source,next_step\no1,r1,Proposal,12abc,2026-01-10,,\n',
    );
    for (const format of ['csv', 'ndjson']) {
      const run = await kpic(dir, ['audit', '--catalog', 'catalog', '--as-of', '2026-03-01', '--format', format, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('data/opportunities.csv:2:');
      const toStdout = await kpic(dir, ['audit', '--catalog', 'catalog', '--as-of', '2026-03-01', '--format', format]);
      expect([toStdout.code, toStdout.stdout]).toEqual([1, '']);
    }
    expect(readFileSync(out, 'utf8')).toBe('the earlier audit\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('out.csv') && f !== 'out.csv')).toEqual([]);
  });

  it('--memory-limit bounds DuckDB; a malformed size is a usage error', async () => {
    const dir = fixture();
    const args = ['audit', '--catalog', 'catalog', '--as-of', '2026-03-01', '--format', 'ndjson'];
    const bounded = await kpic(dir, [...args, '--memory-limit', '256MB']);
    expect([bounded.code, bounded.stdout.trim().split('\n')]).toEqual([
      1,
      [expect.stringContaining('"o1"'), expect.stringContaining('"o4"')],
    ]);
    const bad = await kpic(dir, [...args, '--memory-limit', 'lots']);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'kpic: `--memory-limit` is `lots`; expected a size such as 4GB, 512MiB or 1.5GB',
    ]);
  });

  it('refuse a malformed --at or --since, and a dimension no checked source has', async () => {
    const dir = fixture();
    const bad = await kpic(dir, ['audit', '--catalog', 'catalog', '--at', 'region']);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, 'kpic: `--at region` is not DIM=VALUE; write e.g. --at region=EMEA']);
    const since = await kpic(dir, ['audit', '--catalog', 'catalog', '--since', '2026-02-30']);
    expect(since.code).toBe(2);
    const unknown = await kpic(dir, ['audit', '--catalog', 'catalog', '--at', 'regoin=EMEA']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no check reads a source with the dimension `regoin`');
  });
});
