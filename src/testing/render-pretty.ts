/**
 * `kpic test` for people: one line per case, and for a failing expectation its table cell by cell
 * — each failing cell as `expected ≠ actual`, each failing row with the line of the test file
 * that expects it — then the totals and the coverage figure.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Style } from '../diagnostics/render/style.js';
import { countStatuses, type CaseResult, type Coverage, type ExpectationResult, type RowResult, type TestRun } from './results.js';

/** How the renderer shows places and diagnostics (the CLI knows the catalog and working directory). */
export interface PrettyContext {
  readonly style: Style;
  /** `catalog/tests/x.yaml:12:7`. */
  readonly where: (span: Span) => string;
  /** The line number of a span. */
  readonly line: (span: Span) => number;
  /** Diagnostics in the pretty format. */
  readonly diagnostics: (diagnostics: readonly Diagnostic[]) => string;
}

const MAX_ROWS = 30;

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

function cellText(c: RowResult['cells'][number]): string {
  if (c.actual === undefined) return `${c.expected} ≠ (none)`;
  return c.ok ? c.actual : `${c.expected} ≠ ${c.actual}`;
}

function table(x: ExpectationResult, ctx: PrettyContext): string[] {
  const names = [...new Set(x.rows.flatMap((r) => r.cells.map((c) => c.name)))];
  const failing = (r: RowResult): boolean => r.missing !== undefined || r.cells.some((c) => !c.ok);
  const rows = x.rows.length > MAX_ROWS ? x.rows.filter(failing) : x.rows;
  const header = ['line', ...x.labelColumns, ...names];
  const body = rows.map((r) => {
    const byName = new Map(r.cells.map((c) => [c.name, c]));
    return [
      String(ctx.line(r.span)),
      ...r.labels,
      ...names.map((n) => (byName.has(n) ? cellText(byName.get(n) as RowResult['cells'][number]) : '')),
    ];
  });
  const widths = header.map((h, i) => Math.max([...h].length, ...body.map((b) => [...(b[i] ?? '')].length)));
  const out = [
    `        ${ctx.style.dim(
      header
        .map((h, i) => pad(h, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )}`,
  ];
  rows.forEach((r, i) => {
    const bad = failing(r);
    const text = (body[i] ?? [])
      .map((t, j) => pad(t, widths[j] ?? 0))
      .join('  ')
      .trimEnd();
    out.push(`      ${bad ? ctx.style.red('✗') : ' '} ${bad ? ctx.style.red(text) : text}`);
    if (r.missing !== undefined) out.push(`          ${ctx.style.dim(`${ctx.where(r.span)}: ${r.missing}`)}`);
  });
  if (rows.length < x.rows.length) out.push(`        ${ctx.style.dim(`(${x.rows.length - rows.length} matching rows not shown)`)}`);
  for (const u of x.unexpected)
    out.push(
      `      ${ctx.style.red('+')} ${u.labels.join('  ')}  ${u.name} = ${u.actual}  ${ctx.style.dim('(in the result, not listed)')}`,
    );
  return out;
}

function expectationLines(x: ExpectationResult, ctx: PrettyContext): string[] {
  const at = ctx.where(x.span);
  if (x.error !== undefined) return [`      ${at}: ${x.title}: ${ctx.style.red('could not be evaluated')}: ${x.error}`];
  if (x.ok) return [];
  const cells = x.rows.flatMap((r) => r.cells);
  const bad = cells.filter((c) => !c.ok).length;
  const rules = [...new Set(cells.map((c) => c.rule))].join('; ');
  const summary =
    bad === 0
      ? `all ${cells.length} cell${cells.length === 1 ? '' : 's'} match`
      : `${bad} of ${cells.length} cell${cells.length === 1 ? '' : 's'} differ${bad === 1 ? 's' : ''}`;
  const extra = x.unexpected.length > 0 ? `, ${x.unexpected.length} unlisted row${x.unexpected.length === 1 ? '' : 's'}` : '';
  return [`      ${at}: ${x.title}: ${summary}${extra} (cells show expected ≠ actual; compared ${rules})`, ...table(x, ctx)];
}

/** One case: its status line and, unless it passed, where it is, its failing tables and its diagnostics. */
export function caseLines(c: CaseResult, ctx: PrettyContext): string[] {
  const mark = c.status === 'passed' ? ctx.style.green('✓') : c.status === 'failed' ? ctx.style.red('✗') : ctx.style.red('!');
  const name = `${c.test} › ${c.case}`;
  const head = `  ${mark} ${c.status === 'passed' ? name : ctx.style.bold(name)}${c.status === 'error' ? ctx.style.red(' (error)') : ''}`;
  const lines = [head];
  if (c.status !== 'passed') lines.push(`      ${ctx.style.dim(ctx.where(c.span))}`);
  for (const x of c.expectations) lines.push(...expectationLines(x, ctx));
  if (c.diagnostics.length > 0) lines.push(ctx.diagnostics(c.diagnostics).replace(/^/gm, '      ').trimEnd());
  return lines;
}

/** The coverage line: `coverage: 6 of 72 KPIs have a test (8%), 5 more are reached through them`. */
export function coverageLine(coverage: Coverage): string {
  const percent = coverage.total === 0 ? 0 : (100 * coverage.tested.length) / coverage.total;
  const through = coverage.indirect.length === 0 ? '' : `; ${coverage.indirect.length} more are computed inside tested KPIs`;
  return `coverage: ${coverage.tested.length} of ${coverage.total} KPIs have a test (${percent.toFixed(1)}%)${through}`;
}

/** The whole report. */
export function renderTestsPretty(run: TestRun, ctx: PrettyContext): string {
  const out: string[] = [];
  let file = '';
  for (const c of run.cases) {
    if (c.file !== file) {
      file = c.file;
      out.push(ctx.style.bold(ctx.where({ file: c.file, start: 0, end: 0 }).replace(/:\d+:\d+$/, '')));
    }
    out.push(...caseLines(c, ctx));
  }
  const n = countStatuses(run);
  const parts = [`${n.passed} passed`];
  if (n.failed > 0) parts.push(ctx.style.red(`${n.failed} failed`));
  if (n.error > 0) parts.push(ctx.style.red(`${n.error} could not run`));
  if (run.filteredOut > 0) parts.push(`${run.filteredOut} left out by --filter`);
  const total = run.cases.length;
  out.push('', `${ctx.style.bold(`${total} case${total === 1 ? '' : 's'}`)}: ${parts.join(', ')}`, coverageLine(run.coverage));
  return `${out.join('\n')}\n`;
}
