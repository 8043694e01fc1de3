/**
 * An id claimed twice in the shipped catalog — a new file repeating a KPI's id, or a KPI given a
 * source's id — is one error at every place, the cause and nothing else: no follow-on errors or
 * warnings from whichever copy would have won.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';

const ROOT = path.resolve(import.meta.dirname, '../../catalog');

function shipped(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name)) files.set(path.relative(ROOT, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(ROOT);
  return files;
}

function problems(extra: Record<string, string>): string[] {
  const files = shipped();
  for (const [k, v] of Object.entries(extra)) files.set(k, v);
  return checkCatalogFiles(files).diagnostics.map((d) => `${d.severity} ${d.code} ${d.span.file}: ${d.message}`);
}

describe('an id claimed twice in the shipped catalog', () => {
  test('a KPI id repeated in a new file (read first): an error at both copies, nothing else', () => {
    expect(
      problems({ 'kpis/aa-mine.yaml': 'kpi: bookings\ntitle: My bookings\nformula: count(opportunities where won)\nunit: count\n' }),
    ).toEqual([
      'error load/duplicate-id kpis/aa-mine.yaml: duplicate KPI id `bookings`: it is also defined at kpis/bookings.yaml:2',
      'error load/duplicate-id kpis/bookings.yaml: duplicate KPI id `bookings`: it is also defined at kpis/aa-mine.yaml:1',
    ]);
  });

  test("a KPI given a source's id: the clash at both places, first and only", () => {
    expect(problems({ 'kpis/zz-mine.yaml': 'kpi: opportunities\nformula: count(accounts)\nunit: count\n' })).toEqual([
      'error load/duplicate-id kpis/zz-mine.yaml: duplicate id `opportunities`: it is also the id of the source at sources/opportunities.yaml:1; sources, KPIs and lookups share one namespace',
      'error load/duplicate-id sources/opportunities.yaml: duplicate id `opportunities`: it is also the id of the KPI at kpis/zz-mine.yaml:1; sources, KPIs and lookups share one namespace',
    ]);
  });

  test("the left-out copy's own mistakes are still reported", () => {
    const found = problems({ 'kpis/aa-mine.yaml': 'kpi: bookings\nformula: sum(ammount where won)\nunit: money\n' });
    expect(found).toContain('error resolve/unknown-column kpis/aa-mine.yaml: unknown column `ammount` in source `opportunities`');
    expect(found).toHaveLength(3);
  });
});
