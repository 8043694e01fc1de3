/**
 * `kpic diff`: the two versions (see catalog-versions.ts), their semantic diff, its downstream
 * impact, with `--data` its value impact, the approvals it needs and the version check, printed as
 * a pull-request comment (markdown), JSON or GitHub annotations. Exit codes: 0 done; 1 a version
 * is invalid, the data breaks its contract, or `--check-version` failed; 2 a usage error (an
 * unknown flag, revision, folder or dimension).
 */
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderContext } from '../diagnostics/render/context.js';
import { CHANGELOG_FILE, changelogEntry, checkChangelog } from '../diff/changelog.js';
import { downstreamImpact } from '../diff/impact.js';
import { renderDiffGithub } from '../diff/render-github.js';
import { renderDiffJson } from '../diff/render-json.js';
import { renderDiffMarkdown } from '../diff/render-markdown.js';
import type { DiffReport } from '../diff/report.js';
import { valueImpact } from '../diff/value-impact.js';
import type { ValueImpact } from '../diff/value-types.js';
import { checkVersion } from '../diff/version.js';
import { openSharedDatabase, type Failure, type ScorecardGrain } from '../diff/pipeline-adapter.js';
import { requiredApprovals } from '../diff/required.js';
import { buildDependencyGraph } from '../lineage/graph.js';
import type { ParsedFlags } from './args.js';
import { configureCheckCache } from './check-cache.js';
import type { CatalogVersion } from './catalog-versions.js';
import { openComparison } from './comparison.js';
import { emit, refuseUnwritable } from './governance-run.js';
import type { CliIo } from './io.js';
import { printDiagnostics, printError, progressFor, usageError } from './report.js';

const HELP = 'kpic diff --help';

/** `--periods N`: a whole number from 1 to 40. */
export function parsePeriods(text: string | undefined): number | string {
  if (text === undefined) return 4;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 40 ? n : `\`--periods ${text}\` must be a whole number from 1 to 40`;
}

async function computeValues(
  io: CliIo,
  flags: ParsedFlags,
  versions: { base: CatalogVersion; head: CatalogVersion },
  report: Pick<DiffReport, 'diff' | 'impacts'>,
  render: RenderContext,
): Promise<ValueImpact | number> {
  const dataArg = flags.values.get('data');
  if (dataArg === undefined) return { kind: 'not-computed', reason: 'run `kpic diff --data DIR` to compare the numbers' };
  const periods = parsePeriods(flags.values.get('periods'));
  if (typeof periods === 'string') return usageError(io, periods, 'kpic diff [--data DIR] [--periods N]', HELP);
  const by = flags.values.get('by');
  const dims = versions.head.checked.resolved.dimensions;
  if (by !== undefined && !dims.has(by)) {
    const { didYouMean } = await import('../diagnostics/suggest.js');
    return usageError(
      io,
      `unknown dimension \`${by}\`${((h) => (h === undefined ? '' : `; ${h}`))(didYouMean(by, dims.keys()))}`,
      'kpic diff [--by DIM]',
      HELP,
    );
  }
  const progress = progressFor(io);
  progress.show('computing both versions on the data…');
  const db = await openSharedDatabase();
  let result;
  try {
    result = await valueImpact(
      report.diff,
      report.impacts,
      { base: versions.base.checked, head: versions.head.checked },
      {
        grain: (flags.values.get('grain') ?? 'quarter') as ScorecardGrain,
        periods,
        by,
        dataDir: path.resolve(io.cwd, dataArg),
        db,
      },
    );
  } finally {
    db.close();
    progress.clear();
  }
  if (!result.ok) return failed(io, result, render);
  return result.impact;
}

function failed(io: CliIo, failure: Failure, render: RenderContext): number {
  printDiagnostics(io, io.stderr, failure.diagnostics, render);
  printError(io, failure.message);
  if (failure.kind !== 'usage') return 1;
  io.stderr.write(`run \`${HELP}\` for the flags\n`);
  return 2;
}

/** Runs `kpic diff`. */
export async function diffCommand(io: CliIo, flags: ParsedFlags, usage: string): Promise<number> {
  configureCheckCache(io, flags);
  const outArg = flags.values.get('out');
  const refused = await refuseUnwritable(io, outArg, usage, 'diff');
  if (refused !== undefined) return refused;
  const catalogDir = path.resolve(io.cwd, flags.values.get('catalog') ?? 'catalog');
  const opened = openComparison(io, { base: flags.values.get('base'), head: flags.values.get('head') }, catalogDir, {
    line: usage,
    help: HELP,
  });
  if (typeof opened === 'number') return opened;
  const { base, head, diff, governance, rulesFrom } = opened;
  const render: RenderContext = { files: head.files, catalogDir, cwd: io.cwd };
  const headMeta = head.checked.catalog.meta;
  const side = (v: CatalogVersion) => ({ graph: buildDependencyGraph(v.checked.resolved), resolved: v.checked.resolved });
  const impacts = downstreamImpact(diff, side(head), side(base));
  const values = await computeValues(io, flags, { base, head }, { diff, impacts }, render);
  if (typeof values === 'number') return values;
  const anchor = headMeta?.idSpan ?? { file: 'catalog.yaml', start: 0, end: 0 };
  const version = checkVersion(diff, headMeta?.version?.span ?? anchor);
  const checking = flags.switches.has('check-version');
  const changelogProblems: Diagnostic[] = checking && head.changelog !== undefined ? checkChangelog(head.changelog, diff) : [];
  const report: DiffReport = {
    kind: 'diff-report',
    catalog: { id: headMeta?.id ?? '', title: headMeta?.title, currency: headMeta?.currency ?? 'USD' },
    diff,
    impacts,
    values,
    approvals: requiredApprovals(governance, diff),
    rulesFrom,
    version,
    changelog: changelogEntry(diff, version.ok ? diff.head.version : (version.suggested ?? diff.head.version)),
    changelogProblems,
    versionChecked: checking,
  };
  const format = flags.values.get('format') ?? 'markdown';
  const text =
    format === 'json'
      ? renderDiffJson(report, { base: base.files, head: head.files })
      : format === 'github'
        ? renderDiffGithub(report, render, anchor)
        : renderDiffMarkdown(report);
  const problems = checking ? sortDiagnostics([...version.diagnostics, ...changelogProblems]) : [];
  if (problems.length > 0 && format !== 'github') printDiagnostics(io, io.stderr, problems, render);
  if (problems.length > 0) io.stderr.write(`\nthe changelog entry to paste into ${CHANGELOG_FILE}:\n\n${report.changelog}`);
  const written = await emit(io, text, outArg, 'the diff');
  if (written !== 0) return written;
  return problems.length > 0 ? 1 : 0;
}
