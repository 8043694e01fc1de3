/**
 * Validation of hierarchies, scorecards, roles and the performance fields of KPIs: every new
 * diagnostic with its exact file, line and column, as `kpic validate` reports them.
 */
import { describe, expect, it } from 'vitest';
import { lineColumnOf } from '../../src/diagnostics/span.js';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { BASE_CATALOG, MAIN_SCORECARD } from './fixture.js';

interface Expected {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly file?: string;
  readonly hint?: string;
}

interface Case {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly errors: readonly Expected[];
  /** A substring of one diagnostic's message. */
  readonly message?: string;
}

const sc = (body: string): string => `scorecard: a\nhierarchy: org\n${body}`;

const cases: readonly Case[] = [
  {
    name: 'perspective weights that add up to 90%, reported at `perspectives`',
    files: {
      'x.yaml': sc(
        'perspectives:\n  financial:\n    weight: 60%\n    kpis:\n      - kpi: bookings\n  customer:\n    weight: 30%\n    kpis:\n      - kpi: satisfaction\n',
      ),
    },
    errors: [{ code: 'scorecard/weights', line: 3, column: 1 }],
    message: 'the perspective weights of scorecard `a` add up to 90%, not 100% (financial 60% + customer 30%)',
  },
  {
    name: 'KPI weights that add up to 90%, reported at the perspective’s `kpis`',
    files: {
      'x.yaml': sc(
        'perspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: bookings\n        weight: 50%\n      - kpi: quota\n        weight: 40%\n        target: 1000\n',
      ),
    },
    errors: [{ code: 'scorecard/weights', line: 6, column: 5 }],
    message: 'the KPI weights of `financial` add up to 90%, not 100% (bookings 50% + quota 40%)',
  },
  {
    name: 'malformed weights and a KPI without a weight among weighted ones',
    files: {
      'x.yaml': sc(
        'perspectives:\n  financial:\n    weight: 100\n    kpis:\n      - kpi: bookings\n        weight: 40 percent\n      - kpi: quota\n        target: 1000\n',
      ),
    },
    errors: [
      { code: 'scorecard/bad-weight', line: 5, column: 13, hint: 'did you mean `100%`?' },
      { code: 'scorecard/bad-weight', line: 8, column: 17 },
      { code: 'scorecard/bad-weight', line: 9, column: 14 },
    ],
  },
  {
    name: 'a perspective without a weight',
    files: { 'x.yaml': sc('perspectives:\n  financial:\n    kpis:\n      - kpi: bookings\n') },
    errors: [{ code: 'scorecard/bad-weight', line: 4, column: 3 }],
  },
  {
    name: 'an unknown KPI, with the nearest suggested',
    files: { 'x.yaml': sc('perspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: bookngs\n') },
    errors: [{ code: 'scorecard/unknown-kpi', line: 7, column: 14, hint: 'did you mean `bookings`?' }],
  },
  {
    name: 'a KPI listed twice',
    files: {
      'x.yaml': sc(
        'perspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: bookings\n        weight: 50%\n      - kpi: bookings\n        weight: 50%\n',
      ),
    },
    errors: [{ code: 'scorecard/duplicate-kpi', line: 9, column: 14 }],
  },
  {
    name: 'a perspective with no KPIs',
    files: { 'x.yaml': sc('perspectives:\n  financial:\n    weight: 100%\n    kpis: []\n') },
    errors: [{ code: 'scorecard/empty', line: 6, column: 5 }],
  },
  {
    name: 'an unknown hierarchy',
    files: { 'x.yaml': 'scorecard: a\nhierarchy: orgg\nperspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: bookings\n' },
    errors: [{ code: 'scorecard/unknown-hierarchy', line: 2, column: 12, hint: 'did you mean `org`?' }],
  },
  {
    name: 'an unknown level in `levels`',
    files: {
      'x.yaml': sc(
        'levels: [enterprise, teams]\nperspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: quota\n        target: 1000\n',
      ),
    },
    errors: [{ code: 'scorecard/unknown-level', line: 3, column: 22, hint: 'did you mean `team`?' }],
  },
  {
    name: 'a scorecard with neither hierarchy nor extends',
    files: { 'x.yaml': 'scorecard: a\nperspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: bookings\n' },
    errors: [{ code: 'schema/missing-key', line: 1, column: 1 }],
  },
  {
    name: 'a misspelt perspective is an unknown key',
    files: { 'x.yaml': sc('perspectives:\n  finance:\n    weight: 100%\n    kpis:\n      - kpi: bookings\n') },
    errors: [
      { code: 'scorecard/empty', line: 3, column: 1 },
      { code: 'schema/unknown-key', line: 4, column: 3 },
    ],
    message: 'unknown key `finance` in `perspectives` of scorecard `a`',
  },
  {
    name: 'a variant of an unknown scorecard',
    files: { 'm.yaml': MAIN_SCORECARD, 'x.yaml': "scorecard: v\nextends: mian\napplies_to: region = 'US'\n" },
    errors: [{ code: 'scorecard/unknown-scorecard', line: 2, column: 10, hint: 'did you mean `main`?' }],
  },
  {
    name: 'a variant without applies_to',
    files: {
      'm.yaml': MAIN_SCORECARD,
      'x.yaml':
        'scorecard: v\nextends: main\nperspectives:\n  financial:\n    kpis:\n      - kpi: bookings\n        thresholds: { green: 1.1, amber: 0.9 }\n',
    },
    errors: [{ code: 'scorecard/bad-variant', line: 1, column: 1 }],
  },
  {
    name: 'a variant whose condition names an unknown level',
    files: { 'm.yaml': MAIN_SCORECARD, 'x.yaml': "scorecard: v\nextends: main\napplies_to: regoin = 'US'\n" },
    errors: [{ code: 'scorecard/unknown-level', line: 3, column: 13, hint: 'did you mean `region`?' }],
  },
  {
    name: 'a variant that removes a KPI its base does not have, and one whose weights no longer add up',
    files: {
      'm.yaml': MAIN_SCORECARD,
      'x.yaml':
        "scorecard: v\nextends: main\napplies_to: region = 'US'\nperspectives:\n  internal_process:\n    kpis:\n      - kpi: won\n        weight: 20%\n        target: 4\n      - kpi: bookings\n        remove: true\n",
    },
    errors: [
      { code: 'scorecard/weights', line: 6, column: 5 },
      { code: 'scorecard/bad-variant', line: 10, column: 14 },
    ],
    message: 'the KPI weights of `internal_process` add up to 120%, not 100% (win_rate 60% + cycle 40% + won 20%)',
  },
  {
    name: 'a broken base is reported once, not again through each of its variants',
    files: {
      'm.yaml': MAIN_SCORECARD.replace('weight: 20%', 'weight: 25%'),
      'x.yaml':
        "scorecard: v\nextends: main\napplies_to: region = 'US'\nperspectives:\n  internal_process:\n    kpis:\n      - kpi: cycle\n        thresholds: { green: 0.9, amber: 0.8 }\n",
    },
    errors: [{ code: 'scorecard/weights', file: 'm.yaml', line: 5, column: 1 }],
    message: 'the perspective weights of scorecard `main` add up to 105%',
  },
  {
    name: 'scoring that cannot score: a cap below 100%, a goal equal to the red flag',
    files: {
      'x.yaml': sc(
        'scoring: { method: capped_attainment, cap: 90% }\nperspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: quota\n        scoring: { method: linear, red_flag: 1.0, goal: 1.0 }\n        target: 1000\n',
      ),
    },
    errors: [
      { code: 'scorecard/bad-scoring', line: 3, column: 44 },
      { code: 'scorecard/bad-scoring', line: 9, column: 57 },
    ],
  },
  {
    name: 'a lower-is-better value scored with the goal above the red flag',
    files: {
      'x.yaml': sc(
        'perspectives:\n  internal_process:\n    weight: 100%\n    kpis:\n      - kpi: cycle\n        scoring: { method: linear, on: value, red_flag: 20, goal: 60 }\n',
      ),
    },
    errors: [{ code: 'scorecard/bad-scoring', line: 8, column: 67 }],
    message: 'goal 60 against red flag 20: for a lower-is-better KPI the goal must be below the red flag',
  },
  {
    name: 'amber better than green',
    files: {
      'x.yaml': sc(
        'perspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: quota\n        thresholds: { green: 0.8, amber: 0.9 }\n        target: 1000\n',
      ),
    },
    errors: [{ code: 'scorecard/threshold-order', line: 8, column: 42 }],
  },
  {
    name: 'a growth that is neither a number nor a percentage',
    files: { 'k.yaml': 'kpi: k2\nformula: sum(amount)\ntarget:\n  history: 4 quarters\n  growth: 12 percent\n' },
    errors: [{ code: 'scorecard/bad-number', line: 5, column: 11 }],
  },
  {
    name: 'seasonal shares that add up to 80%',
    files: { 'k.yaml': 'kpi: k3\nformula: sum(amount)\ntarget: 100\nseasonal: { q1: 20%, q2: 20%, q3: 20%, q4: 20% }\n' },
    errors: [{ code: 'scorecard/bad-seasonal', line: 4, column: 11 }],
    message: 'seasonal shares add up to 80%, not 100%',
  },
  {
    name: 'seasonal shares that miss quarters',
    files: { 'k.yaml': 'kpi: k3\nformula: sum(amount)\ntarget: 100\nseasonal: { q1: 50%, q2: 50% }\n' },
    errors: [{ code: 'scorecard/bad-seasonal', line: 4, column: 11 }],
    message: 'seasonal shares must cover the whole year; missing q3, q4',
  },
  {
    name: 'a baseline history in weeks',
    files: { 'k.yaml': 'kpi: k4\nformula: sum(amount)\ntarget:\n  history: 2 weeks\n' },
    errors: [{ code: 'scorecard/bad-baseline', line: 4, column: 12 }],
  },
  {
    name: 'an exception on a KPI of two sources needs `source`',
    files: {
      'k.yaml': 'kpi: k5\nformula: sum(amount) / sum(quotas.quota)\nexceptions:\n  - rule: big\n    value: amount\n    above: 100\n',
    },
    errors: [{ code: 'scorecard/bad-exception', line: 4, column: 11 }],
  },
  {
    name: 'an exception rule listed twice, and one on an unknown source',
    files: {
      'k.yaml':
        'kpi: k6\nformula: sum(amount)\nexceptions:\n  - rule: big\n    value: amount\n    above: 100\n  - rule: big\n    value: amount\n    above: 200\n  - rule: other\n    source: oportunities\n    value: amount\n    above: 5\n',
    },
    errors: [
      { code: 'scorecard/bad-exception', line: 7, column: 11 },
      { code: 'scorecard/unknown-source', line: 11, column: 13, hint: 'did you mean `opportunities`?' },
    ],
  },
  {
    name: 'a hierarchy on an unknown source',
    files: { 'h.yaml': 'hierarchy: h2\nsource: asignments\nmember: rep_id\ndimension: rep\nlevels:\n  - level: all\n  - level: rep\n' },
    errors: [{ code: 'scorecard/unknown-source', line: 2, column: 9, hint: 'did you mean `assignments`?' }],
  },
  {
    name: 'a hierarchy with an unknown dimension, bad validity columns and malformed levels',
    files: {
      'h.yaml':
        'hierarchy: h3\nsource: assignments\nmember: rep_id\ndimension: reps\nvalid_from: valid_frm\nvalid_to: team\nlevels:\n  - level: all\n    value: region\n  - level: team\n  - level: team\n    label: rep.name\n',
    },
    errors: [
      { code: 'scorecard/unknown-dimension', line: 4, column: 12, hint: 'did you mean `rep`?' },
      { code: 'scorecard/unknown-column', line: 5, column: 13, hint: 'did you mean `valid_from`?' },
      { code: 'scorecard/unknown-column', line: 6, column: 11 },
      { code: 'scorecard/bad-hierarchy', line: 9, column: 12 },
      { code: 'scorecard/bad-hierarchy', line: 10, column: 12 },
      { code: 'scorecard/bad-hierarchy', line: 11, column: 12 },
    ],
  },
  {
    name: 'a role whose members condition names an unknown column, and one that is not a condition',
    files: {
      'r.yaml':
        "role: r1\nhierarchy: org\nmembers: rep.rol = 'AE'\nperspectives:\n  internal_process:\n    weight: 100%\n    kpis:\n      - kpi: win_rate\n---\nrole: r2\nhierarchy: org\nmembers: rep.name\nperspectives:\n  internal_process:\n    weight: 100%\n    kpis:\n      - kpi: win_rate\n",
    },
    errors: [
      { code: 'resolve/unknown-column', line: 3, column: 14 },
      { code: 'resolve/type-mismatch', line: 12, column: 10 },
    ],
  },
  {
    name: 'warnings: no target, a KPI under another perspective, almost all on lagging revenue',
    files: {
      'x.yaml': sc(
        'perspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: bookings\n        weight: 90%\n      - kpi: won\n        weight: 10%\n      - kpi: win_rate\n        weight: 0%\n',
      ),
    },
    errors: [
      { code: 'scorecard/lagging-heavy', line: 3, column: 1 },
      { code: 'scorecard/no-target', line: 9, column: 14 },
      { code: 'scorecard/perspective-mismatch', line: 11, column: 14 },
    ],
  },
  {
    name: 'a warning for an override whose scope names no level of the hierarchy',
    files: {
      'h.yaml':
        'hierarchy: h4\nsource: assignments\nmember: rep_id\ndimension: rep\nlevels:\n  - level: all\n  - level: area\n    value: region\n  - level: rep\n',
      'x.yaml': 'scorecard: b\nhierarchy: h4\nperspectives:\n  financial:\n    weight: 100%\n    kpis:\n      - kpi: bookings\n',
    },
    errors: [
      { code: 'scorecard/scope-not-a-level', file: 'kpis.yaml', line: 13, column: 5 },
      { code: 'scorecard/lagging-heavy', file: 'x.yaml', line: 3, column: 1 },
    ],
  },
];

function positions(files: Readonly<Record<string, string>>): {
  diagnostics: ReturnType<typeof checkCatalogFiles>['diagnostics'];
  got: Expected[];
} {
  const checked = checkCatalogFiles(new Map(Object.entries({ ...BASE_CATALOG, ...files })));
  const got = checked.diagnostics.map((d) => {
    const source = checked.catalog.files.get(d.span.file);
    if (source === undefined) throw new Error(`no text for ${d.span.file}`);
    const { line, column } = lineColumnOf(source, d.span.start);
    return { code: d.code, file: d.span.file, line, column, ...(d.hint === undefined ? {} : { hint: d.hint }) };
  });
  return { diagnostics: checked.diagnostics, got };
}

describe('the hand-made catalog is valid', () => {
  it('with the main scorecard', () => {
    expect(positions({ 'm.yaml': MAIN_SCORECARD }).got).toEqual([]);
  });
});

describe('scorecard diagnostics', () => {
  it.each(cases)('$name', ({ files, errors, message }) => {
    const { diagnostics, got } = positions(files);
    const file = Object.keys(files).find((f) => f !== 'm.yaml') ?? '';
    const want = errors.map((e) => ({ file: e.file ?? file, ...e }));
    // Hints are compared where the case names one.
    const shown = got.map((g, i) => (want[i]?.hint === undefined ? { code: g.code, file: g.file, line: g.line, column: g.column } : g));
    expect(shown).toEqual(
      want.map((w) =>
        w.hint === undefined
          ? { code: w.code, file: w.file, line: w.line, column: w.column }
          : { code: w.code, file: w.file, line: w.line, column: w.column, hint: w.hint },
      ),
    );
    if (message !== undefined) expect(diagnostics.map((d) => d.message).join('\n')).toContain(message);
  });
});
