/**
 * The KPI lifecycle: what `kpic validate` checks (pilots, deprecation, retirement, guardrails,
 * dates), which KPIs `kpic run` takes by default, and pilots in scorecards (only in their scopes,
 * only while they run).
 */
import { describe, expect, it } from 'vitest';
import { stageOf } from '../../src/model/kpi-status.js';
import type { ScorecardReport } from '../../src/scorecard/report.js';
import { cli, folder } from '../cli/helpers.js';
import { AVG_DISCOUNT_YAML, CATALOG_FILES, KPIS_YAML, OPPORTUNITIES_CSV, ORG_YAML, REPS_CSV } from '../governance/fixture.js';

const EXTRA = AVG_DISCOUNT_YAML;

async function diagnostics(files: Record<string, string>, governed = true): Promise<string[]> {
  const f = folder();
  const all: Record<string, string> = { ...CATALOG_FILES, ...files };
  if (!governed) delete all['governance.yaml'];
  for (const [name, text] of Object.entries(all)) f.write(`catalog/${name}`, text);
  const run = await cli(f.root, ['validate', '--format', 'json']);
  f.remove();
  return (
    JSON.parse(run.stdout) as { diagnostics: { severity: string; code: string; message: string; line: number; column: number }[] }
  ).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

const kpis = (replace: (text: string) => string): Record<string, string> => ({ 'kpis/kpis.yaml': replace(KPIS_YAML + EXTRA) });

describe('statuses', () => {
  it('draft is proposed; each status has its stage', () => {
    expect(['draft', 'proposed', 'pilot', 'active', 'deprecated', 'retired'].map((s) => stageOf(s as never))).toEqual([
      'proposed',
      'proposed',
      'pilot',
      'active',
      'deprecated',
      'retired',
    ]);
  });
});

describe('kpic validate', () => {
  it('a pilot names who tries it and when (in a governed catalog); pilot: is for pilots; it ends after it starts', async () => {
    expect(await diagnostics(kpis((t) => t.replace('owner: finance\n---', 'owner: finance\nstatus: pilot\n---')))).toEqual([
      '6:9 error lifecycle/bad-pilot pilot KPI `bookings` does not say who tries it',
    ]);
    expect(
      await diagnostics(
        kpis((t) => t.replace('owner: finance\n---', 'owner: finance\nstatus: pilot\n---')),
        false,
      ),
    ).toEqual([]);
    const pilot = "status: pilot\npilot: { where: region = 'EMEA', from: 2025-04-01, until: 2025-03-31 }";
    expect(await diagnostics(kpis((t) => t.replace('owner: finance\n---', `owner: finance\n${pilot}\n---`)))).toEqual([
      '7:59 error lifecycle/bad-pilot the pilot of `bookings` ends (2025-03-31) before it starts (2025-04-01)',
    ]);
    expect(
      await diagnostics(kpis((t) => t.replace('owner: finance\n---', "owner: finance\npilot: { where: regoin = 'EMEA' }\n---"))),
    ).toEqual(['6:8 error lifecycle/bad-pilot `pilot:` is only for KPIs with `status: pilot`; `bookings` is active']);
    expect(
      await diagnostics(
        kpis((t) => t.replace('owner: finance\n---', "owner: finance\nstatus: pilot\npilot: { where: regoin = 'EMEA' }\n---")),
      ),
    ).toEqual(['7:17 error resolve/unknown-dimension `regoin` is not a breakdown dimension here']);
  });

  it('a deprecation names its replacement and sunset (governed catalogs; a warning); past the sunset is a warning', async () => {
    expect(await diagnostics(kpis((t) => t.replace('owner: finance\n---', 'owner: finance\nstatus: deprecated\n---')))).toEqual([
      '6:9 warning lifecycle/incomplete-deprecation deprecated KPI `bookings` needs `replaced_by` (the KPI to use instead) and `sunset` (its last day)',
    ]);
    expect(
      await diagnostics(
        kpis((t) => t.replace('owner: finance\n---', 'owner: finance\nstatus: deprecated\n---')),
        false,
      ),
    ).toEqual([]);
    const old = 'status: deprecated\nreplaced_by: won_deals\nsunset: 2000-01-31';
    expect(await diagnostics(kpis((t) => t.replace('owner: finance\n---', `owner: finance\n${old}\n---`)))).toEqual([
      '8:9 warning lifecycle/past-sunset deprecated KPI `bookings` is past its sunset (2000-01-31)',
    ]);
    const bad = 'status: deprecated\nreplaced_by: bookngs\nsunset: 2999-02-30';
    expect(await diagnostics(kpis((t) => t.replace('owner: finance\n---', `owner: finance\n${bad}\n---`)))).toEqual([
      '7:14 error lifecycle/bad-replacement `replaced_by: bookngs` names no KPI',
      '8:9 error lifecycle/bad-date `sunset: 2999-02-30` is not a date: February 2999 has no day 30; it has 28 days',
    ]);
  });

  it('references to a retired KPI are errors: from formulas and scorecards (a retired KPI may refer to one)', async () => {
    const retired = kpis((t) =>
      t.replace('owner: sales_ops\n---\nkpi: closed_deals', 'owner: sales_ops\nstatus: retired\n---\nkpi: closed_deals'),
    );
    expect(await diagnostics(retired)).toEqual([
      '23:10 error lifecycle/retired-reference KPI `won_deals` is retired; the kpi `win_rate` may not refer to it',
    ]);
    const both = kpis((t) =>
      t.replace(
        'formula: won_deals / closed_deals\nunit: percent\nowner: sales_ops\n',
        'formula: won_deals / closed_deals\nunit: percent\nowner: sales_ops\nstatus: retired\n',
      ),
    );
    expect(await diagnostics(both)).toEqual([
      '20:14 error lifecycle/retired-reference KPI `win_rate` is retired; the scorecard `sales` may not refer to it',
    ]);
    const fine = kpis((t) =>
      t
        .replace('owner: sales_ops\n---\nkpi: closed_deals', 'owner: sales_ops\nstatus: retired\n---\nkpi: closed_deals')
        .replace(
          'formula: won_deals / closed_deals\nunit: percent\nowner: sales_ops\n',
          'formula: won_deals / closed_deals\nunit: percent\nowner: sales_ops\nstatus: retired\n',
        ),
    );
    const left = await diagnostics({ ...fine, 'org/org.yaml': ORG_YAML.replace('- kpi: win_rate', '- kpi: bookings') });
    expect(left.filter((d) => d.includes('lifecycle/'))).toEqual([]);
  });

  it('a plan may not use a pilot; guardrails name other KPIs', async () => {
    const pilot = kpis((t) => t.replace('owner: finance\n---', "owner: finance\nstatus: pilot\npilot: { where: region = 'EMEA' }\n---"));
    const plan =
      'plan: ae_plan\nhierarchy: sales_org\nmembers: region is not null\neffective: { from: 2025-01-01 }\n' +
      'credit: { source: opportunities, rep: owner, amount: amount }\ncomponents:\n' +
      '  - component: bookings_bonus\n    type: bonus\n    amount: 100\n    when:\n      - { kpi: bookings, at_least: 1000 }\n';
    expect(await diagnostics({ ...pilot, 'plans/ae.yaml': plan })).toEqual([
      '11:16 error lifecycle/pilot-in-plan plan `ae_plan` uses the pilot KPI `bookings`; pilots are in no plan',
    ]);
    const guarded = kpis((t) =>
      t.replace('owner: sales_ops\ntarget: 0.6', 'owner: sales_ops\nguardrails: [avg_discount, avg_discunt, win_rate]\ntarget: 0.6'),
    );
    expect(await diagnostics(guarded)).toEqual([
      '25:28 error lifecycle/unknown-guardrail unknown guardrail KPI `avg_discunt`',
      '25:41 error lifecycle/unknown-guardrail `win_rate` cannot guard itself',
    ]);
  });
});

describe('kpic run and kpic scorecard', () => {
  const workspace = (kpisText: string) => {
    const f = folder({ 'data/opportunities.csv': OPPORTUNITIES_CSV, 'data/reps.csv': REPS_CSV });
    for (const [name, text] of Object.entries({ ...CATALOG_FILES, 'kpis/kpis.yaml': kpisText })) f.write(`catalog/${name}`, text);
    return f;
  };

  it('run takes every KPI that is not deprecated or retired by default', async () => {
    const f = workspace(
      (KPIS_YAML + EXTRA)
        .replace('owner: finance\n---', 'owner: finance\nstatus: retired\n---')
        .replace(
          'kpi: closed_deals\ntitle: Deals closed\nformula: count(opportunities where closed)\nunit: count\nowner: sales_ops\n',
          'kpi: closed_deals\ntitle: Deals closed\nformula: count(opportunities where closed)\nunit: count\nowner: sales_ops\nstatus: proposed\n',
        ),
    );
    const run = await cli(f.root, ['run', '--grain', 'year', '--format', 'json']);
    f.remove();
    expect(run.code).toBe(0);
    const ids = new Set((JSON.parse(run.stdout) as { kpi: string }[]).map((r) => r.kpi));
    expect([...ids].sort()).toEqual(['avg_discount', 'closed_deals', 'win_rate', 'won_deals']);
  });

  it('a pilot KPI is scored only for the scopes that try it, while they do', async () => {
    const pilot = (KPIS_YAML + EXTRA).replace(
      'direction: down\nowner: finance\n',
      "direction: down\nowner: finance\nstatus: pilot\npilot: { where: region = 'EMEA', from: 2025-04-01 }\ntarget: 0.2\n",
    );
    const f = workspace(pilot);
    f.write(
      'catalog/org/org.yaml',
      ORG_YAML.replace(
        '      - kpi: win_rate\n',
        '      - kpi: win_rate\n        weight: 50%\n      - kpi: avg_discount\n        weight: 50%\n',
      ),
    );
    const score = async (period: string) => {
      const run = await cli(f.root, ['scorecard', '--period', period, '--format', 'json']);
      expect(run.code).toBe(0);
      const r = JSON.parse(run.stdout) as ScorecardReport;
      return [r.node, ...(r.children?.nodes ?? [])].map(
        (n) => `${n.label}: ${n.perspectives.flatMap((p) => p.kpis.map((k) => k.kpi)).join(', ')}`,
      );
    };
    const q2 = await score('2025-Q2');
    const q1 = await score('2025-Q1');
    f.remove();
    expect(q2).toEqual(['ACME: win_rate', 'AMER: win_rate', 'EMEA: win_rate, avg_discount']);
    expect(q1).toEqual(['ACME: win_rate', 'AMER: win_rate', 'EMEA: win_rate']);
  });
});
