/**
 * Who an alert goes to: the node's managers from the hierarchy (the nearest ancestor's when the
 * node has none of its own), the managers one level up, the owners of the KPIs the condition
 * names (a KPI's `owner` is a channel of that name), and named channels. People are member keys
 * with their names in the organisation of the period.
 */
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { OrgNode } from '../org/tree.js';
import type { Routing } from './model.js';

/** One addressee: a person of the organisation, or a named channel. */
export type Addressee =
  | { readonly kind: 'person'; readonly member: string; readonly name: string; readonly as: 'manager' | 'next_manager' }
  | { readonly kind: 'channel'; readonly channel: string; readonly as: 'owner' | 'channel' };

function ancestors(tree: OrgNode, node: OrgNode): OrgNode[] {
  const walk = (n: OrgNode, trail: OrgNode[]): OrgNode[] | undefined => {
    if (n.key === node.key) return trail;
    for (const c of n.children) {
      const found = walk(c, [...trail, n]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(tree, []) ?? [];
}

/** The managers of `node`, or of its nearest ancestor that has any. */
function managersFrom(chain: readonly OrgNode[]): string[] {
  for (let i = chain.length - 1; i >= 0; i--) {
    const m = chain[i]?.managers ?? [];
    if (m.length > 0) return [...m];
  }
  return [];
}

function nameOf(tree: OrgNode, member: string): string {
  const find = (n: OrgNode): string | undefined => {
    if (n.children.length === 0) return n.value === member ? n.label : undefined;
    for (const c of n.children) {
      const found = find(c);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return find(tree) ?? member;
}

/** The addressees of an alert firing at `node` under `routing`, each once. */
export function recipientsOf(
  resolved: ResolvedCatalog,
  tree: OrgNode,
  node: OrgNode,
  routing: Routing,
  kpis: readonly string[],
): Addressee[] {
  const out: Addressee[] = [];
  const seen = new Set<string>();
  const add = (a: Addressee): void => {
    const key = a.kind === 'person' ? `p:${a.member}` : `c:${a.channel}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  const chain = [...ancestors(tree, node), node];
  for (const r of routing.to) {
    switch (r) {
      case 'manager':
        for (const m of managersFrom(chain)) add({ kind: 'person', member: m, name: nameOf(tree, m), as: 'manager' });
        break;
      case 'next_manager':
        for (const m of managersFrom(chain.slice(0, -1))) add({ kind: 'person', member: m, name: nameOf(tree, m), as: 'next_manager' });
        break;
      case 'owner':
        for (const k of kpis) {
          const owner = resolved.kpis.get(k)?.def.owner;
          if (owner !== undefined) add({ kind: 'channel', channel: owner, as: 'owner' });
        }
        break;
      default: {
        const never: never = r;
        return never;
      }
    }
  }
  for (const c of routing.channels) add({ kind: 'channel', channel: c, as: 'channel' });
  return out;
}
