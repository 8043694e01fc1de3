import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli, salesFolder } from './helpers.js';

const ws = salesFolder();
afterAll(() => ws.remove());

describe('compile', () => {
  test("prints SQL reading the files of the catalog's data folder", async () => {
    const r = await cli(ws.root, ['compile', '--kpi', 'win_rate', '--by', 'region', '--grain', 'quarter']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^WITH\b/);
    expect(r.stdout).toContain(path.join(ws.root, 'data', 'opportunities.csv'));
    expect(r.stdout).toContain('"region"');
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  test('needs no data: a missing data folder is fine, --data only changes paths', async () => {
    const r = await cli(ws.root, ['compile', '--kpi', 'bookings', '--data', 'nowhere']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(path.join(ws.root, 'nowhere', 'opportunities.csv'));
  });

  test('--emit query-plan prints the query plan as JSON; `plan` is its old name', async () => {
    const argv = ['compile', '--kpi', 'bookings,deals', '--grain', 'year', '--dialect', 'duckdb', '--emit'];
    const r = await cli(ws.root, [...argv, 'query-plan']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { grain: string; by: string[]; scans: { source: string; purpose: unknown }[] };
    expect([plan.grain, plan.by, plan.scans.map((s) => [s.source, s.purpose])]).toEqual([
      'year',
      [],
      [['opportunities', { kind: 'main' }]],
    ]);
    const old = await cli(ws.root, [...argv, 'plan']);
    expect([old.code, old.stdout]).toEqual([0, r.stdout]);
  });

  test('a window shorter than the grain: a diagnostic at the formula, exit 1, no SQL', async () => {
    const f = salesFolder({ 'catalog/kpis/more.yaml': 'kpi: last_week\nformula: prior(bookings, 1 week)\n' });
    try {
      const r = await cli(f.root, ['compile', '--kpi', 'last_week', '--grain', 'quarter']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^catalog\/kpis\/more\.yaml:2:10: error\[query\/window-at-grain\] KPI `last_week` at grain quarter: /);
      expect(r.stderr).toContain('kpic: the KPIs cannot be computed as requested; nothing was run');
    } finally {
      f.remove();
    }
  });

  test('an invalid catalog: diagnostics on stderr, exit 1, no SQL', async () => {
    const f = salesFolder({ 'catalog/kpis/kpis.yaml': 'kpi: bookings\nformula: sum(amount where won) +\n' });
    try {
      const r = await cli(f.root, ['compile', '--kpi', 'bookings']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^catalog\/kpis\/kpis\.yaml:2:\d+: error\[formula\/syntax\] /);
    } finally {
      f.remove();
    }
  });

  test('catalog warnings are shown on stderr and the SQL is still printed', async () => {
    const f = salesFolder({ 'catalog/kpis/more.yaml': 'kpi: uses_old\nformula: old_deals * 2\n' });
    try {
      const r = await cli(f.root, ['compile', '--kpi', 'uses_old']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^WITH\b/);
      expect(r.stderr).toContain('warning[resolve/deprecated-reference]');
    } finally {
      f.remove();
    }
  });
});
