/**
 * The organisation in one period: a tree of nodes (the whole organisation, then one node per
 * value at each level, then the members), built from the spells that place each member in that
 * period. A node is identified by its path, so two teams of the same name in two regions stay two.
 */
import type { Spell } from './membership.js';
import type { ResolvedHierarchy } from './resolved.js';

/** A node of the organisation in one period. */
export interface OrgNode {
  /** Index of its level (0 = the whole organisation). */
  readonly level: number;
  readonly levelName: string;
  /** Its value at its level: the member key for members, null for the top (and for members with no value there). */
  readonly value: string | null;
  /** Its path, as a unique text key (the breakdown value that stands for it). */
  readonly key: string;
  readonly label: string;
  /** Level name → value, for its level and the levels above (the top excluded). */
  readonly scope: ReadonlyMap<string, string | null>;
  readonly children: readonly OrgNode[];
  /** Keys of the members at or under it. */
  readonly members: readonly string[];
  /** For members: the roles they hold. */
  readonly roles: readonly string[];
}

interface Draft {
  level: number;
  value: string | null;
  path: (string | null)[];
  label: string;
  children: Map<string, Draft>;
  members: string[];
  roles: string[];
}

/** The text key of a path of level values. */
function pathKey(path: readonly (string | null)[]): string {
  return JSON.stringify(path);
}

function finish(d: Draft, h: ResolvedHierarchy): OrgNode {
  const scope = new Map<string, string | null>();
  d.path.forEach((v, i) => scope.set(h.levels[i + 1]?.name ?? '', v));
  const children = [...d.children.values()]
    .map((c) => finish(c, h))
    .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : a.label.localeCompare(b.label, 'en') || a.key.localeCompare(b.key)));
  return {
    level: d.level,
    levelName: h.levels[d.level]?.name ?? '',
    value: d.value,
    key: pathKey(d.path),
    label: d.label,
    scope,
    children,
    members: d.members,
    roles: d.roles,
  };
}

/** The tree of the organisation, from the spell that places each member in the period. */
export function buildOrgTree(h: ResolvedHierarchy, placed: ReadonlyMap<string, Spell>): OrgNode {
  const root: Draft = {
    level: 0,
    value: null,
    path: [],
    label: h.levels[0]?.title ?? h.title,
    children: new Map(),
    members: [],
    roles: [],
  };
  const last = h.levels.length - 1;
  for (const member of [...placed.keys()].sort()) {
    const spell = placed.get(member);
    if (spell === undefined) continue;
    let node = root;
    node.members.push(member);
    for (let i = 1; i <= last; i++) {
      const value = i === last ? member : (spell.values[i] ?? null);
      const id = value === null ? '\u0000' : value;
      let child = node.children.get(id);
      if (child === undefined) {
        const label = spell.labels[i] ?? value ?? `(no ${h.levels[i]?.name ?? 'value'})`;
        child = { level: i, value, path: [...node.path, value], label, children: new Map(), members: [], roles: [] };
        node.children.set(id, child);
      }
      child.members.push(member);
      if (i === last) child.roles = [...spell.roles];
      node = child;
    }
  }
  return finish(root, h);
}

/** Every node of the tree at `level`. */
export function nodesAt(root: OrgNode, level: number): OrgNode[] {
  if (root.level === level) return [root];
  return root.children.flatMap((c) => nodesAt(c, level));
}

/**
 * The breakdown value of each member at `level`: its node's key (members map to their own key at
 * the member level). This is what a mapped dimension turns member keys into.
 */
export function memberEntries(root: OrgNode, level: number): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (const node of nodesAt(root, level)) for (const m of node.members) out.push([m, node.key]);
  return out;
}
