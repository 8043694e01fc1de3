/**
 * Fan-out: an aggregate whose value reads only columns reached through a join (`sum(account.employees)`)
 * must count each joined row once per cell, however many rows of the aggregated source reach it.
 * The planner evaluates such aggregates per join key; this finds that key.
 */
import type { Catalog } from '../model/types.js';
import type { KpiAggregate, RowColumn, RowExpr } from '../resolve/types.js';
import { forEachRow } from '../resolve/row-walk.js';

/** The paths of every column a row expression reads. */
function columnPaths(expr: RowExpr | undefined): (readonly string[])[] {
  const paths: (readonly string[])[] = [];
  forEachRow(expr, (e) => {
    if (e.kind === 'column') paths.push(e.path);
  });
  return paths;
}

/** The longest common prefix of join paths. */
function commonPrefix(paths: readonly (readonly string[])[]): string[] {
  const first = paths[0];
  if (first === undefined) return [];
  const out: string[] = [];
  for (let i = 0; i < first.length; i++) {
    const step = first[i] as string;
    if (!paths.every((p) => p[i] === step)) break;
    out.push(step);
  }
  return out;
}

/**
 * The row expression identifying the joined row an aggregate's value comes from, when every
 * column of the value is reached through one join path; undefined when the value reads a column
 * of the aggregated source itself (then each row counts once).
 */
export function fanOutKey(agg: KpiAggregate, catalog: Catalog): RowColumn | undefined {
  const paths = columnPaths(agg.value);
  if (paths.length === 0 || paths.some((p) => p.length === 0)) return undefined;
  const prefix = commonPrefix(paths);
  if (prefix.length === 0) return undefined;
  let source = catalog.sources.get(agg.source);
  for (const step of prefix.slice(0, -1)) {
    const join = source?.joins.get(step);
    source = join === undefined ? undefined : catalog.sources.get(join.to.value);
  }
  const last = source?.joins.get(prefix[prefix.length - 1] as string);
  const column = last === undefined ? undefined : source?.columns.get(last.on.value);
  if (source === undefined || last === undefined || column === undefined) return undefined;
  const type =
    column.type.value === 'date' || column.type.value === 'timestamp' || column.type.value === 'string' || column.type.value === 'boolean'
      ? column.type.value
      : 'number';
  return { kind: 'column', path: prefix.slice(0, -1), source: source.id, column: column.name, type };
}
