/**
 * What `kpic diff` and `kpic approvals --check` share: open the two versions, refuse an invalid
 * one (its errors printed, exit code 1), diff them, and find the approval rules in force — the
 * base's, so a change cannot lower the bar for itself; a new catalog's own otherwise.
 */
import type { RenderContext } from '../diagnostics/render/context.js';
import { diffCatalogs } from '../diff/diff-catalogs.js';
import type { RulesSource } from '../diff/report.js';
import type { CatalogDiff, VersionInfo } from '../diff/types.js';
import type { Governance } from '../governance/model.js';
import { readGovernance } from '../governance/read.js';
import { openVersion, type CatalogVersion } from './catalog-versions.js';
import type { CliIo } from './io.js';
import { printDiagnostics, printError, usageError } from './report.js';

/** Two versions, their diff and the rules in force. */
export interface Comparison {
  readonly base: CatalogVersion;
  readonly head: CatalogVersion;
  readonly diff: CatalogDiff;
  readonly governance: Governance;
  readonly rulesFrom: RulesSource;
}

function refuseInvalid(io: CliIo, v: CatalogVersion, role: 'base' | 'head', catalogDir: string): number | undefined {
  if (v.checked.ok) return undefined;
  const errors = v.checked.diagnostics.filter((d) => d.severity === 'error');
  const render: RenderContext = { files: v.files, catalogDir, cwd: io.cwd };
  if (role === 'base') io.stderr.write(`the base catalog (${v.label}); files as they are in that version:\n`);
  printDiagnostics(io, io.stderr, errors, render);
  printError(
    io,
    role === 'base'
      ? `the base catalog (${v.label}) is invalid; compare with another --base, or fix it there first`
      : `the catalog (${v.label}) is invalid; run \`kpic validate\` and fix it first`,
  );
  return 1;
}

function info(v: CatalogVersion): VersionInfo {
  const meta = v.checked.catalog.meta;
  return { label: v.label, version: meta?.version?.value, title: meta?.title };
}

/** Opens `--head` (default the working tree) and `--base` (default the merge base); returns an exit code when it cannot. */
export function openComparison(
  io: CliIo,
  specs: { readonly base: string | undefined; readonly head: string | undefined },
  catalogDir: string,
  usage: { readonly line: string; readonly help: string },
): Comparison | number {
  const head = openVersion(io, specs.head, 'head', catalogDir);
  if (!head.ok) return usageError(io, head.message, usage.line, usage.help);
  const base = openVersion(io, specs.base, 'base', catalogDir);
  if (!base.ok) return usageError(io, base.message, usage.line, usage.help);
  const invalid = refuseInvalid(io, base.value, 'base', catalogDir) ?? refuseInvalid(io, head.value, 'head', catalogDir);
  if (invalid !== undefined) return invalid;
  const diff = diffCatalogs(
    { catalog: base.value.checked.catalog, info: info(base.value) },
    { catalog: head.value.checked.catalog, info: info(head.value) },
  );
  const baseRules = readGovernance(base.value.checked.catalog).value;
  const useBase = base.value.exists && (baseRules.rules.length > 0 || baseRules.seats.size > 0);
  const governance = useBase ? baseRules : readGovernance(head.value.checked.catalog).value;
  const rulesFrom: RulesSource = governance.rules.length === 0 && governance.seats.size === 0 ? 'none' : useBase ? 'base' : 'head';
  return { base: base.value, head: head.value, diff, governance, rulesFrom };
}

/** Prints an invalid head (the working tree) and returns 1; undefined when valid. */
export function refuseInvalidHead(io: CliIo, v: CatalogVersion, catalogDir: string): number | undefined {
  return refuseInvalid(io, v, 'head', catalogDir);
}
