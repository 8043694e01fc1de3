/**
 * Validation of scorecards and roles (with the judgement settings written on their entries):
 * every diagnostic with its exact file, line and column, as `kpic validate` reports them.
 * Hierarchies: test/org/check-hierarchy.test.ts; settings on KPIs: test/targets/.
 */
import { describe, expect, it } from 'vitest';
import { checkCases, diagnosticPositions, type Case } from './check-harness.js';
import { MAIN_SCORECARD } from './fixture.js';

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

describe('the hand-made catalog is valid', () => {
  it('with the main scorecard', () => {
    expect(diagnosticPositions({ 'm.yaml': MAIN_SCORECARD }).got).toEqual([]);
  });
});

checkCases('scorecard diagnostics', cases);
