/**
 * `kpic diff --data` on pairs of catalog folders: the numbers and statuses that move, computed
 * under both versions on the same data and checked against hand-computed values, the approvals a
 * change needs, and `--check-version`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliRun } from '../cli/helpers.js';
import { KPIS_YAML, SOURCES_YAML, versionFolders } from './fixture.js';

const BY_VALUE = KPIS_YAML.replace('formula: won_deals / closed_deals', 'formula: bookings / sum(amount where closed)');

interface Cell {
  period: string;
  by?: string | null;
  base: number | null;
  head: number | null;
  same: boolean;
}
interface Json {
  largest: string;
  changes: { change: string; class: string; document: { id: string; line: number } }[];
  values: {
    computed: boolean;
    sections: (
      | { kind: 'kpi-values'; by?: string; periods: { label: string }[]; kpis: { kpi: string; moved: boolean; cells: Cell[] }[] }
      | {
          kind: 'scorecard-statuses';
          compared: number;
          flips: { period: { label: string }; node: string; kpi?: string; base: { status: string }; head: { status: string } }[];
        }
    )[];
  };
  approvals: { rulesFrom: string; seats: { seat: string; members: string[]; reasons: { rule: string }[] }[] };
  version: { ok: boolean; required: string };
}

async function diff(changes: Readonly<Record<string, string>>, extra: readonly string[] = []): Promise<CliRun & { json?: Json }> {
  const f = versionFolders(changes);
  try {
    const run = await cli(f.root, [
      'diff',
      '--catalog',
      'head',
      '--base',
      'base',
      '--head',
      'head',
      '--data',
      'data',
      '--periods',
      '2',
      ...extra,
    ]);
    return extra.includes('json') && run.code !== 2 ? { ...run, json: JSON.parse(run.stdout) as Json } : run;
  } finally {
    f.remove();
  }
}

const cell = (cells: readonly Cell[], period: string, by?: string) => cells.find((c) => c.period === period && c.by === by);
const flips = (j: Json) =>
  j.values.sections.flatMap((s) =>
    s.kind === 'scorecard-statuses'
      ? s.flips.map((f) => `${f.period.label} ${f.node} ${f.kpi ?? 'overall'}: ${f.base.status} → ${f.head.status}`)
      : [],
  );

describe('win rate by count → by value', () => {
  let run: CliRun & { json?: Json };
  beforeAll(async () => {
    run = await diff({ 'kpis/kpis.yaml': BY_VALUE }, ['--format', 'json']);
  }, 120_000);

  it('is one breaking change, needing a major version, approved by every seat (breaking) and revenue operations (definition)', () => {
    expect(run.code).toBe(0);
    const j = run.json!;
    expect([j.largest, j.changes.map((c) => `${c.change} ${c.document.id} line ${c.document.line}`)]).toEqual([
      'breaking',
      ['changed win_rate line 19'],
    ]);
    expect(j.version.required).toBe('major');
    expect(j.approvals.rulesFrom).toBe('base');
    expect(j.approvals.seats.map((s) => `${s.seat}: ${s.reasons.map((r) => r.rule).join(', ')}`)).toEqual([
      'sales: Breaking changes',
      'finance: Breaking changes',
      'revenue_operations: Definitions, Breaking changes',
    ]);
  });

  it('moves the win rate in both quarters, in total and by region (hand-computed)', () => {
    const values = run.json!.values.sections.find((s) => s.kind === 'kpi-values');
    expect(values?.kind).toBe('kpi-values');
    if (values?.kind !== 'kpi-values') return;
    expect([values.by, values.periods.map((p) => p.label)]).toEqual(['region', ['2025-Q1', '2025-Q2']]);
    const win = values.kpis.find((k) => k.kpi === 'win_rate');
    expect(win?.moved).toBe(true);
    const cells = win?.cells ?? [];
    // Q1: 3 of 5 won by count; by value 2,000 of 6,000. EMEA 1 of 2, 1,000 of 4,000; AMER 2 of 3, 1,000 of 2,000.
    expect(cell(cells, '2025-01-01')).toMatchObject({ base: 0.6, same: false });
    expect(cell(cells, '2025-01-01')?.head).toBeCloseTo(1 / 3, 12);
    expect(cell(cells, '2025-01-01', 'EMEA')).toMatchObject({ base: 0.5, head: 0.25 });
    expect(cell(cells, '2025-01-01', 'AMER')?.base).toBeCloseTo(2 / 3, 12);
    expect(cell(cells, '2025-01-01', 'AMER')?.head).toBe(0.5);
    // Q2: 3 of 5 by count; 7,000 of 9,000 by value. EMEA 2 of 3, 3,000 of 4,000; AMER 1 of 2, 4,000 of 5,000.
    expect(cell(cells, '2025-04-01')?.head).toBeCloseTo(7 / 9, 12);
    expect(cell(cells, '2025-04-01', 'EMEA')?.head).toBe(0.75);
    expect(cell(cells, '2025-04-01', 'AMER')).toMatchObject({ base: 0.5, head: 0.8 });
  });

  it('flips statuses against the 60% target (green ≥ 100%, amber ≥ 85% of it)', () => {
    // Q1 company 0.6 → 0.333 (green → red), AMER 0.667 → 0.5 (green → red), EMEA 0.5 → 0.25 (red both);
    // Q2 company 0.6 → 0.778 (green both), EMEA 0.667 → 0.75 (green both), AMER 0.5 → 0.8 (red → green).
    // One KPI on the scorecard: the overall score follows it.
    expect(flips(run.json!)).toEqual([
      '2025-Q1 ACME overall: green → red',
      '2025-Q1 ACME win_rate: green → red',
      '2025-Q1 AMER overall: green → red',
      '2025-Q1 AMER win_rate: green → red',
      '2025-Q2 AMER overall: red → green',
      '2025-Q2 AMER win_rate: red → green',
    ]);
  });
});

describe('other changes on the data', () => {
  it('a target change moves no value but flips statuses; it needs sales and finance', async () => {
    const run = await diff({ 'kpis/kpis.yaml': KPIS_YAML.replace('target: 0.6', 'target: 0.7') }, ['--format', 'json']);
    expect(run.code).toBe(0);
    const j = run.json!;
    expect(j.values.sections.map((s) => s.kind)).toEqual(['scorecard-statuses']);
    // Against 0.7: company 0.6 (86%: amber), AMER Q1 0.667 (95%: amber), EMEA Q2 0.667 (amber).
    expect(flips(j).filter((f) => f.includes('win_rate'))).toEqual([
      '2025-Q1 ACME win_rate: green → amber',
      '2025-Q1 AMER win_rate: green → amber',
      '2025-Q2 ACME win_rate: green → amber',
      '2025-Q2 EMEA win_rate: green → amber',
    ]);
    expect(j.approvals.seats.map((s) => s.seat)).toEqual(['sales', 'finance']);
  }, 120_000);

  it('money that moves by a millionth moves: exact values are compared to the last digit, and the JSON gives every digit', async () => {
    const formula = 'formula: sum(amount where won)';
    const run = await diff({ 'kpis/kpis.yaml': KPIS_YAML.replace(formula, `${formula} + 0.000001`) }, ['--format', 'json']);
    expect(run.code).toBe(0);
    const values = run.json!.values.sections.find((s) => s.kind === 'kpi-values');
    if (values?.kind !== 'kpi-values') throw new Error('no values section');
    const bookings = values.kpis.find((k) => k.kpi === 'bookings');
    // Q1 bookings are 2,000: 2000.000001 is 5e-10 away, which real values would call the same.
    expect(bookings?.moved).toBe(true);
    expect(cell(bookings?.cells ?? [], '2025-01-01')).toMatchObject({ base: 2000, head: 2000.000001, same: false });
    expect(run.stdout).toContain('"head": 2000.000001,');
  }, 120_000);

  it('a definition rewritten to the same meaning is breaking, and says that no number moves', async () => {
    const run = await diff({
      'sources/sources.yaml': SOURCES_YAML.replace("closed: stage in ('Won', 'Lost')", "closed: won or stage = 'Lost'"),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| breaking | source `opportunities` |');
    expect(run.stdout).toContain('- no number moves: 12 values of 2 KPIs are the same under both versions');
    expect(run.stdout).toContain('- no status changes: 12 statuses compared');
    // Only what names `closed` is reached: not bookings or won_deals, which read the same source.
    expect(run.stdout).toContain(
      '- source `opportunities` → kpi `closed_deals`, kpi `win_rate` (through `closed_deals`), scorecard `sales` (through `win_rate`)',
    );
  }, 120_000);
});

describe('the pull-request comment', () => {
  it('summary first, details folded, approvals with members, the changelog entry', async () => {
    const run = await diff({
      'kpis/kpis.yaml': BY_VALUE,
      'catalog.yaml': 'catalog: acme\nversion: 2.0.0\ntitle: ACME test catalog\ncurrency: USD\ndata: ../data\n',
    });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '### Catalog change: `acme` 1.0.0 → 2.0.0',
      '',
      '**1 changed document**: 1 breaking · 0 minor · 0 patch.',
    ]);
    expect(run.stdout).toContain('Version: major bump required, 2.0.0 is right.');
    expect(run.stdout).toContain(
      '- **Win rate** (`win_rate`): 2025-Q2 60.0% → 77.8% (+17.8 pts); changes in 2 of 2 quarters; by region, 4 of 4 figures change',
    );
    expect(run.stdout).toContain('- 2025-Q1 · AMER · Win rate: **green → red** (66.7% → 50.0%, target 60.0%)');
    expect(run.stdout).toContain('- **Finance** (`finance`: @bob, @Bea) — Breaking changes');
    expect(run.stdout).toContain('- **Sales** (`sales`: @acme/sales) — Breaking changes');
    expect(run.stdout.indexOf('<details>')).toBeGreaterThan(run.stdout.indexOf('**Approvals needed**'));
    expect(run.stdout).toContain('| 2025-Q1 | 60.0% → 33.3% (−26.7 pts) | 66.7% → 50.0% (−16.7 pts) | 50.0% → 25.0% (−25.0 pts) |');
    expect(run.stdout).toContain(
      '```markdown\n## 2.0.0\n\n### Breaking changes\n\n- kpi `win_rate`: formula: `won_deals / closed_deals` → `bookings / sum(amount where closed)`\n```',
    );
  }, 120_000);
});
