/**
 * The organisation in one period: a tree of nodes (the whole organisation, then one node per
 * value at each level, then the members), built from the spells that place each member in that
 * period. A node is identified by its path, so two teams of the same name in two regions stay two.
 *
 * Managers, when the hierarchy declares `manager`: a member's managers are the one they report
 * to in their spell; a node above the members is managed by those of its members who manage
 * another member of it and report to no one inside it (a team's lead; a region's head). A node
 * whose manager sits elsewhere, or has no member managing another, has none: ask its ancestors.
 */
import type { ResolvedHierarchy } from './hierarchy.js';
import type { Scope } from './scope.js';
import type { Spell } from './spells.js';

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
  readonly scope: Scope;
  readonly children: readonly OrgNode[];
  /** Keys of the members at or under it. */
  readonly members: readonly string[];
  /** For members: the roles they hold. */
  readonly roles: readonly string[];
  /** Member keys of its managers, sorted (see the module comment); empty when it has none. */
  readonly managers: readonly string[];
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
export function pathKey(path: readonly (string | null)[]): string {
  return JSON.stringify(path);
}

/** The managers of a drafted node, from each placed member's manager. */
function managersOf(d: Draft, last: number, managerOf: ReadonlyMap<string, string | null>): string[] {
  if (d.level === last) {
    const manager = managerOf.get(d.value ?? '') ?? null;
    return manager === null ? [] : [manager];
  }
  const inside = new Set(d.members);
  const managing = new Set<string>();
  for (const m of d.members) {
    const manager = managerOf.get(m) ?? null;
    if (manager !== null && manager !== m && inside.has(manager)) managing.add(manager);
  }
  return [...managing]
    .filter((m) => {
      const manager = managerOf.get(m) ?? null;
      return manager === null || !inside.has(manager);
    })
    .sort();
}

function finish(d: Draft, h: ResolvedHierarchy, managerOf: ReadonlyMap<string, string | null>): OrgNode {
  const scope = new Map<string, string | null>();
  d.path.forEach((v, i) => scope.set(h.levels[i + 1]?.name ?? '', v));
  const children = [...d.children.values()]
    .map((c) => finish(c, h, managerOf))
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
    managers: managersOf(d, h.levels.length - 1, managerOf),
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
  const managerOf = new Map([...placed].map(([member, spell]) => [member, spell.manager] as const));
  return finish(root, h, managerOf);
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
