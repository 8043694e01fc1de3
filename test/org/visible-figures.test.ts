/**
 * Figures confined to the nodes a reader may see (`LevelContext.visible`, compiled into each
 * query as `QueryRequest.only`), and the rows behind a figure (`planRows` + `listRows`), on the
 * hand-built organisation of fixture.ts: real files, real DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { findNode } from '../../src/org/find-node.js';
import type { ResolvedHierarchy } from '../../src/org/hierarchy.js';
import { evaluateLevel, NOT_VISIBLE, type LevelContext } from '../../src/org/level-values.js';
import { readOrganisation } from '../../src/org/organisation.js';
import type { OrgNode } from '../../src/org/tree.js';
import { parsePeriod, type Period } from '../../src/periods/period.js';
import { listRows, runKpis } from '../../src/pipeline.js';
import { figureParts } from '../../src/query/figure-parts.js';
import { planRows } from '../../src/query/plan-rows.js';
import type { ResolvedCatalog, ResolvedKpi } from '../../src/resolve/resolved.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import { assertValid, makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { ORG_CATALOG, ORG_DATA } from './fixture.js';

const calendar = { fiscalYearStart: 1, weekStart: 'monday' } as const;
const q2 = parsePeriod('2025-Q2', 'quarter', calendar) as Period;

let ws: Workspace;
let db: Database;
let resolved: ResolvedCatalog;
let h: ResolvedHierarchy;
let like: ResolvedKpi;
let tree: OrgNode;

beforeAll(async () => {
  ws = makeWorkspace(ORG_CATALOG, ORG_DATA);
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  resolved = checked.resolved;
  const sc = checkScorecards(resolved).value;
  h = sc.hierarchies.get('org') as ResolvedHierarchy;
  like = resolved.kpis.get('bookings') as ResolvedKpi;
  db = await openDatabase();
  const org = await readOrganisation(resolved, h, q2, { dataDir: ws.dataDir, db, roles: [], like, warnings: [] });
  if ('ok' in org) throw new Error(org.message);
  tree = org.tree;
});

afterAll(() => db.close());

const levels = ['company', 'region', 'team', 'person'];
function node(level: string, value: string): OrgNode {
  const found = findNode(tree, levels, [{ level, value }]);
  if (found.kind !== 'found') throw new Error(`${level}=${value}: ${found.kind}`);
  return found.node;
}

const bookings = (): Parameters<typeof evaluateLevel>[2][number] => ({
  key: 'b',
  expr: { kind: 'kpi', id: 'bookings', span: { file: 'kpis.yaml', start: 0, end: 1 }, type: 'number', unit: 'money' },
  like,
});

async function figures(level: number, visible?: (n: OrgNode) => boolean): Promise<Record<string, number | null | string>> {
  const ctx: LevelContext = { resolved, hierarchy: h, period: q2, tree, dataDir: ws.dataDir, db, warnings: [], visible };
  const values = await evaluateLevel(ctx, level, [bookings()]);
  if ('ok' in values) throw new Error(values.message);
  const out: Record<string, number | null | string> = {};
  const why = values.unavailable.get('b');
  if (why !== undefined) out['unavailable'] = why;
  for (const [k, v] of values.values.get('b') ?? new Map<string, number | null>()) out[k] = v;
  return out;
}

describe('figures confined to visible nodes', () => {
  it('teams: only the visible team’s cell comes back, with the same value as unrestricted', async () => {
    const euA = node('team', 'EU-A');
    const all = await figures(2);
    const only = await figures(2, (n) => n.key === euA.key);
    expect(all[euA.key]).toBe(130);
    expect(only).toEqual({ [euA.key]: 130 });
  });

  it('members: a rep sees their own cell only', async () => {
    const ann = node('person', 'r1');
    expect(await figures(3, (n) => n.key === ann.key)).toEqual({ [ann.key]: 100 });
  });

  it('the whole organisation: not computed for a reader who cannot see it', async () => {
    expect(await figures(0, () => false)).toEqual({ unavailable: NOT_VISIBLE });
    expect(await figures(0)).toEqual({ [tree.key]: 450 });
  });

  it('the restriction is in the compiled SQL, as literals', async () => {
    const result = await runKpis(
      resolved,
      {
        kpis: ['bookings'],
        grain: 'quarter',
        by: ['rep'],
        from: q2.start,
        to: q2.last,
        only: { dimension: 'rep', values: ["r1' OR 1=1 --"] },
      },
      { dataDir: ws.dataDir, db },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.rows).toEqual([]);
    expect(result.sql).toContain(`IN ('r1'' OR 1=1 --')`);
  });
});

describe('the rows behind a figure', () => {
  it('figureParts: the period’s dates for a plain aggregate', () => {
    const parts = figureParts(resolved, 'bookings', q2.start, 'quarter', calendar);
    expect(parts.map((p) => [p.aggregate.source, p.dates, p.total])).toEqual([
      ['opportunities', { from: '2025-04-01', before: '2025-07-01' }, false],
    ]);
  });

  it('lists the deals of US-A in Q2 (members as of the period), amounts exact as text', async () => {
    const usA = node('team', 'US-A');
    const [part] = figureParts(resolved, 'bookings', q2.start, 'quarter', calendar);
    if (part === undefined || part.dates === undefined) throw new Error('no part');
    const query = planRows(resolved, {
      source: 'opportunities',
      columns: ['id', 'owner_id', 'amount', 'close_date'],
      value: part.aggregate.value,
      filter: part.aggregate.filter,
      dates: { anchor: 'close_date', ...part.dates },
      within: [{ dimension: 'rep', values: usA.members }],
      limit: 10,
      offset: 0,
    });
    if (query.kind !== 'rows') throw new Error(query.kind);
    const listed = await listRows(resolved, query, { dataDir: ws.dataDir, db });
    if (!listed.ok) throw new Error(listed.message);
    expect(listed.total).toBe(2);
    expect(listed.rows.map((r) => [r['id'], r['owner_id'], Number(r['amount']), r['close_date']])).toEqual([
      ['o2', 'r2', 200, '2025-04-20'],
      ['o3', 'r3', 50, '2025-05-05'],
    ]);
    expect(typeof listed.rows[0]?.['amount']).toBe('string');
  });

  it('a page, and one row by its key; a hostile key is a literal that matches nothing', async () => {
    const base = { source: 'opportunities', columns: ['id'], within: [] } as const;
    const page = planRows(resolved, { ...base, limit: 2, offset: 2 });
    const one = planRows(resolved, { ...base, key: 'o4', limit: 10, offset: 0 });
    const hostile = planRows(resolved, { ...base, key: "o4' OR '1'='1", limit: 10, offset: 0 });
    const ids = async (q: ReturnType<typeof planRows>): Promise<unknown[]> => {
      if (q.kind !== 'rows') throw new Error(q.kind);
      const r = await listRows(resolved, q, { dataDir: ws.dataDir, db });
      if (!r.ok) throw new Error(r.message);
      return r.rows.map((x) => x['id']);
    };
    expect(await ids(page)).toEqual(['o3', 'o4']);
    expect(await ids(one)).toEqual(['o4']);
    expect(await ids(hostile)).toEqual([]);
  });

  it('refuses a restriction by a dimension the source lacks', () => {
    expect(
      planRows(resolved, { source: 'surveys', columns: ['score'], within: [{ dimension: 'rep', values: ['r1'] }], limit: 1, offset: 0 }),
    ).toEqual({
      kind: 'no-dimension',
      dimension: 'rep',
    });
  });
});
