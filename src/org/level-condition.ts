/**
 * Conditions written on the levels of a hierarchy (`region = 'EMEA'`): a scorecard variant's
 * `applies_to`, and later any rule that names a part of the organisation. Resolved by the formula
 * language's own resolver over the level names, each a text dimension; evaluated per node by
 * scope.ts.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import type { FormulaText } from '../model/types.js';
import { checkCondition, report, type CheckContext } from '../resolve/check-context.js';
import { parseOnce, type ResolveEnv } from '../resolve/env.js';
import { resolveRow } from '../resolve/row.js';
import type { RowExpr, Typed } from '../resolve/types.js';

/**
 * Resolves a condition on the levels `levels` of hierarchy `hierarchy`. An unknown name is
 * reported as an unknown level of the hierarchy, with the nearest level suggested.
 */
export function resolveLevelCondition(ctx: CheckContext, formula: FormulaText, levels: readonly string[], hierarchy: string): RowExpr {
  const scratch: ResolveEnv = { ...ctx.env, diagnostics: [] };
  const dimensions = new Map<string, Typed>(levels.map((l) => [l, { type: 'string' }]));
  const expr = resolveRow(scratch, parseOnce(scratch, formula), { dimensions });
  for (const d of scratch.diagnostics) {
    if (d.code !== 'resolve/unknown-dimension') {
      ctx.env.diagnostics.push(d);
      continue;
    }
    const name = /^`([^`]*)`/.exec(d.message)?.[1] ?? '';
    report(ctx, 'scorecard/unknown-level', d.span, `\`${name}\` is not a level of hierarchy \`${hierarchy}\``, {
      hint: didYouMean(name, levels) ?? `levels: ${levels.join(', ')}`,
    });
  }
  checkCondition(ctx, expr, formula);
  return expr;
}
