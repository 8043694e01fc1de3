/**
 * Checks that read more than one row: `related` values (aggregates over the rows joined to the
 * checked row), text of a change log read as dates and numbers, fiscal quarter bounds, and
 * near-duplicate names by similarity — each on hand-made rows with the answer worked out by hand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/run.js';
import { checkCatalog } from '../../src/check-catalog.js';
import { lineColumnOf, makeSourceText } from '../../src/diagnostics/span.js';
import { auditFolder, writeAuditFixture } from './fixture.js';

const EXTRA: Record<string, string> = {
  'catalog/sources/activities.yaml': `source: activities
file: activities.csv
key: activity_id
columns:
  activity_id:    { type: string, required: true, unique: true }
  opportunity_id: { type: string }
  activity_date:  { type: date, required: true }
joins:
  opportunity: { to: opportunities, on: opportunity_id }
`,
  'data/activities.csv': [
    'activity_id,opportunity_id,activity_date',
    'x1,o1,2026-01-03',
    'x2,o1,2026-01-08',
    'x3,o3,2026-01-06', // after o3 closed (2026-01-05)
    'x4,,2026-01-20', // no deal
    '',
  ].join('\n'),
  'data/opportunity_history.csv': [
    'opportunity_id,changed_at,field,old_value,new_value',
    'o1,2025-12-29 10:00:00,stage,Prospecting,Proposal', // 2.6 days before the quarter's end
    'o1,2026-01-02 10:00:00,stage,Proposal,Discovery',
    'o1,2026-01-02 11:00:00,close_date,2025-12-20,2026-01-10', // pushed into the next quarter
    'o1,2026-01-03 10:00:00,amount,120.00,100.00', // cut
    'o2,2026-01-03 10:00:00,stage,Discovery,Proposal',
    'o2,2026-01-05 10:00:00,close_date,2026-02-01,2026-03-31', // pushed within the quarter
    'o2,2026-01-06 10:00:00,amount,150.00,200.00', // raised
    '',
  ].join('\n'),
  'data/accounts.csv': [
    'account_id,name',
    'a1,Acme Inc.',
    'a2,ACME',
    'a3,Acme Widgets',
    'a4,Globex GmbH',
    'a5,globex',
    'a6,Initech',
    'a7,Acme Widgetz', // one letter off a3
    'a8,Acme Gadgets', // two letters off a3: 0.83 similar
    '',
  ].join('\n'),
};

const HEAD = 'owner: sales-ops\nschedule: daily\nremedy: fix it\nseverity: warning\n';

function withChecks(checks: Record<string, string>): string {
  return writeAuditFixture({
    ...EXTRA,
    ...Object.fromEntries(Object.entries(checks).map(([id, body]) => [`catalog/checks/${id}.yaml`, `check: ${id}\n${HEAD}${body}`])),
  });
}

async function audit(checks: Record<string, string>, day = '2026-02-01'): Promise<AuditReport> {
  return auditFolder(withChecks(checks), { day });
}

const findings = (r: AuditReport): (string | null)[][] => r.outcomes[0]?.findings.map((f) => [...f.values]) ?? [];

function problems(body: string): string[] {
  const dir = withChecks({ c: body });
  const checked = checkCatalog(path.join(dir, 'catalog'));
  return checked.diagnostics.map((d) => {
    const text = makeSourceText(d.span.file, readFileSync(path.join(dir, 'catalog', d.span.file), 'utf8'));
    const { line, column } = lineColumnOf(text, d.span.start);
    return `${d.code} ${d.span.file}:${line}:${column}`;
  });
}

describe('related values', () => {
  it('count the joined rows with a condition that reads the checked row through the join', async () => {
    const r = await audit({
      won_no_activity: `over: opportunities
related:
  before_close: count(activities where activity_date <= opportunity.close_date)
  logged: count(activities)
where: stage = 'Closed Won'
fails: before_close = 0
show: [logged]
`,
    });
    // o3 is the only won deal; its one activity (x3) came the day after it closed.
    expect(findings(r)).toEqual([['o3', '1']]);
  });

  it('give null for a row with no related rows (max), zero for counts', async () => {
    const r = await audit({
      stale: `over: opportunities
related: { last_activity: max(activities.activity_date) }
where: open
fails: last_activity is null or days_between(last_activity, period_end()) > 20
show: [last_activity]
`,
    });
    // o1's last activity (2026-01-08) is 24 days before 2026-02-01; o2 and o4 have none.
    expect(findings(r)).toEqual([
      ['o1', '2026-01-08'],
      ['o2', null],
      ['o4', null],
    ]);
  });

  it('count close dates pushed into a later quarter, read as dates from the change log text', async () => {
    const r = await audit({
      pushes: `over: opportunities
related:
  across: count(opportunity_history where field = 'close_date' and quarter_start(date(new_value)) > quarter_start(date(old_value)))
fails: across >= 1
show: [across]
`,
    });
    // o1: 2025-12-20 → 2026-01-10 crosses into Q1; o2's push stays inside Q1.
    expect(findings(r)).toEqual([['o1', '1']]);
  });

  it('are refused when not one aggregate, clashing with a name, or from a source with no join', () => {
    expect(problems('over: opportunities\nrelated: { n: count(activities) + 1 }\nfails: n > 1\n')).toEqual([
      'audit/bad-related checks/c.yaml:7:12',
    ]);
    expect(problems('over: opportunities\nrelated: { amount: count(activities) }\nfails: amount > 1\n')).toEqual([
      'audit/bad-related checks/c.yaml:7:12',
    ]);
    expect(problems('over: opportunities\nrelated: { n: count(reps) }\nfails: n > 1\n')).toEqual(['audit/bad-related checks/c.yaml:7:12']);
  });
});

describe('change-log text and quarter bounds', () => {
  it('read amounts as numbers: cuts, not raises', async () => {
    const r = await audit({
      cuts: `over: opportunity_history\nfails: field = 'amount' and number(new_value) < number(old_value)\nshow: [old_value, new_value]\n`,
    });
    expect(findings(r)).toEqual([['120.00', '100.00']]);
  });

  it('find stage changes in the last days of a quarter', async () => {
    const r = await audit({
      late: `over: opportunity_history\nfails: field = 'stage' and days_between(changed_at, quarter_end(changed_at)) < 5\nshow: [opportunity_id, changed_at]\n`,
    });
    expect(findings(r)).toEqual([['o1', '2025-12-29 10:00:00']]);
  });
});

describe('near-duplicates', () => {
  it('join values at least as similar as the threshold to the first of them, not ones sharing a word', async () => {
    const r = await audit({ dup: 'over: accounts\nduplicates: name\nsimilarity: 0.9\n' });
    const found = r.outcomes[0]?.findings.map((f) => [f.group, f.values[0]]);
    expect(found).toEqual([
      ['acme', 'a1'],
      ['acme', 'a2'],
      ['acme widgets', 'a3'],
      ['acme widgets', 'a7'],
      ['globex', 'a4'],
      ['globex', 'a5'],
    ]);
  });

  it('need a duplicates rule', () => {
    expect(problems('over: accounts\nfails: name is null\nsimilarity: 0.9\n')).toEqual(['schema/missing-key checks/c.yaml:8:1']);
  });
});
