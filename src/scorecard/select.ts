/**
 * Choosing what to show: the scorecard (`--scorecard`, else the catalog's main one), the node
 * (`--at LEVEL=VALUE`, else the whole organisation), and the scorecard that scores each node — a
 * member's role, else the variant whose `applies_to` holds (the most specific), else the scorecard.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { OrgNode } from './org-tree.js';
import type { Period } from './period.js';
import type { NodeRef } from './report.js';
import type { ResolvedHierarchy, ResolvedScorecard, ScorecardCatalog } from './resolved.js';
import { deepestLevel, holdsFor } from './scope.js';
import { nodeRef } from './judge.js';

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
export function findNode(
  tree: OrgNode,
  h: ResolvedHierarchy,
  at: string | undefined,
  period: Period,
): { node: OrgNode; path: NodeRef[] } | string {
  const levels = h.levels.map((l) => l.name);
  const wanted: [string, string][] = [];
  for (const pair of at === undefined ? [] : at.split('/')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `\`--at ${at ?? ''}\` must be LEVEL=VALUE, e.g. --at ${levels[1] ?? 'region'}=${'EMEA'}`;
    const level = pair.slice(0, eq).trim();
    if (!levels.includes(level)) {
      const hint = didYouMean(level, levels);
      return `unknown level \`${level}\` in --at; ${hint ?? `levels of hierarchy \`${h.id}\`: ${levels.join(', ')}`}`;
    }
    wanted.push([level, pair.slice(eq + 1).trim()]);
  }
  const matches: { node: OrgNode; path: NodeRef[] }[] = [];
  const deepest = Math.max(0, ...wanted.map(([l]) => levels.indexOf(l)));
  const visit = (n: OrgNode, path: NodeRef[]): void => {
    if (n.level === deepest) {
      const ok = wanted.every(([l, v]) => n.scope.get(l) === v || (l === n.levelName && n.label === v));
      if (ok) matches.push({ node: n, path });
      return;
    }
    for (const c of n.children) visit(c, [...path, nodeRef(h, n)]);
  };
  visit(tree, []);
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  const [level, value] = wanted[wanted.length - 1] ?? ['', ''];
  if (matches.length === 0) {
    const candidates = new Set<string>();
    const collect = (n: OrgNode): void => {
      if (n.levelName === level && n.value !== null) candidates.add(n.value);
      n.children.forEach(collect);
    };
    collect(tree);
    const hint = didYouMean(value, candidates);
    return `no ${level} \`${value}\` in the organisation of ${period.label}${hint === undefined ? '' : `; ${hint}`}`;
  }
  const paths = matches.map((m) => [...m.path.slice(1).map((p) => `${p.level}=${p.value ?? ''}`), `${level}=${value}`].join('/'));
  return `${level} \`${value}\` is ambiguous in ${period.label}; name the path, one of: ${paths.join(', ')}`;
}
