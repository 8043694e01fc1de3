import { describe, expect, it } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';

const files = (kpis: string): Map<string, string> =>
  new Map([
    ['catalog.yaml', 'catalog: t\nversion: 1.0.0\n'],
    [
      'sources.yaml',
      'source: deals\nfile: deals.csv\ntime: day\ncolumns:\n  day: { type: date }\n  amount: { type: money }\n  region: { type: string }\ndimensions:\n  region: region\n',
    ],
    ['kpis.yaml', kpis],
  ]);

describe('KPI targets', () => {
  it('a target may name the KPI itself (last year’s value plus growth): not a cycle', () => {
    const checked = checkCatalogFiles(files('kpi: bookings\nformula: sum(amount)\nunit: money\ntarget: prior(bookings, 1 year) * 1.1\n'));
    expect(checked.diagnostics).toEqual([]);
    const target = checked.resolved.kpis.get('bookings')?.target;
    expect(target?.type).toBe('number');
    expect(target?.unit).toBe('money');
  });
  it('a target may name a KPI defined after it; overrides resolve their scope over dimensions', () => {
    const checked = checkCatalogFiles(
      files(
        "kpi: bookings\nformula: sum(amount)\ntarget: plan\noverrides:\n  - where: region = 'EMEA'\n    target: plan * 0.9\n---\nkpi: plan\nformula: sum(amount) * 2\n",
      ),
    );
    expect(checked.diagnostics).toEqual([]);
    const kpi = checked.resolved.kpis.get('bookings');
    expect(kpi?.target).toMatchObject({ kind: 'kpi', id: 'plan', type: 'number' });
    expect(kpi?.overrides[0]?.where).toMatchObject({ kind: 'binary', op: '=', left: { kind: 'dimension', name: 'region' } });
  });
  it('an override naming an unknown dimension is reported', () => {
    const checked = checkCatalogFiles(files("kpi: bookings\nformula: sum(amount)\noverrides:\n  - where: regon = 'EMEA'\n    target: 5\n"));
    expect(checked.diagnostics.map((d) => [d.code, d.hint])).toEqual([['resolve/unknown-dimension', 'did you mean `region`?']]);
  });
});

describe('a source and a KPI of the same id', () => {
  it('is one error at each place, with no follow-on errors: the source still counts its rows', () => {
    const checked = checkCatalogFiles(files('kpi: deals\nformula: 1 + 0\n---\nkpi: k\nformula: count(deals) + deals\n'));
    expect(checked.diagnostics.map((d) => [d.code, d.span.file])).toEqual([
      ['load/duplicate-id', 'kpis.yaml'],
      ['load/duplicate-id', 'sources.yaml'],
    ]);
    expect(checked.diagnostics[0]?.message).toContain('duplicate id `deals`: it is also the id of the source at sources.yaml:1');
    expect(checked.resolved.kpis.get('k')?.sources).toEqual(['deals']);
  });
});
