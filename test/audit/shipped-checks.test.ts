/**
 * The shipped catalog's checks (catalog/checks/) on hand-made data: each flags exactly the rows
 * built to break it, and leaves the look-alike legitimate rows alone (a prospecting deal with no
 * lead source, a deal closing on the audit day, two companies sharing one word of their names, a
 * deal lost from a late stage, a deal moving forward).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli as kpic } from '../cli/helpers.js';

const CATALOG = path.resolve(import.meta.dirname, '../../catalog');

const OPP_HEAD =
  'opportunity_id,account_id,owner_id,type,stage,amount,created_date,close_date,forecast_category,lead_source,product_line,contract_term_months,discount,next_step,loss_reason';
const opp = (id: string, stage: string, close: string, leadSource: string, nextStep: string): string =>
  `${id},A1,R1,New Business,${stage},1000.00,2026-01-02,${close},${stage.startsWith('Closed') ? 'Closed' : 'Pipeline'},${leadSource},Core Platform,12,0.10,${nextStep},${stage === 'Closed Lost' ? 'Price' : ''}`;

const DATA: Record<string, string> = {
  'opportunities.csv': [
    OPP_HEAD,
    opp('O1', 'Discovery', '2026-04-30', '', 'Demo'), // qualified, no lead source
    opp('O2', 'Prospecting', '2026-04-30', '', 'Call'), // not yet qualified: no finding
    opp('O3', 'Proposal', '2026-03-15', 'Inbound', ''), // past close date, no next step
    opp('O4', 'Negotiation', '2026-03-31', 'Partner', 'Sign'), // closes on the audit day: not past
    opp('O5', 'Closed Won', '2026-02-01', '', ''), // closed: no hygiene finding
    opp('O6', 'Closed Lost', '2026-03-01', 'Event', ''),
  ].join('\n'),
  'accounts.csv': [
    'account_id,name,segment,industry,region,employees,created_date,parent_account_id',
    'A1,Acme Corp.,SMB,Retail,EMEA,10,2025-01-01,',
    'A2,ACME,SMB,Retail,EMEA,10,2025-02-01,',
    'A3,Acme Logistics,SMB,Logistics,EMEA,10,2025-03-01,',
    'A4,Globex GmbH,SMB,Energy,EMEA,10,2025-03-01,',
    'A5,Initech,SMB,Software,AMER,10,2025-03-01,',
  ].join('\n'),
  'opportunity_history.csv': [
    'opportunity_id,changed_at,field,old_value,new_value',
    'O3,2026-01-10 09:00:00,stage,Prospecting,Proposal',
    'O3,2026-02-10 09:00:00,stage,Proposal,Discovery', // backwards
    'O3,2026-02-20 09:00:00,stage,Discovery,Proposal',
    'O6,2026-03-01 09:00:00,stage,Negotiation,Closed Lost', // a loss, not a move back
    'O4,2026-03-02 09:00:00,stage,Closed Lost,Negotiation', // reopened: forward by rank
    'O4,2026-03-03 09:00:00,close_date,2026-02-28,2026-03-31',
  ].join('\n'),
};

interface Row {
  readonly check: string;
  readonly values: Record<string, string | null>;
  readonly duplicate_of?: string;
}

describe('the shipped checks on hand-made data', () => {
  let rows: Row[] = [];
  let code = -1;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kpic-shipped-checks-'));
    const data = path.join(dir, 'data');
    mkdirSync(data);
    for (const [file, text] of Object.entries(DATA)) writeFileSync(path.join(data, file), `${text}\n`);
    const run = await kpic(dir, ['audit', '--catalog', CATALOG, '--data', data, '--as-of', '2026-03-31', '--format', 'ndjson']);
    code = run.code;
    expect(run.stderr).toBe('');
    rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row);
  });
  const keys = (check: string, key: string): (string | null | undefined)[] =>
    rows.filter((r) => r.check === check).map((r) => r.values[key]);

  it('fails the audit: error checks have findings', () => {
    expect(code).toBe(1);
  });

  it('qualified deals without a lead source, not prospecting or closed ones', () => {
    expect(keys('qualified_deal_lead_source', 'opportunity_id')).toEqual(['O1']);
  });

  it('open deals without a next step', () => {
    expect(keys('open_deal_next_step', 'opportunity_id')).toEqual(['O3']);
  });

  it('open deals whose close date is before the audit day, not on it', () => {
    expect(keys('past_close_date', 'opportunity_id')).toEqual(['O3']);
  });

  it('accounts equal after normalising, not those sharing a word', () => {
    const dups = rows.filter((r) => r.check === 'duplicate_accounts').map((r) => [r.duplicate_of, r.values['account_id']]);
    expect(dups).toEqual([
      ['acme', 'A1'],
      ['acme', 'A2'],
    ]);
  });

  it('stages moved back to an earlier open stage, not losses or forward moves', () => {
    const back = rows.filter((r) => r.check === 'stage_moved_backwards').map((r) => r.values);
    expect(back).toEqual([
      {
        opportunity_id: 'O3',
        'opportunity.owner_id': 'R1',
        changed_at: '2026-02-10 09:00:00',
        old_value: 'Proposal',
        new_value: 'Discovery',
      },
    ]);
  });
});
