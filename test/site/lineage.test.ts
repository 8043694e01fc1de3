/** Lineage graphs from resolved formulas: exactly the files, columns, sources and KPIs read, and the users. */
import { describe, expect, test } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { catalogView } from '../../src/site/catalog-view.js';
import { kpiLineage, sourceLineage } from '../../src/site/lineage.js';
import { CATALOG } from '../testing/fixture.js';

const extra = {
  'derived.yaml': `kpi: emea_bookings\nformula: sum(amount where won and owner.region = 'EMEA')\nunit: money\n---\nkpi: bookings_per_target\nformula: bookings / target_total\nunit: ratio\n`,
};
const checked = checkCatalogFiles(new Map(Object.entries({ ...CATALOG, ...extra })));
const view = catalogView(checked.resolved, []);

const edges = (g: ReturnType<typeof kpiLineage>): string[] => g.edges.map((e) => `${e.from} → ${e.to}`).sort();

describe('kpiLineage', () => {
  test('a KPI over a join: the columns of both sources, including the join keys', () => {
    const g = kpiLineage(view, 'emea_bookings');
    expect(g.nodes.map((n) => n.key).sort()).toEqual([
      'column:opportunities.amount',
      'column:opportunities.close_date',
      'column:opportunities.owner_id',
      'column:opportunities.stage',
      'column:reps.region',
      'column:reps.rep_id',
      'file:opportunities.csv',
      'file:reps.csv',
      'kpi:emea_bookings',
      'source:opportunities',
      'source:reps',
    ]);
    expect(g.nodes.find((n) => n.key === 'kpi:emea_bookings')?.focal).toBe(true);
    expect(edges(g)).toContain('column:reps.region → source:reps');
    expect(edges(g)).toContain('source:reps → kpi:emea_bookings');
  });

  test('a KPI built on others, and the scorecard and KPIs that use it', () => {
    const g = kpiLineage(view, 'bookings');
    expect(edges(g)).toEqual(
      expect.arrayContaining([
        'source:opportunities → kpi:bookings',
        'kpi:bookings → kpi:bookings_per_target',
        'kpi:bookings → scorecard:sales',
      ]),
    );
    const layers = new Map(g.nodes.map((n) => [n.key, n.layer]));
    expect(layers.get('file:opportunities.csv')).toBe(0);
    expect(layers.get('column:opportunities.amount')).toBe(1);
    expect(layers.get('source:opportunities')).toBe(2);
    expect(layers.get('kpi:bookings')).toBe(3);
    expect(layers.get('kpi:bookings_per_target')).toBe(4);
    expect(layers.get('scorecard:sales')).toBe(5);
    const derived = kpiLineage(view, 'bookings_per_target');
    expect(edges(derived)).toEqual(
      expect.arrayContaining(['kpi:bookings → kpi:bookings_per_target', 'kpi:target_total → kpi:bookings_per_target']),
    );
  });

  test('a source: its file and columns, then the KPIs reading it directly', () => {
    const g = sourceLineage(view, 'reps');
    expect(g.nodes.filter((n) => n.kind === 'kpi').map((n) => n.key)).toEqual(['kpi:emea_bookings']);
    expect(g.nodes.filter((n) => n.kind === 'column').length).toBe(2);
  });
});
