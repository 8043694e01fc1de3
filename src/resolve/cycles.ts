/**
 * Cycles among KPIs (a KPI naming itself through others, or through a lookup whose value is a
 * KPI that uses the lookup). Each edge inside a cycle is reported at the reference, with the
 * cycle spelled out, so the message names every KPI in it.
 */
import type { Span } from '../diagnostics/span.js';
import { report, type ResolveEnv } from './env.js';
import type { ResolvedKpi, ResolvedLookup } from './resolved.js';

interface Edge {
  readonly to: string;
  readonly span: Span;
}

const kpiNode = (id: string): string => `kpi:${id}`;
const lookupNode = (id: string): string => `lookup:${id}`;
const label = (node: string): string => (node.startsWith('kpi:') ? node.slice(4) : `${node.slice(7)}[…]`);

/** Reports every cycle in the KPI/lookup dependency graph. */
export function findCycles(env: ResolveEnv, kpis: ReadonlyMap<string, ResolvedKpi>, lookups: ReadonlyMap<string, ResolvedLookup>): void {
  const graph = new Map<string, Edge[]>();
  for (const kpi of kpis.values()) {
    const edges: Edge[] = kpi.references.filter((r) => kpis.has(r.id)).map((r) => ({ to: kpiNode(r.id), span: r.span }));
    for (const l of kpi.lookups) edges.push({ to: lookupNode(l), span: kpi.def.formula.node.span });
    graph.set(kpiNode(kpi.id), edges);
  }
  for (const lookup of lookups.values()) {
    const doc = env.catalog.lookups.get(lookup.id);
    if (lookup.kind === 'kpi' && doc?.value !== undefined)
      graph.set(lookupNode(lookup.id), [{ to: kpiNode(lookup.kpi), span: doc.value.span }]);
  }
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component);
    const single = component[0];
    if (component.length === 1 && single !== undefined && !(graph.get(single) ?? []).some((e) => e.to === single)) continue;
    for (const from of component) {
      for (const edge of graph.get(from) ?? []) {
        if (!members.has(edge.to)) continue;
        const path = [from, ...shortestPath(graph, members, edge.to, from)];
        report(env, 'resolve/cycle', edge.span, `\`${label(from)}\` depends on itself through a cycle: ${path.map(label).join(' → ')}`, {
          hint: 'break the cycle: one of these must be defined without the others',
        });
      }
    }
  }
}

/** Nodes from `start` to `goal` inside `members` (BFS), `start` and `goal` included. */
function shortestPath(graph: ReadonlyMap<string, readonly Edge[]>, members: ReadonlySet<string>, start: string, goal: string): string[] {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node === goal) break;
    for (const e of graph.get(node) ?? []) {
      if (members.has(e.to) && !previous.has(e.to)) {
        previous.set(e.to, node);
        queue.push(e.to);
      }
    }
  }
  const path: string[] = [];
  for (let n: string | null | undefined = goal; n !== null && n !== undefined; n = previous.get(n)) path.unshift(n);
  return path;
}

/** Tarjan's algorithm, iterative (deep catalogs must not overflow the stack). */
function stronglyConnected(graph: ReadonlyMap<string, readonly Edge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = (edges[frame.next++] as Edge).to;
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component.reverse());
      }
    }
  }
  return result;
}
