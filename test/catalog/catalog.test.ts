/**
 * The shipped catalog (issue 4): it validates cleanly, every KPI is documented, and the committed
 * example data exercises every non-deprecated KPI — at month and quarter grain, with and without
 * a breakdown by region, each KPI runs and gives values that are neither all empty nor constant.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckedCatalog } from '../../src/check-catalog.js';
import { TABLES, TABLE_NAMES } from '../../generator/schema.js';
import type { PlainRow } from '../helpers/workspace.js';
import { CATALOG_DIR, checkShippedCatalog, runCatalog } from './helpers.js';

let checked: CheckedCatalog;
beforeAll(() => {
  checked = checkShippedCatalog();
});

function activeKpis(): string[] {
  return [...checked.catalog.kpis.values()].filter((k) => k.status.value !== 'deprecated').map((k) => k.id);
}

describe('the catalog validates', () => {
  it('with no errors and no warnings', () => {
    const shown = checked.diagnostics.map((d) => `${d.span.file}@${d.span.start} ${d.severity} ${d.code} ${d.message}`);
    expect(shown).toEqual([]);
    expect(checked.ok).toBe(true);
  });

  it('has the standard library of areas 1 and 4', () => {
    const ids = new Set(checked.catalog.kpis.keys());
    const required = [
      'bookings',
      'new_logo_bookings',
      'expansion_bookings',
      'renewal_bookings',
      'win_rate',
      'win_rate_by_value',
      'avg_deal_size',
      'median_deal_size',
      'avg_sales_cycle',
      'pipeline_created',
      'open_pipeline',
      'weighted_pipeline',
      'pipeline_coverage',
      'pipeline_aging',
      'stalled_deals',
      'forecast_mape',
      'forecast_wape',
      'forecast_bias',
      'forecast_commit',
      'forecast_best_case',
      'forecast_pipeline',
      'new_arr',
      'expansion_arr',
      'contraction_arr',
      'churned_arr',
      'net_new_arr',
      'nrr',
      'grr',
      'logo_churn_rate',
      'arr_hhi',
      'top10_arr_share',
      'meetings',
      'mql_to_sql_rate',
      'lead_response_hours',
      'quota_attainment',
    ];
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('documents every KPI: title, description, unit, direction, indicator, perspective, owner, refresh, status', () => {
    const missing: string[] = [];
    for (const k of checked.catalog.kpis.values()) {
      const fields: Record<string, unknown> = {
        title: k.title,
        description: k.description,
        unit: k.unit,
        indicator: k.indicator,
        perspective: k.perspective,
        owner: k.owner,
        refresh: k.refresh,
      };
      for (const [name, value] of Object.entries(fields)) if (value === undefined || value === '') missing.push(`${k.id}.${name}`);
      if ((k.description ?? '').length < 40) missing.push(`${k.id}.description (too short to state its choices)`);
    }
    expect(missing).toEqual([]);
  });

  it('the project README counts the shipped KPIs right', () => {
    const readme = readFileSync(path.join(CATALOG_DIR, '..', 'README.md'), 'utf8');
    const claimed = /\(`catalog\/`, (\d+) standard sales KPIs\)/.exec(readme)?.[1];
    expect(Number(claimed)).toBe(checked.catalog.kpis.size);
  });

  it('lists every KPI in catalog/README.md with its title, unit, owner and refresh', () => {
    const readme = readFileSync(path.join(CATALOG_DIR, 'README.md'), 'utf8');
    const listed = new Map<string, string>();
    for (const line of readme.split('\n')) {
      const m = /^\| `([a-z0-9_]+)` \| (.+?) \| (\w+) \| (\w+) \| (\w+) \| .+ \|$/.exec(line);
      if (m !== null && m[1] !== undefined) listed.set(m[1], [m[2], m[3], m[4], m[5]].join(' · '));
    }
    const wrong: string[] = [];
    for (const k of checked.catalog.kpis.values()) {
      const want = [k.title, k.unit?.value, k.owner, k.refresh].join(' · ');
      if (listed.get(k.id) !== want) wrong.push(`${k.id}: README ${String(listed.get(k.id))}, catalog ${want}`);
    }
    for (const id of listed.keys()) if (!checked.catalog.kpis.has(id)) wrong.push(`${id}: in README, not in the catalog`);
    expect(wrong).toEqual([]);
  });

  it('declares every column of each example table it reads, with its real type', () => {
    const kpicType = {
      string: 'string',
      integer: 'integer',
      money: 'money',
      fraction: 'percent',
      date: 'date',
      timestamp: 'timestamp',
    } as const;
    const wrong: string[] = [];
    for (const s of checked.catalog.sources.values()) {
      const table = TABLE_NAMES.find((t) => `${t}.csv` === s.path.value);
      if (table === undefined) {
        wrong.push(`${s.id}: file ${s.path.value} is not an example table`);
        continue;
      }
      const want = TABLES[table].map((c) => `${c.name}:${kpicType[c.type]}`);
      const got = [...s.columns.values()].map((c) => `${c.from?.value ?? c.name}:${c.type.value}`);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${s.id}: declared ${got.join(', ')}; the data has ${want.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * KPIs whose value is constant on the example data by construction, and why. Each is still
 * checked: its constant must be the one given.
 */
const CONSTANT_BY_DESIGN: ReadonlyMap<string, { readonly value: number; readonly why: string; readonly unbrokenOnly?: true }> = new Map([
  ['waterfall_gap', { value: 0, why: 'the check of the waterfall: 0 in every cell' }],
  [
    'waterfall_end',
    { value: 0, why: 'the generator pushes a close date on the day it passes, so no open deal is due in a period at its end' },
  ],
  ['stage_mix', { value: 1, why: 'a share of the total, read --by stage; without a breakdown every period is 100%', unbrokenOnly: true }],
  [
    'open_deals_on_schedule',
    { value: 1, why: 'the generator pushes a close date on the day it passes, so no deal open at a period end is past its close date' },
  ],
]);

describe.each([
  ['month', []],
  ['month', ['region']],
  ['quarter', []],
  ['quarter', ['region']],
] as const)('the example data exercises every KPI (grain %s, by %j)', (grain, by) => {
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runCatalog({ grain, by: [...by] });
  });

  it('every KPI gives values that are neither all empty nor constant', () => {
    const byKpi = new Map<string, (number | null)[]>();
    for (const r of rows) {
      const list = byKpi.get(String(r['kpi'])) ?? [];
      list.push(r['value'] as number | null);
      byKpi.set(String(r['kpi']), list);
    }
    const dull: string[] = [];
    for (const id of activeKpis()) {
      const values = (byKpi.get(id) ?? []).filter((v): v is number => v !== null);
      const design = CONSTANT_BY_DESIGN.get(id);
      const expected = design?.unbrokenOnly === true && by.length > 0 ? undefined : design;
      if (values.length === 0) dull.push(`${id}: empty`);
      else if (expected !== undefined) {
        if (values.some((v) => v !== expected.value)) dull.push(`${id}: not always ${expected.value} (${expected.why})`);
      } else if (new Set(values).size < 2) dull.push(`${id}: constant ${values[0]}`);
    }
    expect(dull).toEqual([]);
  });

  if (by.length > 0) {
    it('every breakdown value of region appears, including the null region of deals by deleted users', () => {
      const regions = new Set(rows.filter((r) => r['kpi'] === 'bookings').map((r) => r['region']));
      expect([...regions].sort()).toEqual(['AMER', 'APAC', 'EMEA', null].sort());
    });
  }
});
