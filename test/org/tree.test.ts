/**
 * The organisation tree from the spells that place each member: nodes by path, labels, and who
 * manages each node — including a team without a lead, a manager placed outside the node, and a
 * reporting loop in the data.
 */
import { describe, expect, it } from 'vitest';
import type { Spell } from '../../src/org/spells.js';
import { buildOrgTree, memberEntries, nodesAt, type OrgNode } from '../../src/org/tree.js';
import { handHierarchy, handSpell } from './fixture.js';

const h = handHierarchy(['all', 'team', 'rep']);
const spell = (member: string, team: string | null, manager: string | null): [string, Spell] =>
  handSpell(member, [null, team, null], { manager });
const byTeam = (tree: OrgNode): Record<string, readonly string[]> => Object.fromEntries(tree.children.map((t) => [t.label, t.managers]));

describe('buildOrgTree', () => {
  const tree = buildOrgTree(
    h,
    new Map([
      spell('boss', null, null),
      spell('lead', 'A', 'boss'),
      spell('a1', 'A', 'lead'),
      spell('a2', 'A', 'lead'),
      spell('b1', 'B', 'boss'),
      spell('b2', 'B', 'boss'),
      spell('x', 'C', 'y'),
      spell('y', 'C', 'x'),
    ]),
  );

  it('one node per path; members under every node they belong to; labels default to values', () => {
    expect(tree.label).toBe('all');
    expect(tree.children.map((c) => [c.label, c.members])).toEqual([
      ['A', ['a1', 'a2', 'lead']],
      ['B', ['b1', 'b2']],
      ['C', ['x', 'y']],
      ['(no team)', ['boss']],
    ]);
    expect(nodesAt(tree, 2).map((n) => n.scope.get('team'))).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', null]);
    expect(memberEntries(tree, 1).find(([m]) => m === 'a1')?.[1]).toBe(JSON.stringify(['A']));
  });

  it('a team is managed by the member who manages others in it and reports outside it', () => {
    expect(tree.managers).toEqual(['boss']);
    expect(byTeam(tree)).toEqual({ A: ['lead'], B: [], C: [], '(no team)': [] });
  });

  it('a member is managed by the one they report to', () => {
    const reps = new Map(nodesAt(tree, 2).map((n) => [n.value, n.managers]));
    expect(['a1', 'lead', 'b1', 'boss'].map((m) => reps.get(m))).toEqual([['lead'], ['boss'], ['boss'], []]);
  });

  it('without `manager` in the hierarchy no node has managers', () => {
    const plain = buildOrgTree(h, new Map([spell('a', 'A', null), spell('b', 'A', null)]));
    expect([plain.managers, ...plain.children.map((c) => c.managers)]).toEqual([[], []]);
  });
});
