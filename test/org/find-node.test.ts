/** Finding a node by its path, on a tree built by hand: values, labels, paths, and why not. */
import { describe, expect, it } from 'vitest';
import { findNode, parseNodePath } from '../../src/org/find-node.js';
import type { Spell } from '../../src/org/spells.js';
import { buildOrgTree } from '../../src/org/tree.js';
import { handHierarchy, handSpell } from './fixture.js';

const levels = ['all', 'region', 'team', 'rep'];
const h = handHierarchy(levels);
const spell = (member: string, region: string, team: string, name: string): [string, Spell] =>
  handSpell(member, [null, region, team, null], { labels: [null, null, null, name] });
// Two teams called SMB, in two regions; two reps called Ann.
const tree = buildOrgTree(
  h,
  new Map([spell('a1', 'EMEA', 'SMB', 'Ann'), spell('a2', 'APAC', 'SMB', 'Ann'), spell('b1', 'EMEA', 'Enterprise', 'Bob')]),
);

describe('parseNodePath', () => {
  it('reads LEVEL=VALUE pairs joined by /, trimming around the names', () => {
    expect(parseNodePath('region=EMEA / team = SMB', levels)).toEqual([
      { level: 'region', value: 'EMEA' },
      { level: 'team', value: 'SMB' },
    ]);
  });

  it('reports the first problem: a pair without a level, or an unknown level', () => {
    expect(parseNodePath('EMEA', levels)).toEqual({ kind: 'malformed' });
    expect(parseNodePath('regoin=EMEA/x', levels)).toEqual({ kind: 'unknown-level', level: 'regoin' });
  });
});

describe('findNode', () => {
  const find = (text: string): ReturnType<typeof findNode> => {
    const steps = parseNodePath(text, levels);
    if ('kind' in steps) throw new Error(text);
    return findNode(tree, levels, steps);
  };

  it('no steps: the top', () => {
    const r = findNode(tree, levels, []);
    expect(r.kind === 'found' ? [r.node.level, r.ancestors.length] : r.kind).toEqual([0, 0]);
  });

  it('by value and by label, with the ancestors top first', () => {
    const byValue = find('team=Enterprise');
    expect(byValue.kind === 'found' ? [byValue.node.members, byValue.ancestors.map((a) => a.label)] : byValue.kind).toEqual([
      ['b1'],
      ['all', 'EMEA'],
    ]);
    const byLabel = find('rep=Bob');
    expect(byLabel.kind === 'found' ? byLabel.node.value : byLabel.kind).toBe('b1');
  });

  it('a repeated name is ambiguous until a path names the parent', () => {
    const r = find('team=SMB');
    expect(r.kind === 'ambiguous' ? r.matches.map((m) => m.ancestors.map((a) => a.value)) : r.kind).toEqual([
      [null, 'APAC'],
      [null, 'EMEA'],
    ]);
    const pathed = find('region=EMEA/team=SMB');
    expect(pathed.kind === 'found' ? pathed.node.members : pathed.kind).toEqual(['a1']);
    const ann = find('region=APAC/rep=Ann');
    expect(ann.kind === 'found' ? ann.node.value : ann.kind).toBe('a2');
  });

  it('not found: the values the tree has at that level, for a suggestion', () => {
    const r = find('region=EMAE');
    expect(r.kind === 'not-found' ? [r.level, r.value, [...r.candidates].sort()] : r.kind).toEqual(['region', 'EMAE', ['APAC', 'EMEA']]);
  });
});
