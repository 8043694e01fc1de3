/** `kpic compile`: print the SQL (or the query plan) for KPIs. Reads no data. */
import { compileKpis } from '../pipeline.js';
import { DIALECTS } from '../sql/dialects.js';
import type { ParsedFlags } from './args.js';
import { openCatalog, sessionDataDir } from './catalog-session.js';
import type { CliIo } from './io.js';
import { printDiagnostics } from './report.js';
import { queryRequest, refuseInvalidCatalog, reportFailure } from './request.js';

/** Runs `compile`; returns the exit code. */
export function compileCommand(io: CliIo, flags: ParsedFlags): number {
  const session = openCatalog(io, flags.values.get('catalog'));
  const refused = refuseInvalidCatalog(io, session);
  if (refused !== undefined) return refused;
  const dataDir = sessionDataDir(io, session, flags.values.get('data'));
  const compiled = compileKpis(session.checked.resolved, queryRequest(flags), {
    dataDir,
    dialect: DIALECTS.get(flags.values.get('dialect') ?? 'duckdb'),
  });
  if (!compiled.ok) return reportFailure(io, session, compiled, 'compile');
  printDiagnostics(io, io.stderr, compiled.diagnostics, session.render);
  const emit = flags.values.get('emit');
  if (emit === 'query-plan' || emit === 'plan') io.stdout.write(`${JSON.stringify(compiled.queryPlan, null, 2)}\n`);
  else io.stdout.write(compiled.sql.endsWith('\n') ? compiled.sql : `${compiled.sql}\n`);
  return 0;
}
