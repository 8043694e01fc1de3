/**
 * Finding a node of the organisation by its path: `region=EMEA`, `team=EMEA SMB`, or
 * `region=EMEA/team=SMB` when a name repeats under several parents. A value matches a node's
 * value at that level or, at the node's own level, its label (`rep=Ann Lee`). Answers are plain
 * data — found, or why not — so a command line, a web app or an alert phrases them its own way.
 */
import type { OrgNode } from './tree.js';

/** One step of a path: a level and a value (or label) at it. */
export interface PathStep {
  readonly level: string;
  readonly value: string;
}

/** Why a written path is not one: a pair without `=`, or a name that is not a level. */
export type PathProblem = { readonly kind: 'malformed' } | { readonly kind: 'unknown-level'; readonly level: string };

/** A node with its ancestors, top first (the node itself excluded). */
export interface NodeAt {
  readonly node: OrgNode;
  readonly ancestors: readonly OrgNode[];
}

/** The outcome of a lookup. */
export type NodeLookup =
  | ({ readonly kind: 'found' } & NodeAt)
  /** `candidates`: the values the tree has at `level`. */
  | { readonly kind: 'not-found'; readonly level: string; readonly value: string; readonly candidates: ReadonlySet<string> }
  | { readonly kind: 'ambiguous'; readonly level: string; readonly value: string; readonly matches: readonly NodeAt[] };

/** Reads `LEVEL=VALUE` pairs joined by `/`, in order; the first problem met is returned. */
export function parseNodePath(text: string, levels: readonly string[]): readonly PathStep[] | PathProblem {
  const steps: PathStep[] = [];
  for (const pair of text.split('/')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return { kind: 'malformed' };
    const level = pair.slice(0, eq).trim();
    if (!levels.includes(level)) return { kind: 'unknown-level', level };
    steps.push({ level, value: pair.slice(eq + 1).trim() });
  }
  return steps;
}

/**
 * The node the steps name: the nodes at the deepest level named that match every step (no steps:
 * the top). `levels` are the hierarchy's level names, top first.
 */
export function findNode(tree: OrgNode, levels: readonly string[], steps: readonly PathStep[]): NodeLookup {
  const matches: NodeAt[] = [];
  const deepest = Math.max(0, ...steps.map((s) => levels.indexOf(s.level)));
  const visit = (n: OrgNode, ancestors: readonly OrgNode[]): void => {
    if (n.level === deepest) {
      if (steps.every((s) => n.scope.get(s.level) === s.value || (s.level === n.levelName && n.label === s.value)))
        matches.push({ node: n, ancestors });
      return;
    }
    for (const c of n.children) visit(c, [...ancestors, n]);
  };
  visit(tree, []);
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) return { kind: 'found', ...only };
  const last = steps[steps.length - 1];
  const level = last?.level ?? '';
  const value = last?.value ?? '';
  if (matches.length > 1) return { kind: 'ambiguous', level, value, matches };
  const candidates = new Set<string>();
  const collect = (n: OrgNode): void => {
    if (n.levelName === level && n.value !== null) candidates.add(n.value);
    n.children.forEach(collect);
  };
  collect(tree);
  return { kind: 'not-found', level, value, candidates };
}
