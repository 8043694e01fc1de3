/**
 * `kpic audit` end to end on a small hand-made data folder: findings as a table, JSON and NDJSON,
 * the exit code gated on error-severity findings, `--check` and `--as-of`, and usage errors.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as kpic } from '../cli/helpers.js';
import { writeAuditFixture } from './fixture.js';

const HEAD = 'owner: sales-ops\nschedule: daily\n';
const CHECKS = {
  'catalog/checks/past.yaml': `check: past_close_date\ntitle: Open deal with a close date in the past\n${HEAD}over: opportunities\nseverity: error\nremedy: Move the close date or close the deal.\nwhere: open\nfails: close_date < period_end()\nshow: [owner.name, close_date]\n`,
  'catalog/checks/dup.yaml': `check: duplicate_accounts\n${HEAD}over: accounts\nseverity: warning\nremedy: Merge them.\nduplicates: name\nshow: [name]\n`,
};

async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = writeAuditFixture(CHECKS);
  return kpic(dir, ['audit', '--catalog', path.join(dir, 'catalog'), ...args]);
}

describe('kpic audit', () => {
  it('prints each check with its findings and exits 1 when an error check has findings', async () => {
    const run = await audit('--as-of', '2026-02-01');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('past_close_date (error, opportunities, owner sales-ops, daily): 1 finding\n');
    // The fixture's sources have no rep, team or manager dimensions: no such columns.
    expect(run.stdout).toMatch(/ {2}opportunity_id {2}owner\.name {2}close_date {2}fingerprint\n/);
    expect(run.stdout).toMatch(/ {2}o1 +Ana +2026-01-10 +f[0-9a-f]{11}\n/);
    expect(run.stdout).toContain('findings by check\n');
    expect(run.stdout).toContain('duplicate_accounts (warning, accounts, owner sales-ops, daily): 4 findings\n');
    expect(run.stdout).toContain('2 checks as of 2026-02-01: 5 findings; 1 error check failed\n');
  });

  it('exits 0 when only warnings have findings (the audit day before any close date)', async () => {
    const run = await audit('--as-of', '2026-01-01', '--format', 'json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { failed: boolean; checks: { check: string; findings: number }[] };
    expect(json.failed).toBe(false);
    expect(json.checks.map((c) => [c.check, c.findings])).toEqual([
      ['duplicate_accounts', 4],
      ['past_close_date', 0],
    ]);
  });

  it('runs only the checks named, one finding a line in NDJSON', async () => {
    const run = await audit('--as-of', '2026-02-01', '--check', 'past_close_date', '--format', 'ndjson');
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        check: 'past_close_date',
        severity: 'error',
        owner: 'sales-ops',
        source: 'opportunities',
        rep: null,
        team: null,
        manager: null,
        values: { opportunity_id: 'o1', 'owner.name': 'Ana', close_date: '2026-01-10' },
        fingerprint: expect.stringMatching(/^f[0-9a-f]{11}$/) as unknown,
        reviewed: null,
      },
    ]);
  });

  it('refuses an unknown check and a bad date with exit code 2', async () => {
    const unknown = await audit('--check', 'past_close');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('unknown check `past_close`')]);
    const bad = await audit('--as-of', '2026-02-30');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('`--as-of 2026-02-30` is not a date')]);
  });
});
