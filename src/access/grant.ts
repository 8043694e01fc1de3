/**
 * What one user may see in one period: their role (the first rule of the access document that
 * matches them in that period's organisation), the nodes of the organisation they see, and the
 * guarded fields they do not. Pure: the server asks it before every query and passes the result
 * into the queries themselves (visible nodes as the cells a query returns, hidden columns left
 * out of row listings).
 */
import type { OrgNode } from '../org/tree.js';
import type { AccessPolicy, AccessRole, Identity } from './model.js';

/** One user's access in one period's organisation. */
export interface Grant {
  readonly kind: 'grant';
  readonly identity: Identity;
  readonly role: AccessRole;
  /** The highest nodes the user sees (where their view starts), top first. */
  readonly homes: readonly OrgNode[];
  /** Whether the user sees a node's figures (and the rows behind them). */
  visible(node: OrgNode): boolean;
  /** Whether the user sees a guarded field. */
  seesField(field: string): boolean;
}

function each(node: OrgNode, visit: (n: OrgNode) => void): void {
  visit(node);
  for (const c of node.children) each(c, visit);
}

function managesAny(tree: OrgNode, member: string): boolean {
  let found = false;
  each(tree, (n) => {
    if (n.managers.includes(member)) found = true;
  });
  return found;
}

/** The role a user holds in the organisation `tree`, or undefined when no rule gives them one. */
function roleOf(policy: AccessPolicy, identity: Identity, tree: OrgNode): AccessRole | undefined {
  const member = identity.member;
  for (const rule of policy.rules) {
    const matches =
      rule.users.has(identity.user) ||
      (member !== undefined && rule.managers && managesAny(tree, member)) ||
      (member !== undefined && rule.members && tree.members.includes(member));
    if (matches) return policy.roles.get(rule.role);
  }
  return undefined;
}

function visibleKeys(role: AccessRole, member: string | undefined, tree: OrgNode, last: number): Set<string> | 'all' {
  if (role.rows === 'all') return 'all';
  const keys = new Set<string>();
  if (member === undefined) return keys;
  each(tree, (n) => {
    if (n.level === last && n.value === member) keys.add(n.key);
    if (role.rows === 'subtree' && n.level < last && n.managers.includes(member)) each(n, (d) => keys.add(d.key));
  });
  return keys;
}

function highest(tree: OrgNode, seen: (n: OrgNode) => boolean): OrgNode[] {
  if (seen(tree)) return [tree];
  return tree.children.flatMap((c) => highest(c, seen));
}

/**
 * The grant of `identity` in the organisation `tree` (whose member level is `last`), or
 * undefined when the access document gives them no role.
 */
export function grantFor(policy: AccessPolicy, identity: Identity, tree: OrgNode, last: number): Grant | undefined {
  const role = roleOf(policy, identity, tree);
  if (role === undefined) return undefined;
  const keys = visibleKeys(role, identity.member, tree, last);
  const visible = (n: OrgNode): boolean => keys === 'all' || keys.has(n.key);
  return {
    kind: 'grant',
    identity,
    role,
    homes: highest(tree, visible),
    visible,
    seesField: (field) => role.fields.has(field),
  };
}

/** The columns of `source` a grant hides (guarded fields the role does not see). */
export function hiddenColumns(policy: AccessPolicy, grant: Grant, source: string): Set<string> {
  const out = new Set<string>();
  for (const [field, columns] of policy.fields) {
    if (grant.seesField(field)) continue;
    for (const c of columns) if (c.source === source) out.add(c.column);
  }
  return out;
}
