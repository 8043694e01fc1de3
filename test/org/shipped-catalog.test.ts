/**
 * The shipped catalog's organisation on the example data: who manages each node as the
 * generated HR export (examples/data/rep_assignments.csv) says, as of the period judged —
 * including a region head and a team lead who were replaced.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { calendarOf } from '../../src/model/calendar.js';
import { readOrganisation } from '../../src/org/organisation.js';
import type { OrgNode } from '../../src/org/tree.js';
import { parsePeriod, type Period } from '../../src/periods/period.js';
import { dataFolder } from '../../src/pipeline.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import { checkShippedCatalog } from '../catalog/helpers.js';
import { assertValid } from '../helpers/workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const checked = checkShippedCatalog();
let db: Database;

beforeAll(async () => {
  assertValid(checked);
  db = await openDatabase();
});
afterAll(() => db.close());

/** Level label path (`EMEA/EMEA Enterprise`) → managers, for every node above the members. */
async function managers(label: string): Promise<Map<string, readonly string[]>> {
  const { resolved, catalog } = checked;
  const calendar = calendarOf(catalog);
  const h = checkScorecards(resolved).value.hierarchies.get('sales_org');
  const like = resolved.kpis.get('bookings');
  if (h === undefined || like === undefined) throw new Error('the shipped catalog lost sales_org or bookings');
  const period = parsePeriod(label, 'quarter', calendar) as Period;
  const dataDir = dataFolder(catalog, path.join(ROOT, 'catalog'));
  const org = await readOrganisation(resolved, h, period, { dataDir, db, roles: [], like, warnings: [] });
  if ('ok' in org) throw new Error(org.message);
  const out = new Map<string, readonly string[]>();
  const visit = (n: OrgNode, prefix: string): void => {
    if (n.level === h.levels.length - 1) return;
    const name = n.level === 0 ? '' : `${prefix}${n.label}`;
    out.set(name, n.managers);
    n.children.forEach((c) => visit(c, n.level === 0 ? '' : `${name}/`));
  };
  visit(org.tree, '');
  return out;
}

describe('managers in the shipped catalog', () => {
  it('2025-Q4 (to 2026-09-30): the chief executive, the region heads, a team lead who took over in July', async () => {
    const m = await managers('2025-Q4');
    expect(['', 'AMER', 'APAC', 'EMEA', 'EMEA/EMEA Enterprise', 'EMEA/(no team)'].map((k) => m.get(k))).toEqual([
      ['REP-00001'],
      ['REP-00002'],
      ['REP-00005'],
      ['REP-00004'],
      ['REP-00081'],
      [],
    ]);
  });

  it('a year earlier (to 2025-06-30): EMEA’s previous head, and the previous Enterprise lead', async () => {
    const m = await managers('2024-Q3');
    expect([m.get('EMEA'), m.get('EMEA/EMEA Enterprise')]).toEqual([['REP-00003'], ['REP-00029']]);
  });
});
