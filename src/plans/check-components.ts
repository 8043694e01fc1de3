/**
 * Checks the components of a plan: keys that belong to the component's type, rate tables without
 * overlaps or gaps, accelerators that rise with attainment, SPIFFs with an end date, bonus KPIs
 * that exist, amounts that are numbers. Each problem is reported at its position.
 */
import { Decimal } from '../model/decimal.js';
import type { SourceDef } from '../model/types.js';
import { checkCondition, report, reportUnknown, resolveRowFormula, type CheckContext } from '../resolve/check-context.js';
import { dateValue, exactValue, checkRange } from './check-numbers.js';
import { times, ZERO } from './decimal-math.js';
import type { BandDef, ComponentDef, ComponentType, TierDef } from './model.js';
import type { Band, ResolvedComponent, Tier } from './resolved.js';

const KEYS: Record<ComponentType, readonly string[]> = {
  commission: ['method', 'on', 'tiers', 'rate', 'accelerators', 'cap', 'taper'],
  spiff: ['from', 'to', 'where', 'amount', 'rate', 'guards'],
  bonus: ['amount', 'when'],
  draw: ['amount', 'from', 'to', 'recoverable'],
  clawback: ['trigger', 'date', 'within', 'term', 'of'],
};

const COMMON = ['component', 'title', 'type'];

const ONE = new Decimal(1n, 0);
const HUNDRED = new Decimal(100n, 0);

function checkKeys(ctx: CheckContext, c: ComponentDef, type: ComponentType): void {
  for (const [key, span] of c.keys) {
    if (COMMON.includes(key) || KEYS[type].includes(key)) continue;
    const owner = (Object.keys(KEYS) as ComponentType[]).filter((t) => KEYS[t].includes(key));
    report(ctx, 'plan/misplaced-key', span, `a \`${type}\` component takes no \`${key}\``, {
      hint: owner.length > 0 ? `\`${key}\` belongs to ${owner.map((t) => `\`${t}\``).join(' or ')} components` : undefined,
    });
  }
}

function missing(ctx: CheckContext, c: ComponentDef, type: ComponentType, what: string): void {
  report(ctx, 'plan/misplaced-key', c.id.span, `the \`${type}\` component \`${c.id.value}\` needs ${what}`);
}

function checkTiers(ctx: CheckContext, c: ComponentDef, tiers: readonly TierDef[]): Tier[] | undefined {
  const out: Tier[] = [];
  let previous: Decimal | undefined;
  let ok = true;
  tiers.forEach((t, i) => {
    const rate = exactValue(ctx, t.rate, 'a rate');
    const upTo = exactValue(ctx, t.upTo, 'a tier bound');
    const last = i === tiers.length - 1;
    if (t.upTo !== undefined && upTo !== undefined && previous !== undefined && upTo.compare(previous) <= 0) {
      report(
        ctx,
        'plan/bad-tiers',
        t.upTo.span,
        `tiers overlap: this tier ends at ${upTo.toString()}, not above the tier before (${previous.toString()})`,
        {
          hint: 'list tiers lowest first, each `up_to` above the one before',
        },
      );
      ok = false;
    }
    if (!last && t.upTo === undefined) {
      report(ctx, 'plan/bad-tiers', t.span, 'only the last tier may leave out `up_to` (it has no upper bound)');
      ok = false;
    }
    if (last && t.upTo !== undefined && upTo !== undefined) {
      report(ctx, 'plan/bad-tiers', t.upTo.span, `tiers leave a gap: credit above ${upTo.toString()} has no rate`, {
        hint: 'end the table with a tier without `up_to`, e.g. `- { rate: 7% }`',
      });
      ok = false;
    }
    if (rate === undefined || (t.upTo !== undefined && upTo === undefined)) ok = false;
    else out.push({ upTo, rate });
    if (upTo !== undefined) previous = upTo;
  });
  if (tiers.length === 0) {
    missing(ctx, c, 'commission', '`tiers:` (or a `rate:` with `method: flat`)');
    return undefined;
  }
  return ok ? out : undefined;
}

function checkBands(ctx: CheckContext, bands: readonly BandDef[]): Band[] | undefined {
  const above: { at: Decimal; m: Decimal; span: BandDef['span'] }[] = [];
  const below: { at: Decimal; m: Decimal; span: BandDef['span'] }[] = [];
  let ok = true;
  for (const b of bands) {
    const m = exactValue(ctx, b.multiplier, 'a multiplier');
    if ((b.above === undefined) === (b.below === undefined)) {
      report(
        ctx,
        'plan/bad-accelerators',
        b.span,
        'an accelerator band needs either `above:` or `below:` (an attainment), not both or neither',
      );
      ok = false;
      continue;
    }
    const at = exactValue(ctx, b.above ?? b.below, 'an attainment');
    if (m === undefined || at === undefined) ok = false;
    else (b.above !== undefined ? above : below).push({ at, m, span: b.span });
  }
  above.sort((a, b) => a.at.compare(b.at));
  below.sort((a, b) => b.at.compare(a.at));
  for (let i = 1; i < above.length; i++) {
    const [lo, hi] = [above[i - 1], above[i]];
    if (lo !== undefined && hi !== undefined && hi.m.compare(lo.m) <= 0) {
      report(
        ctx,
        'plan/bad-accelerators',
        hi.span,
        `accelerators must rise with attainment: ×${hi.m.toString()} above ${pct(hi.at)} is not more than ×${lo.m.toString()} above ${pct(lo.at)}`,
      );
      ok = false;
    }
  }
  for (let i = 1; i < below.length; i++) {
    const [hi, lo] = [below[i - 1], below[i]];
    if (lo !== undefined && hi !== undefined && lo.m.compare(hi.m) >= 0) {
      report(
        ctx,
        'plan/bad-accelerators',
        lo.span,
        `decelerators must fall with attainment: ×${lo.m.toString()} below ${pct(lo.at)} is not less than ×${hi.m.toString()} below ${pct(hi.at)}`,
      );
      ok = false;
    }
  }
  const lowestAbove = above[0];
  const highestBelow = below[0];
  if (lowestAbove !== undefined && highestBelow !== undefined && highestBelow.at.compare(lowestAbove.at) > 0) {
    report(
      ctx,
      'plan/bad-accelerators',
      highestBelow.span,
      `the band below ${pct(highestBelow.at)} overlaps the band above ${pct(lowestAbove.at)}`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  const out: Band[] = [];
  below.forEach((b, i) => out.unshift({ from: below[i + 1]?.at ?? ZERO, to: b.at, multiplier: b.m }));
  above.forEach((a, i) => out.push({ from: a.at, to: above[i + 1]?.at, multiplier: a.m }));
  return out.filter((b) => b.multiplier.compare(ONE) !== 0);
}

function pct(d: Decimal): string {
  return `${times(d, HUNDRED).toString()}%`;
}

function title(c: ComponentDef): string {
  return c.title ?? c.id.value.replaceAll('_', ' ');
}

function checkCommission(ctx: CheckContext, c: ComponentDef, hasQuota: boolean): ResolvedComponent | undefined {
  const method = c.method?.value ?? 'marginal';
  const on = c.on?.value ?? 'credit';
  let tiers: Tier[] | undefined;
  if (method === 'flat') {
    const rate = exactValue(ctx, c.rate, 'a rate');
    if (c.tiers.length > 0)
      report(ctx, 'plan/bad-tiers', c.tiers[0]?.span ?? c.id.span, 'a `flat` commission has one `rate:`, no `tiers:`');
    if (c.rate === undefined) missing(ctx, c, 'commission', '`rate:` (method `flat`)');
    tiers = rate === undefined || c.tiers.length > 0 ? undefined : [{ upTo: undefined, rate }];
  } else {
    if (c.rate !== undefined)
      report(ctx, 'plan/bad-tiers', c.rate.span, `a \`${method}\` commission takes \`tiers:\`; \`rate:\` is for \`method: flat\``);
    tiers = checkTiers(ctx, c, c.tiers);
  }
  const bands = checkBands(ctx, c.accelerators);
  if (!hasQuota && (on === 'attainment' || c.accelerators.length > 0)) {
    report(ctx, 'plan/no-quota', (c.on ?? c.id).span, `\`${c.id.value}\` depends on attainment, but the plan has no \`quota:\``, {
      hint: 'add `quota: { annual: 100000 }` or `quota: { kpi: quota }` to the plan',
    });
    return undefined;
  }
  const capAmount = c.cap === undefined ? undefined : exactValue(ctx, c.cap.amount, 'a cap');
  const taperAbove = c.taper === undefined ? undefined : exactValue(ctx, c.taper.above, 'a taper threshold');
  const taperRate = c.taper === undefined ? undefined : exactValue(ctx, c.taper.rate, 'a taper rate');
  if (tiers === undefined || bands === undefined) return undefined;
  if ((c.cap !== undefined && capAmount === undefined) || (c.taper !== undefined && (taperAbove === undefined || taperRate === undefined)))
    return undefined;
  return {
    kind: 'commission',
    id: c.id.value,
    title: title(c),
    method,
    on,
    tiers,
    bands,
    cap: capAmount === undefined || c.cap === undefined ? undefined : { amount: capAmount, per: c.cap.per },
    taper: taperAbove === undefined || taperRate === undefined ? undefined : { above: taperAbove, rate: taperRate },
  };
}

function checkSpiff(ctx: CheckContext, c: ComponentDef, source: SourceDef | undefined): ResolvedComponent | undefined {
  const from = dateValue(ctx, c.from);
  const to = dateValue(ctx, c.to);
  checkRange(ctx, from, c.to, to);
  if (c.to === undefined) {
    report(ctx, 'plan/spiff-without-end', c.id.span, `SPIFF \`${c.id.value}\` has no end date, so it never stops paying`, {
      hint: 'give it `to: YYYY-MM-DD`; a SPIFF is a short-term incentive',
    });
  }
  const amount = exactValue(ctx, c.amount, 'an amount');
  const rate = exactValue(ctx, c.rate, 'a rate');
  if ((c.amount === undefined) === (c.rate === undefined))
    missing(ctx, c, 'spiff', 'either `amount:` (per row) or `rate:` (on its credit)');
  if (c.where === undefined) missing(ctx, c, 'spiff', '`where:`, the condition on the rows it pays for');
  if (source === undefined || c.where === undefined) return undefined;
  const where = resolveRowFormula(ctx, c.where, source);
  checkCondition(ctx, where, c.where);
  const guards = c.guards.flatMap((g) => {
    if (g.when === undefined) return [];
    const when = resolveRowFormula(ctx, g.when, source);
    checkCondition(ctx, when, g.when);
    return [{ title: g.title ?? g.when.text, when }];
  });
  if (amount === undefined && rate === undefined) return undefined;
  return { kind: 'spiff', id: c.id.value, title: title(c), from, to, where, amount, rate, guards };
}

function checkBonus(ctx: CheckContext, c: ComponentDef): ResolvedComponent | undefined {
  const amount = exactValue(ctx, c.amount, 'an amount');
  if (c.amount === undefined) missing(ctx, c, 'bonus', '`amount:`, what it pays per period');
  if (c.when.length === 0) missing(ctx, c, 'bonus', '`when:`, the KPI conditions it pays on');
  const conditions = c.when.flatMap((w) => {
    if (w.kpi === undefined) return [];
    if (!ctx.resolved.kpis.has(w.kpi.value)) {
      reportUnknown(ctx, 'plan/unknown-kpi', w.kpi.span, 'KPI', w.kpi.value, ctx.resolved.kpis.keys());
      return [];
    }
    if (w.atLeast === undefined && w.atMost === undefined) {
      report(ctx, 'plan/misplaced-key', w.span, `the condition on \`${w.kpi.value}\` needs \`at_least:\` or \`at_most:\``);
      return [];
    }
    return [{ kpi: w.kpi.value, atLeast: exactValue(ctx, w.atLeast, 'a level'), atMost: exactValue(ctx, w.atMost, 'a level') }];
  });
  if (amount === undefined || conditions.length !== c.when.length) return undefined;
  return { kind: 'bonus', id: c.id.value, title: title(c), amount, conditions };
}

function checkDraw(ctx: CheckContext, c: ComponentDef): ResolvedComponent | undefined {
  const amount = exactValue(ctx, c.amount, 'an amount');
  if (c.amount === undefined) missing(ctx, c, 'draw', '`amount:`, the least it pays per period');
  const from = dateValue(ctx, c.from);
  const to = dateValue(ctx, c.to);
  checkRange(ctx, from, c.to, to);
  if (amount === undefined) return undefined;
  return { kind: 'draw', id: c.id.value, title: title(c), amount, from, to, recoverable: c.recoverable };
}

function checkClawback(
  ctx: CheckContext,
  c: ComponentDef,
  source: SourceDef | undefined,
  others: readonly ComponentDef[],
): ResolvedComponent | undefined {
  if (c.trigger === undefined) missing(ctx, c, 'clawback', "`trigger:`, the condition that claws pay back (e.g. `stage = 'Cancelled'`)");
  if (c.date === undefined) missing(ctx, c, 'clawback', '`date:`, the date column of the trigger');
  if (c.within === undefined) missing(ctx, c, 'clawback', '`within:`, the window in days after the credit date');
  const paying = others.filter((o) => o.type?.value === 'commission' || o.type?.value === 'spiff').map((o) => o.id.value);
  for (const o of c.of) {
    if (!paying.includes(o.value)) reportUnknown(ctx, 'plan/misplaced-key', o.span, 'commission or SPIFF component', o.value, paying);
  }
  if (source === undefined || c.trigger === undefined || c.date === undefined || c.within === undefined) return undefined;
  const trigger = resolveRowFormula(ctx, c.trigger, source);
  checkCondition(ctx, trigger, c.trigger);
  const column = source.columns.get(c.date.value);
  if (column === undefined) {
    reportUnknown(ctx, 'plan/unknown-column', c.date.span, `column of \`${source.id}\``, c.date.value, source.columns.keys());
    return undefined;
  }
  if (column.type.value !== 'date' && column.type.value !== 'timestamp') {
    report(
      ctx,
      'plan/unknown-column',
      c.date.span,
      `the trigger date must be a date column, but \`${source.id}.${c.date.value}\` is ${column.type.value}`,
    );
    return undefined;
  }
  const term = c.term === undefined ? undefined : resolveRowFormula(ctx, c.term, source);
  if (term !== undefined && c.term !== undefined && term.type !== 'number' && term.type !== 'error')
    report(ctx, 'resolve/type-mismatch', c.term.node.span, `the term \`${c.term.text}\` must be a number of months`);
  return {
    kind: 'clawback',
    id: c.id.value,
    title: title(c),
    trigger,
    date: column.name,
    within: c.within.value,
    term,
    of: c.of.length > 0 ? c.of.map((o) => o.value) : paying,
  };
}

/** Checks one component; undefined when it cannot be computed. */
export function checkComponent(
  ctx: CheckContext,
  c: ComponentDef,
  context: { readonly source: SourceDef | undefined; readonly hasQuota: boolean; readonly components: readonly ComponentDef[] },
): ResolvedComponent | undefined {
  const type = c.type?.value;
  if (type === undefined) return undefined;
  checkKeys(ctx, c, type);
  switch (type) {
    case 'commission':
      return checkCommission(ctx, c, context.hasQuota);
    case 'spiff':
      return checkSpiff(ctx, c, context.source);
    case 'bonus':
      return checkBonus(ctx, c);
    case 'draw':
      return checkDraw(ctx, c);
    case 'clawback':
      return checkClawback(ctx, c, context.source, context.components);
    default: {
      const never: never = type;
      return never;
    }
  }
}
