/**
 * Quotas and forecast calls, written after every deal is known. Quotas are set per function and
 * quarter at about 1.12× what a fully ramped rep really booked around that quarter (so attainment centres a little under
 * 100% and varies by rep and region), ramped 25/50/75% over a new hire's first three quarters and
 * prorated in the quarter a rep leaves. Like a real plan, the quarter after the as-of date is set
 * before it starts: every AE and AM still employed gets a quota for it, at the last quarter's full
 * level, ramped the same way (so open pipeline due next quarter has a quota to cover). Each
 * Monday, every AE and AM calls commit, best case and pipeline for the current quarter: noisy
 * early, converging on what was booked, with the rep's own bias (sandbaggers under, gaming reps
 * over).
 */
import { SPAN_QUARTERS, spanQuarterOf } from './bookings.js';
import { AS_OF_DAY, SPAN_START_DAY, addMonths, formatDate, monthOf, quarterStartOf } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { dollars } from './csv-writer.js';
import { FUNC_AM } from './org.js';
import { createRng } from './prng.js';
import type { RepRecord, Roster } from './roster.js';

const RAMP = [0.25, 0.5, 0.75];
/** Fallback quarterly quota per function when no fully ramped rep booked anything. */
const DEFAULT_QUOTA = [90_000, 200_000, 420_000, 260_000];
const QUOTA_STRETCH = 1.12;
/**
 * Quarters that get quotas: the span's, plus the one after the as-of date. Nothing is booked in
 * that one yet, so its full quota is the last span quarter's; only reps employed at the as-of
 * date have one (every leave day is on or before it, so `repQuarter` drops those who left).
 */
const QUOTA_QUARTERS = SPAN_QUARTERS + 1;

function quarterStart(q: number): number {
  return addMonths(SPAN_START_DAY, 3 * q);
}

function quarterEnd(q: number): number {
  return quarterStart(q + 1) - 1;
}

/** The function (team kind) a rep is in on a day, or −1. */
function functionOn(roster: Roster, rep: RepRecord, day: number): number {
  let func = -1;
  for (const m of rep.memberships) {
    if (m.from <= day) func = roster.teams[m.team]?.func ?? -1;
  }
  return func;
}

interface RepQuarter {
  readonly func: number;
  readonly ramp: number;
  readonly proration: number;
}

/** The shape of a rep's quarter: function, ramp factor and proration; null if not employed in it. */
function repQuarter(roster: Roster, rep: RepRecord, q: number): RepQuarter | null {
  const start = quarterStart(q);
  const end = quarterEnd(q);
  if (rep.hireDay > end || (rep.leaveDay !== null && rep.leaveDay < start)) return null;
  const func = functionOn(roster, rep, Math.max(start, rep.hireDay));
  if (func < 0 || func > FUNC_AM) return null;
  const quartersIn = Math.floor((monthOf(start) - monthOf(quarterStartOf(rep.hireDay))) / 3);
  const proration = rep.leaveDay !== null && rep.leaveDay <= end ? (rep.leaveDay - start + 1) / (end - start + 1) : 1;
  return { func, ramp: RAMP[quartersIn] ?? 1, proration };
}

/** Writes `quotas` and `forecasts`. */
export function writeTargets(ctx: GenContext): void {
  const { roster, bookings } = ctx;
  // Calibrate: mean bookings of fully ramped, full-quarter rep-quarters per function, over the
  // quarter and its neighbours so quotas rise with the business without jumping.
  const sums = Array.from({ length: FUNC_AM + 1 }, () => ({ total: new Float64Array(SPAN_QUARTERS), n: new Float64Array(SPAN_QUARTERS) }));
  for (const rep of roster.reps) {
    if (!bookings.carriesQuota(rep.index)) continue;
    for (let q = 0; q < SPAN_QUARTERS; q++) {
      const rq = repQuarter(roster, rep, q);
      const cell = rq === null ? undefined : sums[rq.func];
      if (rq === null || cell === undefined || rq.ramp < 1 || rq.proration < 1) continue;
      cell.total[q] = (cell.total[q] ?? 0) + bookings.quarterTotal(rep.index, q);
      cell.n[q] = (cell.n[q] ?? 0) + 1;
    }
  }
  const windowMean = (func: number, q: number): number => {
    const cell = sums[func];
    let total = 0;
    let n = 0;
    for (let k = Math.max(0, q - 1); k <= Math.min(SPAN_QUARTERS - 1, q + 1); k++) {
      total += cell?.total[k] ?? 0;
      n += cell?.n[k] ?? 0;
    }
    return total > 0 ? total / n : 0;
  };
  // Quarters with nothing booked yet (the first ones) take the nearest quarter's level: a plan.
  const baseQuota = (func: number, q: number): number => {
    for (let d = 0; d < SPAN_QUARTERS; d++) {
      const mean = Math.max(windowMean(func, q + d), q - d >= 0 ? windowMean(func, q - d) : 0);
      if (mean > 0) return mean * QUOTA_STRETCH;
    }
    return DEFAULT_QUOTA[func] ?? 100_000;
  };

  const quotas = writerOf(ctx, 'quotas');
  const forecasts = writerOf(ctx, 'forecasts');
  const firstMonday = SPAN_START_DAY + ((8 - ((SPAN_START_DAY + 4) % 7)) % 7);
  for (const rep of roster.reps) {
    if (!bookings.carriesQuota(rep.index)) continue;
    const quota = new Float64Array(QUOTA_QUARTERS);
    for (let q = 0; q < QUOTA_QUARTERS; q++) {
      const rq = repQuarter(roster, rep, q);
      if (rq === null) continue;
      const full = baseQuota(rq.func, Math.min(q, SPAN_QUARTERS - 1));
      quota[q] = Math.max(1000, Math.round((full * rq.ramp * rq.proration) / 1000) * 1000);
      quotas.line(`${rep.id},${formatDate(quarterStart(q))},${dollars(quota[q] ?? 0)}`);
    }
    const rng = createRng(ctx.seed, 'forecast', rep.index);
    const bias = rep.traits.forecastBias;
    for (let monday = firstMonday; monday <= AS_OF_DAY; monday += 7) {
      if (monday < rep.hireDay || (rep.leaveDay !== null && monday > rep.leaveDay)) continue;
      const q = spanQuarterOf(monday);
      if (q < 0) continue;
      const start = quarterStart(q);
      const progress = (monday - start) / (quarterEnd(q) - start + 1);
      const actual = bookings.quarterTotal(rep.index, q);
      const booked = bookings.bookedBefore(rep.index, q, monday);
      const basis = actual > 0 ? actual : (quota[q] ?? 0) * 0.15 * (1 - progress);
      const commit = Math.max(booked, basis * (1 + bias + 0.25 * (1 - progress) * rng.normal()));
      const bestCase = commit + basis * rng.uniform(0.1, 0.35) * (1 - 0.6 * progress);
      const pipeline = bestCase + basis * rng.uniform(0.8, 1.8) * (1 - 0.7 * progress);
      const week = `${rep.id},${formatDate(monday)}`;
      const quarter = formatDate(start);
      forecasts.line(`${week},commit,${dollars(round100(commit))},${quarter}`);
      forecasts.line(`${week},best_case,${dollars(round100(bestCase))},${quarter}`);
      forecasts.line(`${week},pipeline,${dollars(round100(pipeline))},${quarter}`);
    }
  }
}

function round100(value: number): number {
  return Math.max(0, Math.round(value / 100) * 100);
}
