/**
 * A small catalog and data folder on disk for the audit tests: opportunities owned by reps, a
 * stage-rank lookup and the opportunities' change log, with `check` documents the test adds.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { checkChecks } from '../../src/audit/check.js';
import { runAudit, type AuditOptions, type AuditReport } from '../../src/audit/run.js';
import { checkCatalog } from '../../src/check-catalog.js';
import { memoryCheckCache } from '../../src/engine/check-data.js';

const BASE: Record<string, string> = {
  'catalog/catalog.yaml': 'catalog: audit_test\nversion: 1.0.0\ntitle: Audit test\ncurrency: USD\ndata: ../data\n',
  'catalog/sources/reps.yaml': `source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string, required: true, unique: true }
  name:   { type: string }
  region: { type: string }
`,
  'catalog/sources/accounts.yaml': `source: accounts
file: accounts.csv
key: account_id
columns:
  account_id: { type: string, required: true, unique: true }
  name:       { type: string }
`,
  'catalog/sources/opportunities.yaml': `source: opportunities
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
`,
  'catalog/sources/opportunity_history.yaml': `source: opportunity_history
file: opportunity_history.csv
time: changed_at
columns:
  opportunity_id: { type: string, required: true }
  changed_at:     { type: timestamp, required: true }
  field:          { type: string, required: true }
  old_value:      { type: string }
  new_value:      { type: string }
joins:
  opportunity: { to: opportunities, on: opportunity_id }
`,
  'catalog/lookups/stage_rank.yaml': `lookup: stage_rank
key: stage
rows: { Prospecting: 1, Discovery: 2, Proposal: 3, Closed Won: 4, Closed Lost: 4 }
`,
  'data/reps.csv': 'rep_id,name,region\nr1,Ana,EMEA\nr2,Bo,AMER\n',
  'data/accounts.csv': 'account_id,name\na1,Acme Inc.\na2,ACME\na3,Acme Widgets\na4,Globex GmbH\na5,globex\na6,Initech\n',
  'data/opportunities.csv': [
    'opportunity_id,owner_id,stage,amount,close_date,lead_source,next_step',
    'o1,r1,Discovery,100.00,2026-01-10,Inbound,Call',
    'o2,r2,Proposal,200.00,2026-03-31,,',
    'o3,r1,Closed Won,300.00,2026-01-05,Inbound,',
    'o4,r2,Prospecting,50.00,2026-02-15,,Demo',
    '',
  ].join('\n'),
  'data/opportunity_history.csv': [
    'opportunity_id,changed_at,field,old_value,new_value',
    'o1,2026-01-02 10:00:00,stage,Proposal,Discovery',
    'o2,2026-01-03 10:00:00,stage,Discovery,Proposal',
    'o4,2026-01-04 10:00:00,stage,Closed Lost,Prospecting',
    'o2,2026-01-05 10:00:00,close_date,2026-02-01,2026-03-31',
    '',
  ].join('\n'),
};

/** Writes the base catalog and data plus `extra` (path → text) to a new folder; returns its path. */
export function writeAuditFixture(extra: Readonly<Record<string, string>> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kpic-audit-'));
  for (const [file, text] of Object.entries({ ...BASE, ...extra })) {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** Checks the catalog in `dir` (no errors allowed), runs every check on its data, and returns the report. */
export async function auditFolder(dir: string, options: Partial<AuditOptions> = {}): Promise<AuditReport> {
  const checked = checkCatalog(path.join(dir, 'catalog'));
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const checks = [...checkChecks(checked.resolved).value.values()];
  const report = await runAudit(checked.resolved, checks, {
    dataDir: path.join(dir, 'data'),
    day: '2026-02-01',
    checkCache: memoryCheckCache(),
    ...options,
  });
  if (!('kind' in report) || report.kind !== 'audit-report') throw new Error(`audit failed: ${JSON.stringify(report)}`);
  return report;
}
