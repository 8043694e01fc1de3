import { describe, expect, test } from 'vitest';
import { loadCatalogFromFiles } from '../../src/load/load-catalog.js';
import { positions } from './helpers.js';

/** A catalog of `n` KPIs over one source, 100 KPIs per file, several documents per file. */
function bigCatalog(n: number): Map<string, string> {
  const files = new Map<string, string>();
  files.set('catalog.yaml', 'catalog: big\nversion: 1.0.0\ncalendar: { fiscal_year_start: 2 }\n');
  files.set(
    'sources/opportunities.yaml',
    [
      'source: opportunities',
      'file: opportunities.csv',
      'time: close_date',
      'columns:',
      '  id: { type: string, required: true, unique: true }',
      '  stage: { type: string, values: [Open, Won, Lost] }',
      '  amount: { type: money }',
      '  close_date: { type: date }',
      'definitions:',
      "  won: stage = 'Won'",
      '',
    ].join('\n'),
  );
  for (let f = 0; f * 100 < n; f++) {
    const docs: string[] = [];
    for (let i = f * 100; i < Math.min(n, (f + 1) * 100); i++) {
      docs.push(
        [
          `kpi: kpi_${i}`,
          `title: KPI number ${i}`,
          `formula: sum(amount where won) * ${i}`,
          'unit: money',
          `owner: team_${i % 7}`,
          `refresh: ${['daily', 'weekly', 'monthly', 'quarterly'][i % 4]}`,
          `target: ${1000 + i}`,
          'thresholds: { green: 1.0, amber: 0.9 }',
          'overrides:',
          "  - where: region = 'EMEA'",
          `    target: ${900 + i}`,
          '',
        ].join('\n'),
      );
    }
    files.set(`kpis/batch_${String(f).padStart(2, '0')}.yaml`, docs.join('---\n'));
  }
  return files;
}

describe('loadCatalogFromFiles at scale', () => {
  test('a 2,000-KPI catalog loads and validates', () => {
    const result = loadCatalogFromFiles(bigCatalog(2000));
    expect(result.diagnostics).toEqual([]);
    expect(result.value.kpis.size).toBe(2000);
    expect(result.value.files.size).toBe(22);
    const k = result.value.kpis.get('kpi_1234');
    expect([k?.formula.text, k?.target?.text, k?.refresh, k?.overrides[0]?.target?.text]).toEqual([
      'sum(amount where won) * 1234',
      '2234',
      'monthly',
      '2134',
    ]);
  });

  test('problems in a big catalog are found at their exact places', () => {
    const files = bigCatalog(2000);
    const text = files.get('kpis/batch_07.yaml') ?? '';
    files.set(
      'kpis/batch_07.yaml',
      text.replace('kpi: kpi_750\n', 'kpi: kpi_750\nformual: x\n').replace('kpi: kpi_799\n', 'kpi: kpi_10\n'),
    );
    const result = loadCatalogFromFiles(files);
    expect(positions(result)).toEqual([
      { code: 'load/duplicate-id', file: 'kpis/batch_00.yaml', line: 121, column: 6 },
      { code: 'schema/unknown-key', file: 'kpis/batch_07.yaml', line: 602, column: 1 },
      { code: 'load/duplicate-id', file: 'kpis/batch_07.yaml', line: 1190, column: 6 },
    ]);
    expect(result.diagnostics[0]?.message).toContain('kpis/batch_07.yaml:1190');
    expect(result.diagnostics[2]?.message).toContain('kpis/batch_00.yaml:121');
  });
});
