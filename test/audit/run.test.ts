import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/run.js';
import { auditFolder, writeAuditFixture } from './fixture.js';

async function audit(checks: Record<string, string>, day = '2026-02-01'): Promise<AuditReport> {
  const dir = writeAuditFixture(
    Object.fromEntries(Object.entries(checks).map(([id, body]) => [`catalog/checks/${id}.yaml`, `check: ${id}\n${body}`])),
  );
  return auditFolder(dir, { day });
}

const HEAD = 'owner: sales-ops\nschedule: daily\nremedy: fix it\n';

describe('runAudit', () => {
  it('lists the rows a condition flags, with the key and shown values, and fails on error severity', async () => {
    const report = await audit({
      past_close: `${HEAD}over: opportunities\nseverity: error\nwhere: open\nfails: close_date < period_end()\nshow: [owner.name, close_date]\n`,
    });
    const [outcome] = report.outcomes;
    expect(outcome?.columns).toEqual(['opportunity_id', 'owner.name', 'close_date']);
    // o1 (open, 2026-01-10 < 2026-02-01) only: o3 is closed, o2 and o4 close later.
    expect(outcome?.findings.map((f) => f.values)).toEqual([['o1', 'Ana', '2026-01-10']]);
    expect(report.failed).toBe(true);
  });

  it('treats a null condition as no finding and warnings as not failing', async () => {
    const report = await audit({
      missing_source: `${HEAD}over: opportunities\nseverity: warning\nwhere: stage != 'Prospecting'\nfails: lead_source is null or next_step is null\n`,
    });
    // o2 lacks both, o3 lacks a next step; o4 is still prospecting.
    expect(report.outcomes[0]?.findings.map((f) => f.values[0])).toEqual(['o2', 'o3']);
    expect(report.failed).toBe(false);
  });

  it('finds stages moved backwards in the change log through a fixed lookup', async () => {
    const report = await audit({
      backwards: `${HEAD}over: opportunity_history\nseverity: warning\nfails: field = 'stage' and stage_rank[new_value] < stage_rank[old_value]\nshow: [opportunity_id, old_value, new_value]\n`,
    });
    expect(report.outcomes[0]?.findings.map((f) => f.values)).toEqual([
      ['o1', 'Proposal', 'Discovery'],
      ['o4', 'Closed Lost', 'Prospecting'],
    ]);
  });

  it('groups duplicates after normalising case, punctuation and legal forms, not shared words', async () => {
    const report = await audit({ dup_accounts: `${HEAD}over: accounts\nseverity: info\nduplicates: name\nshow: [name]\n` });
    const findings = report.outcomes[0]?.findings ?? [];
    expect(findings.map((f) => [f.group, f.values[0]])).toEqual([
      ['acme', 'a1'],
      ['acme', 'a2'],
      ['globex', 'a4'],
      ['globex', 'a5'],
    ]);
  });

  describe('duplicates within groups of equal `same` values', () => {
    const DEALS = {
      'catalog/sources/deals.yaml': `source: deals
file: deals.csv
key: deal_id
columns:
  deal_id:    { type: string, required: true, unique: true }
  account_id: { type: string }
  name:       { type: string }
`,
      // d1, d2 one deal of A1 typed twice; d3 the same name at another account; d4 a near twin in
      // A1; d5 has no account; d7, d8 twins at A3.
      'data/deals.csv': [
        'deal_id,account_id,name',
        'd1,A1,Acme renewal 2026',
        'd2,A1,ACME Renewal 2026!',
        'd3,A2,Acme renewal 2026',
        'd4,A1,Acme renewall 2026',
        'd5,,Acme renewal 2026',
        'd6,A2,Globex expansion',
        'd7,A3,Acme renewal 2026',
        'd8,A3,acme  renewal 2026',
        '',
      ].join('\n'),
    };
    const run = async (rule: string): Promise<(string | null | undefined)[][]> => {
      const dir = writeAuditFixture({
        ...DEALS,
        'catalog/checks/dup.yaml': `check: dup\n${HEAD}over: deals\nseverity: warning\n${rule}show: [account_id]\n`,
      });
      const report = await auditFolder(dir, { day: '2026-02-01' });
      return (report.outcomes[0]?.findings ?? []).map((f) => [f.values[0], f.values[1], f.group]);
    };

    it('compares names only within one account, and a row without one with none', async () => {
      expect(await run('duplicates: name\nsame: [account_id]\n')).toEqual([
        ['d1', 'A1', 'acme renewal 2026'],
        ['d2', 'A1', 'acme renewal 2026'],
        ['d7', 'A3', 'acme renewal 2026'],
        ['d8', 'A3', 'acme renewal 2026'],
      ]);
      // Without `same`, the five rows of one name are one group, whatever their account.
      expect((await run('duplicates: name\n')).map((r) => r[0])).toEqual(['d1', 'd2', 'd3', 'd5', 'd7', 'd8']);
    });

    it('near-duplicates too: a near twin in the same account, never one in another', async () => {
      expect(await run('duplicates: name\nsimilarity: 0.9\nsame: [account_id]\n')).toEqual([
        ['d1', 'A1', 'acme renewal 2026'],
        ['d2', 'A1', 'acme renewal 2026'],
        ['d4', 'A1', 'acme renewal 2026'],
        ['d7', 'A3', 'acme renewal 2026'],
        ['d8', 'A3', 'acme renewal 2026'],
      ]);
    });
  });
});
