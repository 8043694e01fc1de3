/**
 * The lifecycle checks `kpic validate` runs: in a governed catalog, a pilot names who tries it and
 * a deprecated KPI its replacement and sunset (a warning); everywhere, `pilot:` belongs to pilots
 * and ends after it starts, a deprecated KPI past its sunset is flagged, nothing refers to a
 * retired KPI, no incentive plan uses a pilot, guardrails name other KPIs, and lifecycle dates are
 * real dates.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMeanInYaml } from '../diagnostics/suggest.js';
import { catalogIndex } from '../resolve/catalog-index.js';
import { dateProblem } from '../formula/literals.js';
import { buildDependencyGraph, splitKey, type DependencyGraph } from '../lineage/graph.js';
import { stageOf } from '../model/kpi-status.js';
import type { Located } from '../model/types.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { resolvePilots } from './pilot.js';
import { readLifecycle, type KpiLifecycle } from './read.js';

/** Today as an ISO date (UTC). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function checkDates(l: KpiLifecycle, out: Diagnostic[]): void {
  const dates: [string, Located<string> | undefined][] = [
    ['sunset', l.sunset],
    ['reviewed', l.reviewed],
    ['pilot.from', l.pilot?.from],
    ['pilot.until', l.pilot?.until],
  ];
  for (const [key, date] of dates) {
    const problem = date === undefined ? undefined : dateProblem(date.value);
    if (date !== undefined && problem !== undefined) {
      out.push(
        diagnostic('lifecycle/bad-date', date.span, `\`${key}: ${date.value}\` is not a date: ${problem.replace(/date '(.*)'/, '$1')}`),
      );
    }
  }
}

function checkPilot(l: KpiLifecycle, governed: boolean, out: Diagnostic[]): void {
  const { kpi, pilot } = l;
  if (governed && l.stage === 'pilot' && pilot === undefined) {
    out.push(
      diagnostic('lifecycle/bad-pilot', kpi.status.span, `pilot KPI \`${kpi.id}\` does not say who tries it`, {
        hint: "add `pilot: { where: region = 'EMEA', from: 2026-01-01, until: 2026-06-30 }`",
      }),
    );
  }
  if (pilot === undefined) return;
  if (l.stage !== 'pilot') {
    out.push(
      diagnostic('lifecycle/bad-pilot', pilot.span, `\`pilot:\` is only for KPIs with \`status: pilot\`; \`${kpi.id}\` is ${l.stage}`, {
        hint: `remove \`pilot:\` now that the KPI is ${l.stage}, or set \`status: pilot\``,
      }),
    );
  }
  const { from, until } = pilot;
  if (from !== undefined && until !== undefined && until.value < from.value && dateProblem(from.value) === undefined) {
    out.push(
      diagnostic('lifecycle/bad-pilot', until.span, `the pilot of \`${kpi.id}\` ends (${until.value}) before it starts (${from.value})`, {
        related: [{ span: from.span, message: 'it starts here' }],
      }),
    );
  }
}

function checkDeprecation(l: KpiLifecycle, resolved: ResolvedCatalog, today: string, governed: boolean, out: Diagnostic[]): void {
  const { kpi } = l;
  const replacement = kpi.replacedBy;
  if (replacement !== undefined) {
    const target = resolved.catalog.kpis.get(replacement.value);
    if (target === undefined && resolved.catalog.clashes.has(replacement.value)) {
      // a clash of ids, reported where they are declared
    } else if (target === undefined || replacement.value === kpi.id) {
      const why = target === undefined ? 'names no KPI' : 'names the KPI itself';
      out.push(
        diagnostic('lifecycle/bad-replacement', replacement.span, `\`replaced_by: ${replacement.value}\` ${why}`, {
          hint:
            target === undefined ? didYouMeanInYaml(replacement.value, catalogIndex(resolved.catalog).kpis) : 'name the KPI to use instead',
        }),
      );
    } else if (stageOf(target.status.value) === 'retired') {
      out.push(
        diagnostic('lifecycle/bad-replacement', replacement.span, `\`${kpi.id}\` is replaced by \`${target.id}\`, which is retired`, {
          hint: 'name an active KPI',
        }),
      );
    }
  }
  if (l.stage !== 'deprecated') return;
  const missing = [
    replacement === undefined ? '`replaced_by` (the KPI to use instead)' : '',
    l.sunset === undefined ? '`sunset` (its last day)' : '',
  ]
    .filter((m) => m !== '')
    .join(' and ');
  if (governed && missing !== '') {
    out.push(
      diagnostic('lifecycle/incomplete-deprecation', kpi.status.span, `deprecated KPI \`${kpi.id}\` needs ${missing}`, {
        hint: 'e.g. `replaced_by: win_rate_by_value` and `sunset: 2026-12-31`',
      }),
    );
  }
  if (l.sunset !== undefined && dateProblem(l.sunset.value) === undefined && l.sunset.value < today) {
    out.push(
      diagnostic('lifecycle/past-sunset', l.sunset.span, `deprecated KPI \`${kpi.id}\` is past its sunset (${l.sunset.value})`, {
        hint: 'set `status: retired` once nothing refers to it, or move the sunset',
      }),
    );
  }
}

function checkGuardrails(l: KpiLifecycle, resolved: ResolvedCatalog, out: Diagnostic[]): void {
  for (const g of l.guardrails) {
    if (g.value === l.kpi.id) {
      out.push(
        diagnostic('lifecycle/unknown-guardrail', g.span, `\`${l.kpi.id}\` cannot guard itself`, {
          hint: 'name a KPI that gaming this one would make worse',
        }),
      );
    } else if (!resolved.catalog.kpis.has(g.value) && !resolved.catalog.clashes.has(g.value)) {
      out.push(
        diagnostic('lifecycle/unknown-guardrail', g.span, `unknown guardrail KPI \`${g.value}\``, {
          hint: didYouMeanInYaml(g.value, catalogIndex(resolved.catalog).kpis),
        }),
      );
    }
  }
}

/** References to retired KPIs, and plans that use pilots. */
function checkReferences(resolved: ResolvedCatalog, graph: DependencyGraph, out: Diagnostic[]): void {
  for (const e of graph.edges) {
    const to = splitKey(e.to);
    if (to.kind !== 'kpi') continue;
    const target = resolved.catalog.kpis.get(to.id);
    if (target === undefined) continue;
    const from = splitKey(e.from);
    const owner = from.kind === 'kpi' ? resolved.catalog.kpis.get(from.id) : undefined;
    if (owner !== undefined && stageOf(owner.status.value) === 'retired') continue;
    const stage = stageOf(target.status.value);
    if (stage === 'retired') {
      out.push(
        diagnostic(
          'lifecycle/retired-reference',
          e.span,
          `KPI \`${to.id}\` is retired; the ${from.kind} \`${from.id}\` may not refer to it`,
          {
            hint:
              target.replacedBy !== undefined
                ? `use \`${target.replacedBy.value}\` instead`
                : 'remove the reference, or bring the KPI back',
          },
        ),
      );
    } else if (stage === 'pilot' && from.kind === 'plan') {
      out.push(
        diagnostic('lifecycle/pilot-in-plan', e.span, `plan \`${from.id}\` uses the pilot KPI \`${to.id}\`; pilots are in no plan`, {
          hint: `make \`${to.id}\` active first (\`status: active\`), or leave it out of the plan`,
        }),
      );
    }
  }
}

/**
 * Every lifecycle diagnostic of a resolved catalog, as of `today` (an ISO date). That a pilot
 * names its scopes and a deprecation its replacement and sunset is required of governed catalogs
 * (those with a `governance` document): the language lets any KPI be `pilot` or `deprecated`.
 */
export function checkLifecycle(resolved: ResolvedCatalog, today: string = todayIso(), graph?: DependencyGraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const governed = resolved.catalog.documents.some((d) => d.kind === 'governance');
  for (const kpi of resolved.catalog.kpis.values()) {
    const l = readLifecycle(kpi, resolved.catalog.files);
    checkDates(l, out);
    checkPilot(l, governed, out);
    checkDeprecation(l, resolved, today, governed, out);
    checkGuardrails(l, resolved, out);
  }
  out.push(...resolvePilots(resolved).diagnostics);
  checkReferences(resolved, graph ?? buildDependencyGraph(resolved), out);
  return out;
}
