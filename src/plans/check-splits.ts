/**
 * Checks a plan's `credit.splits`: the split source exists, and its deal, rep, share and overlay
 * formulas resolve over it with the right types. Whether each deal's revenue splits add up to
 * 100% is a question about the data, answered when payouts are computed (splits.ts).
 */
import { checkCondition, report, reportUnknown, resolveRowFormula, type CheckContext } from '../resolve/check-context.js';
import type { RowExpr } from '../resolve/types.js';
import type { SplitsDef } from './model.js';
import type { ResolvedSplits } from './resolved.js';

function key(ctx: CheckContext, expr: RowExpr | undefined, span: SplitsDef['span'], what: string): void {
  if (expr !== undefined && expr.type !== 'string' && expr.type !== 'number' && expr.type !== 'error')
    report(ctx, 'resolve/type-mismatch', span, `${what} must give text or a number`);
}

/** The resolved splits, or undefined (reported) when they cannot be read. */
export function checkSplits(ctx: CheckContext, s: SplitsDef | undefined): ResolvedSplits | undefined {
  if (s?.source === undefined) return undefined;
  const source = ctx.resolved.catalog.sources.get(s.source.value);
  if (source === undefined) {
    reportUnknown(ctx, 'plan/unknown-source', s.source.span, 'source', s.source.value, ctx.resolved.catalog.sources.keys());
    return undefined;
  }
  const deal = s.deal === undefined ? undefined : resolveRowFormula(ctx, s.deal, source);
  key(ctx, deal, s.deal?.node.span ?? s.span, 'the split’s deal');
  const rep = s.rep === undefined ? undefined : resolveRowFormula(ctx, s.rep, source);
  key(ctx, rep, s.rep?.node.span ?? s.span, 'the split’s rep');
  const share = s.share === undefined ? undefined : resolveRowFormula(ctx, s.share, source);
  if (share !== undefined && s.share !== undefined && share.type !== 'number' && share.type !== 'error')
    report(ctx, 'resolve/type-mismatch', s.share.node.span, `the share \`${s.share.text}\` must be a number (0.4) or a percent column`);
  const overlay = s.overlay === undefined ? undefined : resolveRowFormula(ctx, s.overlay, source);
  if (overlay !== undefined && s.overlay !== undefined) checkCondition(ctx, overlay, s.overlay);
  if (deal === undefined || rep === undefined || share === undefined) return undefined;
  return { source: source.id, deal, rep, share, overlay, span: s.span };
}
