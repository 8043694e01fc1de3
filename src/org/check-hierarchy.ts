/**
 * Checks a `hierarchy`: its source and columns exist, its member key, manager key and level
 * formulas resolve over that source, its dimensions exist, and its levels have the right shape
 * (the top level has no value, each level in between has one, the member level's values are the
 * member keys). Diagnostics keep the `scorecard/` codes they had when hierarchies served only
 * scorecards: codes are a stable contract (docs/diagnostics.md).
 */
import type { Span } from '../diagnostics/span.js';
import type { Located, SourceDef } from '../model/types.js';
import { report, reportUnknown, resolveRowFormula, type CheckContext } from '../resolve/check-context.js';
import type { RowExpr } from '../resolve/types.js';
import { buildHierarchies, type HierarchyDef, type LevelDef } from './hierarchy-def.js';
import type { ResolvedHierarchy, ResolvedLevel } from './hierarchy.js';

function checkDateColumn(ctx: CheckContext, h: HierarchyDef, source: SourceDef, key: 'valid_from' | 'valid_to'): string | undefined {
  const located = key === 'valid_from' ? h.validFrom : h.validTo;
  if (located === undefined) return undefined;
  const column = source.columns.get(located.value);
  if (column === undefined) {
    reportUnknown(ctx, 'scorecard/unknown-column', located.span, `column of \`${source.id}\``, located.value, source.columns.keys());
    return undefined;
  }
  if (column.type.value !== 'date' && column.type.value !== 'timestamp') {
    report(
      ctx,
      'scorecard/unknown-column',
      located.span,
      `\`${key}: ${located.value}\` must be a date column, but \`${source.id}.${located.value}\` is ${column.type.value}`,
    );
    return undefined;
  }
  return column.name;
}

function checkDimension(ctx: CheckContext, located: Located<string> | undefined): string | undefined {
  if (located === undefined) return undefined;
  if (ctx.resolved.dimensions.has(located.value)) return located.value;
  reportUnknown(ctx, 'scorecard/unknown-dimension', located.span, 'dimension', located.value, ctx.resolved.dimensions.keys());
  return undefined;
}

function checkKey(ctx: CheckContext, expr: RowExpr, span: Span, what: string): void {
  if (expr.type !== 'string' && expr.type !== 'number' && expr.type !== 'error') {
    report(ctx, 'resolve/type-mismatch', span, `${what} must give text or a number`);
  }
}

function checkLevel(ctx: CheckContext, h: HierarchyDef, source: SourceDef, level: LevelDef, index: number): ResolvedLevel {
  const last = h.levels.length - 1;
  const role = index === 0 ? 'top' : index === last ? 'member' : 'middle';
  if (role !== 'middle' && level.value !== undefined) {
    const why =
      role === 'top' ? 'the top level is the whole organisation, one node' : 'the member level’s values are the member keys (`member:`)';
    report(ctx, 'scorecard/bad-hierarchy', level.value.node.span, `level \`${level.name}\` takes no \`value\`: ${why}`, {
      hint: 'remove `value:`',
    });
  }
  if (role === 'middle' && level.value === undefined) {
    report(
      ctx,
      'scorecard/bad-hierarchy',
      level.span,
      `level \`${level.name}\` needs \`value:\`, the row formula giving the node each member belongs to, e.g. \`value: ${level.name}\``,
    );
  }
  const value = role === 'middle' && level.value !== undefined ? resolveRowFormula(ctx, level.value, source) : undefined;
  if (value !== undefined && level.value !== undefined) checkKey(ctx, value, level.value.node.span, `the value of level \`${level.name}\``);
  const label = level.label === undefined ? undefined : resolveRowFormula(ctx, level.label, source);
  if (role === 'top' && level.dimension !== undefined) {
    report(
      ctx,
      'scorecard/bad-hierarchy',
      level.dimension.span,
      `the top level \`${level.name}\` takes no \`dimension\`: it is the whole organisation`,
    );
  }
  return {
    name: level.name,
    title: level.title ?? level.name.charAt(0).toUpperCase() + level.name.slice(1).replaceAll('_', ' '),
    value,
    label,
    dimension: role === 'top' ? undefined : checkDimension(ctx, level.dimension),
  };
}

/** Checks one hierarchy; undefined when it is too broken to evaluate. */
function checkHierarchy(ctx: CheckContext, h: HierarchyDef): ResolvedHierarchy | undefined {
  const { sources } = ctx.resolved.catalog;
  const seen = new Map<string, LevelDef>();
  for (const level of h.levels) {
    const first = seen.get(level.name);
    if (first !== undefined) {
      report(ctx, 'scorecard/bad-hierarchy', level.span, `level \`${level.name}\` is listed twice in hierarchy \`${h.id}\``, {
        related: [{ span: first.span, message: 'first listed here' }],
      });
    } else seen.set(level.name, level);
  }
  const dimension = checkDimension(ctx, h.dimension);
  if (h.source === undefined || h.member === undefined) return undefined;
  const source = sources.get(h.source.value);
  if (source === undefined) {
    reportUnknown(ctx, 'scorecard/unknown-source', h.source.span, 'source', h.source.value, sources.keys());
    return undefined;
  }
  const member = resolveRowFormula(ctx, h.member, source);
  checkKey(ctx, member, h.member.node.span, 'the member key');
  const manager = h.manager === undefined ? undefined : resolveRowFormula(ctx, h.manager, source);
  if (manager !== undefined && h.manager !== undefined) checkKey(ctx, manager, h.manager.node.span, 'the manager key');
  const validFrom = checkDateColumn(ctx, h, source, 'valid_from');
  const validTo = checkDateColumn(ctx, h, source, 'valid_to');
  const levels = h.levels.map((l, i) => checkLevel(ctx, h, source, l, i));
  if (dimension === undefined || levels.length < 2 || seen.size < h.levels.length) return undefined;
  return { id: h.id, title: h.title ?? h.id, source: source.id, member, dimension, validFrom, validTo, asOf: h.asOf, manager, levels };
}

/**
 * Checks every `hierarchy` document of the context's catalog (diagnostics go to the context);
 * the value holds the hierarchies sound enough to evaluate, by id.
 */
export function checkHierarchies(ctx: CheckContext): ReadonlyMap<string, ResolvedHierarchy> {
  const out = new Map<string, ResolvedHierarchy>();
  for (const def of buildHierarchies(ctx.resolved.catalog).values()) {
    const h = checkHierarchy(ctx, def);
    if (h !== undefined) out.set(def.id, h);
  }
  return out;
}
