/**
 * Scorecard expectations through `kpic test`, on the hand-made organisation of the scorecard
 * tests (test/scorecard/fixture.ts) given as CSV fixtures: overall score and status, KPI lines,
 * perspectives and children — the numbers are the ones computed by hand there.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { BASE_CATALOG, DATA, MAIN_SCORECARD, repRole } from '../scorecard/fixture.js';
import { cli, folder, type Folder } from '../cli/helpers.js';

const opened: Folder[] = [];
afterEach(() => {
  for (const f of opened.splice(0)) f.remove();
});

function workspace(testYaml: string): Folder {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries({ ...BASE_CATALOG, 'sc.yaml': MAIN_SCORECARD, 'role.yaml': repRole('ignore') }))
    files[`catalog/${name}`] = text;
  for (const [name, text] of Object.entries(DATA)) files[`catalog/tests/fixtures/${name}`] = text;
  files['catalog/tests/main.yaml'] = testYaml;
  const f = folder(files);
  opened.push(f);
  return f;
}

const FIXTURES = `fixtures:
  reps: fixtures/reps.csv
  assignments: fixtures/assignments.csv
  opportunities: fixtures/opportunities.csv
  quotas: fixtures/quotas.csv
  surveys: fixtures/surveys.csv
`;

// Q2 2025: bookings 690 of 800 (86.25%, amber, 8.625); win rate 5/8 against 50% (125%, green,
// capped at 12); cycle 35 days against 30 (lower is better: 30/35); internal process
// 0.6 × 12 + 0.4 × 300/35 = 372/35; satisfaction 22/3 → 55/6; overall
// 0.5 × 8.625 + 0.3 × 372/35 + 0.2 × 55/6 = 78409/8400 (amber). EU 7.85, US 10.74.
const PASSING = `test: main_scorecard
${FIXTURES}cases:
  - case: the whole organisation in Q2 2025
    expect:
      - scorecard: main
        period: 2025-Q2
        score: 78409/8400
        status: amber
        kpis:
          bookings: { value: 690, target: 800, attainment: 86.25%, status: amber, score: 8.625 }
          win_rate: { value: 5/8, attainment: 125%, status: green, score: 12 }
          cycle: { value: 35, attainment: 30/35, status: amber, score: 300/35 }
        perspectives:
          internal_process: { score: 372/35 }
        children:
          EU: { score: 7.85 }
          US: { score: 10.74 }
      - scorecard: main
        period: 2025-Q2
        at: region=US
        kpis:
          bookings: { value: 390, target: 320, status: green }
`;

describe('scorecard expectations', () => {
  test('pass when the report has the expected scores and statuses', async () => {
    const run = await cli(workspace(PASSING).root, ['test']);
    expect(run.stdout).toContain('✓ main_scorecard › the whole organisation in Q2 2025');
    expect(run.code).toBe(0);
  });

  test('a wrong status, a KPI the scorecard lacks and an unknown child fail with the lines that differ', async () => {
    const wrong = PASSING.replace('status: amber\n        kpis:', 'status: green\n        kpis:')
      .replace(
        '          cycle: { value: 35',
        '          satisfaction: { status: green }\n          quota: { value: 800 }\n          cycle: { value: 35',
      )
      .replace('          US: { score: 10.74 }', '          APAC: { score: 1 }');
    const run = await cli(workspace(wrong).root, ['test']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('catalog/tests/main.yaml:11:9: scorecard main, 2025-Q2: 4 of 20 cells differ');
    expect(run.stdout).toMatch(/✗ 11 +overall +9\.33440476190476 +green ≠ amber/);
    expect(run.stdout).toMatch(/✗ 18 +satisfaction +green ≠ amber/);
    expect(run.stdout).toContain('KPI `quota` is not on the scorecard that scores Hand Co');
    expect(run.stdout).toContain('no child `APAC` under Hand Co; its children: EU, US');
  });

  test('an unknown node is an error of the case, not a crash', async () => {
    const run = await cli(workspace(PASSING.replace('at: region=US', 'at: region=MARS')).root, ['test']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('! main_scorecard › the whole organisation in Q2 2025 (error)');
    expect(run.stdout).toMatch(
      /catalog\/tests\/main.yaml:24:9: scorecard main at region=MARS, 2025-Q2: could not be evaluated: no region `MARS`/,
    );
  });
});
