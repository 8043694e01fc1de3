/**
 * Alert documents checked: conditions compiled to json-rules-engine conditions over KPI facts,
 * and every problem reported at its place with the right code.
 */
import { describe, expect, it } from 'vitest';
import { checkAlerts } from '../../src/alerts/check.js';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import { ALERTS_CATALOG } from './fixture.js';

function check(alerts: string) {
  const checked = checkCatalogFiles(new Map(Object.entries({ ...ALERTS_CATALOG, 'alerts.yaml': alerts })));
  const found = checkAlerts(checked.resolved, checkScorecards(checked.resolved).value.hierarchies);
  const problems = checked.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${checked.catalog.files.get(d.span.file)?.text.slice(d.span.start, d.span.end)}: ${d.message}`);
  return { alerts: found.value, problems };
}

describe('alert conditions', () => {
  it('compile to engine conditions: facts must have values, comparisons against literals', () => {
    const { alerts, problems } = check(ALERTS_CATALOG['alerts.yaml'] ?? '');
    expect(problems).toEqual([]);
    const low = alerts.get('low_bookings');
    expect(low?.levels).toEqual([2]);
    expect(low?.when.condition).toEqual({
      all: [
        { fact: 'f0', operator: 'notEqual', value: null },
        { fact: 'f0', operator: 'lessThan', value: 150 },
      ],
    });
    expect(low?.escalate?.when.condition).toEqual({
      all: [
        { fact: 'e0', operator: 'notEqual', value: null },
        { fact: 'e0', operator: 'lessThan', value: 100 },
      ],
    });
    expect(low?.escalate).toMatchObject({ severity: 'critical', to: ['manager', 'next_manager', 'owner'], channels: ['ops'] });
    expect(alerts.get('red_bookings')?.when.facts.map((f) => [f.kind, f.text])).toEqual([['status', 'status(bookings)']]);
  });

  it('percentages, flipped comparisons, between, in, is null (the one fact that may be missing), and/or/not', () => {
    const { alerts, problems } = check(`alert: a
when: not (-15% >= growth(bookings, 1 quarter)) and (satisfaction between 1 and 5 or status(bookings) in ('amber', 'red') or satisfaction is null)
at: [region]
`);
    expect(problems).toEqual([]);
    const c = alerts.get('a')?.when.condition;
    expect(c).toEqual({
      all: [
        { fact: 'f0', operator: 'notEqual', value: null },
        { fact: 'f2', operator: 'notEqual', value: null },
        {
          all: [
            { not: { fact: 'f0', operator: 'lessThanInclusive', value: -0.15 } },
            {
              any: [
                {
                  all: [
                    { fact: 'f1', operator: 'greaterThanInclusive', value: 1 },
                    { fact: 'f1', operator: 'lessThanInclusive', value: 5 },
                  ],
                },
                { fact: 'f2', operator: 'in', value: ['amber', 'red'] },
                { fact: 'f1', operator: 'equal', value: null },
              ],
            },
          ],
        },
      ],
    });
  });

  it.each([
    ['when: bookings', 'alert/not-a-condition bookings: `bookings` is not a condition'],
    ['when: 1 < 2', 'alert/not-a-condition 1 < 2: this comparison has no KPI value in it: it is always true or always false'],
    ["when: status(nope) = 'red'", 'alert/unknown-reference nope: unknown KPI `nope`'],
    ['when: bookings < 1\nat: [teams]', 'alert/unknown-reference teams: `teams` is not a level of hierarchy `org`'],
    ['when: bookings < 1\nhierarchy: orgs', 'alert/unknown-reference orgs: unknown hierarchy `orgs`'],
  ])('%s is refused', (body, problem) => {
    expect(check(`alert: a\n${body}\n`).problems).toEqual([problem]);
  });

  it('an unknown KPI inside a value is the resolver’s own diagnostic', () => {
    expect(check('alert: a\nwhen: bookingz < 1\n').problems[0]).toMatch(/^resolve\/unknown-kpi bookingz/);
  });
});
