/**
 * The semantic checks of `check` documents, after the catalog is resolved: `over` names a source,
 * `where` and `fails` are conditions over its rows, `duplicates` is text, `show` resolves, and
 * nothing reads a value as at a point or a lookup computed from a KPI (a check reads each row as
 * it stands in the data). A check that passes becomes a {@link ResolvedCheck}, ready to run.
 */
import type { PhaseResult } from '../diagnostics/diagnostic.js';
import type { FormulaText, SourceDef } from '../model/types.js';
import { forEachRowNode } from '../query/ir-walk.js';
import type { IrRowExpr } from '../query/ir-expr.js';
import { rowToIr } from '../query/row-to-ir.js';
import {
  checkCondition,
  createCheckContext,
  report,
  reportUnknown,
  resolveRowFormula,
  type CheckContext,
} from '../resolve/check-context.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { RowExpr } from '../resolve/types.js';
import { buildChecks } from './build.js';
import type { CheckDef } from './model.js';
import { relatedType, resolveRelated, withRelated, type ResolvedRelated } from './related.js';

/** A shown value: its formula as written, and its expression. */
interface ShownValue {
  readonly label: string;
  readonly expr: IrRowExpr;
}

/** A check ready to run. */
export interface ResolvedCheck {
  readonly kind: 'resolved-check';
  readonly def: CheckDef;
  readonly source: SourceDef;
  readonly where: IrRowExpr | undefined;
  /** Values from related rows, read by name in `where`, `fails` and `show`. */
  readonly related: readonly ResolvedRelated[];
  readonly rule:
    | { readonly kind: 'fails'; readonly condition: IrRowExpr }
    | {
        readonly kind: 'duplicates';
        readonly value: IrRowExpr;
        readonly similarity: number | undefined;
        /** Values that must also be equal (exactly) for rows to be duplicates: the groups compared within. */
        readonly same: readonly IrRowExpr[];
      };
  /** The source's key first (when it has one), then the `show` values. */
  readonly shown: readonly ShownValue[];
  /** The source's breakdown dimensions by name (`rep`, `team`, `region`, …), for who owns a finding and `--at`. */
  readonly dimensions: ReadonlyMap<string, IrRowExpr>;
}

/** Whether `e` (resolved without errors) can be read row by row, else a diagnostic is reported. */
function rowReadable(ctx: CheckContext, e: RowExpr, formula: FormulaText): IrRowExpr | undefined {
  if (
    ctx.env.diagnostics.some(
      (d) =>
        d.severity === 'error' &&
        d.span.file === formula.node.span.file &&
        d.span.start >= formula.node.span.start &&
        d.span.end <= formula.node.span.end,
    )
  )
    return undefined;
  if (e.type === 'error') return undefined;
  const ir = rowToIr(e);
  return readableIr(ctx, ir, formula) ? ir : undefined;
}

/** Whether a check can read `ir` row by row, else `audit/unsupported` is reported at `formula`. */
function readableIr(ctx: CheckContext, ir: IrRowExpr, formula: FormulaText): boolean {
  let problem: string | undefined;
  forEachRowNode(ir, (n) => {
    if (n.kind === 'column' && n.atStart === true) problem = 'reads a value as at the start of a period (`at_start`)';
    if (n.kind === 'lookup' && ctx.resolved.lookups.get(n.lookup)?.kind === 'kpi')
      problem = `reads the lookup \`${n.lookup}\`, which is computed from a KPI per period`;
  });
  if (problem === undefined) return true;
  report(ctx, 'audit/unsupported', formula.node.span, `\`${formula.text}\` ${problem}; a check reads each row as it stands in the data`, {
    hint: 'write the condition over the row’s own columns, definitions and fixed lookups',
  });
  return false;
}

function resolveOne(ctx: CheckContext, def: CheckDef): ResolvedCheck | undefined {
  const over = ctx.resolved.catalog.sources.get(def.over.value);
  if (over === undefined) {
    reportUnknown(ctx, 'resolve/unknown-source', def.over.span, 'source', def.over.value, ctx.resolved.catalog.sources.keys());
    return undefined;
  }
  const related: ResolvedRelated[] = [];
  for (const r of def.related) {
    const x = resolveRelated(ctx, r, over, `check ${def.id}`, (ir) => readableIr(ctx, ir, r.formula));
    if (x !== undefined) related.push(x);
  }
  // The formulas read related values as columns; a value that failed to resolve stays unknown
  // (its own diagnostic is already reported), so the check is not run.
  const source = withRelated(over, def.related, new Map(related.map((r) => [r.name, relatedType(r)])));
  const condition = (f: FormulaText): IrRowExpr | undefined => {
    const e = resolveRowFormula(ctx, f, source);
    checkCondition(ctx, e, f);
    return e.type === 'boolean' ? rowReadable(ctx, e, f) : undefined;
  };
  const where = def.where === undefined ? undefined : condition(def.where);
  let rule: ResolvedCheck['rule'] | undefined;
  if (def.rule.kind === 'fails') {
    const c = condition(def.rule.condition);
    rule = c === undefined ? undefined : { kind: 'fails', condition: c };
  } else {
    const f = def.rule.value;
    const e = resolveRowFormula(ctx, f, source);
    if (e.type !== 'string' && e.type !== 'error')
      report(ctx, 'resolve/type-mismatch', f.node.span, `\`${f.text}\` must be text (a name to compare), e.g. \`name\``);
    const v = e.type === 'string' ? rowReadable(ctx, e, f) : undefined;
    const same = def.rule.same.map((s) => rowReadable(ctx, resolveRowFormula(ctx, s, source), s));
    const within = same.filter((s) => s !== undefined);
    rule =
      v === undefined || within.length < same.length
        ? undefined
        : { kind: 'duplicates', value: v, similarity: def.rule.similarity?.value, same: within };
  }
  const shown: ShownValue[] = [];
  if (source.key !== undefined) shown.push({ label: source.key.value, expr: { kind: 'column', path: [], column: source.key.value } });
  let ok = true;
  for (const f of def.show) {
    const e = resolveRowFormula(ctx, f, source);
    const ir = rowReadable(ctx, e, f);
    if (ir === undefined) ok = false;
    else if (!shown.some((s) => s.label === f.text)) shown.push({ label: f.text, expr: ir });
  }
  const dimensions = new Map<string, IrRowExpr>();
  for (const [name, dim] of over.dimensions) {
    const before = ctx.env.diagnostics.length;
    const e = resolveRowFormula(ctx, dim.formula, over);
    const quiet = ctx.env.diagnostics.length === before;
    ctx.env.diagnostics.length = before; // the source's own check reports its dimensions' problems
    if (quiet && e.type !== 'error') {
      const ir = rowToIr(e);
      let plain = true;
      forEachRowNode(ir, (n) => (plain &&= !(n.kind === 'column' && n.atStart === true) && n.kind !== 'lookup'));
      if (plain) dimensions.set(name, ir);
    }
  }
  if (rule === undefined || !ok || (def.where !== undefined && where === undefined) || related.length !== def.related.length)
    return undefined;
  return { kind: 'resolved-check', def, source: over, where, related, rule, shown, dimensions };
}

/** Checks every `check` document of the catalog; the checks without errors are returned by id. */
export function checkChecks(resolved: ResolvedCatalog): PhaseResult<ReadonlyMap<string, ResolvedCheck>> {
  const ctx = createCheckContext(resolved);
  const out = new Map<string, ResolvedCheck>();
  for (const def of buildChecks(resolved.catalog).values()) {
    const r = resolveOne(ctx, def);
    if (r !== undefined) out.set(def.id, r);
  }
  return { value: out, diagnostics: ctx.env.diagnostics };
}
