/**
 * `pass_rate(check)`: the share of a check's rows — the rows of its `over` source that its `where`
 * selects — that are not findings (`fails` is not true). It resolves to the ratio of two counts
 * over the check's source, so it is placed in periods, broken down, windowed and rolled up like
 * any ratio of aggregates (docs/checks.md, "Data-quality KPIs"). A check reads each row on one
 * audit day, so `period_start()` and `period_end()` in its formulas mean the day of the point
 * when the rows are read `as at` one; without `as at` such a check is refused.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import type { Span } from '../diagnostics/span.js';
import type { CallExpr, NameRef } from '../formula/ast.js';
import type { SourceDef } from '../model/types.js';
import { resolveRowAggregate, type LastContext } from './aggregate.js';
import { checkDocuments, readCheckRule, type CheckRuleDoc } from './check-rule.js';
import { parseOnce, report, type ResolveEnv } from './env.js';
import { resolveRow } from './row.js';
import { forEachRow, mapRowChildren } from './row-walk.js';
import type { KpiAggregate, KpiExpr, RowExpr } from './types.js';

const ERROR: KpiExpr = { kind: 'literal', value: null, type: 'error' };

/** A check's rule resolved over its source, or the first problem that keeps it from resolving. */
type ResolvedRule =
  | { readonly kind: 'rule'; readonly source: SourceDef; readonly where: RowExpr | undefined; readonly fails: RowExpr }
  | { readonly kind: 'problem'; readonly span: Span; readonly message: string };

/** Rules resolved once per resolver run, by check id. */
const rulesByEnv = new WeakMap<ResolveEnv, Map<string, ResolvedRule | undefined>>();

/** Whether a row expression reads the audit day (`period_start()`, `period_end()`, `point_date()`). */
function readsDay(e: RowExpr | undefined): boolean {
  let found = false;
  forEachRow(e, (n) => {
    if (n.kind === 'call' && (n.fn === 'period_start' || n.fn === 'period_end' || n.fn === 'point_date')) found = true;
  });
  return found;
}

/** Why a check's formula cannot be read row by row as it stands (the check reports it too), if it cannot. */
function unreadable(env: ResolveEnv, e: RowExpr | undefined): string | undefined {
  let problem: string | undefined;
  forEachRow(e, (n) => {
    if (n.kind === 'column' && n.atStart === true) problem = 'it reads a value as at the start of a period (`at_start`)';
    if (n.kind === 'lookup' && env.catalog.lookups.get(n.lookup)?.value !== undefined)
      problem = `it reads the lookup \`${n.lookup}\`, which is computed from a KPI`;
  });
  return problem;
}

/**
 * Resolves the check's `where` and `fails` over its source. Their diagnostics belong to the check
 * (`kpic validate` reports them there), so they are taken out of the run and summed up as one
 * problem. Undefined when the document itself is malformed (the schema phase reported it).
 */
function resolveRule(env: ResolveEnv, rule: CheckRuleDoc): ResolvedRule | undefined {
  const cache = rulesByEnv.get(env) ?? new Map<string, ResolvedRule | undefined>();
  rulesByEnv.set(env, cache);
  if (cache.has(rule.id)) return cache.get(rule.id);
  let out: ResolvedRule | undefined;
  const source = rule.over === undefined ? undefined : env.catalog.sources.get(rule.over.value);
  if (rule.over === undefined || rule.fails === undefined) out = undefined;
  else if (source === undefined) out = { kind: 'problem', span: rule.over.span, message: `unknown source \`${rule.over.value}\`` };
  else {
    const before = env.diagnostics.length;
    const formulas = rule.where === undefined ? [rule.fails] : [rule.where, rule.fails];
    const exprs = formulas.map((f) => resolveRow(env, parseOnce(env, f), { source }));
    const error = env.diagnostics.splice(before).find((d) => d.severity === 'error');
    const bad = formulas.flatMap((f, i) => {
      const e = exprs[i];
      const why = e === undefined ? undefined : e.type !== 'boolean' ? 'it is not a condition (true or false)' : unreadable(env, e);
      return why === undefined ? [] : [{ kind: 'problem' as const, span: f.node.span, message: `\`${f.text}\`: ${why}` }];
    })[0];
    const [where, fails] = rule.where === undefined ? [undefined, exprs[0]] : [exprs[0], exprs[1]];
    out =
      error !== undefined
        ? { kind: 'problem', span: error.span, message: error.message }
        : (bad ?? (fails === undefined ? undefined : { kind: 'rule', source, where, fails }));
  }
  cache.set(rule.id, out);
  return out;
}

/** `period_start()` and `period_end()` as the check means them: the day it reads the rows on (the point's). */
function onPointDay(e: RowExpr): RowExpr {
  if (e.kind === 'call' && (e.fn === 'period_start' || e.fn === 'period_end'))
    return { kind: 'call', fn: 'point_date', args: [], type: 'date' };
  return mapRowChildren(e, onPointDay);
}

function both(a: RowExpr | undefined, b: RowExpr | undefined): RowExpr | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return { kind: 'binary', op: 'and', left: a, right: b, type: 'boolean' };
}

function unknownCheck(env: ResolveEnv, ref: NameRef, id: string): void {
  const { catalog } = env;
  const other = catalog.kpis.has(id) ? 'a KPI' : catalog.sources.has(id) ? 'a source' : catalog.lookups.has(id) ? 'a lookup' : undefined;
  report(env, 'resolve/unknown-check', ref.span, `unknown check \`${id}\`${other === undefined ? '' : `: \`${id}\` is ${other}`}`, {
    hint: didYouMean(id, checkDocuments(catalog).keys()) ?? 'pass_rate() takes the id of a `check` document',
  });
}

/** Resolves `pass_rate(check [where …] [on …] [as at …])`. */
export function resolvePassRate(env: ResolveEnv, ast: CallExpr, last: LastContext | undefined): KpiExpr {
  const arg = ast.args[0];
  const ref = arg?.value;
  if (arg === undefined || ast.args.length !== 1 || ref?.kind !== 'name' || ref.parts.length !== 1) {
    report(env, 'resolve/bad-argument', ref?.span ?? ast.span, 'pass_rate() takes the id of one check, e.g. pass_rate(past_close_date)');
    return ERROR;
  }
  if (arg.per !== undefined) {
    report(
      env,
      'resolve/misplaced-clause',
      arg.per.span,
      '`per` goes around the pass rate, e.g. avg(pass_rate(open_deal_next_step) per owner_id)',
    );
    return ERROR;
  }
  const id = ref.parts[0]?.name ?? '';
  const rule = readCheckRule(env.catalog, id);
  if (rule === undefined) {
    unknownCheck(env, ref, id);
    return ERROR;
  }
  if (rule.otherRows !== undefined) {
    const what =
      rule.otherRows.key === 'related' ? 'values computed from related rows (`related:`)' : 'each row with the other rows (`duplicates:`)';
    report(env, 'resolve/check-reads-other-rows', ref.span, `check \`${id}\` compares ${what}, which a KPI does not compute row by row`, {
      hint: 'pass_rate() takes checks whose `where` and `fails` read the row itself; `kpic audit` lists this check’s findings',
      related: [{ span: rule.otherRows.span, message: `the \`${rule.otherRows.key}\` of check \`${id}\`` }],
    });
    return ERROR;
  }
  const resolved = resolveRule(env, rule);
  if (resolved === undefined) return ERROR;
  if (resolved.kind === 'problem') {
    report(
      env,
      'resolve/check-has-errors',
      ref.span,
      `check \`${id}\` has errors of its own, so its pass rate cannot be computed: ${resolved.message}`,
      {
        hint: `fix check \`${id}\` (\`kpic validate\` lists its problems)`,
        related: [{ span: resolved.span, message: `the problem in check \`${id}\`` }],
      },
    );
    return ERROR;
  }
  const point = arg.asAt !== undefined;
  if (!point && (readsDay(resolved.where) || readsDay(resolved.fails))) {
    report(
      env,
      'resolve/needs-as-at',
      ast.span,
      `check \`${id}\` reads the audit day (period_start(), period_end() or point_date()), which rows placed in periods by a date do not have`,
      { hint: `read the rows as they stood at a point of each period, which is then the audit day: pass_rate(${id} as at end)` },
    );
    return ERROR;
  }
  const where = resolved.where === undefined || !point ? resolved.where : onPointDay(resolved.where);
  const fails = point ? onPointDay(resolved.fails) : resolved.fails;
  // The rows: count(source where <the KPI's where>) with the KPI's `on` or `as at`, read as any aggregate.
  const sourceRef: NameRef = { kind: 'name', parts: [{ name: resolved.source.id, span: ref.span }], span: ref.span };
  const rows = resolveRowAggregate(env, { ...ast, args: [{ ...arg, value: sourceRef }] }, 'count', last);
  if (rows.kind !== 'aggregate') return ERROR;
  const passes: RowExpr = {
    kind: 'unary',
    op: 'not',
    operand: { kind: 'call', fn: 'coalesce', args: [fails, { kind: 'literal', value: false, type: 'boolean' }], type: 'boolean' },
    type: 'boolean',
  };
  const checked: KpiAggregate = { ...rows, filter: both(rows.filter, where), check: id };
  const passing: KpiAggregate = { ...checked, filter: both(checked.filter, passes) };
  return { kind: 'binary', op: '/', left: passing, right: checked, type: 'number', unit: 'ratio' };
}
