/**
 * Choosing what to show: the scorecard (`--scorecard`, else the catalog's main one), the node
 * (`--at LEVEL=VALUE`, else the whole organisation), and the scorecard that scores each node — a
 * member's role, else the variant whose `applies_to` holds (the most specific), else the scorecard.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import { findNode, parseNodePath } from '../org/find-node.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import { deepestLevel, holdsFor } from '../org/scope.js';
import type { OrgNode } from '../org/tree.js';
import type { Period } from '../periods/period.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { nodeRef } from './judge.js';
import type { NodeRef } from './report.js';
import type { ResolvedScorecard, ScorecardCatalog } from './resolved.js';

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The scorecard (or role) to evaluate. Without an id: the only scorecard that is not a variant;
 * if there are several, the only one that scores the top level. A string says what is wrong.
 */
export function selectScorecard(catalog: ScorecardCatalog, resolved: ResolvedCatalog, id: string | undefined): ResolvedScorecard | string {
  const known = [...catalog.scorecards.keys(), ...catalog.roles.keys()];
  if (id !== undefined) {
    const found = catalog.scorecards.get(id) ?? catalog.roles.get(id);
    if (found !== undefined) return found;
    const hint = didYouMean(id, known);
    return `unknown scorecard or role \`${id}\`${hint === undefined ? (known.length > 0 ? `; known: ${known.sort().join(', ')}` : '') : `; ${hint}`}`;
  }
  const mains = [...catalog.scorecards.values()].filter((s) => s.base === undefined).sort(byId);
  if (mains.length === 1 && mains[0] !== undefined) return mains[0];
  if (mains.length === 0) {
    const written = resolved.catalog.documents.some((d) => d.kind === 'scorecard');
    if (catalog.roles.size > 0)
      return `the catalog has no scorecard${written ? ' that is valid' : ''}; name a role with --scorecard (${[...catalog.roles.keys()].sort().join(', ')})`;
    return written
      ? 'no scorecard of the catalog is valid; run `kpic validate`'
      : 'the catalog has no scorecard; add a `scorecard` document (see docs/scorecards.md)';
  }
  const top = mains.filter((s) => s.levels.includes(catalog.hierarchies.get(s.hierarchy)?.levels[0]?.name ?? ''));
  if (top.length === 1 && top[0] !== undefined) return top[0];
  return `the catalog has several scorecards; choose one with --scorecard (${mains.map((s) => s.id).join(', ')})`;
}

/** The scorecard that scores `node`, or undefined when none does. */
export function assignScorecard(
  catalog: ScorecardCatalog,
  h: ResolvedHierarchy,
  selected: ResolvedScorecard,
  roles: readonly ResolvedScorecard[],
  node: OrgNode,
): ResolvedScorecard | undefined {
  if (selected.kind === 'role') return selected;
  if (node.level === h.levels.length - 1) {
    const role = roles.find((r) => node.roles.includes(r.id));
    if (role !== undefined) return role;
  }
  if (!selected.levels.includes(node.levelName)) return undefined;
  const levels = h.levels.map((l) => l.name);
  const variants = [...catalog.scorecards.values()]
    .filter((s) => s.base === selected.id && s.appliesTo !== undefined && holdsFor(s.appliesTo, node.scope))
    .sort((a, b) => deepestLevel(b.appliesTo, levels) - deepestLevel(a.appliesTo, levels) || byId(a, b));
  return variants[0] ?? selected;
}

/** The node `at` names (`LEVEL=VALUE`, pairs joined by `/`), with its ancestors; a string says what is wrong. */
export function nodeAt(
  tree: OrgNode,
  h: ResolvedHierarchy,
  at: string | undefined,
  period: Period,
): { node: OrgNode; path: NodeRef[] } | string {
  const levels = h.levels.map((l) => l.name);
  const steps = at === undefined ? [] : parseNodePath(at, levels);
  if ('kind' in steps) {
    if (steps.kind === 'malformed') return `\`--at ${at ?? ''}\` must be LEVEL=VALUE, e.g. --at ${levels[1] ?? 'region'}=EMEA`;
    const hint = didYouMean(steps.level, levels);
    return `unknown level \`${steps.level}\` in --at; ${hint ?? `levels of hierarchy \`${h.id}\`: ${levels.join(', ')}`}`;
  }
  const found = findNode(tree, levels, steps);
  switch (found.kind) {
    case 'found':
      return { node: found.node, path: found.ancestors.map((a) => nodeRef(h, a)) };
    case 'not-found': {
      const hint = didYouMean(found.value, found.candidates);
      return `no ${found.level} \`${found.value}\` in the organisation of ${period.label}${hint === undefined ? '' : `; ${hint}`}`;
    }
    case 'ambiguous': {
      const paths = found.matches.map((m) =>
        [...m.ancestors.slice(1).map((a) => `${a.levelName}=${a.value ?? ''}`), `${found.level}=${found.value}`].join('/'),
      );
      return `${found.level} \`${found.value}\` is ambiguous in ${period.label}; name the path, one of: ${paths.join(', ')}`;
    }
    default: {
      const never: never = found;
      return never;
    }
  }
}
