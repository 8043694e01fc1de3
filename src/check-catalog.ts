/**
 * Checking a catalog as `kpic validate` does: load (YAML, schema, model), resolve, the source
 * paths, and every kind read after resolving — hierarchies and the judgement settings of KPIs
 * (through the scorecard checks, which check them first), scorecards and roles, tests, alerts,
 * the access document and plans. It sits above
 * every consumer so that each new kind adds its checks here; the pipeline itself (pipeline.ts)
 * only needs a resolved catalog.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { sourcePathProblems } from './engine/source-files.js';
import { loadCatalog, loadCatalogFromFiles } from './load/load-catalog.js';
import type { Catalog } from './model/types.js';
import type { ResolvedCatalog } from './resolve/resolved.js';
import { resolveCatalog } from './resolve/resolve-catalog.js';
import { checkScorecards } from './scorecard/check.js';
import { checkTests } from './testing/check.js';
import { readGovernance } from './governance/read.js';
import { checkLifecycle } from './lifecycle/check.js';
import { checkChecks } from './audit/check.js';
import { readAccess } from './access/read.js';
import { checkAlerts } from './alerts/check.js';
import { checkPlans } from './plans/check.js';

/** A catalog checked as far as it goes: every diagnostic of every phase. */
export interface CheckedCatalog {
  readonly catalog: Catalog;
  /** Present when loading got far enough to resolve. */
  readonly resolved: ResolvedCatalog;
  readonly diagnostics: readonly Diagnostic[];
  /** No errors (warnings allowed). */
  readonly ok: boolean;
}

function check(loaded: { value: Catalog; diagnostics: readonly Diagnostic[] }): CheckedCatalog {
  const resolved = resolveCatalog(loaded.value);
  // Source paths that could never be read (absolute, climbing out with `..`, unknown format) are
  // catalog errors: validate reports them without any data.
  const paths = [...loaded.value.sources.values()].flatMap(sourcePathProblems);
  const scorecards = checkScorecards(resolved.value);
  const tests = checkTests(resolved.value);
  const checks = checkChecks(resolved.value);
  const access = readAccess(resolved.value, scorecards.value.hierarchies);
  const alerts = checkAlerts(resolved.value, scorecards.value.hierarchies);
  const plans = checkPlans(resolved.value);
  const governance = [...checkLifecycle(resolved.value), ...readGovernance(loaded.value).diagnostics];
  const diagnostics = sortDiagnostics([
    ...loaded.diagnostics,
    ...resolved.diagnostics,
    ...paths,
    ...scorecards.diagnostics,
    ...tests.diagnostics,
    ...checks.diagnostics,
    ...access.diagnostics,
    ...alerts.diagnostics,
    ...plans.diagnostics,
    ...governance,
  ]);
  return { catalog: loaded.value, resolved: resolved.value, diagnostics, ok: !hasErrors(diagnostics) };
}

/** Loads, validates and resolves the catalog in `dir`. */
export function checkCatalog(dir: string): CheckedCatalog {
  return check(loadCatalog(dir));
}

/** Like {@link checkCatalog}, from in-memory files (catalog-relative path → text). */
export function checkCatalogFiles(files: ReadonlyMap<string, string>): CheckedCatalog {
  return check(loadCatalogFromFiles(files));
}
