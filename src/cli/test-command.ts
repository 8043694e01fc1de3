/**
 * `kpic test`: check the catalog, read the CSV fixtures the tests name, run every case (or those
 * `--filter` picks) on DuckDB and report — pretty, JSON or JUnit XML, to stdout or atomically to
 * `--out` (then the pretty report still goes to stdout). Exit codes: 0 every case passed, 1 a case
 * failed or could not run (or the catalog is invalid), 2 usage error.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cwdRelative, type RenderContext } from '../diagnostics/render/context.js';
import { toJsonDiagnostic } from '../diagnostics/render/json.js';
import { spanRegion } from '../diagnostics/render/positions.js';
import { renderPretty } from '../diagnostics/render/pretty.js';
import { PLAIN, type Style } from '../diagnostics/render/style.js';
import type { Span } from '../diagnostics/span.js';
import { unwritable, writeTextAtomically } from '../results/write-atomic.js';
import { checkTests } from '../testing/check.js';
import { fixtureFilesOf } from '../testing/fixtures.js';
import { renderTestsJson } from '../testing/render-json.js';
import { renderTestsJunit } from '../testing/render-junit.js';
import { renderTestsPretty, type PrettyContext } from '../testing/render-pretty.js';
import { countStatuses, type TestRun } from '../testing/results.js';
import { runTests } from '../testing/run-tests.js';
import type { ParsedFlags } from './args.js';
import { openCatalog } from './catalog-session.js';
import { readFixtureFiles, temporaryWorkspace } from './fixture-io.js';
import type { CliIo } from './io.js';
import { printError, progressFor, relocateDataPaths, streamStyle, usageError } from './report.js';
import { refuseInvalidCatalog } from './request.js';
import { TEST_FLAGS } from './test-spec.js';

const USAGE = `kpic test ${TEST_FLAGS.map((f) => `[--${f.name} ${f.placeholder ?? 'VALUE'}]`).join(' ')}`;
const HELP = 'kpic test --help';

/** Fixture-file locations are catalog-relative; shown like every data path, relative to the working directory. */
function located(render: RenderContext, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) =>
    d.location === undefined ? d : { ...d, location: { ...d.location, file: path.resolve(render.catalogDir, d.location.file) } },
  );
}

function prettyContext(io: CliIo, render: RenderContext, style: Style): PrettyContext {
  return {
    style,
    where: (span: Span) => {
      const r = spanRegion(span, render.files);
      return `${cwdRelative(render, span.file)}:${r.line}:${r.column}`;
    },
    line: (span: Span) => spanRegion(span, render.files).line,
    diagnostics: (ds) => renderPretty(relocateDataPaths(io, located(render, ds)), render, style),
  };
}

function renderAs(format: string, run: TestRun, io: CliIo, render: RenderContext, style: Style): string {
  if (format === 'json') {
    return renderTestsJson(run, {
      position: (span) => {
        const r = spanRegion(span, render.files);
        return { file: span.file, line: r.line, column: r.column };
      },
      diagnostic: (d) => toJsonDiagnostic(d, render.files),
    });
  }
  const ctx = prettyContext(io, render, style);
  if (format === 'junit') return renderTestsJunit(run, { ...ctx, style: PLAIN }, (c) => cwdRelative(render, c.file));
  return renderTestsPretty(run, ctx);
}

async function run(io: CliIo, values: ReadonlyMap<string, string>): Promise<number> {
  const format = values.get('format') ?? 'pretty';
  const outArg = values.get('out');
  const out = outArg === undefined ? undefined : path.resolve(io.cwd, outArg);
  const why = out === undefined ? undefined : unwritable(out);
  if (why !== undefined) return usageError(io, `cannot write \`--out ${outArg ?? ''}\`: ${why}`, USAGE, HELP);
  const progress = progressFor(io);
  progress.show('checking catalog…');
  const session = openCatalog(io, values.get('catalog'));
  progress.clear();
  const refused = refuseInvalidCatalog(io, session);
  if (refused !== undefined) return refused;
  const resolved = session.checked.resolved;
  const tests = checkTests(resolved).value;
  const files = readFixtureFiles(session.catalogDir, tests.flatMap(fixtureFilesOf));
  const filter = values.get('filter');
  let done = 0;
  const result = await runTests(resolved, tests, {
    filter,
    files,
    workspace: temporaryWorkspace(),
    clock: () => performance.now() / 1000,
    onCase: () => progress.show(`ran ${++done} case${done === 1 ? '' : 's'}…`),
  });
  progress.clear();
  if (filter !== undefined && result.cases.length === 0 && result.filteredOut > 0) {
    return usageError(io, `no case matches \`--filter ${filter}\` (${result.filteredOut} cases in the catalog)`, USAGE, HELP);
  }
  if (tests.length === 0) io.stderr.write('kpic: the catalog has no `test` documents (see docs/testing.md)\n');
  const counts = countStatuses(result);
  const code = counts.failed > 0 || counts.error > 0 ? 1 : 0;
  const stdoutStyle = streamStyle(io, io.stdout);
  if (out === undefined) {
    io.stdout.write(renderAs(format, result, io, session.render, stdoutStyle));
    return code;
  }
  try {
    await writeTextAtomically(out, renderAs(format, result, io, session.render, PLAIN));
  } catch (e) {
    printError(io, `cannot write \`${outArg ?? ''}\`: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  io.stdout.write(renderAs('pretty', result, io, session.render, stdoutStyle));
  return code;
}

/** `kpic test` with its parsed flags; returns the exit code. */
export function testCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  return run(io, flags.values);
}
