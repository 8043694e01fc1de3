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
  'opportunity_id,account_id,owner_id,type,stage,amount,created_date,close_date,forecast_category,lead_source,product_line,contract_term_months,discount,next_step,loss_reason,cancelled_date';
const opp = (id: string, stage: string, close: string, leadSource: string, nextStep: string): string =>
  `${id},A1,R1,New Business,${stage},1000.00,2026-01-02,${close},${stage.startsWith('Closed') ? 'Closed' : 'Pipeline'},${leadSource},Core Platform,12,0.10,${nextStep},${stage === 'Closed Lost' ? 'Price' : ''},`;

/** A deal of account A1 owned by R1, with the fields the checks read. */
const deal = (
  id: string,
  stage: string,
  created: string,
  close: string,
  o: { amount?: string; type?: string; lead?: string; next?: string; term?: number } = {},
): string =>
  `${id},A1,R1,${o.type ?? 'New Business'},${stage},${o.amount ?? '1000.00'},${created},${close},` +
  `${stage.startsWith('Closed') ? 'Closed' : 'Pipeline'},${o.lead ?? 'Inbound'},Core Platform,${o.term ?? 12},0.10,` +
  `${o.next ?? 'Call'},${stage === 'Closed Lost' ? 'Price' : ''},`;

const DATA: Record<string, string> = {
  'reps.csv': [
    'rep_id,name,role,team,region,manager_id,hire_date,leave_date',
    'R1,Ana,AE,EMEA SMB,EMEA,M1,2024-01-01,',
    'M1,Max,manager,EMEA SMB,EMEA,,2020-01-01,',
  ].join('\n'),
  'opportunities.csv': [
    OPP_HEAD,
    opp('O1', 'Discovery', '2026-04-30', '', 'Demo'), // qualified, no lead source
    opp('O2', 'Prospecting', '2026-04-30', '', 'Call'), // not yet qualified: no finding
    opp('O3', 'Proposal', '2026-03-15', 'Inbound', ''), // past close date, no next step
    opp('O4', 'Negotiation', '2026-03-31', 'Partner', 'Sign'), // closes on the audit day: not past
    opp('O5', 'Closed Won', '2026-02-01', '', ''), // closed: no hygiene finding
    opp('O6', 'Closed Lost', '2026-03-01', 'Event', ''),
    deal('P1', 'Discovery', '2026-01-02', '2026-06-30'), // close date pushed 3 times (once across a quarter)
    deal('P2', 'Proposal', '2025-11-01', '2026-04-15', { amount: '1200.00' }), // pushed across 2 quarters; raised, not cut
    deal('Q1', 'Negotiation', '2025-12-01', '2026-05-15'), // Prospecting → Negotiation 2 days before the quarter's end
    deal('Q2', 'Closed Lost', '2025-12-01', '2026-02-20'), // Negotiation with the close date pulled in, then lost later
    deal('L1', 'Closed Won', '2025-11-01', '2025-12-30'), // a genuine late-quarter win, with activity
    deal('B1', 'Closed Won', '2025-11-01', '2025-12-31'), // won on 2026-01-03, backdated
    deal('RC', 'Proposal', '2025-12-01', '2026-06-30'), // raised before the quarter's end, cut after it
    deal('NEW1', 'Prospecting', '2026-03-20', '2026-06-30', { lead: '' }), // too new to need activity
    deal('W1', 'Closed Won', '2026-01-02', '2026-02-10'), // its only activity is after the close
    deal('S1', 'Closed Won', '2026-01-05', '2026-01-08', { amount: '30000.00' }), // created and won in 3 days, day 7 of Q1
    deal('S2', 'Closed Won', '2025-12-01', '2026-01-08', { amount: '30000.00' }), // same close, worked for 5 weeks
    deal('N1', 'Closed Won', '2026-01-02', '2026-01-15'), // never invoiced
    deal('N2', 'Closed Won', '2026-01-02', '2026-03-15', { type: 'Renewal', lead: 'Existing Customer' }), // term not started
    deal('X1', 'Closed Won', '2026-01-02', '2026-01-20'), // invoiced 1,100
    deal('X2', 'Closed Won', '2026-01-02', '2026-01-20', { term: 6 }), // 6 months: invoiced 500, right
    deal('D1', 'Closed Won', '2026-01-02', '2026-01-20'), // invoiced twice on one day
    deal('V1', 'Closed Won', '2026-01-02', '2026-01-20'), // invoiced, no revenue schedule
    deal('V2', 'Closed Won', '2026-01-02', '2026-01-10'), // revenue from February
    deal('V3', 'Closed Won', '2026-01-02', '2026-01-05'), // 1,200 recognised of 1,000 billed
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
    'O3,2026-01-10 09:00:00,stage,Prospecting,Proposal', // skips Discovery
    'O3,2026-02-10 09:00:00,stage,Proposal,Discovery', // backwards
    'O3,2026-02-20 09:00:00,stage,Discovery,Proposal',
    'O6,2026-03-01 09:00:00,stage,Negotiation,Closed Lost', // a loss, not a move back
    'O4,2026-03-02 09:00:00,stage,Closed Lost,Negotiation', // reopened: forward by rank, not a skip
    'O4,2026-03-03 09:00:00,close_date,2026-02-28,2026-03-31', // pushed once, within the quarter
    'P1,2026-01-20 09:00:00,close_date,2026-02-10,2026-02-20',
    'P1,2026-02-20 09:00:00,close_date,2026-02-20,2026-03-15',
    'P1,2026-03-15 09:00:00,close_date,2026-03-15,2026-06-30',
    'P2,2025-12-01 09:00:00,stage,Discovery,Proposal',
    'P2,2025-12-14 09:00:00,close_date,2025-12-15,2026-01-20',
    'P2,2026-01-19 09:00:00,close_date,2026-01-20,2026-04-15',
    'P2,2026-03-25 09:00:00,amount,1000.00,1200.00',
    'Q1,2025-12-29 10:00:00,stage,Prospecting,Negotiation',
    'Q2,2025-12-10 10:00:00,stage,Prospecting,Discovery',
    'Q2,2025-12-20 10:00:00,stage,Discovery,Proposal',
    'Q2,2025-12-30 10:00:00,stage,Proposal,Negotiation',
    'Q2,2025-12-30 10:00:00,close_date,2026-02-15,2025-12-31', // pulled in with the move
    'Q2,2025-12-31 12:00:00,close_date,2025-12-31,2026-02-15',
    'Q2,2026-02-20 10:00:00,stage,Negotiation,Closed Lost',
    'Q2,2026-02-20 10:00:00,close_date,2026-02-15,2026-02-20',
    'L1,2025-12-29 10:00:00,stage,Proposal,Negotiation',
    'L1,2025-12-30 10:00:00,stage,Negotiation,Closed Won',
    'B1,2026-01-03 10:00:00,stage,Negotiation,Closed Won',
    'RC,2025-12-24 10:00:00,amount,1000.00,1500.00',
    'RC,2026-01-06 10:00:00,amount,1500.00,1000.00',
  ].join('\n'),
  'activities.csv': [
    'activity_id,rep_id,opportunity_id,account_id,type,activity_date',
    ...['O1', 'O3', 'O4', 'P1', 'P2', 'Q1', 'RC'].map((o, i) => `AC${i},R1,${o},A1,call,2026-03-20`),
    'AW1,R1,W1,A1,call,2026-02-15', // after W1 closed
    ...[
      ['O5', '2026-01-20'],
      ['L1', '2025-12-20'],
      ['B1', '2025-12-20'],
      ['S1', '2026-01-06'],
      ['S2', '2025-12-15'],
      ['N1', '2026-01-10'],
      ['N2', '2026-03-01'],
      ['X1', '2026-01-10'],
      ['X2', '2026-01-10'],
      ['D1', '2026-01-10'],
      ['V1', '2026-01-10'],
      ['V2', '2026-01-05'],
      ['V3', '2026-01-02'],
    ].map(([o, d]) => `AB${o},R1,${o},A1,meeting,${d}`),
  ].join('\n'),
  'leads.csv': [
    'lead_id,sdr_id,source,created_at,first_response_at,mql_date,sql_date,converted_opportunity_id,status',
    'LD1,,Inbound,2026-03-29 10:00:00,,,,,New', // no owner after 2.6 days
    'LD2,,Inbound,2026-03-30 18:00:00,,,,,New', // 6 hours old
    'LD3,R1,Inbound,2026-03-01 10:00:00,2026-03-01 11:00:00,,,,Working',
  ].join('\n'),
  'invoices.csv': [
    'invoice_id,account_id,opportunity_id,invoice_date,amount,paid_date',
    'I01,A1,O5,2026-02-01,1000.00,',
    'I02,A1,L1,2025-12-30,1000.00,',
    'I03,A1,B1,2025-12-31,1000.00,',
    'I04,A1,W1,2026-02-10,1000.00,',
    'I05,A1,S1,2026-01-08,30000.00,',
    'I06,A1,S2,2026-01-08,30000.00,',
    'I07,A1,X1,2026-01-20,1100.00,',
    'I08,A1,X2,2026-01-20,500.00,',
    'I09,A1,D1,2026-01-20,1000.00,',
    'I10,A1,D1,2026-01-20,1000.00,',
    'I11,A1,O99,2026-01-20,1000.00,', // names no deal
    'I12,A1,V1,2026-01-20,1000.00,',
    'I13,A1,V2,2026-01-10,1000.00,',
    'I14,A1,V3,2026-01-05,1000.00,',
  ].join('\n'),
  'revenue_schedule.csv': [
    'opportunity_id,month,recognized_amount',
    'O5,2026-02-01,83.33',
    'O5,2026-03-01,83.33',
    'L1,2025-12-01,83.33',
    'B1,2025-12-01,83.33',
    'W1,2026-02-01,83.33',
    'S1,2026-01-01,2500.00',
    'S2,2026-01-01,2500.00',
    'X1,2026-01-01,83.33',
    'X2,2026-01-01,166.67',
    'D1,2026-01-01,83.33',
    'V2,2026-02-01,83.33',
    'V3,2026-01-01,400.00',
    'V3,2026-02-01,400.00',
    'V3,2026-03-01,400.00',
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

  it('open deals with no activity in 30 days, not deals created less than 30 days ago', () => {
    expect(keys('open_deal_without_recent_activity', 'opportunity_id')).toEqual(['O2']);
  });

  it('leads with no owner after a day, not younger ones', () => {
    expect(keys('lead_without_owner', 'lead_id')).toEqual(['LD1']);
  });

  it('close dates pushed three times, not once within a quarter', () => {
    expect(keys('repeated_close_date_pushes', 'opportunity_id')).toEqual(['P1']);
    expect(rows.find((r) => r.check === 'repeated_close_date_pushes')?.values['owner.manager_id']).toBe('M1');
  });

  it('close dates pushed into a later quarter twice, not a deal pushed across once', () => {
    expect(keys('close_date_pushed_across_quarters', 'opportunity_id')).toEqual(['P2']);
  });

  it('stages skipped, not losses or a reopened deal', () => {
    expect(keys('skipped_stage', 'opportunity_id')).toEqual(['O3', 'Q1']);
  });

  it('late-quarter jumps to Negotiation of deals that did not close in the quarter, not a genuine late win', () => {
    expect(keys('quarter_end_stage_jump', 'opportunity_id')).toEqual(['Q1', 'Q2']);
  });

  it('wins recorded after the quarter of their close date', () => {
    expect(keys('backdated_close', 'opportunity_id')).toEqual(['B1']);
  });

  it('amounts raised before a quarter end and cut after it, not a raise alone', () => {
    expect(keys('amount_raised_then_cut', 'opportunity_id')).toEqual(['RC']);
  });

  it('wins with no activity before the close, and the activity after it', () => {
    expect(keys('won_without_activity', 'opportunity_id')).toEqual(['W1']);
    expect(keys('activity_after_close', 'activity_id')).toEqual(['AW1']);
  });

  it('large deals created and won within days at the start of a quarter, not ones worked for weeks', () => {
    expect(keys('sandbagging', 'opportunity_id')).toEqual(['S1']);
  });

  it('reconciles bookings with invoices and revenue: each planted mismatch once, with its amounts', () => {
    expect(keys('won_not_invoiced', 'opportunity_id')).toEqual(['N1']);
    expect(rows.filter((r) => r.check === 'invoice_amount_mismatch').map((r) => r.values)).toEqual([
      { opportunity_id: 'X1', account_id: 'A1', contract_term_months: '12', amount: '1000', largest_invoice: '1100' },
    ]);
    expect(keys('duplicate_invoices', 'opportunity_id')).toEqual(['D1']);
    expect(keys('orphan_invoice', 'invoice_id')).toEqual(['I11']);
    expect(keys('won_without_revenue_schedule', 'opportunity_id')).toEqual(['V1']);
    expect(keys('late_revenue_schedule', 'opportunity_id')).toEqual(['V2']);
    expect(
      rows
        .filter((r) => r.check === 'deferred_revenue_negative')
        .map((r) => [r.values['opportunity_id'], r.values['billed'], r.values['recognised']]),
    ).toEqual([['V3', '1000', '1200']]);
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
