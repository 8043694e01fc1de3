/**
 * Checks the scored content of a scorecard or role: perspectives and their weights (adding up to
 * 100%, reported at the line that lists them), KPIs (known, once each, weighted all or none), the
 * scorecard's own targets, thresholds and scoring for them, and the balance warnings (KPIs under
 * another perspective than they declare, weight almost all on lagging revenue measures).
 */
import type { Span } from '../diagnostics/span.js';
import { report, reportUnknown, type CheckContext } from '../resolve/check-context.js';
import { forEachRow } from '../resolve/row-walk.js';
import type { ResolvedKpi } from '../resolve/resolved.js';
import { checkExceptions } from '../targets/check-performance.js';
import { checkScoring, checkSeasonal, checkTarget, checkThresholds } from '../targets/check-settings.js';
import { DEFAULT_SCORING, type KpiPerformance } from '../targets/settings.js';
import { PERSPECTIVES, type BodyDef, type EntryDef, type PerspectiveDef, type WrittenNumber } from './model.js';
import type { ResolvedBody, ResolvedEntry, ResolvedPerspective } from './resolved.js';

/** Who owns a body, for messages and fallback positions. */
export interface BodyOwner {
  readonly kind: 'scorecard' | 'role';
  readonly id: string;
  readonly span: Span;
  /** The levels of its hierarchy (for overrides whose scope can never match). */
  readonly levels: readonly string[];
  readonly isVariant: boolean;
  /** Whether to check that the perspective weights add up (a variant that kept its base's: no). */
  readonly checkTotals: boolean;
}

/** Share of the total weight on lagging revenue measures above which a scorecard is unbalanced. */
const LAGGING_LIMIT = 0.8;

const pct = (x: number): string => `${Math.round(x * 10000) / 100}%`;

/** A weight as a fraction in [0, 1], or undefined after reporting why it is not one. */
function weightOf(ctx: CheckContext, w: WrittenNumber): number | undefined {
  const text = ctx.resolved.catalog.files.get(w.span.file)?.text.slice(w.span.start, w.span.end) ?? '';
  if (w.value === 'bad') {
    report(ctx, 'scorecard/bad-weight', w.span, `\`${text}\` is not a weight; write a fraction (\`0.4\`) or a percentage (\`40%\`)`);
    return undefined;
  }
  if (w.value < 0 || w.value > 1) {
    const hint = w.value > 1 && w.value <= 100 ? `did you mean \`${w.value}%\`?` : undefined;
    report(ctx, 'scorecard/bad-weight', w.span, `weight ${text} is not between 0 and 100%; a bare number is a fraction (0.4 = 40%)`, {
      hint,
    });
    return undefined;
  }
  return w.value;
}

function checkSum(ctx: CheckContext, weights: readonly { name: string; weight: number; span: Span }[], span: Span, what: string): boolean {
  const sum = weights.reduce((a, w) => a + w.weight, 0);
  if (Math.abs(sum - 1) <= 1e-6) return true;
  const parts = weights.map((w) => `${w.name} ${pct(w.weight)}`).join(' + ');
  report(ctx, 'scorecard/weights', span, `${what} add up to ${pct(sum)}, not 100% (${parts})`, {
    related: weights.map((w) => ({ span: w.span, message: `${w.name}: ${pct(w.weight)}` })),
  });
  return false;
}

interface EntryContext {
  readonly owner: BodyOwner;
  readonly performance: ReadonlyMap<string, KpiPerformance>;
  readonly seen: Map<string, EntryDef>;
  readonly scopeWarned: Set<string>;
}

function warnScopes(ctx: CheckContext, ec: EntryContext, kpi: string, perf: KpiPerformance | undefined): void {
  const levels = new Set(ec.owner.levels);
  for (const o of perf?.overrides ?? []) {
    const names = new Set<string>();
    forEachRow(o.where, (e) => {
      if (e.kind === 'dimension' && !levels.has(e.name)) names.add(e.name);
    });
    for (const name of names) {
      const key = `${kpi}|${o.span.start}|${name}`;
      if (ec.scopeWarned.has(key)) continue;
      ec.scopeWarned.add(key);
      report(
        ctx,
        'scorecard/scope-not-a-level',
        o.span,
        `this override of \`${kpi}\` names \`${name}\`, which is not a level of the hierarchy, so ${ec.owner.kind} \`${ec.owner.id}\` never applies it`,
        {
          hint: `scorecard scopes are levels: ${[...levels].join(', ')}`,
        },
      );
    }
  }
}

function checkEntry(
  ctx: CheckContext,
  ec: EntryContext,
  p: PerspectiveDef,
  e: EntryDef,
  weight: number,
  body: BodyDef,
): ResolvedEntry | undefined {
  const kpi = ctx.resolved.kpis.get(e.kpi.value);
  if (kpi === undefined && ctx.resolved.catalog.clashes.has(e.kpi.value)) return undefined; // the clash is reported
  if (kpi === undefined) {
    reportUnknown(ctx, 'scorecard/unknown-kpi', e.kpi.span, 'KPI', e.kpi.value, ctx.env.index.kpis);
    return undefined;
  }
  const first = ec.seen.get(kpi.id);
  if (first !== undefined) {
    report(ctx, 'scorecard/duplicate-kpi', e.kpi.span, `KPI \`${kpi.id}\` is already on ${ec.owner.kind} \`${ec.owner.id}\``, {
      hint: 'list each KPI once; give it the weight it should have',
      related: [{ span: first.kpi.span, message: 'first listed here' }],
    });
    return undefined;
  }
  ec.seen.set(kpi.id, e);
  if (e.remove && !ec.owner.isVariant)
    report(ctx, 'scorecard/bad-variant', e.kpi.span, '`remove: true` only makes sense in a variant (a scorecard with `extends`)');
  const declared = kpi.def.perspective;
  if (declared !== undefined && declared !== p.perspective) {
    report(
      ctx,
      'scorecard/perspective-mismatch',
      e.kpi.span,
      `KPI \`${kpi.id}\` declares perspective \`${declared}\` but sits under \`${p.perspective}\``,
      {
        hint: `move it under \`${declared}\`, or change the KPI's \`perspective\``,
      },
    );
  }
  if (kpi.def.status.value === 'deprecated') {
    report(ctx, 'resolve/deprecated-reference', e.kpi.span, `KPI \`${kpi.id}\` is deprecated`, {
      hint: kpi.def.replacedBy !== undefined ? `use \`${kpi.def.replacedBy.value}\` instead` : 'replace it before it is removed',
    });
  }
  warnGrain(ctx, e, kpi, body);
  const perf = ec.performance.get(kpi.id);
  const direction = kpi.def.direction;
  const target = checkTarget(ctx, kpi, e.target, e.baseline);
  const scoring = checkScoring(ctx, e.scoring, direction);
  const effectiveScoring =
    scoring ?? perf?.scoring ?? checkScoring({ ...ctx, env: { ...ctx.env, diagnostics: [] } }, body.scoring, 'up') ?? DEFAULT_SCORING;
  const needsTarget = effectiveScoring.method === 'capped_attainment' || effectiveScoring.on === 'attainment';
  const hasTarget = target !== undefined || perf?.target !== undefined || (perf?.overrides ?? []).some((o) => o.target !== undefined);
  if (needsTarget && !hasTarget && e.target === undefined && e.baseline === undefined) {
    report(
      ctx,
      'scorecard/no-target',
      e.kpi.span,
      `\`${kpi.id}\` has no target, so it gets no attainment, status or score on ${ec.owner.kind} \`${ec.owner.id}\``,
      {
        hint: 'give it a `target` (on the KPI or here), or score it on its value: `scoring: { method: linear, on: value, red_flag: …, goal: … }`',
      },
    );
  }
  warnScopes(ctx, ec, kpi.id, perf);
  return {
    kpi: kpi.id,
    weight,
    target,
    thresholds: checkThresholds(ctx, e.thresholds, direction),
    scoring,
    missing: e.missing?.value,
    exceptions: checkExceptions(ctx, kpi, e.exceptions),
    seasonal: checkSeasonal(ctx, e.seasonal),
  };
}

const GRAIN_ORDER = ['day', 'week', 'month', 'quarter', 'year'] as const;

/** A KPI scored at a grain finer than its own (a quarterly quota in a monthly scorecard). */
function warnGrain(ctx: CheckContext, e: EntryDef, kpi: ResolvedKpi, body: BodyDef): void {
  const own = kpi.def.grain?.value;
  const grain = body.grain?.value ?? 'quarter';
  if (own === undefined || GRAIN_ORDER.indexOf(grain) >= GRAIN_ORDER.indexOf(own)) return;
  report(
    ctx,
    'scorecard/grain-too-fine',
    e.kpi.span,
    `KPI \`${kpi.id}\` means something only by ${own} or longer, but this scorecard scores by ${grain}: most ${grain}s would show no value, or part of one`,
    {
      hint: `score it on a scorecard by ${own}, or leave it out`,
      related: kpi.def.grain === undefined ? [] : [{ span: kpi.def.grain.span, message: `\`grain: ${own}\`` }],
    },
  );
}

function checkPerspective(ctx: CheckContext, ec: EntryContext, p: PerspectiveDef, body: BodyDef): ResolvedPerspective | undefined {
  const weight = p.weight === undefined ? undefined : weightOf(ctx, p.weight);
  if (p.weight === undefined)
    report(
      ctx,
      'scorecard/bad-weight',
      p.span,
      `perspective \`${p.perspective}\` needs a \`weight\` (its share of the overall score, e.g. \`25%\`)`,
    );
  if (p.entries.length === 0) {
    report(ctx, 'scorecard/empty', p.kpisSpan ?? p.span, `perspective \`${p.perspective}\` has no KPIs`, {
      hint: 'list them under `kpis:` as `- kpi: <id>` with a `weight`',
    });
    return undefined;
  }
  const weighted = p.entries.filter((e) => e.weight !== undefined);
  const equal = weighted.length === 0;
  if (!equal && weighted.length < p.entries.length) {
    for (const e of p.entries) {
      if (e.weight === undefined)
        report(
          ctx,
          'scorecard/bad-weight',
          e.kpi.span,
          `\`${e.kpi.value}\` has no weight while other KPIs of \`${p.perspective}\` do; weigh every KPI of a perspective, or none (equal weights)`,
        );
    }
  }
  const weights = p.entries.map((e) => (equal ? 1 / p.entries.length : e.weight === undefined ? undefined : weightOf(ctx, e.weight)));
  let ok = weights.every((w) => w !== undefined) && weight !== undefined;
  if (!equal && weights.every((w) => w !== undefined)) {
    const listed = p.entries.map((e, i) => ({ name: e.kpi.value, weight: weights[i] ?? 0, span: e.weight?.span ?? e.kpi.span }));
    ok = checkSum(ctx, listed, p.kpisSpan ?? p.span, `the KPI weights of \`${p.perspective}\``) && ok;
  }
  const entries: ResolvedEntry[] = [];
  p.entries.forEach((e, i) => {
    const r = checkEntry(ctx, ec, p, e, weights[i] ?? 0, body);
    if (r === undefined) ok = false;
    else entries.push(r);
  });
  return ok && weight !== undefined ? { perspective: p.perspective, weight, entries } : undefined;
}

function warnLagging(ctx: CheckContext, owner: BodyOwner, perspectives: readonly ResolvedPerspective[], span: Span): void {
  let lagging = 0;
  const names: string[] = [];
  for (const p of perspectives) {
    for (const e of p.entries) {
      const def = ctx.resolved.kpis.get(e.kpi)?.def;
      const revenue = def?.perspective === 'financial' || ctx.resolved.kpis.get(e.kpi)?.unit === 'money';
      if (def?.indicator === 'lagging' && revenue) {
        lagging += p.weight * e.weight;
        names.push(e.kpi);
      }
    }
  }
  if (lagging < LAGGING_LIMIT - 1e-9) return;
  report(
    ctx,
    'scorecard/lagging-heavy',
    span,
    `${pct(lagging)} of ${owner.kind} \`${owner.id}\` rests on lagging revenue measures (${names.join(', ')}); it will only tell what already happened`,
    {
      hint: 'give weight to leading indicators (pipeline coverage, win rate, activity, NPS) so problems show before revenue does',
    },
  );
}

/** Checks a body; undefined when it cannot be scored. */
export function checkBody(
  ctx: CheckContext,
  owner: BodyOwner,
  body: BodyDef,
  performance: ReadonlyMap<string, KpiPerformance>,
): ResolvedBody | undefined {
  const ec: EntryContext = { owner, performance, seen: new Map(), scopeWarned: new Set() };
  const where = body.perspectivesSpan ?? owner.span;
  if (body.perspectives.size === 0) {
    report(ctx, 'scorecard/empty', where, `${owner.kind} \`${owner.id}\` has no perspectives with KPIs`, {
      hint: 'add `perspectives:` with e.g. `financial: { weight: 100%, kpis: [ { kpi: bookings } ] }`',
    });
    return undefined;
  }
  const perspectives: ResolvedPerspective[] = [];
  let ok = true;
  for (const name of PERSPECTIVES) {
    const p = body.perspectives.get(name);
    if (p === undefined) continue;
    const r = checkPerspective(ctx, ec, p, body);
    if (r === undefined) ok = false;
    else perspectives.push(r);
  }
  const written = [...body.perspectives.values()].filter((p) => p.weight !== undefined && p.weight.value !== 'bad');
  if (owner.checkTotals && written.length === body.perspectives.size) {
    const listed = written.map((p) => ({
      name: p.perspective,
      weight: typeof p.weight?.value === 'number' ? p.weight.value : 0,
      span: p.weight?.span ?? p.span,
    }));
    if (listed.every((w) => w.weight >= 0 && w.weight <= 1))
      ok = checkSum(ctx, listed, where, `the perspective weights of ${owner.kind} \`${owner.id}\``) && ok;
  }
  if (ok) warnLagging(ctx, owner, perspectives, where);
  const t = body.thresholds;
  const green = t?.green?.value ?? 10;
  const amber = t?.amber?.value ?? Math.min(8.5, green);
  if (amber > green) {
    report(
      ctx,
      'scorecard/threshold-order',
      t?.amber?.span ?? where,
      `amber level ${amber} is above green level ${green}; an overall score at or above green is green, at or above amber amber`,
    );
    ok = false;
  }
  const scoring = checkScoring(ctx, body.scoring, 'up') ?? DEFAULT_SCORING;
  if (!ok) return undefined;
  return {
    perspectives,
    grain: body.grain?.value ?? 'quarter',
    missing: body.missing?.value ?? 'ignore',
    scoring,
    scoreThresholds: { green, amber },
  };
}
