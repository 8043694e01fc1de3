/**
 * Checks a plan's quota: a fixed annual amount (with seasonal shares that cover the year and add
 * up to 100%, and ramp shares for new hires) or a KPI of the catalog, never both.
 */
import { Decimal } from '../model/decimal.js';
import { report, reportUnknown, type CheckContext } from '../resolve/check-context.js';
import { exactValue } from './check-numbers.js';
import { sum } from './decimal-math.js';
import type { QuotaDef } from './model.js';
import type { ResolvedQuota } from './resolved.js';

const QUARTERS = ['q1', 'q2', 'q3', 'q4'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Seasonal shares: by fiscal quarter or calendar month, all of them, adding up to exactly 100%. */
function checkSeasonal(ctx: CheckContext, q: QuotaDef): { unit: 'quarter' | 'month'; shares: Decimal[] } | undefined {
  const s = q.seasonal;
  if (s === undefined) return undefined;
  const keys = [...s.shares.keys()];
  const unit = keys.some((k) => MONTHS.includes(k)) ? 'month' : 'quarter';
  const expected = unit === 'month' ? MONTHS : QUARTERS;
  const stray = keys.filter((k) => !expected.includes(k));
  const absent = expected.filter((k) => !s.shares.has(k));
  if (stray.length > 0 || absent.length > 0) {
    report(
      ctx,
      'plan/bad-quota',
      s.span,
      `seasonal shares are by quarter (q1…q4) or by month (jan…dec), every one of them${absent.length > 0 ? `; missing ${absent.join(', ')}` : `; not ${stray.join(', ')}`}`,
    );
    return undefined;
  }
  const shares = expected.map((k) => exactValue(ctx, s.shares.get(k), `the share of \`${k}\``));
  if (shares.some((x) => x === undefined)) return undefined;
  const exact = shares as Decimal[];
  const total = sum(exact);
  if (total.compare(new Decimal(1n, 0)) !== 0) {
    report(ctx, 'plan/bad-quota', s.span, `seasonal shares add up to ${total.toString()}, not 100%`, {
      hint: 'e.g. q1: 20%, q2: 20%, q3: 20%, q4: 40%',
    });
    return undefined;
  }
  return { unit, shares: exact };
}

/** The plan's quota rule; undefined when absent or broken. */
export function checkQuota(ctx: CheckContext, q: QuotaDef | undefined): ResolvedQuota | undefined {
  if (q === undefined) return undefined;
  if ((q.annual === undefined) === (q.kpi === undefined)) {
    report(ctx, 'plan/bad-quota', q.span, 'a quota is either `annual:` (an amount per year) or `kpi:` (a KPI per rep), one of the two');
    return undefined;
  }
  if (q.kpi !== undefined) {
    if (!ctx.resolved.kpis.has(q.kpi.value)) {
      reportUnknown(ctx, 'plan/unknown-kpi', q.kpi.span, 'KPI', q.kpi.value, ctx.resolved.kpis.keys());
      return undefined;
    }
    for (const [key, span] of [
      ['seasonal', q.seasonal?.span],
      ['ramp', q.rampSpan],
    ] as const) {
      if (span !== undefined)
        report(ctx, 'plan/bad-quota', span, `\`${key}:\` shapes an \`annual:\` quota; a KPI quota comes ready per rep and period`);
    }
    return { kind: 'kpi', kpi: q.kpi.value };
  }
  const annual = exactValue(ctx, q.annual, 'the annual quota');
  const seasonal = checkSeasonal(ctx, q);
  const ramp = q.ramp.map((r) => exactValue(ctx, r, 'a ramp share'));
  if (annual === undefined || ramp.some((r) => r === undefined) || (q.seasonal !== undefined && seasonal === undefined)) return undefined;
  return { kind: 'annual', annual, seasonal, ramp: ramp as Decimal[] };
}
