/**
 * Lookups: fixed rows, or a KPI evaluated per key over a trailing window before each period.
 */
import { durationInBounds } from './literal-bounds.js';
import type { NameRef } from '../formula/ast.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { parseOnce, report, type ResolveEnv } from './env.js';
import { resolveRow } from './row.js';
import type { ResolvedKpi, ResolvedLookup } from './resolved.js';
import type { PerKey } from './types.js';

/** Resolves every lookup of the catalog. */
export function resolveLookups(env: ResolveEnv, kpis: ReadonlyMap<string, ResolvedKpi>): Map<string, ResolvedLookup> {
  const out = new Map<string, ResolvedLookup>();
  for (const doc of env.catalog.lookups.values()) {
    const unit = doc.unit?.value;
    const dflt = doc.default?.value ?? null;
    if (doc.rows !== undefined && doc.value !== undefined) {
      report(env, 'resolve/bad-argument', doc.value.span, `lookup \`${doc.id}\` has both \`rows:\` and \`value:\`; keep one`);
      continue;
    }
    if (doc.rows !== undefined) {
      out.set(doc.id, { kind: 'rows', id: doc.id, rows: [...doc.rows].map(([k, v]) => [k, v.value] as const), default: dflt, unit });
      continue;
    }
    if (doc.value === undefined) {
      report(
        env,
        'resolve/bad-argument',
        doc.idSpan,
        `lookup \`${doc.id}\` needs \`rows:\` (fixed values) or \`value:\` (a KPI evaluated per key)`,
      );
      continue;
    }
    const kpi = kpis.get(doc.value.value);
    if (kpi === undefined && env.catalog.clashes.has(doc.value.value)) continue; // the clash is reported
    if (kpi === undefined) {
      report(env, 'resolve/unknown-kpi', doc.value.span, `lookup \`${doc.id}\` takes its values from unknown KPI \`${doc.value.value}\``, {
        hint: didYouMean(doc.value.value, kpis.keys()),
      });
      continue;
    }
    const windowAst = doc.window === undefined ? undefined : parseOnce(env, doc.window);
    if (windowAst?.kind !== 'duration' || !Number.isInteger(windowAst.amount) || windowAst.amount <= 0) {
      report(
        env,
        'resolve/bad-argument',
        doc.window?.node.span ?? doc.value.span,
        `lookup \`${doc.id}\` needs \`window:\`, a whole positive duration such as \`4 quarters\` (the history each period's values are computed from)`,
      );
      continue;
    }
    if (!durationInBounds(env, `lookup \`${doc.id}\` window`, windowAst.amount, windowAst.unit, windowAst)) continue;
    const keyRef: NameRef = { kind: 'name', parts: [{ name: doc.key.value, span: doc.key.span }], span: doc.key.span };
    const keys: PerKey[] = kpi.sources.flatMap((sourceId) => {
      const source = env.catalog.sources.get(sourceId);
      return source === undefined ? [] : [{ source: sourceId, key: resolveRow(env, keyRef, { source }) }];
    });
    out.set(doc.id, {
      kind: 'kpi',
      id: doc.id,
      kpi: kpi.id,
      keys,
      window: { amount: windowAst.amount, unit: windowAst.unit },
      default: dflt,
      unit: unit ?? kpi.unit,
    });
  }
  return out;
}
