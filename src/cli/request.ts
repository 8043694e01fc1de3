/** The run request (`--kpi`, `--grain`, `--by`, `--from`, `--to`) shared by `compile` and `run`. */
import type { QueryRequest } from '../query/request.js';
import type { Failure } from '../pipeline.js';
import type { ParsedFlags } from './args.js';
import { openCatalog, type CatalogSession } from './catalog-session.js';
import type { CliIo } from './io.js';
import { printDiagnostics, printError, type Progress } from './report.js';
import { printRequestProblems } from './request-problems.js';

/** The request the flags ask for; absent flags leave the pipeline's defaults. */
export function queryRequest(flags: ParsedFlags): QueryRequest {
  return {
    kpis: flags.lists.get('kpi'),
    grain: flags.values.get('grain'),
    by: flags.lists.get('by'),
    from: flags.values.get('from'),
    to: flags.values.get('to'),
  };
}

/**
 * Prints why a command cannot go on and returns its exit code: a usage failure (unknown KPI,
 * dimension or grain) is 2, an invalid catalog or data 1. Problems with the request are phrased
 * in terms of the flags that made it.
 */
export function reportFailure(io: CliIo, session: CatalogSession, failure: Failure, command: string): number {
  const request = failure.diagnostics.filter((d) => d.request !== undefined);
  printDiagnostics(
    io,
    io.stderr,
    failure.diagnostics.filter((d) => d.request === undefined),
    session.render,
  );
  if (request.length > 0) printRequestProblems(io, request);
  else printError(io, failure.message);
  if (failure.kind === 'usage') {
    io.stderr.write(`run \`kpic ${command} --help\` for the flags\n`);
    return 2;
  }
  return 1;
}

/**
 * Refuses a catalog with errors (printing them, exit code 1); prints its warnings and lets the
 * command go on otherwise (returns undefined).
 */
export function refuseInvalidCatalog(io: CliIo, session: CatalogSession): number | undefined {
  const { diagnostics, ok } = session.checked;
  printDiagnostics(io, io.stderr, diagnostics, session.render);
  if (ok) return undefined;
  if (session.missingFolder) {
    printError(io, `\`--catalog\` names no folder: \`${session.catalogDir}\``);
    return 2;
  }
  printError(io, 'the catalog is invalid; nothing was run');
  return 1;
}

/**
 * Opens the catalog named by `--catalog` for a command that goes on to read data, saying so on a
 * terminal while it checks; its diagnostics are printed, and an invalid catalog ends the command
 * (the exit code is returned instead of a session).
 */
export function openValidCatalog(io: CliIo, catalogArg: string | undefined, progress: Progress): CatalogSession | number {
  progress.show('checking catalog…');
  const session = openCatalog(io, catalogArg);
  progress.clear();
  return refuseInvalidCatalog(io, session) ?? session;
}
