/**
 * The organisation as of a period, read from real files through DuckDB: the tree, each node's
 * managers, the roles members hold, and figures by node at every level, all against the
 * hand-computed answers of fixture.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { findNode } from '../../src/org/find-node.js';
import type { ResolvedHierarchy } from '../../src/org/hierarchy.js';
import { evaluateLevel, type LevelValues } from '../../src/org/level-values.js';
import { readOrganisation, type Organisation } from '../../src/org/organisation.js';
import type { OrgNode } from '../../src/org/tree.js';
import { parsePeriod, type Period } from '../../src/periods/period.js';
import type { ResolvedCatalog, ResolvedKpi } from '../../src/resolve/resolved.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import type { ResolvedScorecard } from '../../src/scorecard/resolved.js';
import { assertValid, makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { ORG_CATALOG, ORG_DATA } from './fixture.js';

const calendar = { fiscalYearStart: 1, weekStart: 'monday' } as const;
const quarter = (label: string): Period => parsePeriod(label, 'quarter', calendar) as Period;

let ws: Workspace;
let db: Database;
let resolved: ResolvedCatalog;
let h: ResolvedHierarchy;
let roles: ResolvedScorecard[];
let like: ResolvedKpi;

beforeAll(async () => {
  ws = makeWorkspace(ORG_CATALOG, ORG_DATA);
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  resolved = checked.resolved;
  const sc = checkScorecards(resolved).value;
  const org = sc.hierarchies.get('org');
  const bookings = resolved.kpis.get('bookings');
  if (org === undefined || bookings === undefined) throw new Error('fixture incomplete');
  h = org;
  like = bookings;
  roles = [...sc.roles.values()];
  db = await openDatabase();
});

afterAll(() => db.close());

async function organisation(period: Period): Promise<Organisation> {
  const org = await readOrganisation(resolved, h, period, { dataDir: ws.dataDir, db, roles, like, warnings: [] });
  if ('ok' in org) throw new Error(org.message);
  return org;
}

function outline(n: OrgNode, depth = 0): string[] {
  const managers = n.managers.length === 0 ? '-' : n.managers.join(' ');
  return [
    `${'  '.repeat(depth)}${n.levelName} ${n.label} [${n.members.join(' ')}] managers: ${managers}`,
    ...n.children.flatMap((c) => outline(c, depth + 1)),
  ];
}

function node(tree: OrgNode, level: string, value: string): OrgNode {
  const found = findNode(tree, ['company', 'region', 'team', 'person'], [{ level, value }]);
  if (found.kind !== 'found') throw new Error(`${level}=${value}: ${found.kind}`);
  return found.node;
}

describe('the organisation of a period', () => {
  it('Q2: the tree as of 30 June, with every node’s managers', async () => {
    const org = await organisation(quarter('2025-Q2'));
    expect(org.membershipDate).toBe('2025-06-30');
    expect(outline(org.tree)).toEqual([
      'company Hand Co [e0 e1 m0 r1 r2 r3 r4 r5 u0 u1] managers: m0',
      '  region EU [e0 e1 r1 r5] managers: e0',
      '    team EU-A [e1 r1 r5] managers: e1',
      '      person Ann [r1] managers: e1',
      '      person Ed [r5] managers: e1',
      '      person Eli [e1] managers: e0',
      '    team (no team) [e0] managers: -',
      '      person Eve [e0] managers: m0',
      '  region US [r2 r3 r4 u0 u1] managers: u0',
      '    team US-A [r2 r3 u1] managers: u1',
      '      person Bob [r2] managers: u1',
      '      person Cy [r3] managers: u1',
      '      person Ugo [u1] managers: u0',
      '    team US-B [r4] managers: -',
      '      person Di [r4] managers: u0',
      '    team (no team) [u0] managers: -',
      '      person Uma [u0] managers: m0',
      '  region (no region) [m0] managers: -',
      '    team (no team) [m0] managers: -',
      '      person Mo [m0] managers: -',
    ]);
  });

  it('Q1: Bob is still in EU-A, under Eli', async () => {
    const { tree } = await organisation(quarter('2025-Q1'));
    expect(node(tree, 'team', 'EU-A').members).toEqual(['e1', 'r1', 'r2', 'r5']);
    expect(node(tree, 'team', 'US-A').members).toEqual(['r3', 'u1']);
    expect(node(tree, 'person', 'Bob').managers).toEqual(['e1']);
  });

  it('roles are evaluated on the spell that places each member', async () => {
    const { tree } = await organisation(quarter('2025-Q2'));
    expect([node(tree, 'person', 'Eli').roles, node(tree, 'person', 'Ann').roles]).toEqual([['lead'], []]);
  });
});

describe('figures by node, recomputed at each level', () => {
  const at = (values: LevelValues, tree: OrgNode, key: string, level: string, value: string): number | null | undefined =>
    values.values.get(key)?.get(node(tree, level, value).key);

  it('bookings by team, region and the whole company; satisfaction only where the level has a region', async () => {
    const period = quarter('2025-Q2');
    const { tree } = await organisation(period);
    const bookings = resolved.kpis.get('bookings');
    const satisfaction = resolved.kpis.get('satisfaction');
    if (bookings === undefined || satisfaction === undefined) throw new Error('fixture incomplete');
    const requests = [bookings, satisfaction].map((k) => ({
      key: k.id,
      expr: { kind: 'kpi' as const, id: k.id, span: k.def.idSpan, type: k.type, unit: k.unit },
      like: k,
    }));
    const ctx = { resolved, hierarchy: h, period, tree, dataDir: ws.dataDir, db, warnings: [] };
    const teams = await evaluateLevel(ctx, 2, requests);
    const regions = await evaluateLevel(ctx, 1, requests);
    const company = await evaluateLevel(ctx, 0, requests);
    const people = await evaluateLevel(ctx, 3, requests);
    if ('ok' in teams || 'ok' in regions || 'ok' in company || 'ok' in people) throw new Error('evaluation failed');
    expect([
      at(teams, tree, 'bookings', 'team', 'EU-A'),
      at(teams, tree, 'bookings', 'team', 'US-A'),
      at(teams, tree, 'bookings', 'team', 'US-B'),
    ]).toEqual([130, 250, 70]);
    expect(teams.unavailable.get('satisfaction')).toBe('not available by team: source `surveys` has no `rep` dimension');
    expect([at(regions, tree, 'bookings', 'region', 'EU'), at(regions, tree, 'bookings', 'region', 'US')]).toEqual([130, 320]);
    expect([at(regions, tree, 'satisfaction', 'region', 'EU'), at(regions, tree, 'satisfaction', 'region', 'US')]).toEqual([8, 6]);
    expect(company.values.get('bookings')?.get(tree.key)).toBe(450);
    expect(company.values.get('satisfaction')?.get(tree.key)).toBeCloseTo(22 / 3, 12);
    expect([at(people, tree, 'bookings', 'person', 'Bob'), at(people, tree, 'bookings', 'person', 'Ed')]).toEqual([200, 30]);
  });
});
