/** `kpic validate`: check the catalog and print every diagnostic in the chosen format (stdout). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderGithub } from '../diagnostics/render/github.js';
import { renderJson } from '../diagnostics/render/json.js';
import { renderPretty } from '../diagnostics/render/pretty.js';
import { renderSarif } from '../diagnostics/render/sarif.js';
import { validationSummary } from '../diagnostics/render/summary.js';
import type { ParsedFlags } from './args.js';
import { openCatalog } from './catalog-session.js';
import type { CliIo } from './io.js';
import { streamStyle } from './report.js';
import { kpicVersion } from './version.js';

/** Runs `validate`; returns the exit code (0 valid, 1 errors — or warnings with `--strict`, 2 a `--catalog` that is no folder). */
export function validateCommand(io: CliIo, flags: ParsedFlags): number {
  const session = openCatalog(io, flags.values.get('catalog'));
  const { diagnostics, catalog } = session.checked;
  const strict = flags.switches.has('strict');
  const failed = diagnostics.some((d) => d.severity === 'error' || strict);
  // Under --strict a warning fails validation: it is an error, and every format says so.
  const shown = strict ? diagnostics.map((d): Diagnostic => (d.severity === 'warning' ? { ...d, severity: 'error' } : d)) : diagnostics;
  const format = flags.values.get('format') ?? 'pretty';
  switch (format) {
    case 'json':
      io.stdout.write(renderJson(shown, catalog.files, !failed));
      break;
    case 'github':
      io.stdout.write(renderGithub(shown, session.render));
      break;
    case 'sarif':
      io.stdout.write(renderSarif(shown, session.render, kpicVersion()));
      break;
    default: {
      const style = streamStyle(io, io.stdout);
      const counts = { kpis: catalog.kpis.size, sources: catalog.sources.size, lookups: catalog.lookups.size };
      const body = renderPretty(shown, session.render, style);
      const summary = validationSummary(diagnostics, counts, strict);
      io.stdout.write(`${body}${body === '' ? '' : '\n'}${failed ? style.bold(summary) : style.green(summary)}\n`);
    }
  }
  if (failed && session.missingFolder) return 2;
  return failed ? 1 : 0;
}
