/**
 * Revenue and overlay splits (docs/plans.md#splits): the split source is read through the engine as
 * one timeless breakdown (deal, rep, share, overlay flag, with a row count), like the hierarchy's
 * spells, so its data contract is checked as for any run. Then each credited row with revenue
 * splits is divided among their reps by exact shares that must add up to exactly 100%, and each
 * overlay split credits its rep on top; a rep credited twice on one deal is refused.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Database } from '../engine/duckdb.js';
import type { Decimal } from '../model/decimal.js';
import { runKpis, type Failure } from '../pipeline.js';
import { rowCount, syntheticKpi, withKpis } from '../resolve/extend.js';
import type { ResolvedCatalog, ResolvedDimension, ResolvedKpi } from '../resolve/resolved.js';
import type { RowExpr } from '../resolve/types.js';
import type { Credit } from './credits.js';
import { decimalOf, isZero, sum, times } from './decimal-math.js';
import type { ResolvedSplits } from './resolved.js';
import { amountText, percentText } from './text.js';

/** One split row. */
export interface SplitRow {
  readonly rep: string;
  readonly share: Decimal;
  readonly overlay: boolean;
  /** How many identical rows the source holds (more than one credits the rep twice). */
  readonly rows: number;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The split rows of every deal (deal value as text → rows). */
export async function readSplits(
  resolved: ResolvedCatalog,
  s: ResolvedSplits,
  like: ResolvedKpi,
  options: { readonly dataDir: string; readonly db: Database; readonly warnings: Diagnostic[] },
): Promise<Map<string, SplitRow[]> | Failure> {
  const dims = new Map(resolved.dimensions);
  const by: string[] = [];
  const add = (name: string, expr: RowExpr): void => {
    const dim: ResolvedDimension = { name, type: expr.type, sources: [{ source: s.source, expr }] };
    dims.set(name, dim);
    by.push(name);
  };
  add('__s_deal', s.deal);
  add('__s_rep', s.rep);
  add('__s_share', s.share);
  if (s.overlay !== undefined) add('__s_overlay', s.overlay);
  const count = syntheticKpi(resolved, '__s_rows', rowCount(s.source, undefined, like.def.idSpan), like);
  const result = await runKpis(
    withKpis({ ...resolved, dimensions: dims }, [count]),
    { kpis: ['__s_rows'], grain: 'year', by, from: '2000-01-01', to: '2000-01-01' },
    { dataDir: options.dataDir, db: options.db },
  );
  if (!result.ok) return result;
  options.warnings.push(...result.diagnostics);
  const out = new Map<string, SplitRow[]>();
  for (const row of result.rows) {
    const [deal, rep, share, overlay] = [text(row.by[0]), text(row.by[1]), row.by[2], row.by[3]];
    const exact = typeof share === 'number' ? decimalOf(share) : undefined;
    if (deal === null || rep === null || exact === undefined || row.value === null || row.value <= 0) continue;
    const list = out.get(deal) ?? [];
    list.push({ rep, share: exact, overlay: overlay === true, rows: row.value });
    out.set(deal, list);
  }
  // Revenue splits first, then overlays, each by rep: statements and messages in a stable order.
  for (const list of out.values())
    list.sort((a, b) => (a.overlay !== b.overlay ? (a.overlay ? 1 : -1) : a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  return out;
}

/**
 * The credits after splits: each credited row with revenue splits becomes one credit per split rep
 * (amount × share, exact), overlay splits add a credit each, rows without splits stay with their
 * `rep:`. Problems (shares not adding up to 100%, a rep credited twice) come back as diagnostics
 * at the plan's `splits:` and the deal is left out until they are fixed.
 */
export function applySplits(
  credits: readonly Credit[],
  splits: ReadonlyMap<string, readonly SplitRow[]>,
  s: ResolvedSplits,
  file: string,
): { readonly credits: Credit[]; readonly problems: Diagnostic[] } {
  const out: Credit[] = [];
  const problems: Diagnostic[] = [];
  const bad = (deal: string, why: string, hint: string): void => {
    problems.push(diagnostic('plan/bad-splits', s.span, `deal \`${deal}\` in ${file}: ${why}`, { hint }));
  };
  for (const c of credits) {
    const rows = splits.get(c.deal) ?? [];
    const revenue = rows.filter((r) => !r.overlay);
    const overlay = rows.filter((r) => r.overlay);
    const reps = [...(revenue.length === 0 ? [c.rep] : revenue.map((r) => r.rep)), ...overlay.map((r) => r.rep)];
    const twice = [...new Set(reps.filter((r, i) => reps.indexOf(r) !== i)), ...rows.filter((r) => r.rows > 1).map((r) => r.rep)];
    if (twice.length > 0) {
      bad(
        c.deal,
        `rep ${[...new Set(twice)].map((r) => `\`${r}\``).join(', ')} is credited more than once (${rows.length === 0 ? 'owner' : rows.map((r) => `${r.rep} ${r.overlay ? 'overlay' : 'revenue'} ${percentText(r.share)}`).join(', ')}${revenue.length === 0 ? `, and the owner ${c.rep} in full` : ''})`,
        'keep one split row per deal and rep; an overlay rep must not also hold a revenue split of the same deal',
      );
      continue;
    }
    if (revenue.length === 0) {
      out.push(c);
    } else {
      const total = sum(revenue.map((r) => r.share));
      if (total.compare(decimalOf(1) ?? total) !== 0) {
        bad(
          c.deal,
          `its revenue splits add up to ${percentText(total)}, not 100% (${revenue.map((r) => `${r.rep} ${percentText(r.share)}`).join(', ')})`,
          'revenue splits divide a deal: their shares must total exactly 100% (extra credit on top is an overlay split)',
        );
        continue;
      }
      for (const r of revenue)
        if (!isZero(r.share))
          out.push({ ...c, rep: r.rep, amount: times(c.amount, r.share), split: { kind: 'revenue', share: r.share, of: c.amount } });
    }
    for (const r of overlay)
      out.push({ ...c, rep: r.rep, amount: times(c.amount, r.share), split: { kind: 'overlay', share: r.share, of: c.amount } });
  }
  problems.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return { credits: out, problems };
}

/** How a statement names a split credit: `revenue split 40% of 250,000`. */
export function splitNote(c: Credit): string {
  return c.split === undefined ? '' : `${c.split.kind} split ${percentText(c.split.share)} of ${amountText(c.split.of)}; `;
}
