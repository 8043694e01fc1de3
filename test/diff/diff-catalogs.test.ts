/**
 * The semantic diff on pairs of catalogs: each change class, renames with and without an alias,
 * references that follow a rename, and changes of layout, comments and spelling that change nothing.
 */
import { describe, expect, it } from 'vitest';
import { KPIS_YAML, ORG_YAML, SOURCES_YAML } from '../governance/fixture.js';
import { diffWith, summary } from './helpers.js';

const lines = (changes: Readonly<Record<string, string | null>>): string[] => diffWith(changes).changes.map(summary);

describe('no change', () => {
  it('layout, comments, key order, quoting, folding, defaults and formula spelling change nothing', () => {
    const rewritten = `# Deals
kpi: bookings
unit: money                      # moved up
formula: SUM( amount  WHERE won )   # keywords in capitals, spaces
title: "Bookings"
owner: finance
direction: up                    # the default, written out
status: active
---
kpi: won_deals
title: Deals won
formula: >
  count(opportunities
        where won)
unit: count
owner: sales_ops
---
{ kpi: closed_deals, title: Deals closed, formula: "count(opportunities where (closed))", unit: count, owner: sales_ops }
---
kpi: win_rate
title: Win rate
description: |-
  Won deals over
  closed deals.
formula: (won_deals) / (closed_deals)
unit: percent
owner: sales_ops
target: 60%
thresholds:
  amber: 0.850
  green: 1
`;
    const d = diffWith({ 'kpis/kpis.yaml': rewritten });
    expect(d.changes.map(summary)).toEqual([]);
    expect(d.largest).toBeUndefined();
  });

  it('reordering scorecard KPIs (matched by id) and writing the default status as `draft`/`proposed` change nothing', () => {
    const two = ORG_YAML.replace(
      '      - kpi: win_rate\n',
      '      - kpi: win_rate\n        weight: 50%\n      - kpi: bookings\n        weight: 50%\n',
    );
    const swapped = ORG_YAML.replace(
      '      - kpi: win_rate\n',
      '      - kpi: bookings\n        weight: 0.5\n      - kpi: win_rate\n        weight: 0.50\n',
    );
    expect(diffWith({ 'org/org.yaml': swapped }, { ...baseWith('org/org.yaml', two) }).changes).toEqual([]);
    const draft = KPIS_YAML.replace('owner: finance\n', 'owner: finance\nstatus: draft\n');
    const proposed = KPIS_YAML.replace('owner: finance\n', 'owner: finance\nstatus: proposed\n');
    expect(diffWith({ 'kpis/kpis.yaml': proposed }, baseWith('kpis/kpis.yaml', draft)).changes).toEqual([]);
  });
});

function baseWith(file: string, text: string): Record<string, string> {
  return { ...Object.fromEntries(Object.entries(diffBase())), [file]: text };
}

function diffBase(): Record<string, string> {
  return {
    'catalog.yaml': 'catalog: acme\nversion: 1.0.0\ntitle: ACME test catalog\ncurrency: USD\ndata: ../data\n',
    'sources/sources.yaml': SOURCES_YAML,
    'kpis/kpis.yaml': KPIS_YAML,
    'org/org.yaml': ORG_YAML,
  };
}

describe('change classes', () => {
  it('breaking: a formula means something else', () => {
    expect(
      lines({ 'kpis/kpis.yaml': KPIS_YAML.replace('formula: won_deals / closed_deals', 'formula: bookings / sum(amount where closed)') }),
    ).toEqual([
      'changed kpi win_rate [breaking] formula: won_deals / closed_deals → bookings / sum(amount where closed) (breaking definition)',
    ]);
  });

  it('breaking: a unit, a direction, a source definition, a column type; a removal', () => {
    const kpis = KPIS_YAML.replace(
      'unit: count\nowner: sales_ops\n---\nkpi: closed',
      'unit: number\nowner: sales_ops\n---\nkpi: closed',
    ).replace('title: Bookings\n', 'title: Bookings\ndirection: down\n');
    expect(lines({ 'kpis/kpis.yaml': kpis })).toEqual([
      'changed kpi bookings [breaking] direction: up → down (breaking definition)',
      'changed kpi won_deals [breaking] unit: count → number (breaking definition)',
    ]);
    const sources = SOURCES_YAML.replace("closed: stage in ('Won', 'Lost')", "closed: stage = 'Won'").replace(
      'amount: { type: money }',
      'amount: { type: number }',
    );
    expect(lines({ 'sources/sources.yaml': sources })).toEqual([
      "changed source opportunities [breaking] columns/amount/type: money → number (breaking definition); definitions/closed: stage in ('Won', 'Lost') → stage = 'Won' (breaking definition)",
    ]);
    const removed = KPIS_YAML.slice(0, KPIS_YAML.indexOf('---\nkpi: win_rate'));
    const org = ORG_YAML.replace('      - kpi: win_rate\n', '      - kpi: bookings\n');
    expect(lines({ 'kpis/kpis.yaml': removed, 'org/org.yaml': org })).toEqual([
      'changed scorecard sales [minor] perspectives/internal_process/kpis/win_rate: { kpi: win_rate } → ∅ (minor scoring); perspectives/internal_process/kpis/bookings: ∅ → { kpi: bookings } (minor scoring)',
      'removed kpi win_rate [breaking]',
    ]);
  });

  it('minor: a new KPI, a new column, a target, a threshold; a contract tightened (enumeration order is no change)', () => {
    const kpis = `${KPIS_YAML.replace('target: 0.6', 'target: 0.65').replace('thresholds: { green: 1.0, amber: 0.85 }', 'thresholds: { green: 1.0, amber: 0.8 }')}---
kpi: avg_discount
formula: avg(discount where won)
unit: percent
`;
    const sources = SOURCES_YAML.replace('  close_date: { type: date }\n', '  close_date: { type: date }\n  created: { type: date }\n')
      .replace('owner: { type: string, required: true }', 'owner: { type: string, required: true, unique: false }')
      .replace('stage: { type: string, values: [Won, Lost, Open] }', 'stage: { type: string, required: true, values: [Open, Lost, Won] }');
    // In file order: kpis/ before sources/.
    expect(lines({ 'kpis/kpis.yaml': kpis, 'sources/sources.yaml': sources })).toEqual([
      'changed kpi win_rate [minor] target: 0.6 → 0.65 (minor targets); thresholds/amber: 0.85 → 0.8 (minor targets)',
      'added kpi avg_discount [minor]',
      'changed source opportunities [minor] columns/stage/required: false → true (minor definition); columns/created: ∅ → { type: date } (minor definition)',
    ]);
  });

  it('patch: descriptions, titles, owners; a document moved to another file', () => {
    const kpis = KPIS_YAML.replace(
      'description: Won deals over closed deals.',
      'description: Won deals over closed deals (won or lost).',
    ).replace('owner: finance', 'owner: revops');
    expect(lines({ 'kpis/kpis.yaml': kpis })).toEqual([
      'changed kpi bookings [patch] owner: finance → revops (patch documentation)',
      'changed kpi win_rate [patch] description: Won deals over closed deals. → Won deals over closed deals (won or lost). (patch documentation)',
    ]);
    const without = KPIS_YAML.slice(0, KPIS_YAML.indexOf('---\nkpi: win_rate'));
    const moved = KPIS_YAML.slice(KPIS_YAML.indexOf('kpi: win_rate'));
    expect(lines({ 'kpis/kpis.yaml': without, 'kpis/win-rate.yaml': moved })).toEqual([
      'changed kpi win_rate [patch] : kpis/kpis.yaml → kpis/win-rate.yaml (patch layout, moved to another file)',
    ]);
  });

  it('the lifecycle: deprecating is minor, retiring is breaking, removing a retired KPI is minor', () => {
    const deprecated = KPIS_YAML.replace('owner: finance\n', 'owner: finance\nstatus: deprecated\n');
    expect(lines({ 'kpis/kpis.yaml': deprecated })).toEqual(['changed kpi bookings [minor] status: active → deprecated (minor lifecycle)']);
    const retired = KPIS_YAML.replace('owner: finance\n', 'owner: finance\nstatus: retired\n');
    expect(lines({ 'kpis/kpis.yaml': retired })).toEqual(['changed kpi bookings [breaking] status: active → retired (breaking lifecycle)']);
    const gone = retired.slice(retired.indexOf('---\n') + 4);
    expect(diffWith({ 'kpis/kpis.yaml': gone }, baseWith('kpis/kpis.yaml', retired)).changes.map(summary)).toEqual([
      'removed kpi bookings [minor]',
    ]);
  });
});

describe('renames', () => {
  it('same body, new id, without an alias: breaking; references that follow it are a patch', () => {
    const kpis = KPIS_YAML.replace('kpi: won_deals', 'kpi: deals_won').replace(
      'formula: won_deals / closed_deals',
      'formula: deals_won / closed_deals',
    );
    expect(lines({ 'kpis/kpis.yaml': kpis })).toEqual([
      'renamed kpi won_deals → deals_won [breaking]',
      'changed kpi win_rate [patch] formula: won_deals / closed_deals → deals_won / closed_deals (patch definition, follows a rename)',
    ]);
  });

  it('with the old id kept as a deprecated alias: minor, and the alias is not a change of its own', () => {
    const kpis = `${KPIS_YAML.replace('kpi: won_deals\ntitle: Deals won\nformula: count(opportunities where won)\nunit: count\nowner: sales_ops\n', 'kpi: won_deals\ntitle: Deals won\nformula: deals_won\nunit: count\nowner: sales_ops\nstatus: deprecated\nreplaced_by: deals_won\nsunset: 2026-12-31\n')}---
kpi: deals_won
title: Deals won
formula: count(opportunities where won)
unit: count
owner: sales_ops
`;
    expect(lines({ 'kpis/kpis.yaml': kpis })).toEqual(['renamed kpi won_deals → deals_won (alias) [minor]']);
  });

  it('a renamed KPI keeps its place in a scorecard: the entry follows the rename', () => {
    const kpis = KPIS_YAML.replace('kpi: win_rate', 'kpi: win_rate_count');
    const org = ORG_YAML.replace('- kpi: win_rate', '- kpi: win_rate_count');
    expect(lines({ 'kpis/kpis.yaml': kpis, 'org/org.yaml': org })).toEqual([
      'renamed kpi win_rate → win_rate_count [breaking]',
      'changed scorecard sales [patch] perspectives/internal_process/kpis/win_rate_count/kpi: win_rate → win_rate_count (patch scoring, follows a rename)',
    ]);
  });
});
