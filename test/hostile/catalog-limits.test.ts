/**
 * Hostile input: catalogs that validate must run. Huge literal arguments are refused by
 * `validate` with the bound stated (resolve/argument-out-of-range), and a computed lookup may
 * have any id, `all` included, without meeting the compiler's own table names.
 */
import { describe, expect, test } from 'vitest';
import { withoutAsOf } from './plain-csv.js';
import { cli, salesFolder } from '../cli/helpers.js';

const kpi = (formula: string, unit = 'money'): Record<string, string> => ({
  'catalog/kpis/x.yaml': `kpi: x\ntitle: X\nformula: ${formula}\nunit: ${unit}\n`,
});

describe('a catalog that validates runs', () => {
  test.each([
    ['round(bookings, 10000000000)', 'money', 'round() keeps a whole number of decimals from -38 to 38, not 10000000000'],
    ['top_share(sum(amount) per id, 1e23)', 'ratio', 'top_share() counts at most 1,000,000,000 keys'],
    ['prior(bookings, 1e15 days)', 'money', 'a window or shift spans at most 365,243 days (1,000 years)'],
    ['rolling(bookings, 99999999 months)', 'money', 'a window or shift spans at most 12,000 months (1,000 years)'],
    ['prior(bookings, 1500 years)', 'money', 'a window or shift spans at most 1,000 years (1,000 years)'],
  ])('%s is refused by validate, with the bound', async (formula, unit, message) => {
    const f = salesFolder(kpi(formula, unit));
    try {
      const r = await cli(f.root, ['validate']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('error[resolve/argument-out-of-range]');
      expect(r.stdout).toContain(message);
    } finally {
      f.remove();
    }
  });

  test.each([
    ['round(bookings, -2)', 'money'],
    ['prior(bookings, 1000 years)', 'money'],
    ['top_share(sum(amount) per id, 2)', 'ratio'],
  ])('%s at the bound validates and runs', async (formula, unit) => {
    const f = salesFolder(kpi(formula, unit));
    try {
      expect((await cli(f.root, ['validate'])).code).toBe(0);
      const r = await cli(f.root, ['run', '--kpi', 'x', '--grain', 'year', '--format', 'csv']);
      expect([r.code, r.stderr]).toEqual([0, '']);
    } finally {
      f.remove();
    }
  });

  test.each(['all', 'periods', 'cells', 'bounds', 'tuples', 's0'])('a computed lookup named `%s` runs', async (id) => {
    const f = salesFolder({
      'catalog/lookups/l.yaml': `lookup: ${id}\nkey: region\nvalue: deals\nwindow: 2 years\n`,
      'catalog/kpis/x.yaml': `kpi: x\ntitle: X\nformula: sum(amount * ${id}[region])\nunit: money\n`,
    });
    try {
      expect((await cli(f.root, ['validate'])).code).toBe(0);
      const r = await cli(f.root, ['run', '--kpi', 'x', '--grain', 'year', '--format', 'csv']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(withoutAsOf(r.stdout)).toBe('kpi,period,value\nx,2024-01-01,0\n');
    } finally {
      f.remove();
    }
  });
});
