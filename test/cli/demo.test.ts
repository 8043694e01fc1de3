import { afterAll, describe, expect, test } from 'vitest';
import { cli, salesFolder } from './helpers.js';

const ws = salesFolder();
afterAll(() => ws.remove());

describe('demo', () => {
  test('summarises the latest quarter against the one before, by region, grouped by perspective', async () => {
    const r = await cli(ws.root, ['demo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Sales test catalog v1.2.0',
        'catalog is valid: 5 KPIs, 1 source',
        'data: data, as of 2024-06-30 (the latest event in source `opportunities`)',
        '',
        'Quarter 2024-04-01 – 2024-06-30 against 2024-01-01 – 2024-03-31',
        '',
        'Financial',
        '  Bookings (bookings, money)',
        '    AMER  $2,801  ▲ new    was $0',
        '    EMEA    $700  ▼ 30.0%  was $1,000',
        '',
        'Internal process',
        '  Win rate (win_rate, percent)',
        '    AMER  100.0%  ▲ 100.0 pts  was 0.0%',
        '    EMEA  100.0%  ▲ 50.0 pts   was 50.0%',
        '',
        'Other',
        '  Deals won (deals, count)',
        '    AMER  2  ▲ new   was 0',
        '    EMEA  1  = 0.0%  was 1',
        '  Sales cycle (cycle_days, days)',
        '    AMER  35.0 d',
        '    EMEA  50.0 d  ▲ 400.0%  was 10.0 d',
        '',
      ].join('\n'),
    );
  });

  test('KPIs whose sources lack a region dimension run without breakdown', async () => {
    const f = salesFolder({
      'catalog/sources/targets.yaml':
        'source: targets\nfile: targets.csv\ntime: month\ncolumns:\n  month: { type: date }\n  quota: { type: money }\n',
      'catalog/kpis/quota.yaml': 'kpi: quota\ntitle: Quota\nformula: sum(quota)\nunit: money\n',
      'data/targets.csv': 'month,quota\n2024-01-01,100\n2024-04-01,300\n',
    });
    try {
      const r = await cli(f.root, ['demo']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('  Quota (quota, money)\n    all  $300  ▲ 200.0%  was $100\n');
      expect(r.stdout).toContain('    AMER  $2,801');
    } finally {
      f.remove();
    }
  });

  test('without perspectives there are no groups', async () => {
    const f = salesFolder({ 'catalog/kpis/kpis.yaml': 'kpi: deals\nformula: count(opportunities where won)\nunit: count\n' });
    try {
      const r = await cli(f.root, ['demo']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').slice(4)).toEqual([
        'Quarter 2024-04-01 – 2024-06-30 against 2024-01-01 – 2024-03-31',
        '',
        'deals (deals, count)',
        '  AMER  2  ▲ new   was 0',
        '  EMEA  1  = 0.0%  was 1',
        '',
      ]);
    } finally {
      f.remove();
    }
  });

  test('an invalid catalog: diagnostics and exit 1', async () => {
    const f = salesFolder({ 'catalog/kpis/kpis.yaml': 'kpi: deals\nformula: count(opportunities where wonn)\n' });
    try {
      const r = await cli(f.root, ['demo']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('catalog/kpis/kpis.yaml:2:36: error[resolve/unknown-column]');
    } finally {
      f.remove();
    }
  });

  test('bad data: data diagnostics and exit 1', async () => {
    const f = salesFolder({ 'data/opportunities.csv': 'id,region,stage,amount,cycle,close_date\n1,EMEA,Won,x,1,2024-01-01\n' });
    try {
      const r = await cli(f.root, ['demo']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('data/opportunities.csv:2:4: error[data/bad-value]');
    } finally {
      f.remove();
    }
  });
});
