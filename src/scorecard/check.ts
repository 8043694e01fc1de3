/**
 * The scorecard phase's checks: after resolve, every hierarchy (src/org/) and the judgement
 * settings of every KPI (src/targets/) are checked, then every scorecard (variants merged into
 * their base) and role is checked and resolved against them. `kpic validate` reports what this
 * finds; `kpic scorecard` evaluates what it returns.
 */
import { dedupeDiagnostics, sortDiagnostics, type PhaseResult } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { readPercent } from '../model/build-performance.js';
import type { Located, YNode } from '../model/types.js';
import { checkHierarchies } from '../org/check-hierarchy.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import { resolveLevelCondition } from '../org/level-condition.js';
import {
  checkCondition,
  createCheckContext,
  report,
  reportUnknown,
  resolveRowFormula,
  type CheckContext,
} from '../resolve/check-context.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { checkPerformance } from '../targets/check-performance.js';
import type { KpiPerformance } from '../targets/settings.js';
import { buildScorecardDocuments } from './build.js';
import { checkBody, type BodyOwner } from './check-body.js';
import { mergeBodies } from './merge-variant.js';
import type { RoleDef, ScorecardDef } from './model.js';
import type { ResolvedScorecard, ScorecardCatalog } from './resolved.js';

interface Checked {
  readonly ctx: CheckContext;
  /** Ids of every hierarchy document, sound or not. */
  readonly written: ReadonlySet<string>;
  readonly hierarchies: ReadonlyMap<string, ResolvedHierarchy>;
  readonly performance: ReadonlyMap<string, KpiPerformance>;
}

function hierarchyOf(c: Checked, located: Located<string> | undefined): ResolvedHierarchy | undefined {
  if (located === undefined) return undefined;
  const h = c.hierarchies.get(located.value);
  if (h === undefined && !c.written.has(located.value))
    reportUnknown(c.ctx, 'scorecard/unknown-hierarchy', located.span, 'hierarchy', located.value, c.written);
  return h;
}

function checkLevels(c: Checked, s: ScorecardDef, h: ResolvedHierarchy): string[] {
  const names = h.levels.map((l) => l.name);
  if (s.levels === undefined) return names.slice(0, -1);
  const out: string[] = [];
  for (const l of s.levels) {
    if (names.includes(l.value)) out.push(l.value);
    else {
      report(c.ctx, 'scorecard/unknown-level', l.span, `\`${l.value}\` is not a level of hierarchy \`${h.id}\``, {
        hint: didYouMean(l.value, names) ?? `levels: ${names.join(', ')}`,
      });
    }
  }
  return out;
}

function checkScorecard(
  c: Checked,
  s: ScorecardDef,
  all: ReadonlyMap<string, ScorecardDef>,
  done: ReadonlyMap<string, ResolvedScorecard | undefined>,
): ResolvedScorecard | undefined {
  const { ctx } = c;
  let base: ScorecardDef | undefined;
  if (s.extends !== undefined) {
    base = all.get(s.extends.value);
    if (base === undefined) {
      reportUnknown(
        ctx,
        'scorecard/unknown-scorecard',
        s.extends.span,
        'scorecard',
        s.extends.value,
        [...all.keys()].filter((k) => k !== s.id),
      );
      return undefined;
    }
    if (base.extends !== undefined) {
      report(
        ctx,
        'scorecard/bad-variant',
        s.extends.span,
        `\`${base.id}\` is itself a variant of \`${base.extends.value}\`; a variant extends a scorecard that is not one`,
        {
          hint: `extend \`${base.extends.value}\` and repeat the changes of \`${base.id}\` that should apply`,
        },
      );
      return undefined;
    }
    if (s.appliesTo === undefined) {
      report(
        ctx,
        'scorecard/bad-variant',
        s.doc.kindSpan,
        `variant \`${s.id}\` needs \`applies_to:\`, the nodes it scores instead of \`${base.id}\`, e.g. \`applies_to: region = 'EMEA'\``,
      );
    }
    if (s.hierarchy !== undefined && s.hierarchy.value !== base.hierarchy?.value) {
      report(
        ctx,
        'scorecard/bad-variant',
        s.hierarchy.span,
        `a variant scores the hierarchy of its base (\`${base.hierarchy?.value ?? '?'}\`); remove \`hierarchy:\``,
      );
    }
  } else {
    if (s.appliesTo !== undefined)
      report(ctx, 'scorecard/bad-variant', s.appliesTo.node.span, '`applies_to` belongs to variants (scorecards with `extends`)');
    if (s.hierarchy === undefined) {
      report(ctx, 'schema/missing-key', s.doc.kindSpan, `missing key \`hierarchy\` in scorecard \`${s.id}\``, {
        hint: 'add `hierarchy:` — the hierarchy whose levels it scores (or `extends:` to make it a variant)',
      });
      return undefined;
    }
  }
  const h = hierarchyOf(c, (base ?? s).hierarchy);
  const merged = base === undefined ? { body: s.body, strays: [], wroteWeight: true } : mergeBodies(base.body, s.body);
  for (const stray of merged.strays) {
    report(ctx, 'scorecard/bad-variant', stray.span, `\`${stray.kpi}\` is not on \`${base?.id ?? ''}\`, so there is nothing to remove`);
  }
  if (h === undefined) return undefined;
  const levelNames = h.levels.map((l) => l.name);
  const appliesTo =
    base === undefined || s.appliesTo === undefined ? undefined : resolveLevelCondition(ctx, s.appliesTo, levelNames.slice(1), h.id);
  const levels = checkLevels(c, s.levels !== undefined || base === undefined ? s : base, h);
  const rollup = s.rollupWeight ?? base?.rollupWeight;
  if (rollup !== undefined && !ctx.resolved.kpis.has(rollup.value) && !ctx.resolved.catalog.clashes.has(rollup.value))
    reportUnknown(ctx, 'scorecard/unknown-kpi', rollup.span, 'KPI', rollup.value, ctx.env.index.kpis);
  // A variant of a broken base would repeat the base's errors (and their consequences): its
  // merged content is checked once the base is right.
  if (base !== undefined && done.get(base.id) === undefined) return undefined;
  const owner: BodyOwner = {
    kind: 'scorecard',
    id: s.id,
    span: s.doc.idSpan,
    levels: levelNames.slice(1),
    isVariant: base !== undefined,
    checkTotals: merged.wroteWeight,
  };
  const body = checkBody(ctx, owner, merged.body, c.performance);
  if (body === undefined || (base !== undefined && appliesTo === undefined)) return undefined;
  return {
    kind: 'scorecard',
    id: s.id,
    title: s.title ?? base?.title ?? s.id,
    hierarchy: h.id,
    levels,
    base: base?.id,
    appliesTo,
    rollupWeight: rollup !== undefined && ctx.resolved.kpis.has(rollup.value) ? rollup.value : undefined,
    body,
  };
}

function checkRole(c: Checked, r: RoleDef): ResolvedScorecard | undefined {
  const { ctx } = c;
  const h = hierarchyOf(c, r.hierarchy);
  const levelNames = h?.levels.map((l) => l.name) ?? [];
  const owner: BodyOwner = { kind: 'role', id: r.id, span: r.doc.idSpan, levels: levelNames.slice(1), isVariant: false, checkTotals: true };
  const source = h === undefined ? undefined : ctx.resolved.catalog.sources.get(h.source);
  const members = r.members === undefined || source === undefined ? undefined : resolveRowFormula(ctx, r.members, source);
  if (members !== undefined && r.members !== undefined) checkCondition(ctx, members, r.members);
  const body = checkBody(ctx, owner, r.body, c.performance);
  const memberLevel = levelNames[levelNames.length - 1];
  if (h === undefined || body === undefined || members === undefined || members.type !== 'boolean' || memberLevel === undefined)
    return undefined;
  return { kind: 'role', id: r.id, title: r.title ?? r.id, hierarchy: h.id, levels: [memberLevel], members, body };
}

/** Keys whose values are numbers or percentages (weights are checked with their sums). */
const NUMBER_KEYS: ReadonlySet<string> = new Set(['growth', 'cap', 'red_flag', 'goal']);

/** Reports numbers written as text that are not percentages (`growth: 12 percent`). */
function checkWrittenNumbers(ctx: CheckContext, node: YNode, parentKey: string | undefined): void {
  if (node.kind === 'seq') node.items.forEach((i) => checkWrittenNumbers(ctx, i, parentKey));
  if (node.kind !== 'map') return;
  for (const e of node.entries) {
    const numeric = NUMBER_KEYS.has(e.key) || parentKey === 'seasonal';
    if (numeric && e.value.kind === 'scalar' && typeof e.value.value === 'string' && readPercent(e.value) === 'bad') {
      report(ctx, 'scorecard/bad-number', e.value.span, `\`${e.key}: ${e.value.value}\` must be a number or a percentage such as \`12%\``);
    }
    checkWrittenNumbers(ctx, e.value, e.key);
  }
}

/**
 * Checks the hierarchies, scorecards and roles of a resolved catalog, and the performance
 * settings of its KPIs. Goes on after errors; a scorecard with errors is left out of the value.
 */
export function checkScorecards(resolved: ResolvedCatalog): PhaseResult<ScorecardCatalog> {
  const ctx = createCheckContext(resolved);
  const docs = buildScorecardDocuments(resolved.catalog);
  for (const doc of resolved.catalog.documents) {
    if (doc.kind === 'kpi' || doc.kind === 'scorecard' || doc.kind === 'role') checkWrittenNumbers(ctx, doc.tree, undefined);
  }
  const performance = checkPerformance(ctx);
  const hierarchies = checkHierarchies(ctx);
  const written = new Set(resolved.catalog.documents.filter((d) => d.kind === 'hierarchy').map((d) => d.id));
  const c: Checked = { ctx, written, hierarchies, performance };
  const scorecards = new Map<string, ResolvedScorecard>();
  const done = new Map<string, ResolvedScorecard | undefined>();
  // Bases first, so a variant knows whether its base is sound.
  const ordered = [...docs.scorecards.values()].sort((a, b) => Number(a.extends !== undefined) - Number(b.extends !== undefined));
  for (const s of ordered) {
    const r = checkScorecard(c, s, docs.scorecards, done);
    done.set(s.id, r);
    if (r !== undefined) scorecards.set(s.id, r);
  }
  const roles = new Map<string, ResolvedScorecard>();
  for (const r of docs.roles.values()) {
    const role = checkRole(c, r);
    if (role !== undefined) roles.set(r.id, role);
  }
  return { value: { hierarchies, scorecards, roles, performance }, diagnostics: sortDiagnostics(dedupeDiagnostics(ctx.env.diagnostics)) };
}
