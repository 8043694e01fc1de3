/**
 * `kpic review` on a small governed catalog as of a fixed day: KPIs due for review, unused,
 * past their sunset, ended pilots, proposals, KPIs without an owner, and guardrail trends computed
 * on the data (hand-computed below).
 */
import { describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../src/review/report.js';
import { cli, folder } from '../cli/helpers.js';
import { AVG_DISCOUNT_YAML, CATALOG_FILES, KPIS_YAML, OPPORTUNITIES_CSV, REPS_CSV } from '../governance/fixture.js';

const REVIEWED = KPIS_YAML.replace('title: Bookings\n', 'title: Bookings\nreviewed: 2025-01-15\nguardrails: [avg_discount]\n')
  .replace(
    'title: Deals won\n',
    'title: Deals won\nreviewed: 2024-12-31\nstatus: deprecated\nreplaced_by: closed_deals\nsunset: 2025-12-31\n',
  )
  .replace('title: Win rate\n', 'title: Win rate\nreviewed: 2025-06-01\n')
  .replace(
    'title: Deals closed\nformula: count(opportunities where closed)\nunit: count\nowner: sales_ops\n',
    'title: Deals closed\nformula: count(opportunities where closed)\nunit: count\n',
  );
const EXTRA = `${AVG_DISCOUNT_YAML}status: pilot
reviewed: 2025-09-01
pilot: { where: region = 'EMEA', from: 2025-01-01, until: 2025-12-31 }
---
kpi: deal_count
title: Deal count
formula: count(opportunities)
unit: count
owner: sales_ops
status: draft
reviewed: 2026-01-02
---
kpi: old_rate
formula: won_deals / 2
status: retired
`;

async function review(args: readonly string[]) {
  const f = folder({ 'data/opportunities.csv': OPPORTUNITIES_CSV, 'data/reps.csv': REPS_CSV });
  for (const [name, text] of Object.entries({ ...CATALOG_FILES, 'kpis/kpis.yaml': REVIEWED + EXTRA })) f.write(`catalog/${name}`, text);
  try {
    return await cli(f.root, ['review', '--date', '2026-03-01', '--periods', '2', ...args]);
  } finally {
    f.remove();
  }
}

describe('kpic review', () => {
  it('lists what the committee must decide, as of the review day', async () => {
    const run = await review(['--format', 'json']);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as ReviewReport;
    expect([r.date, r.cycle]).toEqual(['2026-03-01', '1 year']);
    // Cycle 1 year: reviewed 2025-01-15 → due 2026-01-15 (due); 2024-12-31 → due 2025-12-31; never; the rest are current.
    expect(r.due.map((k) => `${k.kpi} ${k.reviewed ?? 'never'} ${k.dueSince ?? ''}`)).toEqual([
      'bookings 2025-01-15 2026-01-15',
      'won_deals 2024-12-31 2025-12-31',
      'closed_deals never ',
    ]);
    // The scorecard uses win_rate, hence won_deals and closed_deals; the retired old_rate is left out.
    expect(r.unused.map((k) => k.kpi)).toEqual(['bookings', 'avg_discount', 'deal_count']);
    expect(r.pastSunset.map((k) => `${k.kpi} ${k.sunset} → ${k.replacedBy ?? ''}`)).toEqual(['won_deals 2025-12-31 → closed_deals']);
    expect(r.endedPilots.map((k) => `${k.kpi} ${k.until}`)).toEqual(['avg_discount 2025-12-31']);
    expect(r.proposed.map((k) => k.kpi)).toEqual(['deal_count']);
    expect(r.withoutOwner.map((k) => `${k.kpi} ${k.file}:${k.line}`)).toEqual(['closed_deals kpis/kpis.yaml:19']);
  });

  it('shows a guardrail beside its KPI and flags gaming: bookings up while the discount deepens', async () => {
    const run = await review(['--format', 'json']);
    const r = JSON.parse(run.stdout) as ReviewReport;
    expect(r.guardrails.kind).toBe('trends');
    if (r.guardrails.kind !== 'trends') return;
    expect(r.guardrails.periods.map((p) => p.label)).toEqual(['2025-Q1', '2025-Q2']);
    const [t] = r.guardrails.trends;
    // Bookings: Q1 1,000 + 500 + 500; Q2 2,000 + 1,000 + 4,000. Discount of won deals: Q1 (0.1 × 3) / 3; Q2 (0.2 + 0.3 + 0.4) / 3.
    expect(t?.kpi).toMatchObject({ kpi: 'bookings', values: [2000, 7000], trend: 'better' });
    expect(t?.guardrails[0]?.kpi).toBe('avg_discount');
    expect(t?.guardrails[0]?.values[0]).toBeCloseTo(0.1, 12);
    expect(t?.guardrails[0]?.values[1]).toBeCloseTo(0.3, 12);
    expect(t?.guardrails[0]?.trend).toBe('worse');
    expect(t?.warning).toBe('Bookings got better while Average discount got worse: check how it improved');
  });

  it('reads as a table and as markdown', async () => {
    const table = await review([]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'Review of ACME test catalog as of 2026-03-01\n\nDue for review (cycle: 1 year): 3\n  → have the owner confirm or change the definition, then set `reviewed:`\n  bookings — last reviewed 2025-01-15, due since 2026-01-15 (owner finance; kpis/kpis.yaml:1)',
    );
    expect(table.stdout).toContain(
      '  won_deals — last reviewed 2024-12-31, due since 2025-12-31 (owner sales_ops; kpis/kpis.yaml:9)\n  never reviewed, no owner (1): closed_deals\n',
    );
    expect(table.stdout).toContain('Guardrails (2025-Q1 to 2025-Q2): 1\n');
    expect(table.stdout).toContain(
      '  Bookings (bookings): $2,000 → $7,000  better\n    guardrail Average discount (avg_discount, lower is better): 10.0% → 30.0%  worse\n    ⚠ Bookings got better while Average discount got worse: check how it improved\n',
    );
    const md = await review(['--format', 'markdown']);
    expect(md.stdout).toContain(
      '### Deprecated and past their sunset (1)\n\n*To decide: retire them (`status: retired`) once nothing refers to them.*\n\n- won_deals — sunset 2025-12-31, replaced by closed_deals (kpis/kpis.yaml:9)\n',
    );
  });

  it('a bad --date is a usage error', async () => {
    const run = await cli(process.cwd(), ['review', '--date', '2026-02-30']);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      'kpic: `--date 2026-02-30` is not a date: February 2026 has no day 30; it has 28 days',
    ]);
  });
});
