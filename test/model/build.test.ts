import { describe, expect, test } from 'vitest';
import { loadFiles, lineCol } from '../load/helpers.js';

const CATALOG = `catalog: acme_sales
version: 1.4.0
title: ACME sales performance catalog
currency: EUR
data: ../examples/data
calendar:
  fiscal_year_start: 2
  week_start: sunday
governance:
  approvals:
    kpi: [sales_ops]
    plan: [finance, hr, sales_leadership]
`;

const SOURCE = `source: opportunities
title: Opportunities (CRM export)
file: opportunities.csv
format: csv
delimiter: ";"
key: opportunity_id
time: close_date
columns:
  opportunity_id: { type: string, required: true, unique: true }
  stage:          { type: string, required: true, values: [Discovery, Closed Won, Closed Lost] }
  amount:         { type: money }
  close_date:     { type: date, from: "Close Date", format: "%m/%d/%Y", description: When it closed }
joins:
  account: { to: accounts, on: account_id }
definitions:
  won: stage = 'Closed Won'
dimensions:
  segment: account.segment
`;

const KPI = `kpi: win_rate
title: Win rate
description: Share of closed opportunities that were won.
formula: count(opportunities where won) / count(opportunities where closed)
unit: percent
indicator: leading
perspective: internal_process
owner: sales_ops
refresh: weekly
target: 0.250
thresholds: { green: 1.0, amber: 0.85 }
tags: [pipeline]
overrides:
  - where: region = 'EMEA'
    target: 0.22
    thresholds: { amber: 0.8 }
---
kpi: old_rate
formula: win_rate
status: deprecated
replaced_by: win_rate
direction: down
`;

const LOOKUPS = `lookup: stage_probability
key: stage
rows: { Discovery: 0.1, Proposal: 0.3 }
default: 0
unit: ratio
---
lookup: stage_rate
key: stage
value: win_rate
window: 4 quarters
`;

describe('buildCatalog', () => {
  const result = loadFiles({ 'catalog.yaml': CATALOG, 'sources/o.yaml': SOURCE, 'kpis/k.yaml': KPI, 'lookups/l.yaml': LOOKUPS });

  test('a valid catalog loads without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.value.documents.map((d) => d.id)).toEqual([
      'acme_sales',
      'win_rate',
      'old_rate',
      'stage_probability',
      'stage_rate',
      'opportunities',
    ]);
    expect([...result.value.files.keys()]).toEqual(['catalog.yaml', 'kpis/k.yaml', 'lookups/l.yaml', 'sources/o.yaml']);
  });

  test('catalog meta', () => {
    const meta = result.value.meta;
    expect(meta?.id).toBe('acme_sales');
    expect(meta?.version?.value).toBe('1.4.0');
    expect(meta?.currency).toBe('EUR');
    expect(meta?.data?.value).toBe('../examples/data');
    expect(meta?.calendar).toEqual({ fiscalYearStart: 2, weekStart: 'sunday' });
    expect([...(meta?.approvals ?? [])]).toEqual([
      ['kpi', ['sales_ops']],
      ['plan', ['finance', 'hr', 'sales_leadership']],
    ]);
  });

  test('catalog defaults', () => {
    const meta = loadFiles({}).value.meta;
    expect(meta?.currency).toBe('USD');
    expect(meta?.calendar).toEqual({ fiscalYearStart: 1, weekStart: 'monday' });
    expect(meta?.approvals.size).toBe(0);
  });

  test('source', () => {
    const s = result.value.sources.get('opportunities');
    expect(s?.path.value).toBe('opportunities.csv');
    expect(s?.format?.value).toBe('csv');
    expect(s?.delimiter?.value).toBe(';');
    expect(s?.key?.value).toBe('opportunity_id');
    expect(s?.time?.value).toBe('close_date');
    expect([...(s?.columns.keys() ?? [])]).toEqual(['opportunity_id', 'stage', 'amount', 'close_date']);
    const id = s?.columns.get('opportunity_id');
    expect([id?.type.value, id?.required, id?.unique]).toEqual(['string', true, true]);
    const amount = s?.columns.get('amount');
    expect([amount?.required, amount?.unique, amount?.values]).toEqual([false, false, undefined]);
    expect(s?.columns.get('stage')?.values?.map((v) => v.value)).toEqual(['Discovery', 'Closed Won', 'Closed Lost']);
    const close = s?.columns.get('close_date');
    expect([close?.from?.value, close?.format?.value, close?.description]).toEqual(['Close Date', '%m/%d/%Y', 'When it closed']);
    const files = result.value.files;
    if (close !== undefined) expect(lineCol(files, close.span)).toEqual({ line: 12, column: 3 });
    const join = s?.joins.get('account');
    expect([join?.to.value, join?.on.value]).toEqual(['accounts', 'account_id']);
    expect(s?.definitions.get('won')?.formula.text).toBe("stage = 'Closed Won'");
    expect(s?.dimensions.get('segment')?.formula.text).toBe('account.segment');
    const seg = s?.dimensions.get('segment');
    if (seg !== undefined) expect(lineCol(files, seg.formula.node.span)).toEqual({ line: 18, column: 12 });
  });

  test('kpi with every field', () => {
    const k = result.value.kpis.get('win_rate');
    expect(k?.formula.text).toBe('count(opportunities where won) / count(opportunities where closed)');
    expect(k?.unit?.value).toBe('percent');
    expect([k?.direction, k?.indicator, k?.perspective, k?.owner, k?.refresh]).toEqual([
      'up',
      'leading',
      'internal_process',
      'sales_ops',
      'weekly',
    ]);
    expect(k?.status.value).toBe('active');
    // A number target is a formula of its text as written, with the scalar node.
    expect(k?.target?.text).toBe('0.250');
    expect(k?.target?.node.value).toBe(0.25);
    expect([k?.thresholds?.green?.value, k?.thresholds?.amber?.value]).toEqual([1, 0.85]);
    expect(k?.overrides).toHaveLength(1);
    const o = k?.overrides[0];
    expect([o?.where.text, o?.target?.text, o?.thresholds?.amber?.value, o?.thresholds?.green]).toEqual([
      "region = 'EMEA'",
      '0.22',
      0.8,
      undefined,
    ]);
    if (o !== undefined) expect(lineCol(result.value.files, o.span)).toEqual({ line: 14, column: 5 });
  });

  test('kpi defaults and lifecycle', () => {
    const k = result.value.kpis.get('old_rate');
    expect([k?.status.value, k?.replacedBy?.value, k?.direction, k?.overrides]).toEqual(['deprecated', 'win_rate', 'down', []]);
    const plain = loadFiles({ 'k.yaml': 'kpi: k\nformula: x\n' }).value.kpis.get('k');
    expect([plain?.status.value, plain?.direction, plain?.unit, plain?.target]).toEqual(['active', 'up', undefined, undefined]);
    if (plain !== undefined) expect(plain.status.span).toEqual(plain.kindSpan);
  });

  test('lookups', () => {
    const fixed = result.value.lookups.get('stage_probability');
    expect([...(fixed?.rows ?? [])].map(([k, v]) => [k, v.value])).toEqual([
      ['Discovery', 0.1],
      ['Proposal', 0.3],
    ]);
    expect([fixed?.key.value, fixed?.default?.value, fixed?.unit?.value, fixed?.value]).toEqual(['stage', 0, 'ratio', undefined]);
    const per = result.value.lookups.get('stage_rate');
    expect([per?.value?.value, per?.window?.text, per?.rows]).toEqual(['win_rate', '4 quarters', undefined]);
  });

  test('documents with schema errors are still modelled as far as their required parts allow', () => {
    const r = loadFiles({
      'k.yaml': 'kpi: k\nformula: sum(x)\nunit: percnt\ntarget: [1]\nstatus: gone\n---\nkpi: no_formula\ntitle: T\n',
      's.yaml': 'source: s\ncolumns:\n  a: { type: mony }\n  b: { type: date }\n  c: 3\njoins:\n  j: { to: t }\n',
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual([
      'schema/bad-value',
      'schema/wrong-type',
      'schema/bad-value',
      'schema/missing-key',
      'schema/missing-key',
      'schema/bad-value',
      'schema/wrong-type',
      'schema/missing-key',
    ]);
    const k = r.value.kpis.get('k');
    expect([k?.formula.text, k?.unit, k?.target, k?.status.value]).toEqual(['sum(x)', undefined, undefined, 'active']);
    expect(r.value.kpis.has('no_formula')).toBe(false);
    const s = r.value.sources.get('s');
    expect([...(s?.columns.keys() ?? [])]).toEqual(['b']);
    expect(s?.joins.size).toBe(0);
    expect(s?.path).toEqual({ value: '', span: s?.kindSpan });
  });

  test('the first of two documents with one id wins, across the shared namespace', () => {
    const r = loadFiles({ 'a.yaml': 'source: x\nfile: x.csv\ncolumns: {}\n', 'b.yaml': 'kpi: x\nformula: y\n' });
    expect(r.value.sources.has('x')).toBe(true);
    expect(r.value.kpis.has('x')).toBe(false);
  });

  test('later kinds stay in documents only', () => {
    const r = loadFiles({ 's.yaml': 'scorecard: main\nkpis: [a]\n' });
    expect(r.value.documents.map((d) => d.kind)).toEqual(['catalog', 'scorecard']);
  });
});
