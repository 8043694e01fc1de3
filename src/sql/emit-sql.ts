/**
 * The SQL emitter: one query for a whole query plan, written in one dialect. CTEs, in dependency
 * order: typed source rows (from the source reader), scans, period-window tables, rollup and
 * window tables, per tables, lookups, the grid of periods × breakdown values, the cells, and the
 * final rows. The emitter reads only the plan (`src/query/ir.ts`): it knows nothing of formulas.
 */
import type { QueryPlan } from '../query/ir.js';
import type { Dialect } from './dialect.js';
import { emitContext, type EmitContext } from './emit-context.js';
import { emitGrid } from './emit-grid.js';
import { emitLookups } from './emit-lookups.js';
import { emitOutputs } from './emit-outputs.js';
import { emitPers } from './emit-pers.js';
import { emitScanTables } from './emit-tables.js';
import { orderCtes } from './order-ctes.js';
import { emitStates } from './emit-states.js';
import type { SourceReader } from './source-reader.js';

/** What the emitter needs besides the plan. */
export interface EmitOptions {
  readonly dialect: Dialect;
  /** How the query reads each source's typed rows (written in the same dialect). */
  readonly sources: SourceReader;
  /**
   * Whether the rows come ordered by KPI, period and breakdown values (default: true). A caller
   * that aggregates or stores the rows itself saves the sort of a large result.
   */
  readonly ordered?: boolean | undefined;
}

/** Emits the SQL of a query plan. */
export function emitSql(plan: QueryPlan, options: EmitOptions): string {
  const { dialect, sources } = options;
  if (sources.dialect !== dialect.name) throw new Error(`a ${sources.dialect} source reader cannot serve a ${dialect.name} query`);
  const ctx = emitContext(plan, dialect);
  emitSources(ctx, sources);
  emitStates(ctx);
  emitScanTables(ctx);
  emitPers(ctx);
  emitLookups(ctx);
  const body = emitOutputs(ctx, emitGrid(ctx), options.ordered ?? true);
  const ctes = orderCtes(ctx.ctes).map((c) => dialect.cte(c.name, c.sql, c.inline === true));
  return `WITH\n${ctes.join(',\n')}\n${body}`;
}

/** The typed rows of every source the scans read or join, by source id. */
function emitSources(ctx: EmitContext, reader: SourceReader): void {
  const sources = new Set<string>();
  for (const scan of ctx.plan.scans) {
    sources.add(scan.source);
    scan.joins.forEach((j) => sources.add(j.target));
  }
  for (const state of ctx.plan.states) if (state.log !== undefined) sources.add(state.log.source);
  for (const s of [...sources].sort()) ctx.ctes.push({ name: ctx.names.sourceCte(s), sql: reader.relation(s), deps: [], inline: true });
}
