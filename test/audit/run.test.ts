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
});
