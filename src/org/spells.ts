/**
 * Who belonged where: the spells of a hierarchy's source (member, first and last day, the node at
 * each level, labels, manager, roles), read through the engine as one timeless breakdown so that
 * level values, labels and role conditions are formulas of the language (joins included) and the
 * source's data contract is checked like any other. Then the spell that decides each member's
 * place in a period: the one in force on the period's last day (`as_of: period_end`), or a
 * leaver's last spell in the period; with `period_start`, the first day or a joiner's first spell.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Database } from '../engine/duckdb.js';
import { runKpis, type Failure } from '../pipeline.js';
import type { ResolvedCatalog, ResolvedDimension, ResolvedKpi } from '../resolve/resolved.js';
import { rowCount, syntheticKpi, withKpis } from '../resolve/extend.js';
import type { RowExpr } from '../resolve/types.js';
import type { AsOf, ResolvedHierarchy } from './hierarchy.js';

/** The days a question about the organisation covers: ISO first and last (inclusive) day. */
export interface DateSpan {
  readonly start: string;
  readonly last: string;
}

/**
 * A named condition over the hierarchy's source that members hold in a spell — a role
 * (`rep.role = 'AE'`). Anything with an id and optional `members` condition fits (a resolved role).
 */
export interface RoleCondition {
  readonly id: string;
  readonly members?: RowExpr | undefined;
}

/** One row of the hierarchy's source: a member in one position for a span of days. */
export interface Spell {
  readonly member: string;
  /** ISO dates; null: open-ended. */
  readonly from: string | null;
  readonly to: string | null;
  /** Node value at each level (index = level index; null for the top and member levels). */
  readonly values: readonly (string | null)[];
  /** Label at each level, where the level declares one. */
  readonly labels: readonly (string | null)[];
  /** The member's manager in this spell (a member key), when the hierarchy declares `manager`. */
  readonly manager: string | null;
  /** Ids of the roles whose condition holds for this row. */
  readonly roles: readonly string[];
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Reads every spell of `h` (with the conditions of `roles` evaluated on each). `like` is a KPI
 * whose descriptive fields the synthetic count borrows; `date` is any ISO day (the read is
 * timeless). Data problems come back as a {@link Failure}; warnings are added to `warnings`.
 */
export async function readSpells(
  resolved: ResolvedCatalog,
  h: ResolvedHierarchy,
  roles: readonly RoleCondition[],
  like: ResolvedKpi,
  options: { readonly dataDir: string; readonly db: Database; readonly date: string; readonly warnings: Diagnostic[] },
): Promise<readonly Spell[] | Failure> {
  const dims = new Map(resolved.dimensions);
  const by: string[] = [];
  const add = (name: string, expr: RowExpr): void => {
    const dim: ResolvedDimension = { name, type: expr.type, sources: [{ source: h.source, expr }] };
    dims.set(name, dim);
    by.push(name);
  };
  const column = (name: string): RowExpr => ({ kind: 'column', path: [], source: h.source, column: name, type: 'date' });
  add('__h_member', h.member);
  if (h.validFrom !== undefined) add('__h_from', column(h.validFrom));
  if (h.validTo !== undefined) add('__h_to', column(h.validTo));
  if (h.manager !== undefined) add('__h_manager', h.manager);
  h.levels.forEach((l, i) => {
    if (l.value !== undefined) add(`__h_value_${i}`, l.value);
    if (l.label !== undefined) add(`__h_label_${i}`, l.label);
  });
  roles.forEach((r, i) => {
    if (r.members !== undefined) add(`__h_role_${i}`, r.members);
  });
  // A count with no time anchor: one row per distinct spell, whatever the period.
  const count = rowCount(h.source, undefined, like.def.idSpan);
  const extended = withKpis({ ...resolved, dimensions: dims }, [syntheticKpi(resolved, '__h_spells', count, like)]);
  const result = await runKpis(
    extended,
    { kpis: ['__h_spells'], grain: 'year', by, from: options.date, to: options.date },
    { dataDir: options.dataDir, db: options.db },
  );
  if (!result.ok) return result;
  options.warnings.push(...result.diagnostics);
  const index = new Map(by.map((b, i) => [b, i] as const));
  const at = (row: readonly unknown[], name: string): string | null => {
    const i = index.get(name);
    return i === undefined ? null : text(row[i]);
  };
  const spells: Spell[] = [];
  for (const row of result.rows) {
    const member = at(row.by, '__h_member');
    if (member === null) continue;
    spells.push({
      member,
      from: at(row.by, '__h_from'),
      to: at(row.by, '__h_to'),
      values: h.levels.map((_, i) => at(row.by, `__h_value_${i}`)),
      labels: h.levels.map((_, i) => at(row.by, `__h_label_${i}`)),
      manager: at(row.by, '__h_manager'),
      roles: roles.filter((_, i) => row.by[index.get(`__h_role_${i}`) ?? -1] === true).map((r) => r.id),
    });
  }
  return spells;
}

/** The spell that places each member in period `p` (members with no spell in it are absent). */
export function spellsAsOf(spells: readonly Spell[], p: DateSpan, asOf: AsOf): Map<string, Spell> {
  const out = new Map<string, Spell>();
  for (const s of spells) {
    if ((s.from !== null && s.from > p.last) || (s.to !== null && s.to < p.start)) continue;
    const current = out.get(s.member);
    if (current === undefined || better(s, current, asOf)) out.set(s.member, s);
  }
  return out;
}

/** Whether `a` decides over `b`: the later spell for period_end, the earlier for period_start. */
function better(a: Spell, b: Spell, asOf: AsOf): boolean {
  const fa = a.from ?? '';
  const fb = b.from ?? '';
  if (fa !== fb) return asOf === 'period_end' ? fa > fb : fa < fb;
  // Overlapping spells with the same start: a deterministic choice, the one running longer.
  const ta = a.to ?? '9999-12-31';
  const tb = b.to ?? '9999-12-31';
  if (ta !== tb) return ta > tb;
  return JSON.stringify(a.values) < JSON.stringify(b.values);
}
