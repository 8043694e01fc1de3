/**
 * How the web app names a node in a URL: the `at` text of `kpic scorecard --at` — `LEVEL=VALUE`
 * pairs joined by `/`, one per level with a value (`region=EMEA/team=EMEA SMB/rep=REP-00012`).
 * A node whose own value is empty (members with no team) has no name of its own.
 */
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import type { OrgNode } from '../org/tree.js';

/** The `at` text of a node ('' for the top), or undefined when it cannot be named. */
export function nodeAtText(h: ResolvedHierarchy, node: OrgNode): string | undefined {
  if (node.level === 0) return '';
  if (node.value === null) return undefined;
  const steps: string[] = [];
  for (let i = 1; i <= node.level; i++) {
    const level = h.levels[i]?.name ?? '';
    const value = i === node.level ? node.value : (node.scope.get(level) ?? null);
    if (value === null) continue;
    if (value.includes('/')) return undefined;
    steps.push(`${level}=${value}`);
  }
  return steps.join('/');
}

/** Every node of the tree, depth first. */
function allNodes(tree: OrgNode): OrgNode[] {
  return [tree, ...tree.children.flatMap(allNodes)];
}

/** The node with path key `key`, if it is in the tree. */
export function nodeByKey(tree: OrgNode, key: string): OrgNode | undefined {
  return allNodes(tree).find((n) => n.key === key);
}
