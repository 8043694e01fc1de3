/**
 * The CTEs of a query, and their order: each comes after the CTEs it reads (a stable topological
 * sort: among ready CTEs, the one added first goes first, so the SQL reads in the order the
 * emitter thought of it).
 */

/** A CTE to emit. */
export interface Cte {
  readonly name: string;
  readonly sql: string;
  /** Names of the CTEs it reads (names that are not CTEs are ignored). */
  readonly deps: readonly string[];
  /** Inline wherever it is read, even when read twice (source rows; see `Dialect.cte`). */
  readonly inline?: boolean | undefined;
}

/** CTEs in dependency order. */
export function orderCtes(ctes: readonly Cte[]): Cte[] {
  const byName = new Map(ctes.map((c) => [c.name, c]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Cte[] = [];
  const visit = (c: Cte): void => {
    if (done.has(c.name)) return;
    if (visiting.has(c.name)) throw new Error(`CTE cycle at ${c.name}`);
    visiting.add(c.name);
    for (const d of c.deps) {
      const dep = byName.get(d);
      if (dep !== undefined) visit(dep);
    }
    visiting.delete(c.name);
    done.add(c.name);
    out.push(c);
  };
  ctes.forEach(visit);
  return out;
}
