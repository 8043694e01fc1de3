/**
 * Point-in-time semantics in resolve: which sources have a state over time (an `interval:`, or a
 * change log naming them in `changes: of:`), the checks of those settings, the row functions that
 * only `as at` aggregates understand (`period_start()`, `period_end()`, `point_date()`,
 * `at_start(x)`), and the checks of an aggregate's `as at` clause.
 */
import type { CallExpr, Expr, PointSpec } from '../formula/ast.js';
import type { Catalog, SourceDef } from '../model/types.js';
import { didYouMeanInYaml } from '../diagnostics/suggest.js';
import { ROW_ERROR, columnTyped, report, type ResolveEnv } from './env.js';
import { forEachRow, mapRowChildren } from './row-walk.js';
import type { AsAtPoint, PointFunction, RowExpr } from './types.js';

/** Row functions of the evaluated period, valid only inside `as at` aggregates. */
const POINT_FUNCTIONS: ReadonlySet<string> = new Set<PointFunction>(['period_start', 'period_end', 'point_date']);

/** The change log whose `changes: of:` names `source`, if any (the first, when several do). */
export function changeLogOf(catalog: Catalog, source: string): SourceDef | undefined {
  return [...catalog.sources.values()].find((s) => s.changes?.of.value === source);
}

/** Whether `as at` can read `source`: it has an `interval:` or a change log. */
function hasState(catalog: Catalog, source: SourceDef): boolean {
  return source.interval !== undefined || changeLogOf(catalog, source.id) !== undefined;
}

const TEMPORAL = new Set(['date', 'timestamp']);

/** Checks a source's `interval:` and `changes:` settings. */
export function checkSourceState(env: ResolveEnv, source: SourceDef): void {
  const column = (
    name: { value: string; span: import('../diagnostics/span.js').Span },
    of: SourceDef,
    what: string,
    temporal: boolean,
  ): void => {
    const c = of.columns.get(name.value);
    if (c === undefined) {
      report(env, 'resolve/bad-state', name.span, `${what} \`${name.value}\` is not a column of \`${of.id}\``, {
        hint: didYouMeanInYaml(name.value, of.columns.keys()),
      });
    } else if (temporal && !TEMPORAL.has(c.type.value)) {
      report(
        env,
        'resolve/bad-state',
        name.span,
        `${what} \`${name.value}\` must be a date or timestamp column, but it is ${c.type.value}`,
      );
    }
  };
  if (source.interval !== undefined) {
    column(source.interval.from, source, '`interval: from:`', true);
    if (source.interval.to !== undefined) column(source.interval.to, source, '`interval: to:`', true);
  }
  const log = source.changes;
  if (log === undefined) return;
  column(log.key, source, '`changes: key:`', false);
  column(log.at, source, '`changes: at:`', true);
  column(log.field, source, '`changes: field:`', false);
  column(log.old, source, '`changes: old:`', false);
  column(log.new, source, '`changes: new:`', false);
  const of = env.catalog.sources.get(log.of.value);
  if (of === undefined) {
    report(env, 'resolve/bad-state', log.of.span, `\`changes: of: ${log.of.value}\` names no source`, {
      hint: didYouMeanInYaml(log.of.value, env.index.sources),
    });
    return;
  }
  if (of.key === undefined) {
    report(env, 'resolve/bad-state', log.of.span, `\`${of.id}\` has no \`key:\`, so its change log cannot say which row changed`, {
      hint: `declare the column that identifies a row of \`${of.id}\`, e.g. key: ${of.id.replace(/s$/, '')}_id`,
    });
  }
  const first = changeLogOf(env.catalog, of.id);
  if (first !== undefined && first.id !== source.id) {
    report(env, 'resolve/bad-state', log.of.span, `\`${of.id}\` already has a change log, \`${first.id}\`; one source has one log`, {
      related: [{ span: first.changes?.of.span ?? first.kindSpan, message: 'the other log' }],
    });
  }
  const fields = trackedFields(source);
  if (fields === undefined) {
    report(env, 'resolve/bad-state', log.field.span, `kpic cannot tell which columns of \`${of.id}\` the log tracks`, {
      hint: `list them in \`changes: fields:\`, or give the column \`${log.field.value}\` its \`values:\``,
    });
    return;
  }
  for (const f of fields) {
    if (f.value === of.key?.value) {
      report(env, 'resolve/bad-state', f.span, `the key \`${f.value}\` of \`${of.id}\` cannot change: it says which row a change is of`);
    } else if (!of.columns.has(f.value)) {
      report(env, 'resolve/bad-state', f.span, `the log tracks \`${f.value}\`, which is not a column of \`${of.id}\``, {
        hint: didYouMeanInYaml(f.value, of.columns.keys()),
      });
    }
  }
}

/** The columns a change log tracks: `changes: fields:`, else the `values` of its field column. */
export function trackedFields(log: SourceDef): readonly { value: string; span: import('../diagnostics/span.js').Span }[] | undefined {
  if (log.changes === undefined) return undefined;
  return log.changes.fields ?? log.columns.get(log.changes.field.value)?.values;
}

/**
 * A call of a point function or of `at_start(x)` inside a row expression, resolved; undefined when
 * `ast` is another call. `resolveArg` resolves `x` in the same scope.
 */
export function resolvePointCall(
  env: ResolveEnv,
  ast: CallExpr,
  resolveArg: (e: Expr) => RowExpr,
  source: SourceDef | undefined,
): RowExpr | undefined {
  if (POINT_FUNCTIONS.has(ast.name)) {
    if (ast.args.length > 0) report(env, 'resolve/arity', ast.span, `${ast.name}() takes no arguments, not ${ast.args.length}`);
    return { kind: 'call', fn: ast.name as PointFunction, args: [], type: 'date' };
  }
  if (ast.name !== 'at_start') return undefined;
  const arg = ast.args[0];
  if (ast.args.length !== 1 || arg === undefined) {
    report(env, 'resolve/arity', ast.span, `at_start() takes 1 argument, not ${ast.args.length}`);
    return ROW_ERROR;
  }
  return atStart(env, resolveArg(arg.value), arg.value, source);
}

/**
 * `expr` read as at the period's start: every own column marked, and null when the row did not
 * hold then (its key at the start is null); joins and lookups refused.
 */
function atStart(env: ResolveEnv, expr: RowExpr, ast: Expr, source: SourceDef | undefined): RowExpr {
  let refused = false;
  forEachRow(expr, (e) => {
    if (refused) return;
    if ((e.kind === 'column' && e.path.length > 0) || e.kind === 'lookup') {
      refused = true;
      report(
        env,
        'resolve/bad-argument',
        ast.span,
        'at_start() reads the columns of the source itself; a value reached through a join or a lookup has no start-of-period state',
        { hint: 'move the join outside: compare the start value of a column of the source, e.g. at_start(stage)' },
      );
    }
  });
  if (refused || expr.type === 'error') return ROW_ERROR;
  const key = source?.key === undefined ? undefined : source.columns.get(source.key.value);
  // Without a key, checkAsAt reports; the marked expression stands in.
  if (source === undefined || key === undefined) return markStart(expr);
  const keyAtStart: RowExpr = {
    kind: 'column',
    path: [],
    source: source.id,
    column: key.name,
    atStart: true,
    ...columnTyped(key.type.value),
  };
  const held: RowExpr = { kind: 'is-null', operand: keyAtStart, negated: true, type: 'boolean' };
  const none: RowExpr = { kind: 'literal', value: null, type: 'null' };
  return { kind: 'call', fn: 'if', args: [held, markStart(expr), none], type: expr.type, unit: expr.unit };
}

function markStart(e: RowExpr): RowExpr {
  if (e.kind === 'column') return { ...e, atStart: true };
  // A lookup is refused inside at_start (reported above); its key is left as it is.
  return e.kind === 'lookup' ? e : mapRowChildren(e, markStart);
}

/** Whether a row expression reads a value as at the period's start. */
function readsStart(expr: RowExpr | undefined): boolean {
  let found = false;
  forEachRow(expr, (e) => {
    if (e.kind === 'column' && e.atStart === true) found = true;
  });
  return found;
}

/** Whether a row expression reads the period (a point function or a value at the start). */
function readsPeriod(expr: RowExpr | undefined): boolean {
  let found = false;
  forEachRow(expr, (e) => {
    if ((e.kind === 'call' && POINT_FUNCTIONS.has(e.fn)) || (e.kind === 'column' && e.atStart === true)) found = true;
  });
  return found;
}

/**
 * Checks an aggregate's `as at` clause (or its absence) and returns its point. Refuses `as at`
 * with `on` or inside `last(…)`, on a source without state, and point functions without `as at`.
 */
export function checkAsAt(
  env: ResolveEnv,
  call: CallExpr,
  source: SourceDef,
  point: PointSpec | undefined,
  parts: { on: Expr | undefined; last: boolean; value: RowExpr | undefined; filter: RowExpr | undefined },
): AsAtPoint | undefined {
  if (point === undefined) {
    if (readsPeriod(parts.value) || readsPeriod(parts.filter)) {
      report(
        env,
        'resolve/needs-as-at',
        call.span,
        `\`${call.name}\` uses period_start(), period_end(), point_date() or at_start(), which only mean something for rows read \`as at\` a point of each period`,
        { hint: `add the point, e.g. ${call.name}(… as at end)` },
      );
    }
    return undefined;
  }
  if (parts.on !== undefined) {
    report(
      env,
      'resolve/misplaced-clause',
      parts.on.span,
      '`on` places rows in a period by a date, but `as at` reads the rows that hold at a point of each period: keep one',
    );
  }
  if (parts.last) {
    report(env, 'resolve/misplaced-clause', point.span, '`as at` already gives the state at a point; `last(…)` around it has no meaning');
  }
  if (source.key === undefined && (readsStart(parts.value) || readsStart(parts.filter))) {
    report(
      env,
      'resolve/bad-argument',
      call.span,
      `at_start() matches each row of \`${source.id}\` with its state at the period's start by key, but \`${source.id}\` has no \`key:\``,
      {
        hint: `declare the column that identifies a row: key: …`,
      },
    );
  }
  if (!hasState(env.catalog, source)) {
    report(
      env,
      'resolve/no-history',
      point.span,
      `\`${source.id}\` has no state over time: its rows hold neither between dates nor through a change log`,
      {
        hint: `declare \`interval: { from: …, to: … }\` on \`${source.id}\`, or a change log with \`changes: { of: ${source.id}, … }\``,
      },
    );
  }
  return point.n === undefined ? { at: point.at } : { at: point.at, n: point.n };
}

/** Reports `as at` written on a call that is not an aggregate over rows. */
export function rejectAsAt(env: ResolveEnv, ast: CallExpr): void {
  for (const a of ast.args) {
    if (a.asAt === undefined) continue;
    report(env, 'resolve/misplaced-clause', a.asAt.span, `\`as at\` belongs to an aggregate over rows, not to \`${ast.name}\``, {
      hint: 'put it inside the aggregate, e.g. sum(amount where open as at end)',
    });
  }
}
